import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, InputNumber, Modal, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useCurrentSession } from '../../../app/useCurrentSession';
import { useMembers } from '../../../app/useMembers';
import { currencyDigits } from '../../../ui/format';
import { monthLabel } from './groupNames';
import { monthsOf } from './periods';
import { cellKey, quotaCells, quotaChanges, type StoredQuota } from './quotaGrid';

interface QuotaEditorProps {
  open: boolean;
  months: { from: string; to: string };
  onClose: () => void;
}

/** Members × months of monthly quotas, in the workspace currency; saved in one request. */
export function QuotaEditor({ open, months, onClose }: QuotaEditorProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { workspace } = useCurrentSession();
  const { members } = useMembers();
  const queryClient = useQueryClient();
  const currency = workspace.defaultCurrency;
  const digits = currencyDigits(currency);
  const columnsMonths = monthsOf({ from: `${months.from}-01`, to: `${months.to}-01` }).slice(0, 12);
  const range = { from: columnsMonths[0] ?? months.from, to: columnsMonths.at(-1) ?? months.to };
  const stored = useQuery({
    queryKey: ['/sales/quotas', range],
    queryFn: ({ signal }) => api.get<{ data: StoredQuota[] }>('/sales/quotas', range, signal),
    enabled: open,
  });
  const [before, setBefore] = useState<Record<string, number>>({});
  const [cells, setCells] = useState<Record<string, number | null>>({});
  useEffect(() => {
    if (!stored.data) return;
    const start = quotaCells(stored.data.data, digits);
    setBefore(start);
    setCells(start);
  }, [stored.data, digits]);
  const save = useMutation({
    mutationFn: () => api.put<{ saved: number }>('/sales/quotas', { quotas: quotaChanges(before, cells, currency, digits) }),
    onSuccess: () => {
      message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['/sales/quotas'] });
      void queryClient.invalidateQueries({ queryKey: ['/sales/forecast'] });
      onClose();
    },
  });
  const changed = quotaChanges(before, cells, currency, digits).length > 0;
  const locale = i18n.resolvedLanguage ?? i18n.language;

  return (
    <Modal
      open={open}
      width={Math.min(1200, 220 + columnsMonths.length * 120)}
      title={t('analysis.quotas.title', { currency })}
      okText={t('common.save')}
      okButtonProps={{ disabled: !changed, loading: save.isPending }}
      onOk={() => save.mutate()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('analysis.quotas.help')}</Typography.Paragraph>
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />}
      {stored.isPending ? (
        <Spin />
      ) : (
        <Table
          size="small"
          rowKey="userId"
          pagination={false}
          scroll={{ x: 200 + columnsMonths.length * 120, y: 420 }}
          dataSource={members.filter((m) => m.status === 'active')}
          columns={[
            { key: 'name', title: t('fields.ownerId'), dataIndex: 'name', fixed: 'left', width: 160 },
            ...columnsMonths.map((month) => ({
              key: month,
              title: monthLabel(month, locale),
              width: 120,
              render: (_: unknown, m: { userId: string }) => (
                <InputNumber
                  size="small"
                  min={0}
                  style={{ width: '100%' }}
                  value={cells[cellKey(m.userId, month)] ?? null}
                  onChange={(v) => setCells((c) => ({ ...c, [cellKey(m.userId, month)]: v }))}
                />
              ),
            })),
          ]}
        />
      )}
    </Modal>
  );
}
