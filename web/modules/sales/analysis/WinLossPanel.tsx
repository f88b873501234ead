import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Select, Spin, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useFormat } from '../../../app/useFormat';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { winRateOption } from './chartOptions';
import { EChart } from './EChart';
import { groupLabel, WIN_LOSS_DIMENSIONS, type WinLossDimension } from './groupNames';
import { PeriodPicker } from './PeriodPicker';
import { quickRange, type DayRange } from './periods';
import { useGroupLookups } from './useGroupLookups';

interface WinLossRow {
  key: string | null;
  won: number;
  lost: number;
  winRate: number | null;
  wonAmount: number;
  lostAmount: number;
  averageDealSize: number | null;
  averageCycleDays: number | null;
}

/** Win/loss analysis: win rate, deal size and sales cycle of the deals closed in a period, by one dimension. */
export function WinLossPanel({ today }: { today: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lookups = useGroupLookups();
  const [period, setPeriod] = useState<DayRange>(() => quickRange('thisYear', today));
  const [by, setBy] = useState<WinLossDimension>('owner');
  const result = useQuery({
    queryKey: ['/sales/win-loss', period, by],
    queryFn: ({ signal }) => api.get<{ currency: string; total: WinLossRow; rows: WinLossRow[] }>('/sales/win-loss', { ...period, by }, signal),
  });
  const texts = { none: t('analysis.none'), unknown: t('analysis.unknown'), locale: i18n.resolvedLanguage ?? i18n.language };
  const rows = (result.data?.rows ?? []).map((r) => ({ ...r, label: groupLabel(by, r.key, lookups, texts) }));
  const currency = result.data?.currency ?? 'CNY';
  const money = (v: number | null) => (v === null ? '—' : format.money(v, currency));
  const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
  const closed = (result.data?.total.won ?? 0) + (result.data?.total.lost ?? 0);

  return (
    <Card
      title={t('analysis.winLoss.title')}
      extra={
        <Flex gap={8} wrap>
          <PeriodPicker value={period} today={today} onChange={setPeriod} />
          <Select<WinLossDimension> style={{ width: 150 }} value={by} onChange={setBy} options={WIN_LOSS_DIMENSIONS.map((d) => ({ value: d, label: t(`analysis.dimensions.${d}`) }))} data-testid="analysis-dimension" />
        </Flex>
      }
    >
      {result.error ? (
        <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
      ) : result.isPending ? (
        <Spin />
      ) : closed === 0 ? (
        <EmptyState title={t('analysis.winLoss.emptyTitle')} description={t('analysis.winLoss.emptyText')} testId="analysis-winloss-empty" />
      ) : (
        <>
          <EChart option={winRateOption(rows, { winRate: t('analysis.winRate') })} height={Math.max(160, rows.length * 36 + 40)} testId="analysis-winrate-chart" />
          <Table
            size="small"
            rowKey={(r) => r.key ?? ''}
            pagination={false}
            scroll={{ x: 760 }}
            dataSource={rows}
            summary={() =>
              result.data && (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('analysis.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">{result.data.total.won}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">{result.data.total.lost}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">{percent(result.data.total.winRate)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">{money(result.data.total.wonAmount)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">{money(result.data.total.averageDealSize)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right">{result.data.total.averageCycleDays === null ? '—' : Math.round(result.data.total.averageCycleDays)}</Table.Summary.Cell>
                </Table.Summary.Row>
              )
            }
            columns={[
              { key: 'label', title: t(`analysis.dimensions.${by}`), dataIndex: 'label' },
              { key: 'won', title: t('analysis.won'), dataIndex: 'won', align: 'right' },
              { key: 'lost', title: t('analysis.lost'), dataIndex: 'lost', align: 'right' },
              { key: 'winRate', title: t('analysis.winRate'), align: 'right', render: (_, r) => percent(r.winRate) },
              { key: 'wonAmount', title: t('analysis.wonAmount'), align: 'right', render: (_, r) => money(r.wonAmount) },
              { key: 'averageDealSize', title: t('analysis.averageDealSize'), align: 'right', render: (_, r) => money(r.averageDealSize) },
              { key: 'averageCycleDays', title: t('analysis.averageCycleDays'), align: 'right', render: (_, r) => (r.averageCycleDays === null ? '—' : Math.round(r.averageCycleDays)) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
