import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_KEY_SCOPES, type ApiKeyScope } from '../../../contracts/roles';
import { api } from '../../app/api';
import type { CreatedApiKey } from '../../app/types';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';

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

  const footer = created
    ? [
        <Button key="done" type="primary" onClick={onClose} data-testid="api-key-done">
          {t('apiKeys.copiedDone')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="submit" type="primary" loading={pending} onClick={() => form.submit()} data-testid="api-key-submit">
          {t('apiKeys.create')}
        </Button>,
      ];

  return (
    <Modal
      open={open}
      title={t('apiKeys.createTitle')}
      onCancel={onClose}
      afterClose={afterClose}
      footer={footer}
      mask={{ closable: !created }}
      forceRender
    >
      {created ? (
        <>
          <Alert type="warning" showIcon title={t('apiKeys.onceTitle')} description={t('apiKeys.onceText')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph copyable code data-testid="api-key-value" style={{ wordBreak: 'break-all' }}>
            {created.key}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('apiKeys.usage')}</Typography.Paragraph>
          <Typography.Paragraph code style={{ wordBreak: 'break-all' }}>
            {`Authorization: Bearer ${created.key.slice(0, 8)}…`}
          </Typography.Paragraph>
        </>
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
    </Modal>
  );
}
