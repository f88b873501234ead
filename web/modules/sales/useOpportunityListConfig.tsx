import { Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FORECAST_CATEGORIES, STAGE_KINDS } from '../../../contracts/sales';
import { RecordLink } from '../../app/RecordLink';
import { useFormat } from '../../app/useFormat';
import type { ListConfig } from '../../ui/lists/listConfig';
import { TagList } from '../../ui/TagList';
import { pipelineName, reasonName, stageName } from './salesFormat';
import { StatusTag } from './StatusTag';
import type { CloseReason, Opportunity, Pipeline } from './types';

/**
 * The opportunities list (/opportunities) for RecordList: stages, pipelines and reasons are the workspace's own,
 * so their choices come with the data. It opens as the board; the table is the other mode.
 */
export function useOpportunityListConfig(pipelines: readonly Pipeline[], reasons: readonly CloseReason[]): ListConfig<Opportunity> {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const stages = pipelines.flatMap((p) => p.stages);
    const stageById = new Map(stages.map((s) => [s.id, s]));
    const label = (key: string) => `sales.fields.${key}`;
    return {
      objectType: 'opportunities',
      path: '/opportunities',
      testIdPrefix: 'opportunities',
      recordUrl: (row) => `/opportunities/${row.id}`,
      defaultSort: '-createdAt',
      defaultMode: 'kanban',
      textFields: [
        { value: 'name', labelKey: label('name') },
        { value: 'source', labelKey: 'fields.source' },
      ],
      fields: {
        name: { labelKey: label('name') },
        pipelineId: { labelKey: label('pipelineId'), choices: pipelines.map((p) => ({ value: p.id, label: pipelineName(p, t) })) },
        stageId: { labelKey: label('stageId'), choices: stages.map((s) => ({ value: s.id, label: pipelines.length > 1 ? `${stageName(s, t)} (${pipelineName(pipelines.find((p) => p.id === s.pipelineId)!, t)})` : stageName(s, t) })) },
        status: { labelKey: label('status'), choices: STAGE_KINDS.map((value) => ({ value, labelKey: `sales.status.${value}` })) },
        amount: { labelKey: label('amount') },
        currency: { labelKey: 'fields.currency' },
        closeDate: { labelKey: label('closeDate') },
        probability: { labelKey: label('probability') },
        forecastCategory: { labelKey: label('forecastCategory'), choices: FORECAST_CATEGORIES.map((value) => ({ value, labelKey: `sales.forecast.${value}` })) },
        accountId: { labelKey: label('accountId'), kind: 'record', recordPath: '/accounts' },
        contactId: { labelKey: label('contactId'), kind: 'record', recordPath: '/contacts' },
        closeReasonId: { labelKey: label('closeReasonId'), choices: reasons.map((r) => ({ value: r.id, label: reasonName(r, t) })) },
        stageEnteredAt: { labelKey: label('stageEnteredAt') },
      },
      columns: [
        { key: 'name', titleKey: label('name'), width: 240 },
        { key: 'stageId', titleKey: label('stageId'), width: 150, render: (row) => (stageById.has(row.stageId) ? stageName(stageById.get(row.stageId)!, t) : '') },
        { key: 'amount', titleKey: label('amount'), width: 150, render: (row) => format.money(row.amount, row.currency) },
        { key: 'closeDate', titleKey: label('closeDate'), width: 130, render: (row) => format.day(row.closeDate) },
        { key: 'probability', titleKey: label('probability'), width: 90, render: (row) => `${row.probability}%` },
        { key: 'status', titleKey: label('status'), width: 100, render: (row) => <StatusTag status={row.status} /> },
        { key: 'accountId', titleKey: label('accountId'), width: 180, render: (row) => row.accountId && <RecordLink recordType="account" id={row.accountId} /> },
        { key: 'ownerId', width: 150 },
        { key: 'forecastCategory', titleKey: label('forecastCategory'), shown: false },
        { key: 'contactId', titleKey: label('contactId'), shown: false, render: (row) => row.contactId && <RecordLink recordType="contact" id={row.contactId} /> },
        { key: 'source', shown: false },
        { key: 'competitors', titleKey: label('competitors'), shown: false, render: (row) => row.competitors.map((c) => <Tag key={c}>{c}</Tag>) },
        { key: 'tags', shown: false, render: (row) => <TagList tags={row.tags} /> },
        { key: 'stageEnteredAt', titleKey: label('stageEnteredAt'), shown: false },
        { key: 'createdAt', shown: false },
        { key: 'updatedAt', shown: false },
      ],
      kanbanFields: [],
      bulkFields: ['forecastCategory', 'closeDate', 'probability', 'source'],
      texts: { emptyTitle: 'sales.empty.title', emptyText: 'sales.empty.text', noMatchTitle: 'sales.noMatch.title', noMatchText: 'sales.noMatch.text' },
    };
  }, [pipelines, reasons, t, format]);
}
