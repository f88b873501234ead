import { ToolOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { RealtimeEvent } from '../../../app/realtime/realtimeSocket';
import { useRealtime } from '../../../app/realtime/useRealtime';

const KINDS = ['dispatched', 'done', 'declined'] as const;

/**
 * Work orders as they move, mounted once in the signed-in layout: a station hears of a new order, the case's
 * agent of one done or declined, each with a link to it.
 */
export function WorkOrderNotifications() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useRealtime('work_order.*', (event: RealtimeEvent) => {
    const kind = KINDS.find((k) => event.type === `work_order.${k}`);
    if (!kind || typeof event.workOrderId !== 'string') return;
    const id = event.workOrderId;
    void queryClient.invalidateQueries({ queryKey: ['/work-orders'] });
    const key = `work-order-${id}-${kind}`;
    notification.open({
      key,
      duration: 10,
      icon: <ToolOutlined style={{ color: kind === 'declined' ? '#fa8c16' : '#1677ff' }} />,
      title: <span data-testid="work-order-notification">{t(`field.notify.${kind}`, { number: String(event.number ?? ''), station: String(event.stationName ?? '') })}</span>,
      description: (
        <Typography.Link
          onClick={() => {
            notification.destroy(key);
            void navigate(`/work-orders?id=${id}`);
          }}
        >
          {t('field.notify.view')}
        </Typography.Link>
      ),
    });
  });
  return null;
}
