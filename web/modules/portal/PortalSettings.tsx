import { ExportOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, ColorPicker, Form, Input, Select, Spin, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormAlert } from '../../ui/FormAlert';
import { typeLabel, type PortalCaseType } from './usePortal';

interface Settings {
  enabled: boolean;
  portalKey: string;
  color: string;
  welcomeText: string | null;
  caseTypeIds: string[];
}

const SETTINGS_KEY = ['portal-settings'];

/** Settings → Customer portal: open it, its address, colour, welcome text, which request types customers may open. */
export function PortalSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: ({ signal }) => api.get<Settings>('/portal-settings', undefined, signal) });
  const types = useQuery({ queryKey: ['/case-types'], queryFn: ({ signal }) => api.get<{ data: (PortalCaseType & { active: boolean })[] }>('/case-types', undefined, signal) });
  const [form] = Form.useForm<Settings>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const { submit, pending, error } = useFormSubmit(
    form,
    (values: Settings) => api.patch<Settings>('/portal-settings', { ...values, color: typeof values.color === 'string' ? values.color : (values.color as { toHexString: () => string }).toHexString(), welcomeText: values.welcomeText?.trim() || null }),
    (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      void message.success(t('portal.settings.saved'));
    },
  );
  const key = Form.useWatch('portalKey', form) ?? settings.data?.portalKey ?? '';
  const url = `${window.location.origin}/portal/${key}`;
  if (settings.isLoading) return <Spin />;
  if (settings.error) return <ErrorAlert error={settings.error} />;
  return (
    <Card style={{ maxWidth: 760 }} data-testid="portal-settings">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('portal.settings.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.settings.subtitle')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={settings.data}>
        <FormAlert message={error} />
        <Form.Item name="enabled" label={t('portal.settings.enabled')} valuePropName="checked">
          <Switch data-testid="portal-settings-enabled" />
        </Form.Item>
        <Form.Item name="portalKey" label={t('portal.settings.key')} extra={t('portal.settings.keyHint')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{2,39}$/ }]}>
          <Input addonBefore={`${window.location.origin}/portal/`} data-testid="portal-settings-key" />
        </Form.Item>
        <Form.Item label={t('portal.settings.address')}>
          <Typography.Link href={url} target="_blank" copyable={{ text: url }} data-testid="portal-settings-url">
            {url} <ExportOutlined />
          </Typography.Link>
        </Form.Item>
        <Form.Item name="color" label={t('portal.settings.color')} extra={t('portal.settings.logo')} getValueFromEvent={(color: { toHexString: () => string }) => color.toHexString()}>
          <ColorPicker showText disabledAlpha presets={[{ label: '', colors: ['#1677ff', '#0e7490', '#059669', '#d97706', '#dc2626', '#7c3aed', '#111827'] }]} />
        </Form.Item>
        <Form.Item name="welcomeText" label={t('portal.settings.welcome')}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('portal.settings.welcomePlaceholder')} />
        </Form.Item>
        <Form.Item name="caseTypeIds" label={t('portal.settings.caseTypes')} extra={t('portal.settings.caseTypesHint')}>
          <Select mode="multiple" allowClear loading={types.isLoading} options={(types.data?.data ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: typeLabel(x, t) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending} data-testid="portal-settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
