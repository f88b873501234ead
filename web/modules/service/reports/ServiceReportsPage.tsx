import { Card, Col, Empty, Flex, Row, Segmented, Skeleton, Statistic, Table, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/useSession';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { fromWallClock } from '../../../ui/zonedTime';
import { EChart } from '../../sales/analysis/EChart';
import { PeriodPicker } from '../../sales/analysis/PeriodPicker';
import { quickRange, todayIn, type DayRange } from '../../sales/analysis/periods';
import { formatMinutes } from '../sla/durations';
import { trendOption, volumeOption } from './reportCharts';
import { REPORT_INTERVALS, VOLUME_DIMENSIONS, type AttainmentRow, type Durations, type ReportInterval, type SatisfactionRow, type ServiceReport, type VolumeDimension } from './types';
import { useServiceReport } from './useServiceReport';

/** The instant a calendar day starts in a time zone. */
function startOf(day: string, timeZone: string | undefined): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return fromWallClock(new Date(y, m - 1, d), timeZone).toISOString();
}
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const minutes = (value: number | null) => (value === null ? '—' : formatMinutes(value));

/** /service/reports: volume, durations, backlog, SLA and satisfaction of a period. */
export function ServiceReportsPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const timeZone = session?.user.timeZone ?? session?.workspace.timeZone ?? undefined;
  const today = todayIn(timeZone);
  const [range, setRange] = useState<DayRange>(() => quickRange('last12Months', today));
  const [interval, setReportInterval] = useState<ReportInterval>('week');
  const instants = useMemo(() => ({ from: startOf(range.from, timeZone), to: startOf(dayAfter(range.to), timeZone) }), [range, timeZone]);
  const report = useServiceReport(instants.from, instants.to, interval);
  const r = report.data;
  const empty = r !== undefined && r.series.every((s) => s.created === 0);
  return (
    <>
      <PageHeader
        title={t('serviceReports.title')}
        subtitle={t('serviceReports.subtitle')}
        extra={
          <Flex gap={8} wrap>
            <PeriodPicker value={range} today={today} onChange={setRange} />
            <Segmented value={interval} onChange={(v) => setReportInterval(v as ReportInterval)} options={REPORT_INTERVALS.map((i) => ({ value: i, label: t(`serviceReports.intervals.${i}`) }))} />
          </Flex>
        }
      />
      {report.error && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.isLoading && <Skeleton active />}
      {r && (
        <Flex vertical gap={16} data-testid="service-report">
          <Kpis report={r} />
          {empty ? (
            <Card>
              <Empty description={t('serviceReports.empty')} data-testid="service-report-empty" />
            </Card>
          ) : (
            <>
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={10}>
                  <VolumeCard report={r} />
                </Col>
                <Col xs={24} lg={14}>
                  <Card title={t('serviceReports.trend.title')}>
                    <EChart testId="service-report-trend" height={300} option={trendOption(r.series, { created: t('serviceReports.trend.created'), backlog: t('serviceReports.trend.backlog') })} />
                  </Card>
                </Col>
              </Row>
              <TimesCard report={r} />
            </>
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card title={t('serviceReports.age.title')}>
                <EChart testId="service-report-age" height={220} option={volumeOption(r.backlogByAge.map((a) => ({ label: t(`serviceReports.age.${a.bucket}`), count: a.count })), t('serviceReports.volume.cases'))} />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <SlaCard report={r} />
            </Col>
          </Row>
          <SatisfactionCard report={r} />
        </Flex>
      )}
    </>
  );
}

function Kpis({ report }: { report: ServiceReport }) {
  const { t } = useTranslation();
  const all = report.times.find((x) => x.dimension === 'all');
  const items = [
    { key: 'cases', value: String(all?.cases ?? 0) },
    { key: 'backlog', value: String(report.backlogNow) },
    { key: 'firstResponse', value: minutes(all?.firstResponseMedian ?? null) },
    { key: 'resolution', value: minutes(all?.resolutionMedian ?? null) },
  ];
  return (
    <Row gutter={[16, 16]}>
      {items.map((i) => (
        <Col xs={12} md={6} key={i.key}>
          <Card size="small">
            <div data-testid={`service-report-kpi-${i.key}`}>
              <Statistic title={t(`serviceReports.kpi.${i.key}`)} value={i.value} />
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** A key of the report in words: names from the server, channels and "not set" from the UI's strings. */
function useLabel(report: ServiceReport) {
  const { t } = useTranslation();
  return (key: string | null, kind: VolumeDimension | 'agent' | 'station') => {
    if (key === null) return kind === 'agent' ? t('serviceReports.unassigned') : t('serviceReports.volume.none');
    if (kind === 'channel') return t(`cases.channel.${key}`);
    return report.labels[key] ?? key.slice(0, 8);
  };
}

function VolumeCard({ report }: { report: ServiceReport }) {
  const { t } = useTranslation();
  const label = useLabel(report);
  const [dimension, setDimension] = useState<VolumeDimension>('type');
  const rows = report.volume[dimension].map((v) => ({ label: label(v.key, dimension), count: v.count }));
  return (
    <Card
      title={t('serviceReports.volume.title')}
      extra={
        <span data-testid="service-report-dimension">
          <Segmented size="small" value={dimension} onChange={(v) => setDimension(v as VolumeDimension)} options={VOLUME_DIMENSIONS.map((d) => ({ value: d, label: t(`serviceReports.volume.${d}`) }))} />
        </span>
      }
    >
      <EChart testId="service-report-volume" height={Math.max(220, rows.length * 32 + 40)} option={volumeOption(rows, t('serviceReports.volume.cases'))} />
    </Card>
  );
}

function TimesCard({ report }: { report: ServiceReport }) {
  const { t } = useTranslation();
  const label = useLabel(report);
  const pair = (median: number | null, p90: number | null) => `${minutes(median)} / ${minutes(p90)}`;
  const name = (row: Durations) => (row.dimension === 'all' ? t('serviceReports.times.all') : label(row.key, row.dimension));
  const col = (title: string, render: (row: Durations) => React.ReactNode) => ({ key: title, title, render: (_: unknown, row: Durations) => render(row) });
  const { median, p90, business } = { median: t('serviceReports.times.median'), p90: t('serviceReports.times.p90'), business: t('serviceReports.times.business') };
  return (
    <Card title={t('serviceReports.times.title')}>
      <Typography.Paragraph type="secondary">{t('serviceReports.times.hint')}</Typography.Paragraph>
      <Table<Durations>
        size="small"
        rowKey={(row) => `${row.dimension}:${row.key ?? ''}`}
        pagination={false}
        scroll={{ x: true }}
        dataSource={report.times}
        data-testid="service-report-times"
        columns={[
          col(t('serviceReports.times.group'), (row) => (row.dimension === 'all' ? <Typography.Text strong>{name(row)}</Typography.Text> : name(row))),
          col(t('serviceReports.times.cases'), (row) => (
            <>
              {row.cases}
              {row.cases > row.responded && (
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {t('serviceReports.times.noResponse', { count: row.cases - row.responded })}
                </Typography.Text>
              )}
            </>
          )),
          col(`${t('serviceReports.times.firstResponse')} (${median} / ${p90})`, (row) => pair(row.firstResponseMedian, row.firstResponseP90)),
          col(`${t('serviceReports.times.firstResponse')} · ${business}`, (row) => pair(row.firstResponseBusinessMedian, row.firstResponseBusinessP90)),
          col(`${t('serviceReports.times.resolution')} (${median} / ${p90})`, (row) => pair(row.resolutionMedian, row.resolutionP90)),
          col(`${t('serviceReports.times.resolution')} · ${business}`, (row) => pair(row.resolutionBusinessMedian, row.resolutionBusinessP90)),
        ]}
      />
    </Card>
  );
}

function SlaCard({ report }: { report: ServiceReport }) {
  const { t } = useTranslation();
  const label = useLabel(report);
  const rate = (row: AttainmentRow) => (row.attainment === null ? '—' : `${Math.round(row.attainment * 100)}%`);
  const columns = (first: { title: string; render: (row: AttainmentRow) => React.ReactNode }) => [
    { key: 'first', title: first.title, render: (_: unknown, row: AttainmentRow) => first.render(row) },
    { key: 'met', title: t('serviceReports.sla.met'), dataIndex: 'met' },
    { key: 'breached', title: t('serviceReports.sla.breached'), dataIndex: 'breached' },
    { key: 'rate', title: t('serviceReports.sla.rate'), render: (_: unknown, row: AttainmentRow) => rate(row) },
  ];
  return (
    <Card title={t('serviceReports.sla.title')}>
      <Table<AttainmentRow> size="small" rowKey="metric" pagination={false} dataSource={report.sla} locale={{ emptyText: <Empty description={t('serviceReports.sla.empty')} /> }} columns={columns({ title: t('serviceReports.sla.metric'), render: (row) => t(`sla.metrics.${row.metric}`) })} />
      {report.slaByAgent.length > 0 && (
        <Table<AttainmentRow>
          style={{ marginTop: 12 }}
          size="small"
          rowKey={(row) => `${row.key ?? ''}:${row.metric}`}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          dataSource={report.slaByAgent}
          columns={columns({ title: t('serviceReports.sla.agent'), render: (row) => `${label(row.key, 'agent')} · ${t(`sla.metrics.${row.metric}`)}` })}
        />
      )}
    </Card>
  );
}

function SatisfactionCard({ report }: { report: ServiceReport }) {
  const { t } = useTranslation();
  const label = useLabel(report);
  const table = (kind: 'agent' | 'station' | 'product') => (
    <Table<SatisfactionRow>
      size="small"
      rowKey={(row) => row.key ?? 'none'}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      dataSource={report.satisfaction[kind]}
      locale={{ emptyText: <Empty description={t('serviceReports.satisfaction.empty')} /> }}
      columns={[
        { key: 'key', title: t(`serviceReports.satisfaction.${kind}`), render: (_, row) => label(row.key, kind) },
        { key: 'answered', title: t('serviceReports.satisfaction.answered'), render: (_, row) => `${row.answered} / ${row.sent}` },
        { key: 'csat', title: t('serviceReports.satisfaction.csat'), render: (_, row) => (row.csat === null ? '—' : row.csat.toFixed(2)) },
        { key: 'nps', title: t('serviceReports.satisfaction.nps'), render: (_, row) => row.nps ?? '—' },
      ]}
    />
  );
  return (
    <Card title={t('serviceReports.satisfaction.title')}>
      <Tabs items={(['agent', 'station', 'product'] as const).map((kind) => ({ key: kind, label: t(`serviceReports.satisfaction.${kind}`), children: table(kind) }))} />
    </Card>
  );
}
