import { Button, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';

interface ForgotValues {
  email: string;
}

/** /forgot-password: asks for a reset link (the answer never tells whether the account exists). */
export function ForgotPassword() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ForgotValues>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { submit, pending, error } = useFormSubmit(
    form,
    (values: ForgotValues) => api.post('/auth/password-reset', values),
    (_, values) => setSentTo(values.email),
  );

  if (sentTo) {
    return (
      <Result
        status="success"
        title={t('auth.forgot.sentTitle')}
        subTitle={t('auth.forgot.sentText', { email: sentTo })}
        extra={<Link to="/sign-in">{t('auth.backToSignIn')}</Link>}
      />
    );
  }

  return (
    <>
      <Typography.Title level={3}>{t('auth.forgot.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.forgot.subtitle')}</Typography.Paragraph>
      <FormAlert message={error} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="email" label={t('fields.email')} rules={[{ required: true }, { type: 'email' }]}>
          <Input name="email" type="email" autoComplete="email" autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending} data-testid="forgot-submit">
          {t('auth.forgot.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/sign-in">{t('auth.backToSignIn')}</Link>
      </Typography.Paragraph>
    </>
  );
}
