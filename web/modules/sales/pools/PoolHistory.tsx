import { useQuery } from '@tanstack/react-query';
import { Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PoolEventKind, PoolRecordType } from '../../../../contracts/pools';
import { api } from '../../../app/api';
import { useFormat } from '../../../app/useFormat';
import { useMembers } from '../../../app/useMembers';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { PoolEvent } from './types';
import { usePools } from './usePools';

const COLORS: Record<PoolEventKind, string> = { added: 'gray', claimed: 'green', released: 'blue', returned: 'red', warned: 'orange', kept: 'green' };

/** A record's pool history, newest first: who claimed, released or put it in, what the return rules did and why. */
export function PoolHistory({ recordType, recordId }: { recordType: PoolRecordType; recordId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { byId } = useMembers();
  const pools = usePools();
  const history = useQuery({
    queryKey: ['/pools', 'history', recordType, recordId],
    queryFn: ({ signal }) => api.get<{ data: PoolEvent[] }>('/pools/history', { recordType, recordId }, signal),
    select: (r) => r.data,
  });
  if (history.error) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data?.length === 0) return <EmptyState title={t('pools.history.empty')} testId="pool-history-empty" />;
  const member = (id: string | null) => (id ? (byId.get(id)?.name ?? '—') : t('pools.history.system'));
  const poolName = (id: string) => pools.data?.find((p) => p.id === id)?.name ?? t('pools.title');
  return (
    <Timeline
      style={{ marginTop: 8 }}
      data-testid="pool-history"
      items={(history.data ?? []).map((event) => ({
        key: event.id,
        color: COLORS[event.kind],
        content: (
          <div data-testid="pool-history-entry" data-kind={event.kind}>
            <Flex wrap gap="4px 8px" align="baseline">
              <Typography.Text strong>{member(event.actorUserId)}</Typography.Text>
              <Typography.Text>
                {t(`pools.history.kinds.${event.kind}`, { pool: poolName(event.poolId), owner: member(event.userId), due: event.dueAt ? format.dateTime(event.dueAt) : '' })}
              </Typography.Text>
              {event.rule && <Tag color="orange">{t(`pools.history.rules.${event.rule}`)}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {format.dateTime(event.at)}
              </Typography.Text>
            </Flex>
            {event.reason && <Typography.Text type="secondary">{t('pools.history.reason', { reason: event.reason })}</Typography.Text>}
          </div>
        ),
      }))}
    />
  );
}
