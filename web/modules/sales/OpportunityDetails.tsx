import { Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OwnerName } from '../../app/OwnerName';
import { RecordLink } from '../../app/RecordLink';
import { useFormat } from '../../app/useFormat';
import { FieldValue } from '../../ui/lists/FieldValue';
import { useListFields } from '../../ui/lists/useListFields';
import { valueOf } from '../../ui/lists/records';
import { pipelineName, reasonName, stageName } from './salesFormat';
import type { Opportunity, Pipeline } from './types';
import { useCloseReasons } from './useSales';

const NO_STANDARD = {};

/** The key facts of a deal and its custom fields; empty ones as a dash. */
export function OpportunityDetails({ deal, pipeline }: { deal: Opportunity; pipeline: Pipeline | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasons = useCloseReasons(true);
  const { fields } = useListFields('opportunities', NO_STANDARD);
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const or = (value: ReactNode) => (value === null || value === undefined || value === '' ? none : value);
  const stage = pipeline?.stages.find((s) => s.id === deal.stageId);
  const reason = reasons.data?.find((r) => r.id === deal.closeReasonId);
  const items: [string, ReactNode][] = [
    ['sales.fields.pipelineId', pipeline ? pipelineName(pipeline, t) : none],
    ['sales.fields.stageId', stage ? stageName(stage, t) : none],
    ['sales.fields.amount', format.money(deal.amount, deal.currency)],
    ['sales.fields.weighted', format.money(Math.round((deal.amount * deal.probability) / 100), deal.currency)],
    ['sales.fields.probability', `${deal.probability}%`],
    ['sales.fields.forecastCategory', t(`sales.forecast.${deal.forecastCategory}`)],
    ['sales.fields.closeDate', format.day(deal.closeDate)],
    ['sales.fields.accountId', deal.accountId ? <RecordLink recordType="account" id={deal.accountId} /> : none],
    ['sales.fields.contactId', deal.contactId ? <RecordLink recordType="contact" id={deal.contactId} /> : none],
    ['fields.source', or(deal.source)],
    ['sales.fields.nextStep', or(deal.nextStep)],
    ['sales.fields.competitors', deal.competitors.length ? deal.competitors.map((c) => <Tag key={c}>{c}</Tag>) : none],
    ...(deal.status !== 'open'
      ? ([
          ['sales.fields.closeReasonId', reason ? reasonName(reason, t) : none],
          ...(deal.status === 'lost' ? ([['sales.fields.closeCompetitor', or(deal.closeCompetitor)]] as [string, ReactNode][]) : []),
          ['sales.fields.closeNote', or(deal.closeNote)],
          ['sales.fields.closedAt', deal.closedAt ? format.dateTime(deal.closedAt) : none],
        ] as [string, ReactNode][])
      : []),
    ['fields.ownerId', <OwnerName key="owner" ownerId={deal.ownerId} />],
    ['sales.fields.stageEnteredAt', format.dateTime(deal.stageEnteredAt)],
    ['fields.createdAt', format.dateTime(deal.createdAt)],
  ];
  const custom = fields.filter((f) => f.custom);
  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, sm: 1, md: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="opportunity-details"
      items={[
        ...items.map(([key, children]) => ({ key, label: t(key), children })),
        ...custom.map((field) => ({ key: field.name, label: field.label, children: or(<FieldValue field={field} value={valueOf(deal, field.name)} />) })),
      ]}
    />
  );
}
