import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Drawer, Flex, Row, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { useCan } from '../../app/useCan';
import { useFormat } from '../../app/useFormat';
import type { Page } from '../../app/types';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { JobProgress } from '../../ui/JobProgress';
import { PageHeader } from '../../ui/PageHeader';
import { EChart } from '../sales/analysis/EChart';
import { SEGMENT_COLORS, reasonText, type CustomerValue, type RfmCell, type ValueOverview } from './customerValue';

const VALUE_KEY = '/analytics/value';
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** /analytics/value: customer value — Pareto and ABC tiers, the RFM grid with its cells' customers, churn risk. */
export function CustomerValuePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mayRun = useCan('sales.configure');
  const [jobId, setJobId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const overview = useQuery({ queryKey: [VALUE_KEY], queryFn: ({ signal }) => api.get<ValueOverview>(VALUE_KEY, undefined, signal) });
  const run = async () => {
    setRunning(true);
    setJobId((await api.post<{ jobId: string }>('/analytics/value/runs', {})).jobId);
  };
  const runButton = (testId: string) =>
    mayRun && (
      <Button type="primary" onClick={() => void run()} loading={running} data-testid={testId}>
        {t('customerValue.run')}
      </Button>
    );
  const summary = overview.data?.summary;

  return (
    <>
      <PageHeader title={t('customerValue.title')} extra={runButton('value-run')} />
      {jobId && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <JobProgress
            key={jobId}
            jobId={jobId}
            onFinished={() => {
              setRunning(false);
              void queryClient.invalidateQueries({ queryKey: ['/analytics'] });
              void queryClient.invalidateQueries({ queryKey: [VALUE_KEY] });
            }}
          />
        </Card>
      )}
      {overview.error ? (
        <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
      ) : overview.isPending ? (
        <Spin />
      ) : !summary || summary.customers === 0 ? (
        <Card>
          <EmptyState title={t('customerValue.empty.title')} description={t(mayRun ? 'customerValue.empty.text' : 'customerValue.empty.textAsk')} action={runButton('value-run-empty') || undefined} testId="value-empty" />
        </Card>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('customerValue.asOf', { date: summary.referenceDate.slice(0, 10), customers: summary.customers, currency: summary.currency })}
          </Typography.Paragraph>
          <Tabs
            items={[
              { key: 'pareto', label: t('customerValue.tabs.pareto'), children: <ParetoTab overview={overview.data!} /> },
              { key: 'rfm', label: <span data-testid="value-tab-rfm">{t('customerValue.tabs.rfm')}</span>, children: <RfmTab /> },
              { key: 'churn', label: <span data-testid="value-tab-churn">{t('customerValue.tabs.churn')}</span>, children: <ChurnTab /> },
            ]}
          />
        </>
      )}
    </>
  );
}

function ParetoTab({ overview }: { overview: ValueOverview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = overview.summary!;
  const { pareto } = summary;
  const lorenz = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => percent(v) },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'value', min: 0, max: 1, name: t('customerValue.customerShare'), nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: percent } },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: percent } },
    series: [
      { name: t('customerValue.lorenz'), type: 'line', showSymbol: false, areaStyle: { opacity: 0.15 }, data: pareto.lorenz.map((p) => [p.customerShare, p.revenueShare]) },
      { name: t('customerValue.equality'), type: 'line', showSymbol: false, lineStyle: { type: 'dashed' }, data: [[0, 0], [1, 1]] },
    ],
  };
  const tiers = (['A', 'B', 'C'] as const).map((tier) => ({ tier, ...(summary.tiers[tier] ?? { customers: 0, revenue: 0 }) }));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card size="small">
          <Statistic title={t('customerValue.shareFor80')} value={percent(pareto.shareFor80)} data-testid="value-share80" />
          <Statistic title={t('customerValue.gini')} value={pareto.gini.toFixed(2)} style={{ marginTop: 12 }} />
          <Table
            size="small"
            style={{ marginTop: 12 }}
            pagination={false}
            rowKey="customerShare"
            dataSource={pareto.topShares}
            columns={[
              { title: t('customerValue.topCustomers'), dataIndex: 'customerShare', render: (v: number) => t('customerValue.top', { share: percent(v) }) },
              { title: t('customerValue.revenueShare'), dataIndex: 'revenueShare', align: 'right', render: percent },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Card size="small" title={t('customerValue.lorenzTitle')}>
          <EChart option={lorenz} testId="value-lorenz" />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('customerValue.abcTitle', { a: percent(overview.thresholds.a), b: percent(overview.thresholds.b) })}>
          <Table
            size="small"
            pagination={false}
            rowKey="tier"
            dataSource={tiers}
            data-testid="value-abc"
            columns={[
              { title: t('customerValue.tier'), dataIndex: 'tier', render: (tier: string) => <Tag color={tier === 'A' ? 'gold' : tier === 'B' ? 'blue' : 'default'}>{tier}</Tag> },
              { title: t('customerValue.customers'), dataIndex: 'customers', align: 'right', render: (n: number) => `${n} (${percent(n / Math.max(1, summary.customers))})` },
              { title: t('customerValue.revenue'), dataIndex: 'revenue', align: 'right', render: (v: number) => format.money(v, summary.currency) },
              { title: t('customerValue.revenueShare'), dataIndex: 'revenue', key: 'share', align: 'right', render: (v: number) => percent(v / Math.max(1, pareto.revenue)) },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** The customers of the value list under some filters, paged by "more". */
function CustomerTable({ filters, sort, selectable, testId }: { filters: string[]; sort: string; selectable?: (selected: CustomerValue[]) => void; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const cursor = pages.at(-1) ?? undefined;
  const list = useQuery({
    queryKey: ['/analytics/customer-values', filters, sort, cursor],
    queryFn: ({ signal }) => api.get<Page<CustomerValue>>('/analytics/customer-values', { filter: filters, sort, limit: 20, ...(cursor ? { cursor } : {}) }, signal),
  });
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const next = list.data?.nextCursor;
  return (
    <>
      <Table<CustomerValue>
        size="small"
        loading={list.isPending}
        rowKey="id"
        pagination={false}
        scroll={{ x: 800 }}
        data-testid={testId}
        dataSource={list.data?.data ?? []}
        rowSelection={selectable ? { onChange: (_keys, rows) => selectable(rows) } : undefined}
        locale={{ emptyText: t('customerValue.noCustomers') }}
        columns={[
          { title: t('customerValue.customer'), dataIndex: 'name', render: (name: string, row) => <Link to={`/${row.customerType}s/${row.id}`}>{name}</Link> },
          { title: t('customerValue.tier'), dataIndex: 'abcTier' },
          { title: t('customerValue.segment'), dataIndex: 'segment', render: (s: string) => <Tag color={SEGMENT_COLORS[s]}>{t(`customerValue.segments.${s}`)}</Tag> },
          { title: 'R·F·M', key: 'rfm', render: (_: unknown, row) => `${row.r}·${row.f}·${row.m}` },
          { title: t('customerValue.revenue'), dataIndex: 'revenue', align: 'right', render: (v: number, row) => format.money(v, row.currency) },
          { title: t('customerValue.lastPurchase'), dataIndex: 'lastPurchaseAt', render: (v: string) => format.date(v) },
          { title: t('customerValue.churnScore'), dataIndex: 'churnScore', align: 'right' },
          { title: t('customerValue.reasons'), key: 'reasons', render: (_: unknown, row) => row.churnReasons.map((r) => reasonText(t, r)).join('; ') || '—' },
        ]}
      />
      <Flex gap={8} justify="end" style={{ marginTop: 8 }}>
        {pages.length > 1 && <Button onClick={() => setPages(pages.slice(0, -1))}>{t('customerValue.previous')}</Button>}
        {next && <Button onClick={() => setPages([...pages, next])}>{t('customerValue.next')}</Button>}
      </Flex>
    </>
  );
}

function RfmTab() {
  const { t } = useTranslation();
  const grid = useQuery({ queryKey: ['/analytics/rfm'], queryFn: ({ signal }) => api.get<{ data: RfmCell[] }>('/analytics/rfm', undefined, signal) });
  const [cell, setCell] = useState<{ r: number; fm: number } | null>(null);
  if (grid.error) return <ErrorAlert error={grid.error} onRetry={() => void grid.refetch()} />;
  if (grid.isPending) return <Spin />;
  const at = (r: number, fm: number) => grid.data.data.find((c) => c.r === r && c.fm === fm);
  const max = Math.max(1, ...grid.data.data.map((c) => c.customers));
  return (
    <Card size="small" title={t('customerValue.rfmTitle')}>
      <div style={{ display: 'grid', gridTemplateColumns: '40px repeat(5, minmax(90px, 1fr))', gap: 4 }} data-testid="rfm-grid">
        {[5, 4, 3, 2, 1].map((r) => [
          <Flex key={`r${r}`} align="center" justify="center">
            R{r}
          </Flex>,
          ...[1, 2, 3, 4, 5].map((fm) => {
            const c = at(r, fm);
            return (
              <button
                key={`${r}${fm}`}
                type="button"
                data-testid={`rfm-cell-${r}-${fm}`}
                disabled={!c}
                onClick={() => setCell({ r, fm })}
                style={{ minHeight: 64, border: 0, borderRadius: 6, cursor: c ? 'pointer' : 'default', color: '#222', background: c ? SEGMENT_COLORS[c.segment] : '#f5f5f5', opacity: c ? 0.45 + 0.55 * (c.customers / max) : 1 }}
              >
                <div style={{ fontSize: 12 }}>{c ? t(`customerValue.segments.${c.segment}`) : ''}</div>
                <div style={{ fontWeight: 600 }}>{c?.customers ?? ''}</div>
              </button>
            );
          }),
        ])}
        <div />
        {[1, 2, 3, 4, 5].map((fm) => (
          <Flex key={`fm${fm}`} justify="center">
            FM{fm}
          </Flex>
        ))}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('customerValue.rfmHelp')}
      </Typography.Paragraph>
      <Drawer open={Boolean(cell)} onClose={() => setCell(null)} width={960} title={cell && t('customerValue.cellTitle', { r: cell.r, fm: cell.fm, segment: t(`customerValue.segments.${at(cell.r, cell.fm)?.segment ?? 'lost'}`) })} destroyOnHidden>
        {cell && <CustomerTable filters={[`r:eq:${cell.r}`, `fm:eq:${cell.fm}`]} sort="-revenue" testId="rfm-cell-customers" />}
      </Drawer>
    </Card>
  );
}

function ChurnTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<CustomerValue[]>([]);
  const createTasks = async () => {
    const result = await api.post<{ succeeded: number; failed: number }>('/analytics/churn/tasks', {
      items: selected.map((c) => ({ customerType: c.customerType, customerId: c.id, title: t('customerValue.taskTitle', { name: c.name }), notes: c.churnReasons.map((r) => reasonText(t, r)).join('\n') || null })),
    });
    void message.success(t('customerValue.tasksCreated', { count: result.succeeded, failed: result.failed }));
  };
  return (
    <Card
      size="small"
      title={t('customerValue.churnTitle')}
      extra={
        <Button disabled={selected.length === 0} onClick={() => void createTasks()} data-testid="churn-create-tasks">
          {t('customerValue.createTasks', { count: selected.length })}
        </Button>
      }
    >
      <CustomerTable filters={['churnScore:gt:0']} sort="-churnScore" selectable={setSelected} testId="churn-list" />
    </Card>
  );
}
