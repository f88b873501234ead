import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, List, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../../contracts/service';
import { api } from '../../../app/api';
import { OwnerName } from '../../../app/OwnerName';
import { RecordLink } from '../../../app/RecordLink';
import { useFormat } from '../../../app/useFormat';
import type { Case } from './types';
import { useQueues, useTypeName } from './useCases';

/** A case's facts, how routing chose its queue and agent, and its status history. */
export function CaseFacts({ data }: { data: Case }) {
  const { t } = useTranslation();
  const format = useFormat();
  const typeName = useTypeName();
  const queues = useQueues().data ?? [];
  const when = (at: string | null) => (at ? format.dateTime(at) : '—');
  const queueName = (id: string | null) => queues.find((q) => q.id === id)?.name ?? '—';
  return (
    <>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          { key: 'typeId', label: t('cases.fields.typeId'), children: typeName(data.typeId) },
          { key: 'channel', label: t('cases.fields.channel'), children: t(`cases.channel.${data.channel}`) },
          { key: 'contactId', label: t('cases.fields.contactId'), children: data.contactId ? <RecordLink recordType="contact" id={data.contactId} testId="case-contact" /> : '—' },
          { key: 'accountId', label: t('cases.fields.accountId'), children: data.accountId ? <RecordLink recordType="account" id={data.accountId} /> : '—' },
          { key: 'productId', label: t('cases.fields.productId'), children: data.productId ? <RecordLink recordType="product" id={data.productId} /> : '—' },
          { key: 'language', label: t('cases.fields.language'), children: data.language ? t(`cases.languages.${data.language}`) : '—' },
          { key: 'queueId', label: t('cases.fields.queueId'), children: queueName(data.queueId) },
          { key: 'ownerId', label: t('fields.ownerId'), children: <OwnerName ownerId={data.ownerId} /> },
          { key: 'createdAt', label: t('fields.createdAt'), children: when(data.createdAt) },
          { key: 'firstResponseAt', label: t('cases.fields.firstResponseAt'), children: when(data.firstResponseAt) },
          { key: 'resolvedAt', label: t('cases.fields.resolvedAt'), children: when(data.resolvedAt) },
          { key: 'closedAt', label: t('cases.fields.closedAt'), children: when(data.closedAt) },
          { key: 'description', label: t('cases.fields.description'), span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.description || '—'}</Typography.Paragraph> },
        ]}
      />
      {data.routing && (
        <Card size="small" title={t('cases.routing.title')} style={{ marginTop: 16 }} data-testid="case-routing">
          <Typography.Paragraph type="secondary">
            {t('cases.routing.summary', { queue: queueName(data.routing.queueId), skills: data.routing.skillsWanted.join(', ') || '—' })}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={data.routing.candidates}
            locale={{ emptyText: t('cases.routing.noCandidates') }}
            renderItem={(c) => (
              <List.Item extra={<Tag color={c.userId === data.routing?.agentId ? 'green' : undefined}>{t('cases.routing.score', { score: c.score })}</Tag>}>
                <List.Item.Meta
                  title={<OwnerName ownerId={c.userId} />}
                  description={[
                    t('cases.routing.open', { count: c.openCases }),
                    c.skillsMatched.length ? t('cases.routing.has', { skills: c.skillsMatched.join(', ') }) : null,
                    c.skillsMissing.length ? t('cases.routing.lacks', { skills: c.skillsMissing.join(', ') }) : null,
                    c.excluded ? t(`cases.routing.excluded.${c.excluded}`) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}

interface StatusChange {
  id: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  changedAt: string;
  changedBy: string | null;
}

export function CaseHistory({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery({ queryKey: ['/cases', caseId, 'history'], queryFn: ({ signal }) => api.get<{ data: StatusChange[] }>(`/cases/${caseId}/history`, undefined, signal) });
  return (
    <Timeline
      data-testid="case-history"
      items={(history.data?.data ?? []).map((h) => ({
        key: h.id,
        children: (
          <>
            {t(`cases.status.${h.toStatus}`)} · {format.dateTime(h.changedAt)} · {h.changedBy ? <OwnerName ownerId={h.changedBy} size={16} /> : t('cases.history.system')}
          </>
        ),
      }))}
    />
  );
}
