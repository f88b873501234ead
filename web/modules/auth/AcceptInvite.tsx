import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { FullPageSpin } from '../../app/FullPageSpin';
import type { InvitePreview, Session } from '../../app/types';
import { useFormSubmit } from '../../app/useFormSubmit';
import { useStartSession } from '../../app/useStartSession';
import { FormAlert } from '../../ui/FormAlert';
import { PASSWORD_MIN } from './password';

interface AcceptValues {
  name: string;
  password: string;
}

/** /invite/:token: join a workspace from an invitation link. */
export function AcceptInvite() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [form] = Form.useForm<AcceptValues>();
  const startSession = useStartSession();
  const preview = useQuery({
    queryKey: ['invite-preview', token],
    queryFn: ({ signal }) => api.get<InvitePreview>(`/auth/invites/${encodeURIComponent(token)}`, undefined, signal),
    retry: false,
  });
  const { submit, pending, error } = useFormSubmit(
    form,
    (values: AcceptValues) => api.post<Session>('/auth/invites/accept', { token, ...values }),
    (session) => startSession(session),
  );

  if (preview.isPending) return <FullPageSpin />;
  if (preview.error) {
    return (
      <Result
        status="warning"
        title={t('auth.invite.invalidTitle')}
        subTitle={preview.error.message}
        extra={<Link to="/sign-in">{t('auth.backToSignIn')}</Link>}
      />
    );
  }

  const invite = preview.data;
  return (
    <>
      <Typography.Title level={3}>{t('auth.invite.title', { workspace: invite.workspaceName })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.invite.subtitle')}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'workspace', label: t('fields.workspaceName'), children: <span data-testid="invite-workspace">{invite.workspaceName}</span> },
          { key: 'email', label: t('fields.email'), children: invite.email },
          { key: 'role', label: t('fields.role'), children: t(`roles.${invite.role}.label`) },
        ]}
      />
      <FormAlert message={error} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="name" label={t('fields.yourName')} rules={[{ required: true, whitespace: true }]}>
          <Input name="name" autoComplete="name" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('fields.password')}
          extra={t('auth.passwordHint', { min: PASSWORD_MIN })}
          rules={[{ required: true }, { min: PASSWORD_MIN, message: t('auth.passwordHint', { min: PASSWORD_MIN }) }]}
        >
          <Input.Password name="password" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending} data-testid="invite-accept-submit">
          {t('auth.invite.submit')}
        </Button>
      </Form>
    </>
  );
}
