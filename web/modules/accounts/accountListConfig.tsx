import { ACCOUNT_SIZES, ACCOUNT_TIERS, ACCOUNT_TYPES, CREDIT_STATUSES, LIFECYCLE_STAGES } from '../../../contracts/customers';
import type { Account } from '../../app/types';
import type { ListConfig } from '../../ui/lists/listConfig';
import { PhoneLink } from '../../ui/PhoneLink';
import { TagList } from '../../ui/TagList';
import { AccountTypeTag } from './AccountTypeTag';

/** The accounts list (/accounts): what RecordList needs to know beyond the API. */
export const accountListConfig: ListConfig<Account> = {
  objectType: 'accounts',
  path: '/accounts',
  testIdPrefix: 'accounts',
  recordUrl: (row) => `/accounts/${row.id}`,
  defaultSort: '-createdAt',
  textFields: [
    { value: 'name', labelKey: 'fields.accountName' },
    { value: 'industry', labelKey: 'fields.industry' },
    { value: 'region', labelKey: 'fields.region' },
  ],
  fields: {
    name: { labelKey: 'fields.accountName' },
    type: { choices: ACCOUNT_TYPES.map((value) => ({ value, labelKey: `accounts.types.${value}` })), required: true },
    tier: { choices: ACCOUNT_TIERS.map((value) => ({ value, label: value })) },
    size: { choices: ACCOUNT_SIZES.map((value) => ({ value, label: value })) },
    creditStatus: { choices: CREDIT_STATUSES.map((value) => ({ value, labelKey: `accounts.credit.${value}` })) },
    lifecycleStage: { choices: LIFECYCLE_STAGES.map((value) => ({ value, labelKey: `customers.lifecycle.${value}` })) },
    parentId: { kind: 'record', recordPath: '/accounts' },
  },
  columns: [
    { key: 'name', titleKey: 'fields.accountName', width: 220 },
    { key: 'type', width: 110, render: (row) => <AccountTypeTag type={row.type} /> },
    { key: 'industry', width: 140 },
    { key: 'region', width: 120 },
    { key: 'tier', width: 80 },
    { key: 'lifecycleStage', width: 130 },
    { key: 'tags', width: 180, render: (row) => <TagList tags={row.tags} /> },
    { key: 'ownerId', width: 150 },
    { key: 'createdAt', width: 130 },
    { key: 'size', shown: false },
    { key: 'phone', shown: false, render: (row) => <PhoneLink phone={row.phone} /> },
    { key: 'email', shown: false },
    { key: 'website', shown: false },
    { key: 'source', shown: false },
    { key: 'creditStatus', shown: false },
    { key: 'updatedAt', shown: false },
  ],
  kanbanFields: ['type', 'tier', 'lifecycleStage', 'creditStatus'],
  bulkFields: ['type', 'tier', 'lifecycleStage', 'industry', 'region', 'source', 'creditStatus', 'size'],
  cardSubtitle: (row) => [row.industry, row.region].filter(Boolean).join(' · '),
  texts: { emptyTitle: 'accounts.empty.title', emptyText: 'accounts.empty.text', noMatchTitle: 'accounts.noMatch.title', noMatchText: 'accounts.noMatch.text' },
};
