import { CustomerServiceOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { canCreateRecords } from '../../../app/permissions';
import { useCurrentSession } from '../../../app/useCurrentSession';
import { RecordList } from '../../../ui/lists/RecordList';
import { PageHeader } from '../../../ui/PageHeader';
import { caseListConfig } from './caseListConfig';
import { NewCasesModal } from './NewCasesModal';
import type { Case } from './types';
import { useCasesChanged } from './useCases';

/** /cases: service requests, newest first; filters, views and columns in the URL. */
export function CasesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const changed = useCasesChanged();
  const mayCreate = canCreateRecords(useCurrentSession().membership.role);
  const [creating, setCreating] = useState(false);

  const onCreated = (created: Case[]) => {
    setCreating(false);
    message.success(t('cases.created', { count: created.length }));
    changed();
    if (created.length === 1) void navigate(`/cases/${created[0]!.id}`);
  };
  const addButton = mayCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cases-add">
      {t('cases.add')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('cases.title')}
        subtitle={t('cases.subtitle')}
        extra={
          <>
            <Link to="/service/console">
              <Button icon={<CustomerServiceOutlined />} data-testid="cases-console">
                {t('cases.console.title')}
              </Button>
            </Link>
            {addButton}
          </>
        }
      />
      <RecordList config={caseListConfig} emptyAction={addButton} />
      <NewCasesModal open={creating} onClose={() => setCreating(false)} onCreated={onCreated} />
    </>
  );
}
