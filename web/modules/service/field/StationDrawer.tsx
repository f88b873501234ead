import { Button, Descriptions, Drawer, Flex, List, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useCan } from '../../../app/useCan';
import { useMembers } from '../../../app/useMembers';
import { EmptyState } from '../../../ui/EmptyState';
import { StationFormModal } from './StationFormModal';
import type { Station } from './types';
import { useFieldChanged } from './useField';

/** One station: where it is, its load and rating, and the members who work for it (who sign in to its queue). */
export function StationDrawer({ station, onClose }: { station: Station | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mayConfigure = useCan('service.configure');
  const { members } = useMembers();
  const changed = useFieldChanged();
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const add = useMutation({ mutationFn: (userId: string) => api.post(`/service-stations/${station!.id}/technicians`, { userId }), onSuccess: () => (setPicked(null), changed()) });
  const remove = useMutation({ mutationFn: (userId: string) => api.delete(`/service-stations/${station!.id}/technicians/${userId}`), onSuccess: changed });
  const tied = new Set(station?.technicians.map((x) => x.userId));
  return (
    <Drawer
      open={Boolean(station)}
      onClose={onClose}
      size={520}
      title={station?.name}
      extra={mayConfigure && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
      data-testid="station-drawer"
    >
      {station && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('field.stations.region')}>{[station.province, station.city].filter(Boolean).join(' ')}</Descriptions.Item>
            <Descriptions.Item label={t('field.fields.address')}>{station.address ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('field.stations.load')}>{t('field.stations.loadValue', { open: station.openCount, capacity: station.capacity })}</Descriptions.Item>
            <Descriptions.Item label={t('field.stations.rating')}>
              {station.rating === null ? t('field.stations.noRatings') : t('field.stations.ratingValue', { rating: station.rating, count: station.ratingCount })}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('field.stations.technicians')}
          </Typography.Title>
          <List
            dataSource={station.technicians}
            locale={{ emptyText: <EmptyState title={t('field.stations.noTechnicians')} description={t('field.stations.noTechniciansHint')} /> }}
            renderItem={(x) => (
              <List.Item actions={mayConfigure ? [<Button key="remove" type="link" danger onClick={() => remove.mutate(x.userId)}>{t('field.stations.removeTechnician')}</Button>] : []}>
                <List.Item.Meta title={x.name} description={x.email} />
              </List.Item>
            )}
          />
          {mayConfigure && (
            <Flex gap={8} style={{ marginTop: 12 }}>
              <Select
                style={{ flex: 1 }}
                showSearch
                optionFilterProp="label"
                placeholder={t('field.stations.pickMember')}
                value={picked}
                onChange={setPicked}
                options={members.filter((m) => !tied.has(m.userId)).map((m) => ({ value: m.userId, label: `${m.name} · ${t(`roles.${m.role}.label`)}` }))}
                data-testid="technician-pick"
              />
              <Button disabled={!picked} loading={add.isPending} onClick={() => picked && add.mutate(picked)}>
                {t('field.stations.addTechnician')}
              </Button>
            </Flex>
          )}
          {(add.error ?? remove.error) && <Typography.Text type="danger">{(add.error ?? remove.error)!.message}</Typography.Text>}
        </>
      )}
      <StationFormModal open={editing} station={station ?? undefined} onClose={() => setEditing(false)} />
    </Drawer>
  );
}
