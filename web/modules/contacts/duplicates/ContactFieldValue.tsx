import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OwnerName } from '../../../app/OwnerName';
import type { Contact } from '../../../app/types';
import { useFormat } from '../../../app/useFormat';
import type { MergeField } from './mergeFields';

/** One field of a contact as shown when comparing duplicates (a dash when empty). */
export function ContactFieldValue({ contact, field }: { contact: Contact; field: MergeField }) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = contact[field];
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (field === 'ownerId') return <OwnerName ownerId={contact.ownerId} />;
  if (field === 'phone') return <>{format.phone(contact.phone)}</>;
  if (field === 'birthday') return <>{format.day(contact.birthday)}</>;
  if (field === 'lifecycleStage') return <>{t(`customers.lifecycle.${value}`, { defaultValue: value })}</>;
  return <>{value}</>;
}
