import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useCursorList } from '../../../app/useCursorList';
import { useFormat } from '../../../app/useFormat';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { problemText } from '../PipelineBoard';
import type { ClaimResult, Pool, PoolEntry, Quota } from './types';
import { remainingOf } from './quota';
import { usePoolsChanged } from './usePools';

/** One pool's waiting records, newest arrivals first: virtual rows, more on scrolling, claim one or the ticked ones. */
export function PoolEntries({ pool, quota }: { pool: Pool; quota: Quota | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const list = useCursorList<PoolEntry>(`/pools/${pool.id}/records`);
  const changed = usePoolsChanged();
  const [selected, setSelected] = useState<string[]>([]);
  const remaining = remainingOf(quota);
  const claim = useMutation({
    mutationFn: (recordIds: string[]) => api.post<ClaimResult>(`/pools/${pool.id}/claim`, { recordIds }),
    onSuccess: (result) => {
      message.success(t('pools.claimed', { count: result.claimed.length }));
      if (result.unavailable.length) message.warning(t('pools.someTaken', { count: result.unavailable.length }));
      setSelected([]);
    },
    onError: (err) => message.error(problemText(err)),
    onSettled: changed,
  });

  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.isPending && list.rows.length === 0) return <EmptyState title={t('pools.empty.title')} description={t('pools.empty.text')} testId="pool-empty" />;
  const lead = pool.recordType === 'lead';
  const text = (value: string | null) => value ?? <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Button
          type="primary"
          disabled={selected.length === 0 || remaining === 0}
          loading={claim.isPending && claim.variables.length > 1}
          onClick={() => claim.mutate(selected)}
          data-testid="pool-claim-selected"
        >
          {t('pools.claimSelected', { count: selected.length })}
        </Button>
      </Flex>
      <Table<PoolEntry>
        rowKey="recordId"
        virtual
        size="middle"
        pagination={false}
        loading={list.isPending}
        dataSource={list.rows}
        scroll={{ x: 900, y: 560 }}
        data-testid="pool-table"
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), columnWidth: 48 }}
        onRow={() => ({ 'data-testid': 'pool-row' }) as React.HTMLAttributes<HTMLElement>}
        onScroll={(event) => {
          const el = event.currentTarget;
          if (list.hasMore && !list.loadingMore && el.scrollHeight - el.scrollTop - el.clientHeight < 240) list.loadMore();
        }}
        columns={[
          { key: 'name', title: t('pools.columns.name'), width: 240, render: (_, row) => <Typography.Text strong>{row.name}</Typography.Text> },
          ...(lead ? [{ key: 'company', title: t('pools.columns.company'), width: 180, render: (_: unknown, row: PoolEntry) => text(row.company) }] : []),
          { key: 'industry', title: t('pools.columns.industry'), width: 130, render: (_, row) => text(row.industry) },
          { key: 'region', title: t('pools.columns.region'), width: 110, render: (_, row) => text(row.region) },
          { key: 'source', title: t('pools.columns.source'), width: 120, render: (_, row) => text(row.source) },
          { key: 'enteredAt', title: t('pools.columns.enteredAt'), width: 170, render: (_, row) => format.dateTime(row.enteredAt) },
          {
            key: 'claim',
            title: '',
            width: 100,
            fixed: 'right',
            render: (_, row) => (
              <Button
                size="small"
                disabled={remaining === 0}
                loading={claim.isPending && claim.variables.length === 1 && claim.variables[0] === row.recordId}
                onClick={() => claim.mutate([row.recordId])}
                data-testid="pool-claim"
              >
                {t('pools.claim')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
