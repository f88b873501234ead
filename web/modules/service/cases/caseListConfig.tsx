import { CASE_CHANNELS, CASE_PRIORITIES, CASE_STATUSES } from '../../../../contracts/service';
import { RecordLink } from '../../../app/RecordLink';
import type { ListConfig } from '../../../ui/lists/listConfig';
import { CasePriorityTag, CaseStatusTag } from './CaseTags';
import type { Case } from './types';
import { CaseNumber, CaseTypeName } from './CaseLabels';

/** The cases list (/cases) for RecordList: newest first, filters, views and columns in the URL. */
export const caseListConfig: ListConfig<Case> = {
  objectType: 'cases',
  path: '/cases',
  testIdPrefix: 'cases',
  recordUrl: (row) => `/cases/${row.id}`,
  defaultSort: '-createdAt',
  textFields: [{ value: 'subject', labelKey: 'cases.fields.subject' }],
  fields: {
    number: { labelKey: 'cases.fields.number' },
    subject: { labelKey: 'cases.fields.subject' },
    status: { labelKey: 'cases.fields.status', choices: CASE_STATUSES.map((value) => ({ value, labelKey: `cases.status.${value}` })) },
    priority: { labelKey: 'cases.fields.priority', choices: CASE_PRIORITIES.map((value) => ({ value, labelKey: `cases.priority.${value}` })) },
    channel: { labelKey: 'cases.fields.channel', choices: CASE_CHANNELS.map((value) => ({ value, labelKey: `cases.channel.${value}` })) },
    typeId: { labelKey: 'cases.fields.typeId' },
    queueId: { labelKey: 'cases.fields.queueId' },
    contactId: { labelKey: 'cases.fields.contactId' },
    accountId: { labelKey: 'cases.fields.accountId' },
    firstResponseAt: { labelKey: 'cases.fields.firstResponseAt' },
    resolvedAt: { labelKey: 'cases.fields.resolvedAt' },
    closedAt: { labelKey: 'cases.fields.closedAt' },
  },
  columns: [
    // The subject, under the name every record list links from its first column.
    { key: 'name', titleKey: 'cases.fields.subject', width: 260 },
    { key: 'number', titleKey: 'cases.fields.number', width: 120, render: (row) => <CaseNumber number={row.number} /> },
    { key: 'status', titleKey: 'cases.fields.status', width: 130, render: (row) => <CaseStatusTag status={row.status} /> },
    { key: 'priority', titleKey: 'cases.fields.priority', width: 100, render: (row) => <CasePriorityTag priority={row.priority} /> },
    { key: 'typeId', titleKey: 'cases.fields.typeId', width: 120, render: (row) => <CaseTypeName typeId={row.typeId} /> },
    { key: 'contactId', titleKey: 'cases.fields.contactId', width: 140, render: (row) => (row.contactId ? <RecordLink recordType="contact" id={row.contactId} /> : '—') },
    { key: 'ownerId', width: 140 },
    { key: 'createdAt', width: 140 },
    { key: 'channel', titleKey: 'cases.fields.channel', shown: false },
    { key: 'firstResponseAt', titleKey: 'cases.fields.firstResponseAt', shown: false },
    { key: 'resolvedAt', titleKey: 'cases.fields.resolvedAt', shown: false },
    { key: 'updatedAt', shown: false },
  ],
  kanbanFields: ['priority'],
  bulkFields: [],
  bulk: false,
  cardSubtitle: (row) => <CaseNumber number={row.number} />,
  texts: { emptyTitle: 'cases.empty.title', emptyText: 'cases.empty.text', noMatchTitle: 'cases.noMatch.title', noMatchText: 'cases.noMatch.text' },
};
