import { ApiOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint } from '../../../app/types';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { AdminOnlyNotice } from '../AdminOnlyNotice';
import { useIsAdmin } from '../useIsAdmin';
import { WebhookDeliveriesDrawer } from './WebhookDeliveriesDrawer';
import { WebhookFormModal } from './WebhookFormModal';
import { WebhooksTable } from './WebhooksTable';
import { useWebhooks } from './useWebhooks';

/** /settings/webhooks: endpoints that receive the workspace's changes as signed POSTs (admins). */
export function WebhooksSettings() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const endpoints = useWebhooks(isAdmin);
  // The dialog: adding (endpoint null) or changing one; the endpoint stays while it closes, so its title does not flip.
  const [dialog, setDialog] = useState<{ open: boolean; endpoint: WebhookEndpoint | null }>({ open: false, endpoint: null });
  const edit = (endpoint: WebhookEndpoint | null) => setDialog({ open: true, endpoint });
  const [log, setLog] = useState<WebhookEndpoint | null>(null);
  const rows = endpoints.data?.data ?? [];
  const empty = !endpoints.isPending && !endpoints.error && rows.length === 0;
  const addButton = (
    <Button type="primary" icon={<ApiOutlined />} onClick={() => edit(null)} data-testid="webhook-open">
      {t('webhooks.add')}
    </Button>
  );

  if (!isAdmin) return <AdminOnlyNotice />;
  return (
    <Card title={t('webhooks.title')} extra={!empty && addButton}>
      <Typography.Paragraph type="secondary">
        {t('webhooks.text')} <a href="/api/docs" target="_blank" rel="noreferrer">{t('apiKeys.docs')}</a>
      </Typography.Paragraph>
      {endpoints.error && <ErrorAlert error={endpoints.error} onRetry={() => void endpoints.refetch()} />}
      {endpoints.error ? null : empty ? (
        <EmptyState title={t('webhooks.empty.title')} description={t('webhooks.empty.text')} action={addButton} testId="webhooks-empty" />
      ) : (
        <WebhooksTable rows={rows} loading={endpoints.isPending} onEdit={edit} onShowLog={setLog} />
      )}
      <WebhookFormModal open={dialog.open} endpoint={dialog.endpoint} onClose={() => setDialog((d) => ({ ...d, open: false }))} />
      <WebhookDeliveriesDrawer endpoint={log} onClose={() => setLog(null)} />
    </Card>
  );
}
