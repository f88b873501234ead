import { Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OwnerName } from '../../app/OwnerName';
import type { Account } from '../../app/types';
import { useFormat } from '../../app/useFormat';
import { PhoneLink } from '../../ui/PhoneLink';
import { useAccount } from './useAccount';

function ParentName({ id }: { id: string }) {
  const parent = useAccount(id);
  return <Link to={`/accounts/${id}`}>{parent.data?.name ?? '…'}</Link>;
}

/** Every field of an account; empty ones as a dash. */
export function AccountDetails({ account }: { account: Account }) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const or = (value: ReactNode) => (value === null || value === undefined || value === '' ? none : value);
  const website = account.website && (/^https?:\/\//.test(account.website) ? account.website : `https://${account.website}`);
  const items: [string, ReactNode][] = [
    ['name', account.name],
    ['type', t(`accounts.types.${account.type}`, { defaultValue: account.type })],
    ['industry', or(account.industry)],
    ['size', or(account.size)],
    ['tier', or(account.tier)],
    ['region', or(account.region)],
    ['website', website ? <a href={website} target="_blank" rel="noreferrer">{account.website}</a> : none],
    ['phone', account.phone ? <PhoneLink phone={account.phone} /> : none],
    ['email', account.email ? <a href={`mailto:${account.email}`}>{account.email}</a> : none],
    ['parentId', account.parentId ? <ParentName id={account.parentId} /> : none],
    ['creditStatus', account.creditStatus ? t(`accounts.credit.${account.creditStatus}`, { defaultValue: account.creditStatus }) : none],
    ['creditLimit', account.creditLimit === null ? none : format.money(account.creditLimit, account.currency ?? 'CNY')],
    ['tags', account.tags.length ? account.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : none],
    ['source', or(account.source)],
    ['lifecycleStage', account.lifecycleStage ? t(`customers.lifecycle.${account.lifecycleStage}`, { defaultValue: account.lifecycleStage }) : none],
    ['ownerId', <OwnerName key="owner" ownerId={account.ownerId} />],
    ['createdAt', format.dateTime(account.createdAt)],
    ['updatedAt', format.dateTime(account.updatedAt)],
  ];
  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, sm: 1, md: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="account-details"
      items={items.map(([key, children]) => ({ key, label: t(key === 'name' ? 'fields.accountName' : `fields.${key}`), children }))}
    />
  );
}
