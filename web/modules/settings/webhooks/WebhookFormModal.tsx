import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import type { CreatedWebhookEndpoint, WebhookEndpoint } from '../../../app/types';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FormAlert } from '../../../ui/FormAlert';
import { ResultModal } from '../ResultModal';
import { ShownOnceSecret } from '../ShownOnceSecret';
import { ALL_EVENTS, WEBHOOK_EVENT_GROUPS } from './webhookEvents';
import { WEBHOOKS_KEY } from './useWebhooks';

interface WebhookValues {
  url: string;
  events: string[];
}

interface WebhookFormModalProps {
  open: boolean;
  /** The endpoint to change; none to add one (its secret is then shown once, here). */
  endpoint: WebhookEndpoint | null;
  onClose: () => void;
}

/** Add or change a webhook endpoint: its URL and the events it takes. */
export function WebhookFormModal({ open, endpoint, onClose }: WebhookFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<WebhookValues>();
  const [created, setCreated] = useState<CreatedWebhookEndpoint | null>(null);
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: WebhookValues): Promise<WebhookEndpoint | CreatedWebhookEndpoint> => {
      const body = { ...values, url: values.url.trim() };
      return endpoint ? api.patch<WebhookEndpoint>(`/webhooks/${endpoint.id}`, body) : api.post<CreatedWebhookEndpoint>('/webhooks', body);
    },
    (result) => {
      void queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
      if ('secret' in result) setCreated(result as CreatedWebhookEndpoint);
      else {
        message.success(t('common.saved'));
        onClose();
      }
    },
  );

  useEffect(() => {
    if (open) form.setFieldsValue(endpoint ? { url: endpoint.url, events: endpoint.events } : { url: '', events: ['contact.*'] });
  }, [open, endpoint, form]);

  const afterClose = () => {
    setCreated(null);
    form.resetFields();
    reset();
  };

  const eventLabel = (event: string) => {
    const action = event.split('.')[1]!;
    return (
      <span>
        <Typography.Text code>{event}</Typography.Text> <Typography.Text type="secondary">{t(action === '*' ? 'webhooks.anyChange' : `webhooks.actions.${action}`)}</Typography.Text>
      </span>
    );
  };
  const options = [
    { value: ALL_EVENTS, label: <span><Typography.Text code>*</Typography.Text> <Typography.Text type="secondary">{t('webhooks.allEvents')}</Typography.Text></span> },
    ...WEBHOOK_EVENT_GROUPS.map((group) => ({ label: t(`webhooks.records.${group.record}`), title: group.record, options: group.events.map((event) => ({ value: event, label: eventLabel(event) })) })),
  ];

  return (
    <ResultModal
      open={open}
      title={endpoint ? t('webhooks.editTitle') : t('webhooks.addTitle')}
      onClose={onClose}
      afterClose={afterClose}
      showingResult={Boolean(created)}
      submit={{ label: endpoint ? t('common.save') : t('webhooks.add'), testId: 'webhook-submit', pending, onClick: () => form.submit() }}
      done={{ label: t('webhooks.copiedDone'), testId: 'webhook-done' }}
      keepOpenOnMaskClick
      width={600}
    >
      {created ? (
        <ShownOnceSecret value={created.secret} title={t('webhooks.onceTitle')} description={t('webhooks.onceText')} testId="webhook-secret">
          <Typography.Paragraph type="secondary">{t('webhooks.signatureHint')}</Typography.Paragraph>
          <Typography.Paragraph code style={{ wordBreak: 'break-all' }}>
            {'Guanxi-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>'}
          </Typography.Paragraph>
        </ShownOnceSecret>
      ) : (
        <>
          <FormAlert message={error} />
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item name="url" label={t('webhooks.url')} extra={t('webhooks.urlHint')} rules={[{ required: true, type: 'url', whitespace: true }]}>
              <Input name="url" autoComplete="off" placeholder="https://example.com/hooks/guanxi" data-testid="webhook-url" />
            </Form.Item>
            <Form.Item name="events" label={t('webhooks.events')} extra={t('webhooks.eventsHint')} rules={[{ required: true, type: 'array', min: 1 }]}>
              <Select mode="multiple" options={options} optionLabelProp="value" showSearch={{ optionFilterProp: 'value' }} data-testid="webhook-events" />
            </Form.Item>
          </Form>
        </>
      )}
    </ResultModal>
  );
}
