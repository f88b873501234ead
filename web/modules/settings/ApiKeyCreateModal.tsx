import { useQueryClient } from '@tanstack/react-query';
import { Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_KEY_SCOPES, type ApiKeyScope } from '../../../contracts/roles';
import { api } from '../../app/api';
import type { CreatedApiKey } from '../../app/types';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { ResultModal } from './ResultModal';
import { ShownOnceSecret } from './ShownOnceSecret';

interface ApiKeyValues {
  name: string;
  scopes: ApiKeyScope[];
}

interface ApiKeyCreateModalProps {
  open: boolean;
  onClose: () => void;
}

/** Create an API key: name and scopes; the key itself is shown once, here. */
export function ApiKeyCreateModal({ open, onClose }: ApiKeyCreateModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ApiKeyValues>();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: ApiKeyValues) => api.post<CreatedApiKey>('/api-keys', values),
    (key) => {
      setCreated(key);
      void queryClient.invalidateQueries({ queryKey: ['/api-keys'] });
    },
  );

  const afterClose = () => {
    setCreated(null);
    form.resetFields();
    reset();
  };

  return (
    <ResultModal
      open={open}
      title={t('apiKeys.createTitle')}
      onClose={onClose}
      afterClose={afterClose}
      showingResult={Boolean(created)}
      submit={{ label: t('apiKeys.create'), testId: 'api-key-submit', pending, onClick: () => form.submit() }}
      done={{ label: t('apiKeys.copiedDone'), testId: 'api-key-done' }}
      keepOpenOnMaskClick
    >
      {created ? (
        <ShownOnceSecret value={created.key} title={t('apiKeys.onceTitle')} description={t('apiKeys.onceText')} testId="api-key-value">
          <Typography.Paragraph type="secondary">{t('apiKeys.usage')}</Typography.Paragraph>
          <Typography.Paragraph code style={{ wordBreak: 'break-all' }}>
            {`Authorization: Bearer ${created.key.slice(0, 8)}…`}
          </Typography.Paragraph>
        </ShownOnceSecret>
      ) : (
        <>
          <FormAlert message={error} />
          <Form form={form} layout="vertical" initialValues={{ scopes: ['read'] }} onFinish={submit}>
            <Form.Item name="name" label={t('fields.name')} extra={t('apiKeys.nameHint')} rules={[{ required: true, whitespace: true }]}>
              <Input name="name" autoComplete="off" />
            </Form.Item>
            <Form.Item name="scopes" label={t('apiKeys.scopes')} rules={[{ required: true, type: 'array', min: 1 }]}>
              <Checkbox.Group
                options={API_KEY_SCOPES.map((scope) => ({
                  value: scope,
                  label: (
                    <span>
                      {t(`apiKeys.scope.${scope}`)}{' '}
                      <Typography.Text type="secondary">{t(`apiKeys.scopeHint.${scope}`)}</Typography.Text>
                    </span>
                  ),
                }))}
                style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </ResultModal>
  );
}
