import { UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Flex, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { CASE_TRANSITIONS, type CaseStatus } from '../../../../contracts/service';
import { api, isApiError } from '../../../app/api';
import { FullPageSpin } from '../../../app/FullPageSpin';
import { OwnerName } from '../../../app/OwnerName';
import { useCurrentSession } from '../../../app/useCurrentSession';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { ActivityLayout } from '../../interactions/ActivityLayout';
import { CreateWorkOrderButton } from '../field/CreateWorkOrderButton';
import { SuggestedArticles } from '../knowledge/SuggestedArticles';
import { SlaClocks } from '../sla/SlaClocks';
import { CaseComposer } from './CaseComposer';
import { CaseFacts, CaseHistory } from './CaseFacts';
import { CasePriorityTag, CaseStatusTag } from './CaseTags';
import type { Case } from './types';
import { useCase, useCaseNumber, useCasesChanged } from './useCases';

/** The button for a move; opening a resolved or closed case again is a reopen. */
const actionKey = (from: CaseStatus, to: CaseStatus) => (to === 'open' && (from === 'resolved' || from === 'closed') ? 'reopen' : to);

/** /cases/:id: one case — status moves, assignment, the conversation (replies and internal notes), facts and history. */
export function CasePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const found = useCase(id);
  const changed = useCasesChanged();
  const queryClient = useQueryClient();
  const number = useCaseNumber();
  const { user } = useCurrentSession();
  const saved = (next: Case) => {
    queryClient.setQueryData(['/cases', next.id], next);
    changed();
  };
  const move = useMutation({
    mutationFn: (status: CaseStatus) => api.post<Case>(`/cases/${id}/status`, { status }),
    onSuccess: (next) => {
      message.success(t('cases.statusChanged', { status: t(`cases.status.${next.status}`) }));
      saved(next);
    },
    onError: (err) => message.error(err.message),
  });
  const take = useMutation({
    mutationFn: () => api.post<Case>(`/cases/${id}/assign`, { userId: user.id }),
    onSuccess: (next) => {
      message.success(t('cases.taken'));
      saved(next);
    },
    onError: (err) => message.error(err.message),
  });

  if (found.isPending) return <FullPageSpin />;
  if (isApiError(found.error, 404) || isApiError(found.error, 400)) {
    return (
      <Result
        status="404"
        title={t('cases.notFound.title')}
        subTitle={t('cases.notFound.text')}
        extra={
          <Link to="/cases">
            <Button type="primary">{t('cases.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (found.error) return <ErrorAlert error={found.error} onRetry={() => void found.refetch()} />;
  const data = found.data;
  const moves = data.mergedInto ? [] : CASE_TRANSITIONS[data.status];

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/cases">{t('cases.title')}</Link> }, { title: number(data.number) }]} />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="center" justify="space-between">
          <div style={{ minWidth: 220 }}>
            <Typography.Text type="secondary" data-testid="case-number">
              {number(data.number)}
            </Typography.Text>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-subject">
                {data.subject}
              </Typography.Title>
              <CaseStatusTag status={data.status} />
              <CasePriorityTag priority={data.priority} />
            </Flex>
            <Space size={4}>
              <Typography.Text type="secondary">{t('fields.ownerId')}:</Typography.Text>
              <OwnerName ownerId={data.ownerId} />
            </Space>
          </div>
          <Flex gap={8} wrap>
            {!data.mergedInto && <CreateWorkOrderButton caseId={data.id} typeId={data.typeId} />}
            {data.ownerId !== user.id && !data.mergedInto && (
              <Button icon={<UserAddOutlined />} loading={take.isPending} onClick={() => take.mutate()} data-testid="case-take">
                {t('cases.take')}
              </Button>
            )}
            <Space.Compact>
              {moves.map((to) => (
                <Button key={to} loading={move.isPending && move.variables === to} onClick={() => move.mutate(to)} data-testid={`case-status-${actionKey(data.status, to)}`}>
                  {t(`cases.actions.${actionKey(data.status, to)}`)}
                </Button>
              ))}
            </Space.Compact>
          </Flex>
        </Flex>
        {data.mergedInto && (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            title={
              <>
                {t('cases.mergedInto')} <Link to={`/cases/${data.mergedInto}`}>{t('cases.openSurvivor')}</Link>
              </>
            }
          />
        )}
      </Card>
      {!data.mergedInto && <CaseComposer data={data} onSent={saved} />}
      <ActivityLayout
        record={{ recordType: 'case', recordId: data.id, name: data.subject }}
        tabs={[
          { key: 'details', label: t('contacts.tabs.details'), children: <CaseFacts data={data} /> },
          { key: 'history', label: t('cases.history.title'), children: <CaseHistory caseId={data.id} /> },
        ]}
        side={
          <Flex vertical gap={16}>
            <SlaClocks caseId={data.id} />
            {data.status !== 'closed' && <SuggestedArticles text={[data.subject, data.description ?? ''].join('\n')} />}
          </Flex>
        }
      />
    </>
  );
}
