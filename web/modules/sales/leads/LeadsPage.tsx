import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { canCreateRecords } from '../../../app/permissions';
import { useCurrentSession } from '../../../app/useCurrentSession';
import { useFormat } from '../../../app/useFormat';
import { RecordList } from '../../../ui/lists/RecordList';
import { RecycleBinDrawer, type DeletedRecord } from '../../../ui/lists/RecycleBinDrawer';
import { PageHeader } from '../../../ui/PageHeader';
import { leadListConfig } from './leadListConfig';
import { LeadFormModal } from './LeadFormModal';
import type { Lead } from './types';
import { useLeadsChanged } from './useLeads';

/** /leads: prospects not yet qualified, hottest first; filters, views and columns in the URL. */
export function LeadsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const changed = useLeadsChanged();
  const mayCreate = canCreateRecords(useCurrentSession().membership.role);
  const [creating, setCreating] = useState(false);
  const [binOpen, setBinOpen] = useState(false);
  const format = useFormat();

  const onCreated = (lead: Lead) => {
    setCreating(false);
    message.success(t('leads.created', { name: lead.name }));
    changed();
    void navigate(`/leads/${lead.id}`);
  };
  const addButton = mayCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="lead-add">
      {t('leads.add')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('leads.title')}
        subtitle={t('leads.subtitle')}
        extra={
          <>
            <Button icon={<DeleteOutlined />} onClick={() => setBinOpen(true)} data-testid="leads-recycle-bin-open">
              {t('leads.recycleBin.title')}
            </Button>
            {addButton}
          </>
        }
      />
      <RecordList config={leadListConfig} emptyAction={addButton} />
      <RecycleBinDrawer<Lead & DeletedRecord>
        open={binOpen}
        onClose={() => setBinOpen(false)}
        path="/leads"
        texts={{ title: 'leads.recycleBin.title', empty: 'leads.recycleBin.empty', restored: 'leads.recycleBin.restored' }}
        describe={(lead) => t('leads.recycleBin.deletedAt', { company: lead.company ?? '—', at: format.dateTime(lead.deletedAt) })}
        onRestored={changed}
        testId="leads-recycle-bin"
      />
      <LeadFormModal open={creating} onClose={() => setCreating(false)} onSaved={onCreated} />
    </>
  );
}
