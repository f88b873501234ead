import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { canCreateRecords } from '../../app/permissions';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useFormat } from '../../app/useFormat';
import { useKeyShortcut } from '../../app/useKeyShortcut';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { RecordList } from '../../ui/lists/RecordList';
import { RecycleBinDrawer, type DeletedRecord } from '../../ui/lists/RecycleBinDrawer';
import { useListState } from '../../ui/lists/useListState';
import { PageHeader } from '../../ui/PageHeader';
import { FullPageSpin } from '../../app/FullPageSpin';
import { OpportunityFormModal } from './OpportunityFormModal';
import { PipelineBoard } from './PipelineBoard';
import { pipelineName } from './salesFormat';
import type { Opportunity } from './types';
import { useOpportunityListConfig } from './useOpportunityListConfig';
import { useCloseReasons, useOpportunitiesChanged, usePipelines } from './useSales';

/**
 * /opportunities (?pipeline=<id>&mode=list|kanban…): the deals of one pipeline as a board by stage (drag to
 * move) or as a table with the list toolkit; filters apply to both. Keys: `n` new deal, `b` board, `l` list.
 */
export function OpportunitiesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { membership } = useCurrentSession();
  const mayCreate = canCreateRecords(membership.role);
  const [creating, setCreating] = useState(false);
  const [binOpen, setBinOpen] = useState(false);
  const format = useFormat();
  const pipelines = usePipelines();
  const reasons = useCloseReasons(true);
  const config = useOpportunityListConfig(pipelines.data ?? [], reasons.data ?? []);
  const list = useListState(
    config.textFields.map((f) => f.value),
    config.defaultSort,
    config.defaultMode,
  );
  const changed = useOpportunitiesChanged();
  useKeyShortcut('n', () => setCreating(true), mayCreate);
  useKeyShortcut('b', () => list.set({ mode: 'kanban' }));
  useKeyShortcut('l', () => list.set({ mode: 'list' }));

  if (pipelines.isPending) return <FullPageSpin />;
  if (pipelines.error) return <ErrorAlert error={pipelines.error} onRetry={() => void pipelines.refetch()} />;
  const pipeline = pipelines.data.find((p) => p.id === params.get('pipeline')) ?? pipelines.data.find((p) => p.isDefault) ?? pipelines.data[0];

  const onCreated = (deal: Opportunity) => {
    setCreating(false);
    message.success(t('sales.created', { name: deal.name }));
    changed();
    if (list.value.mode === 'list') void navigate(`/opportunities/${deal.id}`);
  };
  const addButton = mayCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="opportunity-add" title="n">
      {t('sales.add')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('sales.title')}
        subtitle={t('sales.subtitle')}
        extra={
          <>
            {pipelines.data.length > 1 && (
              <Select
                value={pipeline?.id}
                onChange={(id: string) =>
                  setParams(
                    (prev) => {
                      const next = new URLSearchParams(prev);
                      next.set('pipeline', id);
                      return next;
                    },
                    { replace: true },
                  )
                }
                prefix={t('sales.fields.pipelineId')}
                popupMatchSelectWidth={false}
                data-testid="pipeline-select"
                options={pipelines.data.map((p) => ({ value: p.id, label: pipelineName(p, t) }))}
              />
            )}
            <Button icon={<DeleteOutlined />} onClick={() => setBinOpen(true)} data-testid="opportunities-recycle-bin-open">
              {t('sales.recycleBin.title')}
            </Button>
            {addButton}
          </>
        }
      />
      {pipeline && (
        <RecordList
          config={config}
          emptyAction={addButton}
          extraFilters={[`pipelineId:eq:${pipeline.id}`]}
          board={(query) => <PipelineBoard pipelineId={pipeline.id} query={query} filtered={list.filtered} emptyAction={addButton} />}
        />
      )}
      <RecycleBinDrawer<Opportunity & DeletedRecord>
        open={binOpen}
        onClose={() => setBinOpen(false)}
        path="/opportunities"
        texts={{ title: 'sales.recycleBin.title', empty: 'sales.recycleBin.empty', restored: 'sales.recycleBin.restored' }}
        describe={(deal) => t('sales.recycleBin.deletedAt', { amount: format.money(deal.amount, deal.currency), at: format.dateTime(deal.deletedAt) })}
        onRestored={changed}
        testId="opportunities-recycle-bin"
      />
      <OpportunityFormModal open={creating} pipelineId={pipeline?.id} onClose={() => setCreating(false)} onSaved={onCreated} />
    </>
  );
}
