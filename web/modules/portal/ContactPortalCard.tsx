import { CustomerServiceOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { usePortalFormat } from './usePortalFormat';

interface PortalAccess {
  account: { id: string; email: string; createdAt: string; lastSignInAt: string | null; disabledAt: string | null } | null;
  portalEnabled: boolean;
  portalKey: string;
}

/** On a contact's page: whether they can sign in to the customer portal; invite them (a mailed link) or end their access. */
export function ContactPortalCard({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = usePortalFormat();
  const queryClient = useQueryClient();
  const queryKey = ['/contacts', contactId, 'portal-access'];
  const access = useQuery({ queryKey, queryFn: ({ signal }) => api.get<PortalAccess>(`/contacts/${contactId}/portal-access`, undefined, signal) });
  const invite = useMutation({
    mutationFn: () => api.post<{ access: PortalAccess; mailed: boolean }>(`/contacts/${contactId}/portal-access`),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKey, result.access);
      if (result.mailed) void message.success(t('portal.contact.invited', { email: result.access.account?.email }));
      else void message.warning(t('portal.contact.notMailed'));
    },
    onError: (err) => void message.error(err.message),
  });
  const revoke = useMutation({
    mutationFn: () => api.delete<PortalAccess>(`/contacts/${contactId}/portal-access`),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKey, result);
      void message.success(t('portal.contact.revoked'));
    },
    onError: (err) => void message.error(err.message),
  });
  const data = access.data;
  if (!data) return null;
  const account = data.account;
  const active = account && !account.disabledAt;
  return (
    <Card size="small" title={<><CustomerServiceOutlined /> {t('portal.contact.title')}</>} data-testid="contact-portal-card">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          {account
            ? `${t('portal.contact.has', { email: account.email })} · ${account.disabledAt ? t('portal.contact.disabled') : account.lastSignInAt ? t('portal.contact.lastSignIn', { at: format.dateTime(account.lastSignInAt) }) : t('portal.contact.never')}`
            : t('portal.contact.none')}
        </Typography.Text>
        {!data.portalEnabled ? (
          <Typography.Text type="secondary">{t('portal.contact.closed')}</Typography.Text>
        ) : (
          <Flex gap={8} wrap>
            <Button size="small" type={active ? 'default' : 'primary'} loading={invite.isPending} onClick={() => invite.mutate()} data-testid="contact-portal-invite">
              {active ? t('portal.contact.resend') : t('portal.contact.invite')}
            </Button>
            {active && (
              <Popconfirm title={t('portal.contact.revoke')} onConfirm={() => revoke.mutate()}>
                <Button size="small" danger loading={revoke.isPending}>
                  {t('portal.contact.revoke')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
