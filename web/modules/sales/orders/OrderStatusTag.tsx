import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../../../contracts/orders';

const COLORS: Record<OrderStatus, string> = { draft: 'default', confirmed: 'blue', fulfilled: 'green', cancelled: 'red' };

/** Draft, confirmed, fulfilled or cancelled. */
export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="order-status">
      {t(`orders.statuses.${status}`)}
    </Tag>
  );
}
