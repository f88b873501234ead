import { AuditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { RealtimeEvent } from '../../../app/realtime/realtimeSocket';
import { useRealtime } from '../../../app/realtime/useRealtime';

const KINDS = ['approval_requested', 'approved', 'rejected'] as const;

/**
 * Discount approvals as they happen, mounted once in the signed-in layout: approvers hear of a request, the
 * requester of the decision, each with a link to the deal's quotes.
 */
export function QuoteNotifications() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useRealtime('quote.*', (event: RealtimeEvent) => {
    const kind = KINDS.find((k) => event.type === `quote.${k}`);
    if (!kind || typeof event.quoteId !== 'string' || typeof event.opportunityId !== 'string') return;
    const dealId = event.opportunityId;
    void queryClient.invalidateQueries({ queryKey: ['/opportunities', dealId, 'quotes'] });
    void queryClient.invalidateQueries({ queryKey: ['/quotes', event.quoteId] });
    const key = `quote-${event.quoteId}-${kind}`;
    notification.open({
      key,
      duration: kind === 'approval_requested' ? 0 : 8,
      icon: <AuditOutlined style={{ color: kind === 'rejected' ? '#ff4d4f' : '#1677ff' }} />,
      title: <span data-testid="quote-notification">{t(`quotes.notify.${kind}`, { number: String(event.number ?? '') })}</span>,
      description: (
        <Typography.Link
          onClick={() => {
            notification.destroy(key);
            void navigate(`/opportunities/${dealId}?tab=quotes`);
          }}
        >
          {t('quotes.notify.view')}
        </Typography.Link>
      ),
    });
  });
  return null;
}
