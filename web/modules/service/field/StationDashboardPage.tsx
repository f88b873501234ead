import { WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { EChart } from '../../sales/analysis/EChart';
import type { StationFigures } from './types';
import { useStationDashboard } from './useField';

const PERIODS = [30, 90, 365] as const;

/** /service-stations/dashboard: per station volume, median time to done, rating and load; poorly rated stations flagged. */
export function StationDashboardPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(90);
  const dashboard = useStationDashboard(days);
  const rows = dashboard.data?.stations ?? [];
  const poor = rows.filter((s) => s.poorlyRated);
  return (
    <>
      <PageHeader
        title={t('field.dashboard.title')}
        subtitle={t('field.dashboard.subtitle')}
        extra={<Segmented<number> value={days} onChange={setDays} options={PERIODS.map((d) => ({ value: d, label: t('field.dashboard.days', { count: d }) }))} />}
      />
      {dashboard.error && <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {poor.length > 0 && dashboard.data && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="poor-stations"
          title={t('field.dashboard.poorAlert', { names: poor.map((s) => s.name).join(', '), below: dashboard.data.poorRatingBelow, min: dashboard.data.poorRatingMinCount })}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        {rows.length === 0 && !dashboard.isPending ? (
          <EmptyState title={t('field.stations.empty')} description={t('field.stations.emptyHint')} />
        ) : (
          <EChart
            testId="station-chart"
            height={Math.max(240, rows.length * 44)}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
              yAxis: { type: 'category', data: rows.map((s) => s.name), inverse: true },
              xAxis: [{ type: 'value', name: t('field.dashboard.volume') }],
              series: [
                { type: 'bar', name: t('field.dashboard.volume'), data: rows.map((s) => s.volume), barMaxWidth: 14 },
                { type: 'bar', name: t('field.dashboard.done'), data: rows.map((s) => s.done), barMaxWidth: 14 },
                { type: 'bar', name: t('field.dashboard.open'), data: rows.map((s) => s.openCount), barMaxWidth: 14 },
              ],
            }}
          />
        )}
      </Card>
      <Card>
        <Table<StationFigures>
          rowKey="stationId"
          loading={dashboard.isPending}
          dataSource={rows}
          pagination={false}
          columns={[
            {
              key: 'name',
              title: t('field.stations.name'),
              render: (_, s) => (
                <>
                  <Typography.Text strong>{s.name}</Typography.Text>
                  {s.poorlyRated && (
                    <Tag color="red" icon={<WarningOutlined />} style={{ marginInlineStart: 8 }} data-testid="poor-flag">
                      {t('field.dashboard.poor')}
                    </Tag>
                  )}
                </>
              ),
            },
            { key: 'province', title: t('field.stations.province'), dataIndex: 'province' },
            { key: 'volume', title: t('field.dashboard.volume'), dataIndex: 'volume', align: 'right' },
            { key: 'done', title: t('field.dashboard.done'), dataIndex: 'done', align: 'right' },
            { key: 'median', title: t('field.dashboard.median'), align: 'right', render: (_, s) => (s.medianHoursToDone === null ? '–' : t('field.dashboard.hours', { hours: s.medianHoursToDone })) },
            { key: 'rating', title: t('field.stations.rating'), align: 'right', render: (_, s) => (s.rating === null ? '–' : t('field.stations.ratingValue', { rating: s.rating, count: s.ratingCount })) },
            { key: 'load', title: t('field.stations.load'), align: 'right', render: (_, s) => t('field.stations.loadValue', { open: s.openCount, capacity: s.capacity }) },
          ]}
        />
      </Card>
    </>
  );
}
