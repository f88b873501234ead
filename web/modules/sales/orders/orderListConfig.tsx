import { useMemo } from 'react';
import { ORDER_STATUSES } from '../../../../contracts/orders';
import { useFormat } from '../../../app/useFormat';
import type { ListConfig } from '../../../ui/lists/listConfig';
import { OrderStatusTag } from './OrderStatusTag';
import type { ListedOrder } from './types';

/** The orders list (/orders) for RecordList; money in the reader's format. */
export function useOrderListConfig(): ListConfig<ListedOrder> {
  const format = useFormat();
  return useMemo(() => ({
  objectType: 'orders',
  path: '/orders',
  testIdPrefix: 'orders',
  recordUrl: (row) => `/orders/${row.id}`,
  defaultSort: '-orderedAt',
  textFields: [{ value: 'number', labelKey: 'orders.fields.number' }],
  fields: {
    number: { labelKey: 'orders.fields.number' },
    status: { labelKey: 'orders.fields.status', choices: ORDER_STATUSES.map((value) => ({ value, labelKey: `orders.statuses.${value}` })) },
    total: { labelKey: 'orders.fields.total' },
    orderedAt: { labelKey: 'orders.fields.orderedAt' },
    orderDate: { labelKey: 'orders.fields.orderDate' },
    externalRef: { labelKey: 'orders.fields.externalRef' },
  },
  columns: [
    { key: 'name', titleKey: 'orders.fields.number', width: 140 },
    { key: 'customerName', titleKey: 'orders.fields.customer', width: 200 },
    { key: 'status', titleKey: 'orders.fields.status', width: 110, render: (row) => <OrderStatusTag status={row.status} /> },
    { key: 'total', titleKey: 'orders.fields.total', width: 140, render: (row) => format.money(row.total, row.currency) },
    { key: 'orderDate', titleKey: 'orders.fields.orderDate', width: 120, render: (row) => format.day(row.orderDate) },
    { key: 'ownerId', width: 140 },
    { key: 'externalRef', titleKey: 'orders.fields.externalRef', shown: false },
    { key: 'createdAt', shown: false },
    { key: 'updatedAt', shown: false },
  ],
  kanbanFields: ['status'],
  bulkFields: [],
  bulk: false,
  cardSubtitle: (row) => row.customerName,
  texts: { emptyTitle: 'orders.empty.title', emptyText: 'orders.empty.text', noMatchTitle: 'orders.noMatch.title', noMatchText: 'orders.noMatch.text' },
}), [format]);
}
