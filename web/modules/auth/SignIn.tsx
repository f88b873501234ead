import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { safeNext } from '../../app/safeNext';
import type { Session } from '../../app/types';
import { useFormSubmit } from '../../app/useFormSubmit';
import { useStartSession } from '../../app/useStartSession';
import { FormAlert } from '../../ui/FormAlert';

interface SignInValues {
  email: string;
  password: string;
}

/** /sign-in?next= */
export function SignIn() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SignInValues>();
  const [params] = useSearchParams();
  const startSession = useStartSession();
  const { submit, pending, error } = useFormSubmit(
    form,
    (values: SignInValues) => api.post<Session>('/auth/sign-in', values),
    (session) => startSession(session, safeNext(params.get('next'))),
  );

  return (
    <>
      <Typography.Title level={3}>{t('auth.signIn.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.signIn.subtitle')}</Typography.Paragraph>
      <FormAlert message={error} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="email" label={t('fields.email')} rules={[{ required: true }, { type: 'email' }]}>
          <Input name="email" type="email" autoComplete="email" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('fields.password')} rules={[{ required: true }]}>
          <Input.Password name="password" autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending} data-testid="sign-in-submit">
          {t('auth.signIn.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/forgot-password">{t('auth.signIn.forgot')}</Link>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
        {t('auth.signIn.noAccount')} <Link to="/sign-up">{t('auth.signIn.toSignUp')}</Link>
      </Typography.Paragraph>
    </>
  );
}
