import { CloseOutlined, HolderOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { ReportView } from './ReportView';
import type { DashboardFilters, DashboardTile, TileRun } from './types';

interface DashboardTileCardProps {
  tile: DashboardTile;
  filters: DashboardFilters;
  /** Pixel height of the tile's body (the grid cell minus the card's head). */
  height: number;
  editable: boolean;
  onRemove(): void;
}

/** One tile: runs its report or built-in figure as the viewer, under the dashboard's filters. */
export function DashboardTileCard({ tile, filters, height, editable, onRemove }: DashboardTileCardProps) {
  const { t } = useTranslation();
  const run = useQuery({
    queryKey: ['/dashboards/tiles/run', tile.reportId, tile.builtin, tile.chart, filters],
    queryFn: () => api.post<TileRun>('/dashboards/tiles/run', { ...(tile.reportId ? { reportId: tile.reportId } : { builtin: tile.builtin }), chart: tile.chart ?? null, filters }),
  });
  const title = tile.title ?? (tile.builtin ? t(`dashboards.tiles.${tile.builtin}`, { defaultValue: tile.builtin }) : run.data?.name ?? '');
  return (
    <Card
      size="small"
      style={{ height: '100%', overflow: 'hidden' }}
      data-testid={`tile-${tile.key}`}
      title={
        <span>
          {editable && <HolderOutlined className="tile-drag" style={{ cursor: 'move', marginInlineEnd: 6 }} />}
          {tile.reportId ? <Link to={`/reports/${tile.reportId}`}>{title}</Link> : title}
        </span>
      }
      extra={editable && <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t('dashboards.removeTile')} onClick={onRemove} />}
    >
      {run.error ? (
        <Alert type="warning" showIcon title={t('dashboards.tileError')} />
      ) : run.isPending ? (
        <Spin />
      ) : run.data.result === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.slot')} />
      ) : (
        <ReportView result={run.data.result} chart={run.data.chart} height={height} testId={`tile-view-${tile.key}`} />
      )}
    </Card>
  );
}
