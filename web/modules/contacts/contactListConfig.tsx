import { LIFECYCLE_STAGES } from '../../../contracts/customers';
import type { Contact } from '../../app/types';
import type { ListConfig } from '../../ui/lists/listConfig';
import { PhoneLink } from '../../ui/PhoneLink';
import { TagList } from '../../ui/TagList';

const lifecycle = LIFECYCLE_STAGES.map((value) => ({ value, labelKey: `customers.lifecycle.${value}` }));

/** The contacts list (/contacts): what RecordList needs to know beyond the API. */
export const contactListConfig: ListConfig<Contact> = {
  objectType: 'contacts',
  path: '/contacts',
  testIdPrefix: 'contacts',
  recordUrl: (row) => `/contacts/${row.id}`,
  defaultSort: '-createdAt',
  textFields: [
    { value: 'name', labelKey: 'fields.name' },
    { value: 'company', labelKey: 'fields.company' },
    { value: 'email', labelKey: 'fields.email' },
    { value: 'title', labelKey: 'fields.jobTitle' },
  ],
  fields: {
    title: { labelKey: 'fields.jobTitle' },
    lifecycleStage: { choices: lifecycle },
  },
  columns: [
    { key: 'name', width: 200 },
    { key: 'company', width: 200 },
    { key: 'title', titleKey: 'fields.jobTitle', width: 150 },
    { key: 'email', width: 220, render: (row) => row.email && <a href={`mailto:${row.email}`}>{row.email}</a> },
    { key: 'phone', width: 160, render: (row) => <PhoneLink phone={row.phone} /> },
    { key: 'lifecycleStage', width: 130 },
    { key: 'tags', width: 180, render: (row) => <TagList tags={row.tags} /> },
    { key: 'ownerId', width: 150 },
    { key: 'createdAt', width: 130 },
    { key: 'department', shown: false },
    { key: 'source', shown: false },
    { key: 'wechatId', shown: false },
    { key: 'birthday', shown: false },
    { key: 'updatedAt', shown: false },
  ],
  kanbanFields: ['lifecycleStage'],
  bulkFields: ['lifecycleStage', 'source', 'company', 'department'],
  cardSubtitle: (row) => [row.company, row.title].filter(Boolean).join(' · '),
  texts: { emptyTitle: 'contacts.empty.title', emptyText: 'contacts.empty.text', noMatchTitle: 'contacts.noMatch.title', noMatchText: 'contacts.noMatch.text' },
};
