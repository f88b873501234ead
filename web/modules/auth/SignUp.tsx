import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import type { Session } from '../../app/types';
import { useFormSubmit } from '../../app/useFormSubmit';
import { useStartSession } from '../../app/useStartSession';
import { FormAlert } from '../../ui/FormAlert';
import { PASSWORD_MIN } from './password';

interface SignUpValues {
  workspaceName: string;
  name: string;
  email: string;
  password: string;
}

/** /sign-up: a new workspace with its first administrator. */
export function SignUp() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SignUpValues>();
  const startSession = useStartSession();
  const { submit, pending, error } = useFormSubmit(
    form,
    (values: SignUpValues) => api.post<Session>('/auth/sign-up', { ...values, locale: currentLanguage() }),
    (session) => startSession(session),
  );

  return (
    <>
      <Typography.Title level={3}>{t('auth.signUp.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.signUp.subtitle')}</Typography.Paragraph>
      <FormAlert message={error} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item
          name="workspaceName"
          label={t('fields.workspaceName')}
          extra={t('auth.signUp.workspaceHint')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input name="workspaceName" autoComplete="organization" autoFocus />
        </Form.Item>
        <Form.Item name="name" label={t('fields.yourName')} rules={[{ required: true, whitespace: true }]}>
          <Input name="name" autoComplete="name" />
        </Form.Item>
        <Form.Item name="email" label={t('fields.email')} rules={[{ required: true }, { type: 'email' }]}>
          <Input name="email" type="email" autoComplete="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('fields.password')}
          extra={t('auth.passwordHint', { min: PASSWORD_MIN })}
          rules={[{ required: true }, { min: PASSWORD_MIN, message: t('auth.passwordHint', { min: PASSWORD_MIN }) }]}
        >
          <Input.Password name="password" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending} data-testid="sign-up-submit">
          {t('auth.signUp.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.signUp.haveAccount')} <Link to="/sign-in">{t('auth.signUp.toSignIn')}</Link>
      </Typography.Paragraph>
    </>
  );
}
