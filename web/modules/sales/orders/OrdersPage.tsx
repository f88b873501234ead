import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { can, canCreateRecords } from '../../../app/permissions';
import { useCurrentSession } from '../../../app/useCurrentSession';
import { RecordList } from '../../../ui/lists/RecordList';
import { PageHeader } from '../../../ui/PageHeader';
import { OrderFormModal } from './OrderFormModal';
import { useOrderListConfig } from './orderListConfig';
import { useOrdersChanged } from './useOrders';

/** /orders: what customers bought, newest first; filters, views and columns in the URL. */
export function OrdersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const changed = useOrdersChanged();
  const config = useOrderListConfig();
  const role = useCurrentSession().membership.role;
  const [creating, setCreating] = useState(false);
  const addButton = canCreateRecords(role) && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="order-add">
      {t('orders.add')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('orders.title')}
        subtitle={t('orders.subtitle')}
        extra={
          <>
            {can(role, 'sales.configure') && (
              <Button icon={<UploadOutlined />} onClick={() => void navigate('/orders/import')} data-testid="orders-import-open">
                {t('orders.import.open')}
              </Button>
            )}
            {addButton}
          </>
        }
      />
      <RecordList config={config} emptyAction={addButton} />
      <OrderFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(order) => {
          setCreating(false);
          message.success(t('orders.created', { number: order.number }));
          changed();
          void navigate(`/orders/${order.id}`);
        }}
      />
    </>
  );
}
