import { Descriptions, Tag, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OwnerName } from '../../app/OwnerName';
import type { Contact } from '../../app/types';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useFormat } from '../../app/useFormat';
import { formatAddress } from '../../ui/formatAddress';
import { PhoneLink } from '../../ui/PhoneLink';

const HANDLE_NAMES: Record<string, string> = {
  qq: 'QQ',
  whatsapp: 'WhatsApp',
  line: 'LINE',
  telegram: 'Telegram',
  linkedin: 'LinkedIn',
  weibo: 'Weibo',
  twitter: 'X (Twitter)',
};

/** Every field of a contact: the main ones always, the further ones (other phones, addresses…) when filled in. */
export function ContactDetails({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { workspace } = useCurrentSession();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const phoneLink = (phone: string) => <PhoneLink key={phone} phone={phone} block />;
  const emailLink = (email: string) => (
    <a key={email} href={`mailto:${email}`} style={{ display: 'block' }}>
      {email}
    </a>
  );

  const main: DescriptionsProps['items'] = [
    { key: 'name', label: t('fields.name'), children: contact.name },
    { key: 'company', label: t('fields.company'), children: contact.company ?? none },
    { key: 'title', label: t('fields.jobTitle'), children: contact.title ?? none },
    { key: 'email', label: t('fields.email'), children: contact.email ? emailLink(contact.email) : none },
    { key: 'phone', label: t('fields.phone'), children: contact.phone ? phoneLink(contact.phone) : none },
    { key: 'owner', label: t('fields.ownerId'), children: <OwnerName ownerId={contact.ownerId} /> },
  ];

  const further: [key: string, label: string, value: ReactNode, filled: boolean][] = [
    ['department', t('fields.department'), contact.department, Boolean(contact.department)],
    ['otherEmails', t('fields.otherEmails'), contact.otherEmails?.map(emailLink), Boolean(contact.otherEmails?.length)],
    ['otherPhones', t('fields.otherPhones'), contact.otherPhones?.map(phoneLink), Boolean(contact.otherPhones?.length)],
    ['wechatId', t('fields.wechatId'), contact.wechatId, Boolean(contact.wechatId)],
    [
      'handles',
      t('fields.handles'),
      contact.handles?.map((h, i) => (
        <div key={i}>
          <Typography.Text type="secondary">{HANDLE_NAMES[h.type] ?? t('customers.handleOther')}:</Typography.Text> {h.value}
        </div>
      )),
      Boolean(contact.handles?.length),
    ],
    ['birthday', t('fields.birthday'), format.day(contact.birthday), Boolean(contact.birthday)],
    [
      'addresses',
      t('fields.addresses'),
      contact.addresses?.map((a, i) => (
        <div key={i}>
          <Typography.Text type="secondary">{t(`customers.addressKind.${a.kind}`, { defaultValue: a.kind })}:</Typography.Text>{' '}
          {formatAddress(a, workspace.defaultCountry)}
        </div>
      )),
      Boolean(contact.addresses?.length),
    ],
    ['tags', t('fields.tags'), contact.tags?.map((tag) => <Tag key={tag}>{tag}</Tag>), Boolean(contact.tags?.length)],
    ['source', t('fields.source'), contact.source, Boolean(contact.source)],
    [
      'lifecycleStage',
      t('fields.lifecycleStage'),
      contact.lifecycleStage && t(`customers.lifecycle.${contact.lifecycleStage}`, { defaultValue: contact.lifecycleStage }),
      Boolean(contact.lifecycleStage),
    ],
  ];

  const bookkeeping: DescriptionsProps['items'] = [
    { key: 'createdAt', label: t('fields.createdAt'), children: format.dateTime(contact.createdAt) },
    { key: 'updatedAt', label: t('fields.updatedAt'), children: format.dateTime(contact.updatedAt) },
    {
      key: 'id',
      label: t('fields.id'),
      children: (
        <Typography.Text code copyable={{ text: contact.id }}>
          {contact.id}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, sm: 1, md: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="contact-details"
      items={[
        ...main,
        ...further.filter(([, , , filled]) => filled).map(([key, label, children]) => ({ key, label, children })),
        ...bookkeeping,
      ]}
    />
  );
}
