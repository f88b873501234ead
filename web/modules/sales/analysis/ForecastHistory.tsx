import { useQuery } from '@tanstack/react-query';
import { Card, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useFormat } from '../../../app/useFormat';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { compactMoney, historyOption } from './chartOptions';
import { EChart } from './EChart';

interface Point {
  takenOn: string;
  closed: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  weighted: number;
}

/** How the forecast for the chosen months moved, one point per weekly snapshot. */
export function ForecastHistory({ months }: { months: { from: string; to: string } }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const history = useQuery({
    queryKey: ['/sales/forecast/history', months],
    queryFn: ({ signal }) => api.get<{ currency: string; points: Point[] }>('/sales/forecast/history', months, signal),
  });
  const currency = history.data?.currency ?? 'CNY';
  const texts = { closed: t('sales.forecast.closed'), commit: t('sales.forecast.commit'), bestCase: t('sales.forecast.best_case'), weighted: t('analysis.forecast.weighted') };
  return (
    <Card title={t('analysis.history.title')} style={{ marginTop: 16 }}>
      {history.error ? (
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      ) : history.isPending ? (
        <Spin />
      ) : history.data.points.length === 0 ? (
        <EmptyState title={t('analysis.history.emptyTitle')} description={t('analysis.history.emptyText')} />
      ) : (
        <EChart option={historyOption(history.data.points, texts, (v) => format.money(v, currency), (d) => format.day(d), (v) => compactMoney(v, currency, i18n.resolvedLanguage ?? i18n.language))} height={280} testId="analysis-history-chart" />
      )}
    </Card>
  );
}
