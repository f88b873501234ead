import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OwnerName } from '../../app/OwnerName';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useFormat } from '../../app/useFormat';
import type { ListField } from './fields';

/** A record's value of any list field, shown the way its kind wants (choice labels, owners, dates…). */
export function FieldValue({ field, value }: { field: ListField; value: unknown }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { workspace } = useCurrentSession();
  if (value === null || value === undefined || value === '') return null;
  const choice = (v: string) => field.choices?.find((c) => c.value === v)?.label ?? v;
  if (field.money && typeof value === 'number') return <>{format.money(value, workspace.defaultCurrency ?? 'CNY')}</>;
  switch (field.kind) {
    case 'select': {
      const color = field.colors?.[String(value)];
      return color ? <Tag color={color}>{choice(String(value))}</Tag> : <>{choice(String(value))}</>;
    }
    case 'multiselect':
      return <>{(Array.isArray(value) ? value : [value]).map((v) => <Tag key={String(v)}>{choice(String(v))}</Tag>)}</>;
    case 'member':
      return <OwnerName ownerId={String(value)} />;
    case 'date':
      return <>{/^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? format.day(String(value)) : format.date(String(value))}</>;
    case 'boolean':
      return <>{t(value === true || value === 'true' ? 'lists.yes' : 'lists.no')}</>;
    case 'number': {
      const text = typeof value === 'number' ? format.number(value) : String(value);
      const band = typeof value === 'number' ? field.bands?.find((b) => value >= b.min) : undefined;
      return band ? <Typography.Text strong style={{ color: band.color }}>{text}</Typography.Text> : <>{text}</>;
    }
    default:
      return <>{Array.isArray(value) ? value.join(', ') : String(value)}</>;
  }
}
