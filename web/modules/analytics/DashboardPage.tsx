import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Input, Modal, Popconfirm, Select, Space, Spin, Switch } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import GridLayout, { useContainerWidth, type Layout } from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { OwnerSelect } from '../../app/OwnerSelect';
import { useCan } from '../../app/useCan';
import { useCurrentSession } from '../../app/useCurrentSession';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { DashboardTileCard } from './DashboardTileCard';
import { DASHBOARDS_KEY } from './ReportActions';
import { PERIODS, type Dashboard, type DashboardFilters, type DashboardTile, type PeriodName } from './types';

const ROW_HEIGHT = 80;
const MARGIN = 12;
const STANDARD = ['sales', 'customers', 'service'] as const;

/** Whether the grid moved or resized any tile (the grid also reports layouts that changed nothing). */
function moved(tiles: DashboardTile[], layout: Layout): DashboardTile[] | null {
  let changed = false;
  const next = tiles.map((tile) => {
    const item = layout.find((l) => l.i === tile.key);
    if (!item || (item.x === tile.x && item.y === tile.y && item.w === tile.w && item.h === tile.h)) return tile;
    changed = true;
    return { ...tile, x: item.x, y: item.y, w: item.w, h: item.h };
  });
  return changed ? next : null;
}

/** Dashboards: the standard ones and the caller's and shared grids of tiles, under one period and owner/team filter. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { id, key: standardKey } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const session = useCurrentSession();
  const mayShare = useCan('records.dedupe');
  const { width, containerRef, mounted } = useContainerWidth();
  const list = useQuery({ queryKey: DASHBOARDS_KEY, queryFn: ({ signal }) => api.get<{ data: Dashboard[] }>('/dashboards', undefined, signal) });
  const standard = useQuery({ queryKey: ['/dashboards/standard'], queryFn: ({ signal }) => api.get<{ data: { key: string; tiles: DashboardTile[] }[] }>('/dashboards/standard', undefined, signal), staleTime: Infinity });
  const teams = useQuery({ queryKey: ['/teams'], queryFn: ({ signal }) => api.get<{ data: { id: string; name: string }[] }>('/teams', undefined, signal), select: (r) => r.data });
  const saved = id ? list.data?.data.find((d) => d.id === id) : undefined;
  const builtIn = !id ? standard.data?.data.find((d) => d.key === (standardKey ?? 'sales')) : undefined;
  const [tiles, setTiles] = useState<DashboardTile[]>([]);
  const [filters, setFilters] = useState<DashboardFilters>({ period: 'thisYear' });
  const [creating, setCreating] = useState<{ name: string; shared: boolean; tiles: DashboardTile[] } | null>(null);
  useEffect(() => {
    if (saved) {
      setTiles(saved.tiles);
      setFilters(saved.filters);
    } else if (builtIn) setTiles(builtIn.tiles);
    // Only when another dashboard is opened (or loaded): edits here stay on screen while they save.
  }, [saved?.id, builtIn?.key, list.isSuccess]);
  const editable = Boolean(saved && (saved.ownerId === session.user.id || (saved.shared && session.membership.role === 'admin')));

  async function patch(changes: Partial<Pick<Dashboard, 'tiles' | 'filters'>>) {
    if (!saved || !editable) return;
    await api.patch<Dashboard>(`/dashboards/${saved.id}`, changes);
    await queryClient.invalidateQueries({ queryKey: DASHBOARDS_KEY });
  }
  function changeFilters(next: DashboardFilters) {
    setFilters(next);
    void patch({ filters: next });
  }
  function onLayoutChange(layout: Layout) {
    const next = moved(tiles, layout);
    if (!next) return;
    setTiles(next);
    void patch({ tiles: next }).then(() => message.success(t('dashboards.layoutSaved')));
  }
  async function create() {
    if (!creating) return;
    const dashboard = await api.post<Dashboard>('/dashboards', creating);
    await queryClient.invalidateQueries({ queryKey: DASHBOARDS_KEY });
    message.success(t('dashboards.created'));
    setCreating(null);
    navigate(`/dashboards/${dashboard.id}`);
  }

  const options = [
    { label: t('dashboards.standard'), options: STANDARD.map((k) => ({ value: `standard:${k}`, label: t(`dashboards.standards.${k}`) })) },
    ...(list.data?.data.length ? [{ label: t('dashboards.mine'), options: list.data.data.map((d) => ({ value: d.id, label: d.name })) }] : []),
  ];
  const current = id ?? `standard:${standardKey ?? 'sales'}`;
  const period = filters.period ?? null;

  return (
    <>
      <PageHeader
        title={t('dashboards.title')}
        extra={
          <Space wrap>
            <Select style={{ minWidth: 200 }} value={current} options={options} data-testid="dashboard-select" onChange={(v: string) => navigate(v.startsWith('standard:') ? `/dashboards/standard/${v.slice(9)}` : `/dashboards/${v}`)} />
            {builtIn && (
              <Button icon={<CopyOutlined />} onClick={() => setCreating({ name: t(`dashboards.standards.${builtIn.key}`), shared: false, tiles: builtIn.tiles })}>
                {t('dashboards.copy')}
              </Button>
            )}
            <Button type="primary" icon={<PlusOutlined />} data-testid="dashboard-new" onClick={() => setCreating({ name: '', shared: false, tiles: [] })}>
              {t('dashboards.new')}
            </Button>
            {saved && editable && (
              <Popconfirm
                title={t('dashboards.deleteConfirm')}
                onConfirm={async () => {
                  await api.delete(`/dashboards/${saved.id}`);
                  await queryClient.invalidateQueries({ queryKey: DASHBOARDS_KEY });
                  message.success(t('dashboards.deleted'));
                  navigate('/dashboards');
                }}
              >
                <Button danger icon={<DeleteOutlined />} aria-label={t('dashboards.delete')} />
              </Popconfirm>
            )}
          </Space>
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select<PeriodName | 'all'>
          style={{ width: 160 }}
          aria-label={t('dashboards.period')}
          value={period ?? 'all'}
          options={[{ value: 'all', label: t('dashboards.allTime') }, ...PERIODS.map((p) => ({ value: p, label: t(`dashboards.periods.${p}`) }))]}
          onChange={(p) => changeFilters({ ...filters, period: p === 'all' ? null : p })}
        />
        {period === 'custom' && (
          <DatePicker.RangePicker
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(range) => changeFilters({ ...filters, from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })}
          />
        )}
        <OwnerSelect allowClear placeholder={t('dashboards.everyone')} style={{ width: 180 }} value={filters.ownerId ?? null} onChange={(ownerId) => changeFilters({ ...filters, ownerId, teamId: null })} testId="dashboard-owner" />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('dashboards.team')}
          value={filters.teamId ?? undefined}
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          onChange={(teamId?: string) => changeFilters({ ...filters, teamId: teamId ?? null, ownerId: null })}
        />
      </Flex>
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending || (id && !saved) ? (
        id && list.isSuccess ? <EmptyState title={t('dashboards.notFound')} testId="dashboard-not-found" /> : <Spin />
      ) : tiles.length === 0 ? (
        <EmptyState title={saved?.name ?? t('dashboards.title')} description={t('dashboards.empty')} testId="dashboard-empty" />
      ) : (
        <div ref={containerRef} data-testid="dashboard-grid">
          {mounted && (
            <GridLayout
              width={width}
              layout={tiles.map((tile) => ({ i: tile.key, x: tile.x, y: tile.y, w: tile.w, h: tile.h, minW: 2, minH: 2 }))}
              gridConfig={{ cols: 12, rowHeight: ROW_HEIGHT, margin: [MARGIN, MARGIN] }}
              dragConfig={{ enabled: editable, handle: '.tile-drag' }}
              resizeConfig={{ enabled: editable }}
              onLayoutChange={onLayoutChange}
            >
              {tiles.map((tile) => (
                <div key={tile.key}>
                  <DashboardTileCard
                    tile={tile}
                    filters={filters}
                    height={tile.h * ROW_HEIGHT + (tile.h - 1) * MARGIN - 64}
                    editable={editable}
                    onRemove={() => {
                      const next = tiles.filter((x) => x.key !== tile.key);
                      setTiles(next);
                      void patch({ tiles: next });
                    }}
                  />
                </div>
              ))}
            </GridLayout>
          )}
        </div>
      )}
      <Modal open={creating !== null} title={t('dashboards.new')} onOk={() => void create()} okButtonProps={{ disabled: !creating?.name.trim(), 'data-testid': 'dashboard-create' } as never} onCancel={() => setCreating(null)} destroyOnHidden>
        <Flex vertical gap={12}>
          <Input placeholder={t('dashboards.name')} value={creating?.name} maxLength={200} autoFocus data-testid="dashboard-name" onChange={(e) => setCreating((c) => c && { ...c, name: e.target.value })} />
          {mayShare && (
            <Space>
              <Switch checked={creating?.shared} onChange={(shared) => setCreating((c) => c && { ...c, shared })} />
              {t('dashboards.shared')}
            </Space>
          )}
        </Flex>
      </Modal>
    </>
  );
}
