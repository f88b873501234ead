import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { LANGUAGES } from '../../app/i18n';
import type { Session, Workspace } from '../../app/types';
import { useFormSubmit } from '../../app/useFormSubmit';
import { SESSION_KEY } from '../../app/useSession';
import { FormAlert } from '../../ui/FormAlert';
import { timeZoneOptions } from '../../ui/timeZones';
import { countryOptions, currencyOptions } from './options';

type WorkspaceValues = Omit<Workspace, 'id'>;

interface WorkspaceFormProps {
  workspace: Workspace;
  editable: boolean;
}

/** Name and defaults of the workspace: country, currency, language, time zone. */
export function WorkspaceForm({ workspace, editable }: WorkspaceFormProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<WorkspaceValues>();
  const { submit, pending, error } = useFormSubmit(
    form,
    (values: WorkspaceValues) => api.patch<Workspace>('/workspace', values),
    (saved) => {
      message.success(t('common.saved'));
      queryClient.setQueryData(['workspace'], saved);
      queryClient.setQueryData<Session>(SESSION_KEY, (s) => (s ? { ...s, workspace: { ...s.workspace, ...saved } } : s));
    },
  );
  const locale = i18n.resolvedLanguage ?? 'en';
  const initialValues: WorkspaceValues = {
    name: workspace.name,
    defaultCountry: workspace.defaultCountry,
    defaultCurrency: workspace.defaultCurrency,
    defaultLocale: workspace.defaultLocale,
    timeZone: workspace.timeZone,
  };

  return (
    <Card title={t('settings.workspace.title')}>
      <FormAlert message={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={!editable}
        onFinish={submit}
        style={{ maxWidth: 560 }}
      >
        <Form.Item name="name" label={t('fields.workspaceName')} rules={[{ required: true, whitespace: true }]}>
          <Input name="name" />
        </Form.Item>
        <Form.Item name="defaultCountry" label={t('fields.defaultCountry')} extra={t('settings.workspace.countryHint')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={countryOptions(locale, workspace.defaultCountry)} />
        </Form.Item>
        <Form.Item name="defaultCurrency" label={t('fields.defaultCurrency')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={currencyOptions(locale, workspace.defaultCurrency)} />
        </Form.Item>
        <Form.Item name="defaultLocale" label={t('fields.defaultLocale')} extra={t('settings.workspace.localeHint')}>
          <Select options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))} />
        </Form.Item>
        <Form.Item name="timeZone" label={t('fields.timeZone')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={timeZoneOptions()} />
        </Form.Item>
        {editable && (
          <Button type="primary" htmlType="submit" loading={pending} data-testid="workspace-submit">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
