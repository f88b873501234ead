import { MailOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Flex, Skeleton, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { MailInbox } from '../../app/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AdminOnlyNotice } from './AdminOnlyNotice';
import { useIsAdmin } from './useIsAdmin';

const INBOX_KEY = ['/email/inbox'] as const;

/** /settings/email: the workspace's forwarding/BCC address, and whether unknown senders become contacts. */
export function InboundEmailSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isAdmin = useIsAdmin();
  const queryClient = useQueryClient();
  const inbox = useQuery({ queryKey: INBOX_KEY, queryFn: ({ signal }) => api.get<MailInbox>('/email/inbox', undefined, signal) });
  const setCreateContacts = useMutation({
    mutationFn: (createContacts: boolean) => api.patch<MailInbox>('/email/inbox', { createContacts }),
    onSuccess: (data) => {
      queryClient.setQueryData(INBOX_KEY, data);
      message.success(t('common.saved'));
    },
    onError: (err) => message.error(err.message),
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <AdminOnlyNotice />
      <Card title={t('inboundEmail.title')}>
        {inbox.error && <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />}
        {inbox.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : inbox.data ? (
          <Flex vertical gap={16}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('inboundEmail.text')}
            </Typography.Paragraph>
            <Flex align="center" gap={8} wrap>
              <MailOutlined />
              <Typography.Text copyable code strong data-testid="inbound-address" style={{ fontSize: 16, wordBreak: 'break-all' }}>
                {inbox.data.address}
              </Typography.Text>
            </Flex>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              <li>{t('inboundEmail.howForward')}</li>
              <li>{t('inboundEmail.howBcc')}</li>
              <li>{t('inboundEmail.howMatch')}</li>
            </ul>
            <Flex align="flex-start" gap={12}>
              <Switch
                checked={inbox.data.createContacts}
                disabled={!isAdmin}
                loading={setCreateContacts.isPending}
                onChange={(checked) => setCreateContacts.mutate(checked)}
                data-testid="inbound-create-contacts"
                aria-labelledby="inbound-create-contacts-label"
              />
              <div>
                <Typography.Text strong id="inbound-create-contacts-label">
                  {t('inboundEmail.createContacts')}
                </Typography.Text>
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {t('inboundEmail.createContactsHint')}
                </Typography.Paragraph>
              </div>
            </Flex>
          </Flex>
        ) : null}
      </Card>
    </Space>
  );
}
