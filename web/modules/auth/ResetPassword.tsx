import { Button, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { PASSWORD_MIN } from './password';

interface ResetValues {
  password: string;
  confirm: string;
}

/** /reset-password?token=: choose a new password. */
export function ResetPassword() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResetValues>();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [done, setDone] = useState(false);
  const { submit, pending, error } = useFormSubmit(
    form,
    (values: ResetValues) => api.post('/auth/password-reset/confirm', { token, password: values.password }),
    () => setDone(true),
  );

  if (!token) {
    return (
      <Result
        status="warning"
        title={t('auth.reset.noToken')}
        extra={<Link to="/forgot-password">{t('auth.reset.requestNew')}</Link>}
      />
    );
  }
  if (done) {
    return (
      <Result
        status="success"
        title={t('auth.reset.doneTitle')}
        extra={
          <Link to="/sign-in">
            <Button type="primary">{t('auth.signIn.submit')}</Button>
          </Link>
        }
      />
    );
  }

  return (
    <>
      <Typography.Title level={3}>{t('auth.reset.title')}</Typography.Title>
      <FormAlert message={error} />
      {error && (
        <Typography.Paragraph>
          <Link to="/forgot-password">{t('auth.reset.requestNew')}</Link>
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item
          name="password"
          label={t('fields.newPassword')}
          extra={t('auth.passwordHint', { min: PASSWORD_MIN })}
          rules={[{ required: true }, { min: PASSWORD_MIN, message: t('auth.passwordHint', { min: PASSWORD_MIN }) }]}
        >
          <Input.Password name="password" autoComplete="new-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('fields.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.reset.mismatch'))),
            }),
          ]}
        >
          <Input.Password name="confirm" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending} data-testid="reset-submit">
          {t('auth.reset.submit')}
        </Button>
      </Form>
    </>
  );
}
