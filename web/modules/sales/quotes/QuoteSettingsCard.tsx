import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { FormAlert } from '../../../ui/FormAlert';
import type { QuoteSettings } from './types';
import { useQuoteSettings } from './useQuotes';

interface Values {
  approvalThresholdPercent: number;
  validityDays: number;
  defaultTaxRate: number;
  winDealOnAccept: boolean;
  defaultTerms?: string | null;
}

/** Settings → Sales → Quotes: the discount that needs a manager's approval, and what new quotes start with. */
export function QuoteSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useQuoteSettings();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!settings.data) return;
    const s = settings.data;
    form.setFieldsValue({ approvalThresholdPercent: Number(s.approvalThresholdPercent), validityDays: s.validityDays, defaultTaxRate: Number(s.defaultTaxRate), winDealOnAccept: s.winDealOnAccept, defaultTerms: s.defaultTerms });
  }, [settings.data, form]);
  const { submit, pending, error } = useFormSubmit(
    form,
    (values: Values) => api.patch<QuoteSettings>('/quote-settings', { ...values, defaultTerms: values.defaultTerms?.trim() || null }),
    (saved) => {
      queryClient.setQueryData(['/quote-settings'], saved);
      message.success(t('common.saved'));
    },
  );
  return (
    <Card title={t('quotes.settings.title')} data-testid="quote-settings">
      {settings.error && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      <FormAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="approvalThresholdPercent" label={t('quotes.settings.threshold')} extra={t('quotes.settings.thresholdHelp')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} data-testid="quote-threshold" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="validityDays" label={t('quotes.settings.validityDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={3650} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="defaultTaxRate" label={t('quotes.settings.defaultTaxRate')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="winDealOnAccept" label={t('quotes.settings.winDealOnAccept')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="defaultTerms" label={t('quotes.settings.defaultTerms')}>
          <Input.TextArea rows={3} maxLength={10000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending} data-testid="quote-settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
