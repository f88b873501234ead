import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { OwnerName } from '../../app/OwnerName';
import { useFormat } from '../../app/useFormat';
import type { ListField } from './fields';

/** A record's value of any list field, shown the way its kind wants (choice labels, owners, dates…). */
export function FieldValue({ field, value }: { field: ListField; value: unknown }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (value === null || value === undefined || value === '') return null;
  const choice = (v: string) => field.choices?.find((c) => c.value === v)?.label ?? v;
  switch (field.kind) {
    case 'select':
      return <>{choice(String(value))}</>;
    case 'multiselect':
      return <>{(Array.isArray(value) ? value : [value]).map((v) => <Tag key={String(v)}>{choice(String(v))}</Tag>)}</>;
    case 'member':
      return <OwnerName ownerId={String(value)} />;
    case 'date':
      return <>{/^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? format.day(String(value)) : format.date(String(value))}</>;
    case 'boolean':
      return <>{t(value === true || value === 'true' ? 'lists.yes' : 'lists.no')}</>;
    case 'number':
      return <>{typeof value === 'number' ? format.number(value) : String(value)}</>;
    default:
      return <>{Array.isArray(value) ? value.join(', ') : String(value)}</>;
  }
}
