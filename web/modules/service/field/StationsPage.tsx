import { Button, Card, Flex, Rate, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../../app/useCan';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { StationDrawer } from './StationDrawer';
import { StationFormModal } from './StationFormModal';
import type { Station } from './types';
import { useStations } from './useField';

/** /service-stations: the stations work orders are dispatched to, with their rating, load and technicians. */
export function StationsPage() {
  const { t } = useTranslation();
  const stations = useStations();
  const mayConfigure = useCan('service.configure');
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const add = mayConfigure && (
    <Button type="primary" data-testid="station-add" onClick={() => setAdding(true)}>
      {t('field.stations.add')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('field.stations.title')}
        subtitle={t('field.stations.subtitle')}
        extra={
          <Flex gap={8}>
            {mayConfigure && <Link to="/service-stations/dashboard">{t('field.dashboard.title')}</Link>}
            {add}
          </Flex>
        }
      />
      <Card>
        {stations.error ? (
          <ErrorAlert error={stations.error} onRetry={() => void stations.refetch()} />
        ) : (
          <Table<Station>
            rowKey="id"
            loading={stations.isPending}
            dataSource={stations.data ?? []}
            pagination={false}
            onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
            locale={{ emptyText: <EmptyState title={t('field.stations.empty')} description={t('field.stations.emptyHint')} action={add || undefined} /> }}
            columns={[
              {
                key: 'name',
                title: t('field.stations.name'),
                render: (_, s) => (
                  <>
                    <Typography.Text strong>{s.name}</Typography.Text>
                    {!s.active && <Tag style={{ marginInlineStart: 8 }}>{t('field.stations.inactive')}</Tag>}
                  </>
                ),
              },
              { key: 'region', title: t('field.stations.region'), render: (_, s) => [s.province, s.city].filter(Boolean).join(' ') },
              { key: 'load', title: t('field.stations.load'), render: (_, s) => t('field.stations.loadValue', { open: s.openCount, capacity: s.capacity }) },
              {
                key: 'rating',
                title: t('field.stations.rating'),
                render: (_, s) =>
                  s.rating === null ? (
                    <Typography.Text type="secondary">{t('field.stations.noRatings')}</Typography.Text>
                  ) : (
                    <Flex gap={6} align="center">
                      <Rate disabled allowHalf value={Math.round(s.rating * 2) / 2} style={{ fontSize: 12 }} />
                      <Typography.Text>{t('field.stations.ratingValue', { rating: s.rating, count: s.ratingCount })}</Typography.Text>
                    </Flex>
                  ),
              },
              { key: 'technicians', title: t('field.stations.technicians'), render: (_, s) => s.technicians.map((x) => x.name).join(', ') || '–' },
            ]}
          />
        )}
      </Card>
      <StationFormModal open={adding} onClose={() => setAdding(false)} />
      <StationDrawer station={stations.data?.find((s) => s.id === openId) ?? null} onClose={() => setOpenId(null)} />
    </>
  );
}
