import { DISQUALIFY_REASONS, LEAD_STATUSES } from '../../../../contracts/sales';
import type { ListConfig } from '../../../ui/lists/listConfig';
import { PhoneLink } from '../../../ui/PhoneLink';
import { TagList } from '../../../ui/TagList';
import { LeadScore } from './LeadScore';
import { LeadStatusTag } from './LeadStatusTag';
import type { Lead } from './types';

/** The leads list (/leads) for RecordList. */
export const leadListConfig: ListConfig<Lead> = {
  objectType: 'leads',
  path: '/leads',
  testIdPrefix: 'leads',
  recordUrl: (row) => `/leads/${row.id}`,
  defaultSort: '-score',
  textFields: [
    { value: 'name', labelKey: 'fields.name' },
    { value: 'company', labelKey: 'fields.company' },
    { value: 'email', labelKey: 'fields.email' },
  ],
  fields: {
    name: { labelKey: 'fields.name' },
    score: { labelKey: 'leads.fields.score' },
    status: { labelKey: 'leads.fields.status', choices: LEAD_STATUSES.map((value) => ({ value, labelKey: `leads.status.${value}` })) },
    disqualifyReason: { labelKey: 'leads.fields.disqualifyReason', choices: DISQUALIFY_REASONS.map((value) => ({ value, labelKey: `leads.reasons.${value}` })) },
  },
  columns: [
    { key: 'name', titleKey: 'fields.name', width: 180 },
    { key: 'company', width: 180 },
    { key: 'score', titleKey: 'leads.fields.score', width: 130, render: (row) => <LeadScore score={row.score} /> },
    { key: 'status', titleKey: 'leads.fields.status', width: 110, render: (row) => <LeadStatusTag status={row.status} /> },
    { key: 'source', width: 120 },
    { key: 'ownerId', width: 140 },
    { key: 'createdAt', width: 120 },
    { key: 'title', shown: false },
    { key: 'email', shown: false },
    { key: 'phone', shown: false, render: (row) => <PhoneLink phone={row.phone} /> },
    { key: 'industry', shown: false },
    { key: 'region', shown: false },
    { key: 'tags', shown: false, render: (row) => <TagList tags={row.tags} /> },
    { key: 'updatedAt', shown: false },
  ],
  kanbanFields: ['status'],
  bulkFields: ['source', 'industry', 'region'],
  cardSubtitle: (row) => [row.company, row.title].filter(Boolean).join(' · '),
  texts: { emptyTitle: 'leads.empty.title', emptyText: 'leads.empty.text', noMatchTitle: 'leads.noMatch.title', noMatchText: 'leads.noMatch.text' },
};
