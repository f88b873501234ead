import { useTranslation } from 'react-i18next';
import { ListFilters } from '../../ui/ListFilters';
import { SORTS, TEXT_FIELDS, type ContactListParams } from './useContactListParams';

interface ContactsFiltersProps {
  value: ContactListParams;
  onChange: (patch: Partial<ContactListParams>) => void;
}

const FIELD_LABELS = { name: 'fields.name', company: 'fields.company', email: 'fields.email', title: 'fields.jobTitle' } as const;
const SORT_LABELS = {
  '-createdAt': 'list.sortNewest',
  createdAt: 'list.sortOldest',
  name: 'list.sortNameAsc',
  '-name': 'list.sortNameDesc',
} as const;

/** Above the contacts list: whose (mine / everyone's), a text filter on one field, and the order. */
export function ContactsFilters({ value, onChange }: ContactsFiltersProps) {
  const { t } = useTranslation();
  return (
    <ListFilters
      value={value}
      onChange={onChange}
      testIdPrefix="contacts"
      fields={TEXT_FIELDS.map((field) => ({ value: field, label: t(FIELD_LABELS[field]) }))}
      sorts={SORTS.map((sort) => ({ value: sort, label: t(SORT_LABELS[sort]) }))}
    />
  );
}
