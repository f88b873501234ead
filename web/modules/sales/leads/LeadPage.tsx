import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Flex, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { LeadStatus } from '../../../../contracts/sales';
import { FullPageSpin } from '../../../app/FullPageSpin';
import { api, isApiError } from '../../../app/api';
import { RecordLink } from '../../../app/RecordLink';
import { useFormat } from '../../../app/useFormat';
import { useMayActOn } from '../../../app/useMayActOn';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { ActivityLayout } from '../../interactions/ActivityLayout';
import { PoolHistory } from '../pools/PoolHistory';
import { ReleaseToPoolButton } from '../pools/ReleaseToPoolButton';
import { ConvertLeadModal } from './ConvertLeadModal';
import { DisqualifyModal } from './DisqualifyModal';
import { LeadFacts } from './LeadFacts';
import { LeadFormModal } from './LeadFormModal';
import { LeadScore } from './LeadScore';
import { LeadStatusTag } from './LeadStatusTag';
import type { Conversion, Lead } from './types';
import { useLead, useLeadsChanged } from './useLeads';

const WORK_STATUSES: readonly LeadStatus[] = ['working', 'nurturing', 'qualified'];

/** /leads/:id: one lead — its facts and score, status actions, conversion, timeline and tasks. */
export function LeadPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const format = useFormat();
  const { id = '' } = useParams();
  const lead = useLead(id);
  const changed = useLeadsChanged();
  const queryClient = useQueryClient();
  const mayUpdate = useMayActOn('update', lead.data?.ownerId ?? null);
  const [dialog, setDialog] = useState<'edit' | 'disqualify' | 'convert' | null>(null);
  const saved = (next: Lead) => {
    setDialog(null);
    queryClient.setQueryData(['/leads', next.id], next);
    changed();
  };
  const setStatus = useMutation({
    mutationFn: (status: LeadStatus) => api.patch<Lead>(`/leads/${id}`, { status }),
    onSuccess: (next) => {
      message.success(t('leads.statusChanged', { status: t(`leads.status.${next.status}`) }));
      saved(next);
    },
    onError: (err) => message.error(err.message),
  });

  if (lead.isPending) return <FullPageSpin />;
  if (isApiError(lead.error, 404) || isApiError(lead.error, 400)) {
    return (
      <Result
        status="404"
        title={t('leads.notFound.title')}
        subTitle={t('leads.notFound.text')}
        extra={
          <Link to="/leads">
            <Button type="primary">{t('leads.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (lead.error) return <ErrorAlert error={lead.error} onRetry={() => void lead.refetch()} />;
  const data = lead.data;
  const converted = data.status === 'converted';

  const onConverted = (conversion: Conversion) => {
    saved(conversion.lead);
    void queryClient.invalidateQueries({ queryKey: ['/contacts'] });
    void queryClient.invalidateQueries({ queryKey: ['/accounts'] });
    void queryClient.invalidateQueries({ queryKey: ['/opportunities'] });
    const parts = [
      conversion.account && t(conversion.reused.account ? 'leads.convert.accountReused' : 'leads.convert.accountCreated', { name: conversion.account.name }),
      t(conversion.reused.contact ? 'leads.convert.contactReused' : 'leads.convert.contactCreated', { name: conversion.contact.name }),
      conversion.opportunity && t('leads.convert.opportunityCreated', { name: conversion.opportunity.name }),
    ].filter(Boolean);
    message.success(t('leads.convert.done', { what: parts.join(t('leads.convert.separator')) }), 6);
    void navigate(conversion.opportunity ? `/opportunities/${conversion.opportunity.id}` : `/contacts/${conversion.contact.id}`);
  };

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/leads">{t('leads.title')}</Link> }, { title: data.name }]} />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="center" justify="space-between">
          <div style={{ minWidth: 220 }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="lead-name">
                {data.name}
              </Typography.Title>
              <LeadStatusTag status={data.status} />
              <LeadScore score={data.score} />
            </Flex>
            <Typography.Text type="secondary">{[data.title, data.company].filter(Boolean).join(' · ')}</Typography.Text>
          </div>
          {mayUpdate && !converted && (
            <Flex gap={8} wrap>
              <Space.Compact>
                {WORK_STATUSES.filter((s) => s !== data.status).map((status) => (
                  <Button key={status} loading={setStatus.isPending && setStatus.variables === status} onClick={() => setStatus.mutate(status)} data-testid={`lead-status-${status}`}>
                    {t(`leads.actions.${status}`)}
                  </Button>
                ))}
                {data.status !== 'disqualified' && (
                  <Button danger onClick={() => setDialog('disqualify')} data-testid="lead-disqualify">
                    {t('leads.actions.disqualified')}
                  </Button>
                )}
              </Space.Compact>
              {data.ownerId && <ReleaseToPoolButton recordType="lead" recordId={data.id} name={data.name} />}
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="lead-edit">
                {t('common.edit')}
              </Button>
              <Button type="primary" icon={<SwapOutlined />} onClick={() => setDialog('convert')} data-testid="lead-convert">
                {t('leads.convert.open')}
              </Button>
            </Flex>
          )}
        </Flex>
        {converted && (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            showIcon
            data-testid="lead-converted"
            title={t('leads.convertedOn', { date: data.convertedAt ? format.dateTime(data.convertedAt) : '' })}
            description={
              <Space wrap separator="·">
                {data.convertedAccountId && (
                  <span>
                    {t('sales.fields.accountId')}: <RecordLink recordType="account" id={data.convertedAccountId} />
                  </span>
                )}
                {data.convertedContactId && (
                  <span>
                    {t('leads.convert.contact')}: <RecordLink recordType="contact" id={data.convertedContactId} />
                  </span>
                )}
                {data.convertedOpportunityId && (
                  <span>
                    {t('leads.convert.opportunity')}: <RecordLink recordType="opportunity" id={data.convertedOpportunityId} />
                  </span>
                )}
              </Space>
            }
          />
        )}
      </Card>
      <ActivityLayout
        record={{ recordType: 'lead', recordId: data.id, name: data.name }}
        tabs={[
          { key: 'details', label: t('contacts.tabs.details'), children: <LeadFacts lead={data} /> },
          { key: 'pool', label: t('pools.history.title'), children: <PoolHistory recordType="lead" recordId={data.id} /> },
        ]}
        side={null}
      />
      <LeadFormModal open={dialog === 'edit'} lead={data} onClose={() => setDialog(null)} onSaved={saved} />
      <DisqualifyModal open={dialog === 'disqualify'} lead={data} onClose={() => setDialog(null)} onSaved={saved} />
      <ConvertLeadModal open={dialog === 'convert'} lead={data} onClose={() => setDialog(null)} onConverted={onConverted} />
    </>
  );
}
