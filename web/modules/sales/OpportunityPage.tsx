import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Col, Flex, Popconfirm, Result, Row, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/FullPageSpin';
import { api, isApiError } from '../../app/api';
import { OwnerName } from '../../app/OwnerName';
import { useFormat } from '../../app/useFormat';
import { useMayActOn } from '../../app/useMayActOn';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ActivityLayout } from '../interactions/ActivityLayout';
import { DealContactsPanel } from './DealContactsPanel';
import { OpportunityDetails } from './OpportunityDetails';
import { OpportunityFormModal } from './OpportunityFormModal';
import { QuotesPanel } from './quotes/QuotesPanel';
import { StageHistory } from './StageHistory';
import { StagePath } from './StagePath';
import { StatusTag } from './StatusTag';
import type { Opportunity } from './types';
import { useOpportunitiesChanged, useOpportunity, usePipelines } from './useSales';

const FIGURE = { content: { fontSize: 20 } };

/** /opportunities/:id (?tab=details|stages|quotes): one deal — its stage path, key facts, stage history, quotes, people, timeline and tasks. */
export function OpportunityPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const format = useFormat();
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const deal = useOpportunity(id);
  const pipelines = usePipelines(true);
  const changed = useOpportunitiesChanged();
  const queryClient = useQueryClient();
  const mayUpdate = useMayActOn('update', deal.data?.ownerId ?? null);
  const mayDelete = useMayActOn('delete', deal.data?.ownerId ?? null);
  const remove = useMutation({
    mutationFn: () => api.delete(`/opportunities/${id}`),
    onSuccess: () => {
      message.success(t('sales.deleted', { name: deal.data?.name }));
      void navigate('/opportunities', { replace: true });
      changed(id);
    },
    onError: (err) => message.error(err.message),
  });

  if (deal.isPending) return <FullPageSpin />;
  if (isApiError(deal.error, 404) || isApiError(deal.error, 400)) {
    return (
      <Result
        status="404"
        title={t('sales.notFound.title')}
        subTitle={t('sales.notFound.text')}
        extra={
          <Link to="/opportunities">
            <Button type="primary">{t('sales.backToList')}</Button>
          </Link>
        }
        data-testid="opportunity-not-found"
      />
    );
  }
  if (deal.error) return <ErrorAlert error={deal.error} onRetry={() => void deal.refetch()} />;
  const data = deal.data;
  const pipeline = pipelines.data?.find((p) => p.id === data.pipelineId);

  const onSaved = (saved: Opportunity) => {
    setEditing(false);
    message.success(t('common.saved'));
    queryClient.setQueryData(['/opportunities', saved.id], saved);
    changed();
  };

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/opportunities">{t('sales.title')}</Link> }, { title: data.name }]} />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="center" justify="space-between">
          <div style={{ minWidth: 220 }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="opportunity-name">
                {data.name}
              </Typography.Title>
              <StatusTag status={data.status} />
            </Flex>
            {data.nextStep && (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
                {t('sales.fields.nextStep')}: {data.nextStep}
              </Typography.Text>
            )}
          </div>
          <Flex gap={8}>
            {mayUpdate && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="opportunity-edit">
                {t('common.edit')}
              </Button>
            )}
            {mayDelete && (
              <Popconfirm
                title={t('sales.deleteConfirm', { name: data.name })}
                description={t('sales.deleteText')}
                okButtonProps={{ danger: true }}
                okText={t('common.delete')}
                onConfirm={() => remove.mutate()}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="opportunity-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        </Flex>
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={12} md={6}>
            <Statistic title={t('sales.fields.amount')} value={format.money(data.amount, data.currency)} styles={FIGURE} data-testid="opportunity-amount" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('sales.fields.closeDate')} value={format.day(data.closeDate)} styles={FIGURE} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('sales.fields.probability')} value={`${data.probability}%`} styles={FIGURE} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('fields.ownerId')} valueRender={() => <OwnerName ownerId={data.ownerId} />} styles={{ content: { fontSize: 16, paddingTop: 6 } }} />
          </Col>
        </Row>
        {pipeline && (
          <div style={{ marginTop: 16, overflowX: 'auto' }}>
            <StagePath deal={data} pipeline={pipeline} mayMove={mayUpdate} />
          </div>
        )}
      </Card>
      <ActivityLayout
        record={{ recordType: 'opportunity', recordId: data.id, name: data.name }}
        tabs={[
          { key: 'details', label: t('contacts.tabs.details'), children: <OpportunityDetails deal={data} pipeline={pipeline} /> },
          { key: 'stages', label: t('sales.history.title'), children: <StageHistory dealId={data.id} /> },
          { key: 'quotes', label: t('quotes.title'), children: <QuotesPanel dealId={data.id} currency={data.currency} mayEdit={mayUpdate} /> },
        ]}
        side={<DealContactsPanel dealId={data.id} mayEdit={mayUpdate} />}
      />
      <OpportunityFormModal open={editing} deal={data} onClose={() => setEditing(false)} onSaved={onSaved} />
    </>
  );
}
