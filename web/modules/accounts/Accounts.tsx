import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { canCreateRecords } from '../../app/permissions';
import type { Account } from '../../app/types';
import { useCurrentSession } from '../../app/useCurrentSession';
import { RecordList } from '../../ui/lists/RecordList';
import { PageHeader } from '../../ui/PageHeader';
import { accountListConfig } from './accountListConfig';
import { AccountFormModal } from './AccountFormModal';
import { useAccountsChanged } from './useAccountsChanged';

/** /accounts: the organizations we deal with; the list (filters, view, columns, order, list or kanban) in the URL. */
export function Accounts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const accountsChanged = useAccountsChanged();
  const { membership } = useCurrentSession();
  const mayCreate = canCreateRecords(membership.role);
  const [creating, setCreating] = useState(false);

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
      <RecordList config={accountListConfig} emptyAction={addButton} />
      <AccountFormModal open={creating} onClose={() => setCreating(false)} onSaved={onCreated} />
    </>
  );
}
