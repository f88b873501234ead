import { Card, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCurrentSession } from '../../../app/useCurrentSession';
import { useFormat } from '../../../app/useFormat';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { StatusTag } from './StatusTag';
import type { WorkOrder } from './types';
import { useWorkOrders } from './useField';
import { WorkOrderDrawer } from './WorkOrderDrawer';

const VIEWS = { open: ['status:in:new|declined|dispatched|accepted|on_site'], toDispatch: ['status:in:new|declined'], done: ['status:eq:done'], all: [] } as const;
type View = keyof typeof VIEWS;

/** /work-orders: every work order (a station member: their station's queue), opened in a drawer. */
export function WorkOrdersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const isStation = useCurrentSession().membership.role === 'station';
  const [view, setView] = useState<View>('open');
  const [params, setParams] = useSearchParams();
  const openId = params.get('id');
  const orders = useWorkOrders([...VIEWS[view]]);
  const open = (id: string | null) => setParams(id ? { id } : {}, { replace: true });
  return (
    <>
      <PageHeader title={isStation ? t('field.queueTitle') : t('field.workOrders')} subtitle={isStation ? t('field.queueSubtitle') : t('field.workOrdersSubtitle')} />
      <Card>
        <Segmented<View>
          value={view}
          onChange={setView}
          style={{ marginBottom: 12 }}
          options={(Object.keys(VIEWS) as View[]).filter((v) => !(isStation && v === 'toDispatch')).map((v) => ({ value: v, label: t(`field.views.${v}`) }))}
          data-testid="work-order-views"
        />
        {orders.error ? (
          <ErrorAlert error={orders.error} onRetry={() => void orders.refetch()} />
        ) : (
          <Table<WorkOrder>
            rowKey="id"
            loading={orders.isPending}
            dataSource={orders.data ?? []}
            pagination={false}
            size="middle"
            onRow={(row) => ({ onClick: () => open(row.id), style: { cursor: 'pointer' }, 'data-testid': `work-order-${row.numberText}` }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <EmptyState title={t('field.empty')} description={isStation ? t('field.emptyStation') : t('field.emptyHint')} /> }}
            columns={[
              { key: 'number', title: t('field.fields.number'), dataIndex: 'numberText', width: 120 },
              { key: 'status', title: t('field.fields.status'), render: (_, r) => <StatusTag status={r.status} />, width: 110 },
              { key: 'customer', title: t('field.fields.customer'), render: (_, r) => r.customerName ?? '–' },
              { key: 'problem', title: t('field.fields.problem'), dataIndex: 'problem', ellipsis: true },
              { key: 'place', title: t('field.fields.address'), render: (_, r) => [r.province, r.city].filter(Boolean).join(' ') || '–' },
              ...(isStation ? [] : [{ key: 'station', title: t('field.fields.station'), render: (_: unknown, r: WorkOrder) => r.stationName ?? '–' }]),
              { key: 'created', title: t('field.fields.createdAt'), render: (_, r) => format.dateTime(r.createdAt), width: 170 },
            ]}
          />
        )}
      </Card>
      <WorkOrderDrawer id={openId} onClose={() => open(null)} />
    </>
  );
}
