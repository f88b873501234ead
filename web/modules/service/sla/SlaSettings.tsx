import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Segmented, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_PRIORITIES } from '../../../../contracts/service';
import { api } from '../../../app/api';
import { useCan } from '../../../app/useCan';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { EChart } from '../../sales/analysis/EChart';
import { formatMinutes } from './durations';
import { SlaPolicyModal } from './SlaPolicyModal';
import { SLA_METRICS, type SlaPolicy } from './types';
import { useSlaAttainment, useSlaPolicies, useSlaPoliciesChanged } from './useSla';

const DAY = 86_400_000;

/** Met vs breached clocks of the last 30 days, per metric or per priority, as stacked bars with the rate on top. */
function AttainmentCard() {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<'metric' | 'priority'>('metric');
  const range = useMemo(() => {
    const to = new Date(Math.ceil(Date.now() / DAY) * DAY);
    return { from: new Date(to.getTime() - 30 * DAY).toISOString(), to: to.toISOString() };
  }, []);
  const rows = useSlaAttainment(range.from, range.to, groupBy);
  const bars = (rows.data ?? []).map((r) => ({
    label: groupBy === 'metric' ? t(`sla.metrics.${r.metric}`) : `${t(`sla.priorities.${r.key ?? 'normal'}`)} · ${t(`sla.metrics.${r.metric}`)}`,
    ...r,
  }));
  const order = (label: string) => (groupBy === 'priority' ? CASE_PRIORITIES.findIndex((p) => label.startsWith(t(`sla.priorities.${p}`))) : 0);
  bars.sort((a, b) => order(a.label) - order(b.label) || SLA_METRICS.indexOf(a.metric) - SLA_METRICS.indexOf(b.metric));
  return (
    <Card
      title={t('sla.attainment.title')}
      extra={<Segmented size="small" value={groupBy} onChange={(v) => setGroupBy(v as 'metric' | 'priority')} options={[{ value: 'metric', label: t('sla.attainment.byMetric') }, { value: 'priority', label: t('sla.attainment.byPriority') }]} />}
      data-testid="sla-attainment"
    >
      {rows.error && <ErrorAlert error={rows.error} onRetry={() => void rows.refetch()} />}
      {!rows.isLoading && bars.length === 0 ? (
        <Empty description={t('sla.attainment.empty')} />
      ) : (
        <EChart
          height={Math.max(220, bars.length * 36 + 80)}
          testId="sla-attainment-chart"
          option={{
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            legend: { top: 0 },
            grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label) },
            series: [
              { name: t('sla.attainment.met'), type: 'bar', stack: 'all', color: '#52c41a', data: bars.map((b) => b.met) },
              {
                name: t('sla.attainment.breached'),
                type: 'bar',
                stack: 'all',
                color: '#ff4d4f',
                data: bars.map((b) => b.breached),
                label: { show: true, position: 'right', formatter: ({ dataIndex }: { dataIndex: number }) => (bars[dataIndex]!.attainment === null ? '' : `${Math.round(bars[dataIndex]!.attainment! * 100)}%`) },
              },
              { name: t('sla.attainment.open'), type: 'bar', stack: 'all', color: '#d9d9d9', data: bars.map((b) => b.open) },
            ],
          }}
        />
      )}
    </Card>
  );
}

/** Settings → SLA: attainment of the last 30 days, and the policies (first match wins). */
export function SlaSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mayConfigure = useCan('service.configure');
  const policies = useSlaPolicies();
  const changed = useSlaPoliciesChanged();
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/sla-policies/${id}`),
    onSuccess: () => {
      message.success(t('sla.policies.deleted'));
      changed();
    },
    onError: (err) => message.error(err.message),
  });
  const targetText = (p: SlaPolicy, priority: (typeof CASE_PRIORITIES)[number]) =>
    SLA_METRICS.map((m) => p.targets[priority][m])
      .map((v) => (v === null ? '—' : formatMinutes(v)))
      .join(' / ');
  return (
    <Flex vertical gap={16}>
      <AttainmentCard />
      <Card
        title={t('sla.policies.title')}
        extra={
          mayConfigure && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="sla-policy-add">
              {t('sla.policies.add')}
            </Button>
          )
        }
      >
        {!mayConfigure && <Alert type="info" showIcon title={t('sla.policies.restricted')} style={{ marginBottom: 12 }} />}
        {policies.error && <ErrorAlert error={policies.error} onRetry={() => void policies.refetch()} />}
        <Typography.Paragraph type="secondary">{t('sla.policies.hint')}</Typography.Paragraph>
        <Table<SlaPolicy>
          size="small"
          rowKey="id"
          loading={policies.isLoading}
          pagination={false}
          dataSource={policies.data ?? []}
          locale={{ emptyText: <Empty description={t('sla.policies.empty')} /> }}
          data-testid="sla-policies"
          columns={[
            { key: 'name', title: t('sla.policies.name'), render: (_, p) => <>{p.name} {!p.active && <Tag>{t('sla.policies.inactive')}</Tag>}</> },
            {
              key: 'covers',
              title: t('sla.policies.covers'),
              render: (_, p) =>
                [...(p.conditions.priorities ?? []).map((x) => t(`sla.priorities.${x}`)), ...(p.conditions.channels ?? []).map((x) => t(`sla.channels.${x}`)), ...(p.conditions.tiers ?? [])].join('、') || t('sla.policies.allCases'),
            },
            ...CASE_PRIORITIES.map((priority) => ({ key: priority, title: t(`sla.priorities.${priority}`), render: (_: unknown, p: SlaPolicy) => <Typography.Text style={{ fontSize: 12 }}>{targetText(p, priority)}</Typography.Text> })),
            { key: 'hours', title: t('sla.policies.clock'), render: (_, p) => (p.businessHours ? t('sla.policies.businessHoursShort') : t('sla.policies.alwaysShort')) },
            {
              key: 'actions',
              width: 90,
              render: (_, p) =>
                mayConfigure && (
                  <Flex gap={4}>
                    <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={t('sla.policies.edit')} />
                    <Popconfirm title={t('sla.policies.deleteConfirm', { name: p.name })} onConfirm={() => remove.mutate(p.id)}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  </Flex>
                ),
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('sla.policies.legend')}
        </Typography.Text>
      </Card>
      <SlaPolicyModal
        open={editing !== null}
        policy={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(t('common.saved'));
          changed();
        }}
      />
    </Flex>
  );
}
