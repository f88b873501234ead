import { LockOutlined, MailOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { brandKey, homeKey, portalPath, usePortalKey, type PortalBrand } from './usePortal';

/** /portal/:key/sign-in — by password, or a link mailed to the customer's address. */
export function PortalSignIn() {
  const { t } = useTranslation();
  const key = usePortalKey();
  const brand = useQueryClient().getQueryData<PortalBrand>(brandKey(key));
  return (
    <Flex justify="center" style={{ paddingTop: 24 }}>
      <Card style={{ width: '100%', maxWidth: 440 }} data-testid="portal-sign-in">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('portal.signIn.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{brand?.welcomeText ?? t('portal.signIn.subtitle')}</Typography.Paragraph>
        <Tabs
          items={[
            { key: 'password', label: <span data-testid="portal-tab-password"><LockOutlined /> {t('portal.signIn.password')}</span>, children: <PasswordForm /> },
            { key: 'link', label: <span data-testid="portal-tab-link"><MailOutlined /> {t('portal.signIn.link')}</span>, children: <LinkForm /> },
          ]}
        />
        <Link to={`/portal/${key}/help`}>
          <Button type="link" icon={<QuestionCircleOutlined />} style={{ padding: 0 }}>
            {t('portal.signIn.help')}
          </Button>
        </Link>
      </Card>
    </Flex>
  );
}

interface Credentials {
  email: string;
  password: string;
}

function PasswordForm() {
  const { t } = useTranslation();
  const key = usePortalKey();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Credentials>();
  const { submit, pending, error } = useFormSubmit(form, (values: Credentials) => api.post(`${portalPath(key)}/sign-in`, values), async () => {
    await queryClient.invalidateQueries({ queryKey: homeKey(key) });
    void navigate(`/portal/${key}`);
  });
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      <FormAlert message={error} />
      <Form.Item name="email" label={t('portal.signIn.email')} rules={[{ required: true, type: 'email' }]}>
        <Input autoComplete="email" data-testid="portal-email" />
      </Form.Item>
      <Form.Item name="password" label={t('portal.signIn.passwordLabel')} rules={[{ required: true }]} extra={t('portal.signIn.noPassword')}>
        <Input.Password autoComplete="current-password" data-testid="portal-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={pending} data-testid="portal-sign-in-submit">
        {t('portal.signIn.submit')}
      </Button>
    </Form>
  );
}

function LinkForm() {
  const { t } = useTranslation();
  const key = usePortalKey();
  const [form] = Form.useForm<{ email: string }>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { submit, pending, error } = useFormSubmit(form, (values: { email: string }) => api.post(`${portalPath(key)}/sign-in-link`, values), (_result, values) => setSentTo(values.email));
  if (sentTo) return <Alert type="success" showIcon title={t('portal.signIn.linkSent', { email: sentTo })} data-testid="portal-link-sent" />;
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      <FormAlert message={error} />
      <Form.Item name="email" label={t('portal.signIn.email')} rules={[{ required: true, type: 'email' }]}>
        <Input autoComplete="email" data-testid="portal-link-email" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={pending} data-testid="portal-send-link">
        {t('portal.signIn.sendLink')}
      </Button>
    </Form>
  );
}
