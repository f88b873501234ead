import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Badge, Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../app/api';
import { canCreateRecords } from '../../app/permissions';
import type { Page } from '../../app/types';
import { useCurrentSession } from '../../app/useCurrentSession';
import { registerOverviewPanel, type OverviewPanelProps } from '../../app/overview/panelRegistry';
import { useFormat } from '../../app/useFormat';
import { RecordRows } from '../../ui/RecordRows';
import { OpportunityFormModal } from './OpportunityFormModal';
import { StatusTag } from './StatusTag';
import type { Opportunity } from './types';
import { useOpportunitiesChanged } from './useSales';

/** The 'opportunities' panel of an account's or contact's 360 view: their latest deals, and a new one for them. */
export function DealsPanel({ recordType, recordId, total }: OverviewPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const format = useFormat();
  const changed = useOpportunitiesChanged();
  const mayCreate = canCreateRecords(useCurrentSession().membership.role);
  const [creating, setCreating] = useState(false);
  const field = recordType === 'account' ? 'accountId' : 'contactId';
  const deals = useQuery({
    queryKey: ['/opportunities', 'of', recordType, recordId],
    queryFn: ({ signal }) => api.get<Page<Opportunity>>('/opportunities', { filter: [`${field}:eq:${recordId}`], sort: '-closeDate', limit: 10 }, signal),
  });

  return (
    <Card
      size="small"
      data-testid="panel-opportunities"
      title={
        <>
          {t('overview.panels.opportunities')} <Badge count={total} showZero color="gray" />
        </>
      }
      extra={
        mayCreate && (
          <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="panel-opportunity-add">
            {t('sales.add')}
          </Button>
        )
      }
    >
      <RecordRows
        empty={t('sales.panelEmpty')}
        testId="panel-opportunities-list"
        rows={(deals.data?.data ?? []).map((deal) => ({
          key: deal.id,
          title: <Link to={`/opportunities/${deal.id}`}>{deal.name}</Link>,
          subtitle: (
            <Flex component="span" gap={6} align="center" wrap>
              <StatusTag status={deal.status} />
              {format.money(deal.amount, deal.currency)} · {format.day(deal.closeDate)}
            </Flex>
          ),
        }))}
      />
      <OpportunityFormModal
        open={creating}
        {...{ [field]: recordId }}
        onClose={() => setCreating(false)}
        onSaved={(deal) => {
          setCreating(false);
          message.success(t('sales.created', { name: deal.name }));
          changed();
          void navigate(`/opportunities/${deal.id}`);
        }}
      />
    </Card>
  );
}

registerOverviewPanel('opportunities', DealsPanel);
