import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Table, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ORDER_TRANSITIONS, type OrderStatus } from '../../../../contracts/orders';
import { api } from '../../../app/api';
import { OwnerName } from '../../../app/OwnerName';
import { useFormat } from '../../../app/useFormat';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { OrderStatusTag } from './OrderStatusTag';
import type { OrderLine, OrderWithLines } from './types';
import { useOrdersChanged } from './useOrders';

const ACTION_TESTIDS: Record<OrderStatus, string> = { draft: 'order-draft', confirmed: 'order-confirm', fulfilled: 'order-fulfil', cancelled: 'order-cancel' };

/** /orders/:id: an order's customer, lines and totals, and the buttons that move it along. */
export function OrderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const format = useFormat();
  const changed = useOrdersChanged();
  const [moving, setMoving] = useState<OrderStatus | null>(null);
  const order = useQuery({ queryKey: ['/orders', id], queryFn: ({ signal }) => api.get<OrderWithLines>(`/orders/${id}`, undefined, signal) });
  const customer = useQuery({
    queryKey: ['/orders', id, 'customer', order.data?.accountId, order.data?.contactId],
    enabled: Boolean(order.data),
    queryFn: ({ signal }) => {
      const o = order.data!;
      return o.accountId ? api.get<{ name: string }>(`/accounts/${o.accountId}`, undefined, signal) : api.get<{ name: string }>(`/contacts/${o.contactId}`, undefined, signal);
    },
  });
  if (order.error) return <ErrorAlert error={order.error} />;
  const o = order.data;
  if (!o) return null;

  const move = async (status: OrderStatus) => {
    setMoving(status);
    try {
      await api.post(`/orders/${o.id}/status`, { status });
      message.success(t('orders.moved', { number: o.number, status: t(`orders.statuses.${status}`) }));
      changed();
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setMoving(null);
    }
  };
  const remove = async () => {
    await api.delete(`/orders/${o.id}`);
    changed();
    void navigate('/orders');
  };
  const money = (minor: number) => format.money(minor, o.currency);
  const customerPath = o.accountId ? `/accounts/${o.accountId}` : `/contacts/${o.contactId}`;
  const actions = ORDER_TRANSITIONS[o.status].map((status) => {
    const button = (
      <Button key={status} type={status === 'cancelled' ? 'default' : 'primary'} danger={status === 'cancelled'} loading={moving === status} data-testid={ACTION_TESTIDS[status]} onClick={status === 'cancelled' ? undefined : () => void move(status)}>
        {t(`orders.actions.${status}`)}
      </Button>
    );
    return status === 'cancelled' ? (
      <Popconfirm key={status} title={t('orders.cancelConfirm')} onConfirm={() => void move(status)} okButtonProps={{ 'data-testid': 'order-cancel-confirm' } as ButtonProps}>
        {button}
      </Popconfirm>
    ) : (
      button
    );
  });
  if (o.status === 'draft' || o.status === 'cancelled')
    actions.push(
      <Popconfirm key="delete" title={t('orders.deleteConfirm')} onConfirm={() => void remove()}>
        <Button data-testid="order-delete">{t('common.delete')}</Button>
      </Popconfirm>,
    );

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            <span data-testid="order-number">{o.number}</span>
            <OrderStatusTag status={o.status} />
          </Flex>
        }
        subtitle={t('orders.pageSubtitle', { date: format.day(o.orderDate), total: money(o.total) })}
        extra={<Flex gap={8}>{actions}</Flex>}
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('orders.fields.customer')}>
              <Link to={customerPath} data-testid="order-customer">
                {customer.data?.name ?? '…'}
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.fields.orderedAt')}>{format.dateTime(o.orderedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.ownerId')}>
              <OwnerName ownerId={o.ownerId} />
            </Descriptions.Item>
            {o.confirmedAt && <Descriptions.Item label={t('orders.fields.confirmedAt')}>{format.dateTime(o.confirmedAt)}</Descriptions.Item>}
            {o.fulfilledAt && <Descriptions.Item label={t('orders.fields.fulfilledAt')}>{format.dateTime(o.fulfilledAt)}</Descriptions.Item>}
            {o.cancelledAt && <Descriptions.Item label={t('orders.fields.cancelledAt')}>{format.dateTime(o.cancelledAt)}</Descriptions.Item>}
            {o.opportunityId && (
              <Descriptions.Item label={t('orders.fields.opportunity')}>
                <Link to={`/opportunities/${o.opportunityId}`}>{t('orders.openDeal')}</Link>
              </Descriptions.Item>
            )}
            {o.externalRef && <Descriptions.Item label={t('orders.fields.externalRef')}>{o.externalRef}</Descriptions.Item>}
          </Descriptions>
          {o.notes && <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>{o.notes}</Typography.Paragraph>}
        </Card>
        <Card size="small" title={t('orders.lines')}>
          <Table<OrderLine>
            size="small"
            rowKey="position"
            pagination={false}
            dataSource={o.lines}
            data-testid="order-lines"
            scroll={{ x: 720 }}
            columns={[
              { key: 'product', title: t('orders.fields.product'), render: (_, l) => <Link to={`/products/${l.productId}`}>{l.name}</Link> },
              { key: 'sku', title: 'SKU', dataIndex: 'sku' },
              { key: 'quantity', title: t('orders.fields.quantity'), align: 'right', render: (_, l) => format.number(Number(l.quantity)) },
              { key: 'unitPrice', title: t('orders.fields.unitPrice'), align: 'right', render: (_, l) => money(l.unitPrice) },
              { key: 'discount', title: t('orders.fields.discountPercent'), align: 'right', render: (_, l) => (Number(l.discountPercent) ? `${Number(l.discountPercent)}%` : '') },
              { key: 'total', title: t('orders.fields.lineTotal'), align: 'right', render: (_, l) => money(l.total) },
              { key: 'warranty', title: t('orders.fields.warrantyEndsOn'), render: (_, l) => (l.warrantyEndsOn ? format.day(l.warrantyEndsOn) : '') },
            ]}
            summary={() => (
              <>
                {[
                  ['subtotal', o.subtotal],
                  ['discount', -o.discount],
                  ['tax', o.tax],
                  ['total', o.total],
                ].map(([key, value]) => (
                  <Table.Summary.Row key={key}>
                    <Table.Summary.Cell index={0} colSpan={5} align="right">
                      {t(`orders.fields.${key}`)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      <span data-testid={`order-${key}`}>{money(value as number)}</span>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} />
                  </Table.Summary.Row>
                ))}
              </>
            )}
          />
        </Card>
      </Flex>
    </>
  );
}
