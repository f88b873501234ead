import { EditOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Segmented, Select, Spin, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useCan } from '../../../app/useCan';
import { useFormat } from '../../../app/useFormat';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { compactMoney, forecastOption } from './chartOptions';
import { EChart } from './EChart';
import { ForecastHistory } from './ForecastHistory';
import { FORECAST_GROUPS, groupLabel, periodLabel, type ForecastGroup } from './groupNames';
import { QuotaEditor } from './QuotaEditor';
import { periodsBetween } from './periods';
import { useGroupLookups } from './useGroupLookups';

interface ForecastRow {
  period: string;
  key: string | null;
  closed: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  weighted: number;
  openDeals: number;
  quota: number | null;
  attainment: number | null;
  coverage: number | null;
  coverageLow: boolean;
}

const NOTHING: Omit<ForecastRow, 'period'> = { key: null, closed: 0, commit: 0, bestCase: 0, pipeline: 0, weighted: 0, openDeals: 0, quota: null, attainment: null, coverage: null, coverageLow: false };

/** The forecast by month or quarter against quotas, with pipeline coverage; managers set quotas here. */
export function ForecastPanel({ today }: { today: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lookups = useGroupLookups();
  const mayEditQuotas = useCan('sales.configure');
  const year = today.slice(0, 4);
  const [months, setMonths] = useState({ from: `${year}-01`, to: `${year}-12` });
  const [interval, setIntervalKind] = useState<'month' | 'quarter'>('month');
  const [by, setBy] = useState<ForecastGroup>('all');
  const [editingQuotas, setEditingQuotas] = useState(false);
  const result = useQuery({
    queryKey: ['/sales/forecast', months, interval, by],
    queryFn: ({ signal }) => api.get<{ currency: string; coverageTarget: number; rows: ForecastRow[] }>('/sales/forecast', { ...months, interval, by }, signal),
  });
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const texts = { none: t('analysis.none'), unknown: t('analysis.unknown'), locale };
  const currency = result.data?.currency ?? 'CNY';
  const money = (v: number | null) => (v === null ? '—' : format.money(v, currency));
  const answered = result.data?.rows ?? [];
  // Everyone's forecast on a continuous axis: periods with no deals and no quota show as empty, not skipped.
  const filled =
    by === 'all' && answered.length
      ? periodsBetween(months.from, months.to, interval).map((period) => answered.find((r) => r.period === period) ?? { ...NOTHING, period })
      : answered;
  const rows = filled.map((r) => ({ ...r, label: by === 'all' ? periodLabel(r.period, locale) : `${periodLabel(r.period, locale)} · ${groupLabel(by, r.key, lookups, texts)}` }));
  const empty = rows.every((r) => r.closed + r.commit + r.bestCase + r.pipeline === 0 && r.quota === null);
  const categories = { closed: t('sales.forecast.closed'), commit: t('sales.forecast.commit'), bestCase: t('sales.forecast.best_case'), pipeline: t('sales.forecast.pipeline'), quota: t('analysis.forecast.quota') };

  return (
    <>
      <Card
        title={t('analysis.forecast.title')}
        extra={
          <Flex gap={8} wrap>
            <DatePicker.RangePicker
              picker="month"
              allowClear={false}
              value={[dayjs(`${months.from}-01`), dayjs(`${months.to}-01`)]}
              onChange={(range) => range?.[0] && range[1] && setMonths({ from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') })}
            />
            <Segmented
              value={interval}
              onChange={(v) => setIntervalKind(v as 'month' | 'quarter')}
              options={[
                { value: 'month', label: t('analysis.forecast.byMonth') },
                { value: 'quarter', label: t('analysis.forecast.byQuarter') },
              ]}
            />
            <Select<ForecastGroup> style={{ width: 130 }} value={by} onChange={setBy} options={FORECAST_GROUPS.map((g) => ({ value: g, label: t(`analysis.groups.${g}`) }))} />
            {mayEditQuotas && (
              <Button icon={<EditOutlined />} onClick={() => setEditingQuotas(true)} data-testid="quota-edit">
                {t('analysis.quotas.edit')}
              </Button>
            )}
          </Flex>
        }
      >
        {result.error ? (
          <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
        ) : result.isPending ? (
          <Spin />
        ) : empty ? (
          <EmptyState title={t('analysis.forecast.emptyTitle')} description={t(mayEditQuotas ? 'analysis.forecast.emptyTextManager' : 'analysis.forecast.emptyText')} />
        ) : (
          <>
            <EChart option={forecastOption(rows, categories, (v) => format.money(v, currency), (v) => compactMoney(v, currency, locale))} height={340} testId="analysis-forecast-chart" />
            <Table
              size="small"
              rowKey={(r) => `${r.period}|${r.key ?? ''}`}
              pagination={false}
              scroll={{ x: 900 }}
              dataSource={rows}
              columns={[
                { key: 'label', title: t('analysis.forecast.period'), dataIndex: 'label' },
                { key: 'closed', title: categories.closed, align: 'right', render: (_, r) => money(r.closed) },
                { key: 'commit', title: categories.commit, align: 'right', render: (_, r) => money(r.commit) },
                { key: 'bestCase', title: categories.bestCase, align: 'right', render: (_, r) => money(r.bestCase) },
                { key: 'pipeline', title: categories.pipeline, align: 'right', render: (_, r) => money(r.pipeline) },
                { key: 'weighted', title: t('analysis.forecast.weighted'), align: 'right', render: (_, r) => money(r.weighted) },
                { key: 'quota', title: categories.quota, align: 'right', render: (_, r) => money(r.quota) },
                { key: 'attainment', title: t('analysis.forecast.attainment'), align: 'right', render: (_, r) => (r.attainment === null ? '—' : `${Math.round(r.attainment * 100)}%`) },
                {
                  key: 'coverage',
                  title: t('analysis.forecast.coverage'),
                  align: 'right',
                  render: (_, r) =>
                    r.coverage === null ? (
                      '—'
                    ) : r.coverageLow ? (
                      <Tooltip title={t('analysis.forecast.coverageLow', { target: result.data.coverageTarget })}>
                        <Tag color="red" icon={<WarningOutlined />} data-testid="coverage-low">
                          {r.coverage.toFixed(1)}×
                        </Tag>
                      </Tooltip>
                    ) : (
                      `${r.coverage.toFixed(1)}×`
                    ),
                },
              ]}
            />
          </>
        )}
      </Card>
      <ForecastHistory months={months} />
      {mayEditQuotas && <QuotaEditor open={editingQuotas} months={months} onClose={() => setEditingQuotas(false)} />}
    </>
  );
}
