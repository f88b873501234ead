import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { canCreateRecords } from '../../app/permissions';
import type { Account } from '../../app/types';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useCursorList } from '../../app/useCursorList';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { AccountFormModal } from './AccountFormModal';
import { AccountsFilters } from './AccountsFilters';
import { AccountsTable } from './AccountsTable';
import { accountListQuery, useAccountListParams } from './useAccountListParams';
import { useAccountsChanged } from './useAccountsChanged';

/** /accounts: the organizations we deal with; filters and order in the URL. */
export function Accounts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const accountsChanged = useAccountsChanged();
  const { user, membership } = useCurrentSession();
  const mayCreate = canCreateRecords(membership.role);
  const [creating, setCreating] = useState(false);
  const filters = useAccountListParams();
  const list = useCursorList<Account>('/accounts', accountListQuery(filters.value, user.id));

  const onCreated = (account: Account) => {
    setCreating(false);
    message.success(t('accounts.created', { name: account.name }));
    accountsChanged();
    void navigate(`/accounts/${account.id}`);
  };

  const addButton = mayCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="account-add">
      {t('accounts.add')}
    </Button>
  );
  const importButton = mayCreate && (
    <Link to="/accounts/import">
      <Button icon={<UploadOutlined />} data-testid="import-open">
        {t('imports.open')}
      </Button>
    </Link>
  );

  const empty = !list.isPending && !list.error && list.rows.length === 0;
  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        extra={
          <>
            {importButton}
            {addButton}
          </>
        }
      />
      <AccountsFilters value={filters.value} onChange={filters.set} />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Card styles={{ body: { padding: list.rows.length ? 0 : undefined } }}>
        {empty && filters.filtered ? (
          <EmptyState
            title={t('accounts.noMatch.title')}
            description={t('accounts.noMatch.text')}
            action={<Button onClick={() => filters.set({ owner: 'all', text: '', type: '', stage: '' })}>{t('contacts.filters.clear')}</Button>}
            testId="accounts-no-match"
          />
        ) : empty ? (
          <EmptyState title={t('accounts.empty.title')} description={t('accounts.empty.text')} action={addButton} testId="accounts-empty" />
        ) : (
          <AccountsTable rows={list.rows} loading={list.isPending} />
        )}
      </Card>
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
      <AccountFormModal open={creating} onClose={() => setCreating(false)} onSaved={onCreated} />
    </>
  );
}
