import { and, asc, eq, or } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { forbidden, invalidField, notFound } from '../../platform/errors/app-error.js';
import { assertActiveMember, assertTeam } from '../../platform/tenancy/membership-checks.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { builtinTile, knownBuiltinKeys } from './dashboards.standard.js';
import { dashboards, type DashboardFilters, type DashboardTile } from './dashboards.tables.js';
import type { ReportScope } from './reports.query.js';
import { getReport, runReportDefinition, type LabelledResult } from './reports.service.js';
import type { ReportChart } from './reports.tables.js';

export type Dashboard = typeof dashboards.$inferSelect;
export interface DashboardInput {
  name: string;
  shared?: boolean;
  tiles?: DashboardTile[];
  filters?: DashboardFilters;
}

/** The grid has 12 columns; a tile is at least 2 wide and 2 high. */
export const GRID_COLUMNS = 12;

export function listDashboards(tx: Executor, ctx: RequestContext): Promise<Dashboard[]> {
  return tx
    .select()
    .from(dashboards)
    .where(and(eq(dashboards.workspaceId, ctx.workspaceId), or(eq(dashboards.ownerId, ctx.userId ?? ctx.workspaceId), eq(dashboards.shared, true))))
    .orderBy(asc(dashboards.name), asc(dashboards.id));
}

export async function getDashboard(tx: Executor, ctx: RequestContext, id: string): Promise<Dashboard> {
  const [dashboard] = await tx.select().from(dashboards).where(and(eq(dashboards.workspaceId, ctx.workspaceId), eq(dashboards.id, id)));
  if (!dashboard || (dashboard.ownerId !== ctx.userId && !dashboard.shared)) throw notFound('dashboard');
  return dashboard;
}

/** Tiles name reports the caller sees or known built-ins, once each, inside the grid. */
async function checkTiles(tx: Executor, ctx: RequestContext, tiles: DashboardTile[]): Promise<void> {
  const keys = new Set<string>();
  const builtins = knownBuiltinKeys();
  for (const [i, tile] of tiles.entries()) {
    if (keys.has(tile.key)) throw invalidField(`tiles.${i}.key`, 'taken');
    keys.add(tile.key);
    if (Boolean(tile.reportId) === Boolean(tile.builtin)) throw invalidField(`tiles.${i}.reportId`, 'invalid');
    if (tile.builtin && !builtins.has(tile.builtin)) throw invalidField(`tiles.${i}.builtin`, 'enum', { allowed: [...builtins].join(', ') });
    if (tile.reportId) {
      try {
        await getReport(tx, ctx, tile.reportId);
      } catch {
        throw invalidField(`tiles.${i}.reportId`, 'invalid');
      }
    }
    if (tile.x + tile.w > GRID_COLUMNS) throw invalidField(`tiles.${i}.w`, 'maximum', { limit: GRID_COLUMNS - tile.x });
  }
}

async function checkFilters(tx: Executor, ctx: RequestContext, filters: DashboardFilters | undefined): Promise<void> {
  await assertActiveMember(tx, ctx, filters?.ownerId, 'filters.ownerId');
  await assertTeam(tx, ctx, filters?.teamId, 'filters.teamId');
}

function assertMayShare(ctx: RequestContext, shared: boolean | undefined): void {
  if (shared && ctx.role !== 'admin' && ctx.role !== 'manager') throw forbidden();
}
function assertMayEdit(ctx: RequestContext, dashboard: Dashboard): void {
  if (dashboard.ownerId !== ctx.userId && !(dashboard.shared && ctx.role === 'admin')) throw forbidden();
}

export async function createDashboard(tx: Executor, ctx: RequestContext, input: DashboardInput): Promise<Dashboard> {
  if (!ctx.userId) throw forbidden();
  assertMayShare(ctx, input.shared);
  await checkTiles(tx, ctx, input.tiles ?? []);
  await checkFilters(tx, ctx, input.filters);
  const [created] = await tx
    .insert(dashboards)
    .values({ workspaceId: ctx.workspaceId, id: uuidv7(), ownerId: ctx.userId, name: input.name.trim(), shared: input.shared ?? false, tiles: input.tiles ?? [], filters: input.filters ?? {} })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'dashboard', recordId: created!.id, after: created });
  return created!;
}

export async function updateDashboard(tx: Executor, ctx: RequestContext, id: string, patch: Partial<DashboardInput>): Promise<Dashboard> {
  const before = await getDashboard(tx, ctx, id);
  assertMayEdit(ctx, before);
  assertMayShare(ctx, patch.shared);
  if (patch.tiles) await checkTiles(tx, ctx, patch.tiles);
  await checkFilters(tx, ctx, patch.filters);
  const [after] = await tx
    .update(dashboards)
    .set({ ...patch, ...(patch.name === undefined ? {} : { name: patch.name.trim() }), updatedAt: new Date() })
    .where(and(eq(dashboards.workspaceId, ctx.workspaceId), eq(dashboards.id, id)))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'dashboard', recordId: id, before, after });
  return after!;
}

/** Pins a saved report to a dashboard: a new tile under the others, half the grid wide. */
export async function pinReport(tx: Executor, ctx: RequestContext, id: string, reportId: string): Promise<Dashboard> {
  const dashboard = await getDashboard(tx, ctx, id);
  const bottom = Math.max(0, ...dashboard.tiles.map((t) => t.y + t.h));
  const tile: DashboardTile = { key: uuidv7(), reportId, x: 0, y: bottom, w: 6, h: 4 };
  return updateDashboard(tx, ctx, id, { tiles: [...dashboard.tiles, tile] });
}

export async function deleteDashboard(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  const before = await getDashboard(tx, ctx, id);
  assertMayEdit(ctx, before);
  await tx.delete(dashboards).where(and(eq(dashboards.workspaceId, ctx.workspaceId), eq(dashboards.id, id)));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'dashboard', recordId: id, before });
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A named period as first and last day, counted in the workspace's calendar from its today. */
export function periodDays(filters: DashboardFilters, today: string): { from?: string; to?: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const utc = (year: number, month: number, date: number) => day(new Date(Date.UTC(year, month, date)));
  switch (filters.period) {
    case 'thisMonth':
      return { from: utc(y, m - 1, 1), to: utc(y, m, 0) };
    case 'lastMonth':
      return { from: utc(y, m - 2, 1), to: utc(y, m - 1, 0) };
    case 'thisQuarter': {
      const q = Math.floor((m - 1) / 3) * 3;
      return { from: utc(y, q, 1), to: utc(y, q + 3, 0) };
    }
    case 'thisYear':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
    case 'last12Months':
      return { from: utc(y, m - 12, 1), to: today };
    case 'custom':
      return { from: filters.from ?? undefined, to: filters.to ?? undefined };
    default:
      return {};
  }
}

export interface TileRun {
  chart: ReportChart;
  /** Null: a built-in tile whose module has nothing to show yet. */
  result: LabelledResult | null;
  name: string | null;
}

/** Runs one tile as the caller under the dashboard's filters: a saved report or a built-in figure. */
export async function runTile(tx: Executor, ctx: RequestContext, tile: Pick<DashboardTile, 'reportId' | 'builtin' | 'chart'>, filters: DashboardFilters): Promise<TileRun> {
  await checkFilters(tx, ctx, filters);
  const { timeZone } = await getWorkspace(tx, ctx);
  const todayThere = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const scope: ReportScope = { ...periodDays(filters, todayThere), ownerId: filters.ownerId ?? undefined, teamId: filters.teamId ?? undefined };
  if (tile.reportId) {
    const report = await getReport(tx, ctx, tile.reportId);
    return { chart: tile.chart ?? report.chart, result: await runReportDefinition(tx, ctx, report.definition, scope), name: report.name };
  }
  const builtin = tile.builtin ? builtinTile(tile.builtin) : undefined;
  if (tile.builtin && !knownBuiltinKeys().has(tile.builtin)) throw invalidField('builtin', 'enum', { allowed: [...knownBuiltinKeys()].join(', ') });
  if (!builtin) return { chart: tile.chart ?? 'table', result: null, name: null };
  return { chart: tile.chart ?? builtin.chart, result: await builtin.run(tx, ctx, scope), name: null };
}
