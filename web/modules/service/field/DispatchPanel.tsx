import { Alert, Button, Card, Flex, Input, Radio, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { ReasonList } from './ReasonList';
import type { WorkOrder } from './types';
import { useDispatchCandidates, useFieldChanged } from './useField';

/** The stations ranked for an order with the reasons of each score; dispatch to the best or, with a reason, to another. */
export function DispatchPanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const candidates = useDispatchCandidates(order.id, true);
  const changed = useFieldChanged();
  const best = candidates.data?.find((c) => c.eligible);
  const [picked, setPicked] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const chosen = picked ?? best?.stationId ?? null;
  const override = Boolean(best && chosen && chosen !== best.stationId);
  const dispatch = useMutation({
    mutationFn: () => api.post<WorkOrder>(`/work-orders/${order.id}/dispatch`, { stationId: chosen ?? undefined, overrideReason: override ? reason : null }),
    onSuccess: () => {
      setPicked(null);
      setReason('');
      changed();
    },
  });
  if (candidates.error) return <ErrorAlert error={candidates.error} onRetry={() => void candidates.refetch()} />;
  if (candidates.isPending) return <Card loading />;
  if (candidates.data.length === 0) return <EmptyState title={t('field.dispatch.noStations')} description={t('field.dispatch.noStationsHint')} />;
  return (
    <Flex vertical gap={12} data-testid="dispatch-panel">
      <Radio.Group value={chosen} onChange={(e) => setPicked(e.target.value as string)} style={{ width: '100%' }}>
        <Flex vertical gap={8}>
          {candidates.data.map((c, i) => (
            <Card key={c.stationId} size="small" data-testid={`candidate-${i}`} style={{ opacity: c.eligible ? 1 : 0.6 }}>
              <Flex justify="space-between" align="flex-start" gap={8}>
                <Radio value={c.stationId} disabled={!c.eligible}>
                  <Typography.Text strong>{c.name}</Typography.Text>
                  {c.stationId === best?.stationId && (
                    <Tag color="gold" style={{ marginInlineStart: 8 }}>
                      {t('field.dispatch.best')}
                    </Tag>
                  )}
                  {c.exclusion && <Tag style={{ marginInlineStart: 8 }}>{t(`field.exclusions.${c.exclusion}`)}</Tag>}
                </Radio>
                <Typography.Text strong data-testid="candidate-score">
                  {t('field.dispatch.score', { score: c.score })}
                </Typography.Text>
              </Flex>
              <div style={{ marginTop: 8, marginInlineStart: 24 }}>
                <ReasonList reasons={c.reasons} />
              </div>
            </Card>
          ))}
        </Flex>
      </Radio.Group>
      {override && (
        <Input.TextArea data-testid="override-reason" rows={2} maxLength={1000} placeholder={t('field.dispatch.overridePlaceholder')} value={reason} onChange={(e) => setReason(e.target.value)} />
      )}
      {dispatch.error && <Alert type="error" showIcon title={dispatch.error.message} />}
      <Button type="primary" data-testid="dispatch-submit" disabled={!chosen || (override && !reason.trim())} loading={dispatch.isPending} onClick={() => dispatch.mutate()}>
        {override ? t('field.dispatch.override') : t('field.dispatch.toBest')}
      </Button>
    </Flex>
  );
}
