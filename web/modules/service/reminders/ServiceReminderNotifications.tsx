import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { RealtimeEvent } from '../../../app/realtime/realtimeSocket';
import { useRealtime } from '../../../app/realtime/useRealtime';

/** Proactive reminders for the owner (a warranty about to end), mounted once in the signed-in layout, with a link to their tasks. */
export function ServiceReminderNotifications() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  useRealtime('service.reminder', (event: RealtimeEvent) => {
    const key = `service-reminder-${String(event.firedId)}`;
    notification.open({
      key,
      duration: 0,
      icon: <SafetyCertificateOutlined style={{ color: '#fa8c16' }} />,
      title: <span data-testid="service-reminder-notification">{t('serviceReminders.notification', { product: String(event.product ?? ''), date: String(event.date ?? ''), name: String(event.name ?? '') })}</span>,
      description: (
        <Typography.Link
          onClick={() => {
            notification.destroy(key);
            void navigate('/tasks');
          }}
        >
          {t('serviceReminders.openTask')}
        </Typography.Link>
      ),
    });
  });
  return null;
}
