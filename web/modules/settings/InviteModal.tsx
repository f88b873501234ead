import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../contracts/roles';
import { api } from '../../app/api';
import type { Invite } from '../../app/types';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { absoluteUrl } from './inviteUrl';
import { ResultModal } from './ResultModal';
import { roleOptions } from './roleOptions';

interface InviteValues {
  email: string;
  role: Role;
}

interface InviteModalProps {
  open: boolean;
  onClose: () => void;
}

/** Invite someone by e-mail and role; the answer's link can be copied and sent any way (no e-mail needed). */
export function InviteModal({ open, onClose }: InviteModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<InviteValues>();
  const [created, setCreated] = useState<Invite | null>(null);
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: InviteValues) => api.post<Invite>('/invites', values),
    (invite) => {
      setCreated(invite);
      void queryClient.invalidateQueries({ queryKey: ['/invites'] });
    },
  );

  const again = () => {
    setCreated(null);
    form.resetFields();
    reset();
  };

  return (
    <ResultModal
      open={open}
      title={t('members.inviteTitle')}
      onClose={onClose}
      afterClose={again}
      showingResult={Boolean(created)}
      submit={{ label: t('members.sendInvite'), testId: 'invite-submit', pending, onClick: () => form.submit() }}
      done={{ label: t('common.done'), testId: 'invite-done' }}
      resultActions={[
        <Button key="again" onClick={again}>
          {t('members.inviteAnother')}
        </Button>,
      ]}
    >
      {created ? (
        <>
          <Alert type="success" showIcon title={t('members.inviteCreated', { email: created.email })} style={{ marginBottom: 16 }} />
          <Typography.Paragraph type="secondary">{t('members.inviteLinkHint')}</Typography.Paragraph>
          {created.url && (
            <Typography.Paragraph copyable code data-testid="invite-url" style={{ wordBreak: 'break-all' }}>
              {absoluteUrl(created.url)}
            </Typography.Paragraph>
          )}
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('members.inviteText')}</Typography.Paragraph>
          <FormAlert message={error} />
          <Form form={form} layout="vertical" initialValues={{ role: 'sales' }} onFinish={submit}>
            <Form.Item name="email" label={t('fields.email')} rules={[{ required: true }, { type: 'email' }]}>
              <Input name="email" type="email" autoComplete="off" />
            </Form.Item>
            <Form.Item name="role" label={t('fields.role')} rules={[{ required: true }]}>
              <Select options={roleOptions(t)} data-testid="invite-role" />
            </Form.Item>
          </Form>
        </>
      )}
    </ResultModal>
  );
}
