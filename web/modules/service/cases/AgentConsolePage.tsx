import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Row, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { KeyFigures } from '../../../app/overview/KeyFigures';
import { OverviewPanels } from '../../../app/overview/OverviewPanels';
import { useOverview } from '../../../app/overview/useOverview';
import { RecordLink } from '../../../app/RecordLink';
import { RecordSelect } from '../../../app/RecordSelect';
import type { Page } from '../../../app/types';
import { useCurrentSession } from '../../../app/useCurrentSession';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { RecordRows } from '../../../ui/RecordRows';
import { ScriptPanel } from '../../calls/CallScript';
import { SuggestedArticles } from '../knowledge/SuggestedArticles';
import { CasePriorityTag, CaseStatusTag } from './CaseTags';
import { NewCasesModal } from './NewCasesModal';
import type { Case } from './types';
import { useAgents, useCaseNumber, useCasesChanged } from './useCases';

/**
 * /service/console: the agent's screen for one customer at a time — pick the caller (or arrive with
 * `?contactId=` from a screen pop), see their 360 figures and panels and open cases, and open several cases
 * at once. The agent's own availability for routing is switched here too.
 */
export function AgentConsolePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const contactId = params.get('contactId');
  const [creating, setCreating] = useState(false);
  const changed = useCasesChanged();
  const pick = (id: string | null) => setParams(id ? { contactId: id } : {}, { replace: true });
  return (
    <>
      <PageHeader title={t('cases.console.title')} subtitle={t('cases.console.subtitle')} extra={<Availability />} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong>{t('cases.console.customer')}</Typography.Text>
          <RecordSelect path="/contacts" value={contactId} onChange={pick} placeholder={t('cases.console.pick')} testId="console-contact" style={{ minWidth: 320 }} describe={(c) => (c.company as string | null) ?? (c.phone as string | null)} />
          {contactId && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="console-new-cases">
              {t('cases.console.newCases')}
            </Button>
          )}
        </Flex>
      </Card>
      {contactId ? (
        <CustomerView contactId={contactId} />
      ) : (
        <EmptyState title={t('cases.console.emptyTitle')} description={t('cases.console.emptyText')} testId="console-empty" />
      )}
      {contactId && (
        <NewCasesModal
          open={creating}
          contactId={contactId}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            message.success(t('cases.created', { count: created.length }));
            changed();
          }}
        />
      )}
    </>
  );
}

function CustomerView({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const overview = useOverview('contacts', contactId);
  const number = useCaseNumber();
  const open = useQuery({
    queryKey: ['/cases', 'console', contactId],
    queryFn: ({ signal }) => api.get<Page<Case>>('/cases', { limit: 50, filter: [`contactId:eq:${contactId}`, 'status:in:new|open|pending_customer'] }, signal),
  });
  const cases = open.data?.data ?? [];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" style={{ marginBottom: 16 }} title={<RecordLink recordType="contact" id={contactId} testId="console-contact-link" />}>
          <KeyFigures figures={overview.data?.figures ?? []} />
        </Card>
        <OverviewPanels recordType="contact" recordId={contactId} panels={(overview.data?.panels ?? []).filter((p) => p.key !== 'cases')} />
      </Col>
      <Col xs={24} xl={10}>
        <Flex vertical gap={16}>
          <Card size="small" title={t('cases.console.openCases')} data-testid="console-open-cases">
            <RecordRows
              empty={t('cases.console.noOpenCases')}
              rows={cases.map((c) => ({
                key: c.id,
                title: <Link to={`/cases/${c.id}`}>{c.subject}</Link>,
                subtitle: (
                  <Flex gap={6} align="center" wrap>
                    {number(c.number)} <CaseStatusTag status={c.status} /> <CasePriorityTag priority={c.priority} />
                  </Flex>
                ),
              }))}
            />
          </Card>
          {cases.length > 0 && <SuggestedArticles text={cases.map((c) => [c.subject, c.description ?? ''].join('\n')).join('\n')} />}
          <Card size="small" title={t('cases.console.scripts')} data-testid="console-scripts">
            <ScriptPanel contactId={contactId} kind="inbound_known" empty={<Typography.Text type="secondary">{t('cases.console.noScripts')}</Typography.Text>} />
          </Card>
        </Flex>
      </Col>
    </Row>
  );
}

/** The agent's own "away" switch: away agents get no new cases from routing. */
function Availability() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const queryClient = useQueryClient();
  const me = useAgents().data?.find((a) => a.userId === user.id);
  const set = useMutation({
    mutationFn: (away: boolean) => api.patch(`/case-agents/${user.id}`, { away }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['/case-agents'] }),
  });
  return (
    <Flex gap={8} align="center">
      <Typography.Text>{t('cases.console.available')}</Typography.Text>
      <Switch checked={!(me?.away ?? false)} loading={set.isPending} onChange={(available) => set.mutate(!available)} data-testid="console-available" />
    </Flex>
  );
}
