import { Alert, Button, Flex, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATION_ACTIONS, type StationAction, type WorkOrderStatus } from '../../../../contracts/field-service';
import { api } from '../../../app/api';
import type { WorkOrder } from './types';
import { useFieldChanged } from './useField';

/** What the station does with an order it holds: accept or decline it, say it is on site, then done, with a note. */
export function StationActions({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const changed = useFieldChanged();
  const [note, setNote] = useState('');
  const act = useMutation({
    mutationFn: (action: StationAction) => api.post<WorkOrder>(`/work-orders/${order.id}/station-update`, { action, note: note.trim() || null }),
    onSuccess: () => {
      setNote('');
      changed();
    },
  });
  const possible = (Object.keys(STATION_ACTIONS) as StationAction[]).filter((a) => (STATION_ACTIONS[a] as readonly WorkOrderStatus[]).includes(order.status));
  if (possible.length === 0) return null;
  return (
    <Flex vertical gap={8} data-testid="station-actions">
      <Input.TextArea data-testid="station-note" rows={2} maxLength={5000} placeholder={t('field.station.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} />
      {act.error && <Alert type="error" showIcon title={act.error.message} />}
      <Flex gap={8} wrap>
        {possible.map((a) => (
          <Button key={a} data-testid={`station-${a}`} type={a === 'decline' ? 'default' : 'primary'} danger={a === 'decline'} loading={act.isPending && act.variables === a} onClick={() => act.mutate(a)}>
            {t(`field.station.actions.${a}`)}
          </Button>
        ))}
      </Flex>
    </Flex>
  );
}
