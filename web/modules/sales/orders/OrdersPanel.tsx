import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Badge, Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../app/api';
import { canCreateRecords } from '../../../app/permissions';
import { registerOverviewPanel, type OverviewPanelProps } from '../../../app/overview/panelRegistry';
import type { Page } from '../../../app/types';
import { useCurrentSession } from '../../../app/useCurrentSession';
import { useFormat } from '../../../app/useFormat';
import { RecordRows } from '../../../ui/RecordRows';
import { OrderFormModal } from './OrderFormModal';
import { OrderStatusTag } from './OrderStatusTag';
import type { ListedOrder } from './types';
import { useOrdersChanged } from './useOrders';

/** The 'orders' panel of an account's or contact's 360 view: their latest orders, and a new one for them. */
export function OrdersPanel({ recordType, recordId, total }: OverviewPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const format = useFormat();
  const changed = useOrdersChanged();
  const mayCreate = canCreateRecords(useCurrentSession().membership.role);
  const [creating, setCreating] = useState(false);
  const field = recordType === 'account' ? 'accountId' : 'contactId';
  const orders = useQuery({
    queryKey: ['/orders', 'of', recordType, recordId],
    queryFn: ({ signal }) => api.get<Page<ListedOrder>>('/orders', { filter: [`${field}:eq:${recordId}`], limit: 10 }, signal),
  });
  return (
    <Card
      size="small"
      data-testid="panel-orders"
      title={
        <>
          {t('overview.panels.orders')} <Badge count={total} showZero color="gray" />
        </>
      }
      extra={
        mayCreate && (
          <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="panel-order-add">
            {t('orders.add')}
          </Button>
        )
      }
    >
      <RecordRows
        empty={t('orders.panelEmpty')}
        testId="panel-orders-list"
        rows={(orders.data?.data ?? []).map((order) => ({
          key: order.id,
          title: <Link to={`/orders/${order.id}`}>{order.number}</Link>,
          subtitle: (
            <Flex component="span" gap={6} align="center" wrap>
              <OrderStatusTag status={order.status} />
              {format.money(order.total, order.currency)} · {format.day(order.orderDate)}
            </Flex>
          ),
        }))}
      />
      <OrderFormModal
        open={creating}
        {...{ [field]: recordId }}
        onClose={() => setCreating(false)}
        onSaved={(order) => {
          setCreating(false);
          message.success(t('orders.created', { number: order.number }));
          changed();
          void navigate(`/orders/${order.id}`);
        }}
      />
    </Card>
  );
}

registerOverviewPanel('orders', OrdersPanel);
