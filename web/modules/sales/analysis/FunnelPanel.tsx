import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Select, Spin, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDuration, pipelineName, stageName } from '../salesFormat';
import { usePipelines } from '../useSales';
import { funnelOption } from './chartOptions';
import { EChart } from './EChart';
import { PeriodPicker } from './PeriodPicker';
import { quickRange, type DayRange } from './periods';

interface FunnelStage {
  stageId: string;
  key: string | null;
  name: string | null;
  reached: number;
  conversion: number | null;
  averageSeconds: number | null;
  medianSeconds: number | null;
  current: number;
}

/** The stage funnel of a pipeline for deals created in a period, with the time deals spend in each stage. */
export function FunnelPanel({ today }: { today: string }) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const [chosen, setChosen] = useState<string>();
  const pipelineId = chosen ?? pipelines.data?.find((p) => p.isDefault)?.id ?? pipelines.data?.[0]?.id;
  const [period, setPeriod] = useState<DayRange>(() => quickRange('last12Months', today));
  const funnel = useQuery({
    queryKey: ['/pipelines', pipelineId, 'funnel', period],
    queryFn: ({ signal }) => api.get<{ won: number; lost: number; stages: FunnelStage[] }>(`/pipelines/${pipelineId}/funnel`, { ...period }, signal),
    enabled: Boolean(pipelineId),
  });
  // Lost is where deals leave the funnel, not a step of it.
  const stages = (funnel.data?.stages ?? []).map((s) => ({ ...s, label: stageName(s, t) }));
  const steps = stages.filter((s) => pipelines.data?.flatMap((p) => p.stages).find((x) => x.id === s.stageId)?.kind !== 'lost');
  const duration = (v: number | null) => (v === null ? '—' : formatDuration(v, t));

  return (
    <Card
      title={t('analysis.funnel.title')}
      extra={
        <Flex gap={8} wrap>
          <Select style={{ width: 160 }} value={pipelineId} onChange={setChosen} options={(pipelines.data ?? []).map((p) => ({ value: p.id, label: pipelineName(p, t) }))} />
          <PeriodPicker value={period} today={today} onChange={setPeriod} />
        </Flex>
      }
    >
      {funnel.error ? (
        <ErrorAlert error={funnel.error} onRetry={() => void funnel.refetch()} />
      ) : funnel.isPending ? (
        <Spin />
      ) : !steps.some((s) => s.reached > 0) ? (
        <EmptyState title={t('analysis.funnel.emptyTitle')} description={t('analysis.funnel.emptyText')} />
      ) : (
        <>
          <EChart option={funnelOption(steps, { reached: t('analysis.funnel.reached') })} height={320} testId="analysis-funnel-chart" />
          <Table
            size="small"
            rowKey="stageId"
            pagination={false}
            dataSource={stages}
            columns={[
              { key: 'stage', title: t('sales.fields.stageId'), dataIndex: 'label' },
              { key: 'reached', title: t('analysis.funnel.reached'), dataIndex: 'reached', align: 'right' },
              { key: 'conversion', title: t('analysis.funnel.conversion'), align: 'right', render: (_, s) => (s.conversion === null ? '—' : `${Math.round(s.conversion * 100)}%`) },
              { key: 'median', title: t('analysis.funnel.median'), align: 'right', render: (_, s) => duration(s.medianSeconds) },
              { key: 'average', title: t('analysis.funnel.average'), align: 'right', render: (_, s) => duration(s.averageSeconds) },
              { key: 'current', title: t('analysis.funnel.current'), dataIndex: 'current', align: 'right' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
