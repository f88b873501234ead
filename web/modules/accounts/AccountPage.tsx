import { BankOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Breadcrumb, Button, Card, Flex, Popconfirm, Result, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/FullPageSpin';
import { api, isApiError } from '../../app/api';
import { KeyFigures } from '../../app/overview/KeyFigures';
import { OverviewPanels } from '../../app/overview/OverviewPanels';
import { useOverview } from '../../app/overview/useOverview';
import type { Account } from '../../app/types';
import { useMayActOn } from '../../app/useMayActOn';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ContactHistory } from '../contacts/ContactHistory';
import { ActivityLayout } from '../interactions/ActivityLayout';
import { PoolHistory } from '../sales/pools/PoolHistory';
import { ReleaseToPoolButton } from '../sales/pools/ReleaseToPoolButton';
import { AccountContactsPanel } from './AccountContactsPanel';
import { AccountDetails } from './AccountDetails';
import { AccountFormModal } from './AccountFormModal';
import { useAccount } from './useAccount';
import { useAccountsChanged } from './useAccountsChanged';

/** /accounts/:id (?tab=details|history): one account's 360-degree view (timeline, tasks, people), its fields and its history. */
export function AccountPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const account = useAccount(id);
  const overview = useOverview('accounts', id);
  const changed = useAccountsChanged();
  const queryClient = useQueryClient();
  const mayUpdate = useMayActOn('update', account.data?.ownerId ?? null);
  const mayDelete = useMayActOn('delete', account.data?.ownerId ?? null);
  const remove = useMutation({
    mutationFn: () => api.delete(`/accounts/${id}`),
    onSuccess: () => {
      message.success(t('accounts.deleted', { name: account.data?.name }));
      void navigate('/accounts', { replace: true });
      changed(id);
    },
    onError: (err) => message.error(err.message),
  });

  if (account.isPending) return <FullPageSpin />;
  if (isApiError(account.error, 404) || isApiError(account.error, 400)) {
    return (
      <Result
        status="404"
        title={t('accounts.notFound.title')}
        subTitle={t('accounts.notFound.text')}
        extra={
          <Link to="/accounts">
            <Button type="primary">{t('accounts.backToList')}</Button>
          </Link>
        }
        data-testid="account-not-found"
      />
    );
  }
  if (account.error) return <ErrorAlert error={account.error} onRetry={() => void account.refetch()} />;
  const data = account.data;

  const onSaved = (saved: Account) => {
    setEditing(false);
    message.success(t('common.saved'));
    queryClient.setQueryData(['/accounts', saved.id], saved);
    changed();
  };

  const related = overview.error ? (
    <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
  ) : (
    <OverviewPanels
      stacked
      recordType="account"
      recordId={data.id}
      panels={overview.data?.panels.filter((p) => p.key !== 'tasks') ?? []}
      custom={{ contacts: <AccountContactsPanel accountId={data.id} mayEdit={mayUpdate} /> }}
    />
  );

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/accounts">{t('accounts.title')}</Link> }, { title: data.name }]} />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="center">
          <Avatar size={56} icon={<BankOutlined />} style={{ background: '#13a8a8', flex: 'none' }} />
          <div style={{ flex: 1, minWidth: 220 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="account-name">
              {data.name}
            </Typography.Title>
            <Flex gap={8} wrap style={{ marginTop: 4 }}>
              <Tag>{t(`accounts.types.${data.type}`, { defaultValue: data.type })}</Tag>
              {data.industry && <Typography.Text type="secondary">{data.industry}</Typography.Text>}
              {data.region && <Typography.Text type="secondary">· {data.region}</Typography.Text>}
            </Flex>
          </div>
          <Flex gap={8}>
            {mayUpdate && data.ownerId && <ReleaseToPoolButton recordType="account" recordId={data.id} name={data.name} />}
            {mayUpdate && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="account-edit">
                {t('common.edit')}
              </Button>
            )}
            {mayDelete && (
              <Popconfirm
                title={t('accounts.deleteConfirm', { name: data.name })}
                description={t('accounts.deleteText')}
                okButtonProps={{ danger: true }}
                okText={t('common.delete')}
                onConfirm={() => remove.mutate()}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="account-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        </Flex>
      </Card>
      <KeyFigures figures={overview.data?.figures ?? []} />
      <ActivityLayout
        record={{ recordType: 'account', recordId: data.id, name: data.name }}
        tabs={[
          { key: 'details', label: t('contacts.tabs.details'), children: <AccountDetails account={data} /> },
          { key: 'history', label: t('contacts.tabs.history'), children: <ContactHistory contactId={data.id} recordType="account" /> },
          { key: 'pool', label: t('pools.history.title'), children: <PoolHistory recordType="account" recordId={data.id} /> },
        ]}
        side={related}
      />
      <AccountFormModal open={editing} account={data} onClose={() => setEditing(false)} onSaved={onSaved} />
    </>
  );
}
