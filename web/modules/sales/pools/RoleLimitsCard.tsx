import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, InputNumber, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { problemText } from '../PipelineBoard';
import type { RoleLimit } from './types';
import { usePoolsChanged } from './usePools';

/** How much members of each role may take from pools: held at once and claimed per day (empty: no limit). */
export function RoleLimitsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = usePoolsChanged();
  const limits = useQuery({ queryKey: ['/pools', 'limits'], queryFn: ({ signal }) => api.get<{ data: RoleLimit[] }>('/pools/limits', undefined, signal), select: (r) => r.data });
  const [draft, setDraft] = useState<RoleLimit[]>([]);
  useEffect(() => {
    if (limits.data) setDraft(limits.data.filter((l) => l.role !== 'read_only'));
  }, [limits.data]);
  const save = useMutation({
    mutationFn: () => api.put('/pools/limits', { limits: draft }),
    onSuccess: () => {
      message.success(t('common.saved'));
      changed();
    },
    onError: (err) => message.error(problemText(err)),
  });
  const set = (role: string, key: 'maxHeld' | 'maxDailyClaims', value: number | null) => setDraft((rows) => rows.map((r) => (r.role === role ? { ...r, [key]: value } : r)));
  const cell = (key: 'maxHeld' | 'maxDailyClaims') => (_: unknown, row: RoleLimit) => (
    <InputNumber min={0} max={1_000_000} value={row[key]} placeholder="∞" onChange={(v) => set(row.role, key, v ?? null)} data-testid={`limit-${row.role}-${key}`} />
  );
  return (
    <Card
      title={t('pools.settings.limits')}
      extra={
        <Button type="primary" loading={save.isPending} disabled={draft.length === 0} onClick={() => save.mutate()} data-testid="limits-save">
          {t('pools.settings.saveLimits')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('pools.settings.limitsHint')}</Typography.Paragraph>
      {limits.error && <ErrorAlert error={limits.error} onRetry={() => void limits.refetch()} />}
      <Table<RoleLimit>
        rowKey="role"
        size="small"
        pagination={false}
        loading={limits.isPending}
        dataSource={draft}
        columns={[
          { key: 'role', title: t('pools.settings.role'), render: (_, row) => t(`roles.${row.role}.label`) },
          { key: 'maxHeld', title: t('pools.settings.maxHeld'), render: cell('maxHeld') },
          { key: 'maxDailyClaims', title: t('pools.settings.maxDailyClaims'), render: cell('maxDailyClaims') },
        ]}
      />
    </Card>
  );
}
