import { Button, Descriptions, Divider, Drawer, Popconfirm, Tag, Timeline, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useCurrentSession } from '../../../app/useCurrentSession';
import { useFormat } from '../../../app/useFormat';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { DispatchPanel } from './DispatchPanel';
import { StationActions } from './StationActions';
import { StatusTag } from './StatusTag';
import { useFieldChanged, useWorkOrder, useWorkOrderHistory } from './useField';

const DISPATCHABLE = ['new', 'declined', 'dispatched'];

/** One work order: the customer and the problem, its history, and what the reader may do next (dispatch, or the station's moves). */
export function WorkOrderDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const order = useWorkOrder(id);
  const isStation = useCurrentSession().membership.role === 'station';
  const changed = useFieldChanged();
  const cancel = useMutation({ mutationFn: () => api.post(`/work-orders/${id}/cancel`, {}), onSuccess: changed });
  const data = order.data;
  return (
    <Drawer open={Boolean(id)} onClose={onClose} size={560} title={data ? `${data.numberText} · ${data.customerName ?? ''}` : ''} destroyOnHidden data-testid="work-order-drawer">
      {order.error && <ErrorAlert error={order.error} />}
      {data && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('field.fields.status')}>
              <StatusTag status={data.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('field.fields.problem')}>{data.problem}</Descriptions.Item>
            <Descriptions.Item label={t('field.fields.customer')}>
              {data.customerName} {data.customerPhone && <Typography.Text type="secondary">{data.customerPhone}</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.fields.address')}>{[data.province, data.city, data.address].filter(Boolean).join(' ') || '–'}</Descriptions.Item>
            <Descriptions.Item label={t('field.fields.station')}>{data.stationName ?? '–'}</Descriptions.Item>
            {data.technicianName && <Descriptions.Item label={t('field.fields.technician')}>{data.technicianName}</Descriptions.Item>}
            {data.overrideReason && <Descriptions.Item label={t('field.fields.overrideReason')}>{data.overrideReason}</Descriptions.Item>}
            {data.note && <Descriptions.Item label={t('field.fields.note')}>{data.note}</Descriptions.Item>}
          </Descriptions>
          {isStation ? (
            <>
              <Divider />
              <StationActions order={data} />
            </>
          ) : (
            DISPATCHABLE.includes(data.status) && (
              <>
                <Divider titlePlacement="start">{t('field.dispatch.title')}</Divider>
                <DispatchPanel order={data} />
              </>
            )
          )}
          <Divider titlePlacement="start">{t('field.history')}</Divider>
          <History id={data.id} />
          {!isStation && data.status !== 'done' && data.status !== 'cancelled' && (
            <Popconfirm title={t('field.cancelConfirm')} onConfirm={() => cancel.mutate()}>
              <Button danger data-testid="work-order-cancel">
                {t('field.cancel')}
              </Button>
            </Popconfirm>
          )}
        </>
      )}
    </Drawer>
  );
}

function History({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const events = useWorkOrderHistory(id);
  return (
    <Timeline
      items={(events.data ?? []).map((e) => ({
        key: e.id,
        content: (
          <>
            <Tag>{t(`field.statuses.${e.toStatus}`)}</Tag>
            {e.stationName && <Typography.Text>{e.stationName} · </Typography.Text>}
            <Typography.Text type="secondary">
              {format.dateTime(e.at)}
              {e.byName ? ` · ${e.byName}` : ''}
            </Typography.Text>
            {e.note && <div>{e.note}</div>}
          </>
        ),
      }))}
    />
  );
}
