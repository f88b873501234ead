import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_TYPES, LIFECYCLE_STAGES } from '../../../contracts/customers';
import { ListFilters } from '../../ui/ListFilters';
import { SORTS, TEXT_FIELDS, type AccountListParams } from './useAccountListParams';

interface AccountsFiltersProps {
  value: AccountListParams;
  onChange: (patch: Partial<AccountListParams>) => void;
}

const SORT_LABELS = { '-createdAt': 'list.sortNewest', createdAt: 'list.sortOldest', name: 'list.sortNameAsc', '-name': 'list.sortNameDesc' } as const;

/** Above the accounts list: whose, a text filter, the type and the lifecycle stage, and the order. */
export function AccountsFilters({ value, onChange }: AccountsFiltersProps) {
  const { t } = useTranslation();
  return (
    <ListFilters
      value={value}
      onChange={onChange}
      testIdPrefix="accounts"
      fields={TEXT_FIELDS.map((field) => ({ value: field, label: t(field === 'name' ? 'fields.accountName' : `fields.${field}`) }))}
      sorts={SORTS.map((sort) => ({ value: sort, label: t(SORT_LABELS[sort]) }))}
    >
      <Select
        value={value.type || undefined}
        onChange={(type?: string) => onChange({ type: type ?? '' })}
        allowClear
        placeholder={t('fields.type')}
        aria-label={t('fields.type')}
        data-testid="accounts-filter-type"
        popupMatchSelectWidth={false}
        style={{ minWidth: 110 }}
        options={ACCOUNT_TYPES.map((v) => ({ value: v, label: t(`accounts.types.${v}`) }))}
      />
      <Select
        value={value.stage || undefined}
        onChange={(stage?: string) => onChange({ stage: stage ?? '' })}
        allowClear
        placeholder={t('fields.lifecycleStage')}
        aria-label={t('fields.lifecycleStage')}
        popupMatchSelectWidth={false}
        style={{ minWidth: 130 }}
        options={LIFECYCLE_STAGES.map((v) => ({ value: v, label: t(`customers.lifecycle.${v}`) }))}
      />
    </ListFilters>
  );
}
