import { ArrowRightOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OwnerName } from '../../app/OwnerName';
import type { AuditEntry } from '../../app/types';
import { useFormat } from '../../app/useFormat';
import { useSession } from '../../app/useSession';
import { formatAddress, type AddressParts } from '../../ui/formatAddress';

const MAX = 80;

/** One value as text: lists joined, objects as their values; null when empty. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length ? value.map((item) => asText(item) ?? '').join(', ') : null;
  if (typeof value === 'object') return Object.values(value).filter((v) => v !== null && v !== '').map(String).join(' ') || null;
  return String(value);
}

function show(value: unknown): string | null {
  const text = asText(value);
  if (text === null) return null;
  if (text.startsWith('data:')) return text.slice(0, text.indexOf(',') + 1) + '…';
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}

/** The changed fields of one audit entry: field: old → new, with the field's label where there is one. */
export function AuditChanges({ changes }: { changes: AuditEntry['changes'] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const country = useSession().data?.workspace.defaultCountry;
  // "nothing → empty list" is no change to a reader.
  const fields = Object.entries(changes ?? {}).filter(([, change]) => show(change?.old) !== null || show(change?.new) !== null);
  if (fields.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const empty = <Typography.Text type="secondary">{t('audit.none')}</Typography.Text>;

  // Values stored for machines (E.164 phones, ISO dates, enum values, address objects) as people write them.
  const readable = (field: string, raw: unknown): string | null => {
    if (field === 'phone' && typeof raw === 'string') return format.phone(raw);
    if (field === 'otherPhones' && Array.isArray(raw)) return raw.map((p) => format.phone(String(p))).join(', ');
    if (field === 'birthday' && typeof raw === 'string') return format.day(raw);
    if (field === 'lifecycleStage' && typeof raw === 'string') return t(`customers.lifecycle.${raw}`, { defaultValue: raw });
    if (field === 'addresses' && Array.isArray(raw)) return show(raw.map((a: AddressParts) => formatAddress(a, country)).join('; '));
    if (field === 'handles' && Array.isArray(raw)) return show(raw.map((h: { type: string; value: string }) => `${h.type}: ${h.value}`).join(', '));
    return null;
  };

  // Owners are members (shown by name).
  const value = (field: string, raw: unknown, old: boolean): ReactNode => {
    if (show(raw) === null) return empty;
    if (field === 'ownerId' && typeof raw === 'string') {
      return (
        <span style={{ display: 'inline-block', verticalAlign: 'middle', textDecoration: old ? 'line-through' : undefined }}>
          <OwnerName ownerId={raw} size={16} />
        </span>
      );
    }
    const text = readable(field, raw) ?? show(raw);
    return old ? <Typography.Text delete>{text}</Typography.Text> : text;
  };

  return (
    <div style={{ maxWidth: 480 }} data-testid="audit-changes">
      {fields.map(([field, change]) => (
        <div key={field} style={{ wordBreak: 'break-word' }}>
          <Typography.Text strong>{i18n.exists(`fields.${field}`) ? t(`fields.${field}`) : field}</Typography.Text>:{' '}
          {value(field, change?.old, true)} <ArrowRightOutlined style={{ fontSize: 11 }} /> {value(field, change?.new, false)}
        </div>
      ))}
    </div>
  );
}
