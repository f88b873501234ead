import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { memberships } from '../../platform/tenancy/tenancy.tables.js';
import { viewableObjectTypes } from '../../platform/views/views.service.js';
import { forecast, winLoss } from '../sales/index.js';
import type { ReportScope } from './reports.query.js';
import { runReportDefinition, type LabelledResult } from './reports.service.js';
import type { DashboardTile } from './dashboards.tables.js';
import type { ReportChart } from './reports.tables.js';
import { customerValues } from './value.tables.js';

/**
 * Built-in tiles: figures no saved report can express (forecast against quota, win rate, coverage) or that
 * every workspace wants on day one (pipeline by stage). Each answers in the report result shape, so the web
 * draws them like any report. Modules add theirs with `registerDashboardTile` (customer value, service).
 */
export interface BuiltinTile {
  chart: ReportChart;
  /** Null while the module that computes it has nothing to show (not installed, or no data model yet). */
  run(tx: Executor, ctx: RequestContext, scope: ReportScope): Promise<LabelledResult | null>;
}

const builtins = new Map<string, BuiltinTile>();

/** Adds a built-in tile; the standard dashboards show the ones they name as soon as they are registered. */
export function registerDashboardTile(key: string, tile: BuiltinTile): void {
  builtins.set(key, tile);
}

export const builtinTile = (key: string) => builtins.get(key);

/** Every key a tile may name: those registered and those the standard dashboards reserve for modules to come. */
export const knownBuiltinKeys = () => new Set([...builtins.keys(), ...STANDARD_DASHBOARDS.flatMap((d) => d.tiles.map((t) => t.builtin!))]);

const tile = (builtin: string, x: number, y: number, w: number, h: number): DashboardTile => ({ key: builtin, builtin, x, y, w, h });

/** The dashboards every workspace has: sales, customers and service. Tiles whose module is missing show an empty slot. */
export const STANDARD_DASHBOARDS: { key: 'sales' | 'customers' | 'service'; tiles: DashboardTile[] }[] = [
  {
    key: 'sales',
    tiles: [
      tile('sales.pipelineByStage', 0, 0, 6, 4),
      tile('sales.forecastVsQuota', 6, 0, 6, 4),
      tile('sales.winRate', 0, 4, 3, 2),
      tile('sales.coverage', 3, 4, 3, 2),
      tile('sales.openPipeline', 6, 4, 3, 2),
      tile('sales.wonByMonth', 9, 4, 3, 2),
    ],
  },
  {
    key: 'customers',
    tiles: [tile('customers.valueTiers', 0, 0, 4, 4), tile('customers.rfm', 4, 0, 4, 4), tile('customers.churnRisk', 8, 0, 4, 4)],
  },
  {
    key: 'service',
    tiles: [
      tile('service.caseVolume', 0, 0, 6, 4),
      tile('service.sla', 6, 0, 3, 2),
      tile('service.satisfaction', 9, 0, 3, 2),
      tile('service.responseTimes', 6, 2, 6, 2),
      tile('service.backlog', 0, 4, 12, 4),
    ],
  },
];

const month = (day: string) => day.slice(0, 7);
const measure = (key: string, field: string) => ({ key, kind: 'measure' as const, field, type: 'number' as const });

/** The period's months, defaulting to the calendar year of `today`. */
function months(scope: ReportScope, today: string) {
  return { from: month(scope.from ?? `${today.slice(0, 4)}-01-01`), to: month(scope.to ?? `${today.slice(0, 4)}-12-31`) };
}
const today = (ctx: RequestContext) => new Intl.DateTimeFormat('en-CA', { timeZone: ctx.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The forecast rows of the owner, the team, or everyone, as the dashboard narrows it. */
async function forecastRows(tx: Executor, ctx: RequestContext, scope: ReportScope, interval: 'month' | 'quarter') {
  const by = scope.ownerId ? 'owner' : scope.teamId ? 'team' : 'all';
  const { rows } = await forecast(tx, ctx, { ...months(scope, today(ctx)), interval, by });
  const key = scope.ownerId ?? scope.teamId ?? null;
  return rows.filter((r) => r.key === key);
}

const result = (columns: LabelledResult['columns'], rows: LabelledResult['rows']): LabelledResult => ({ objectType: 'opportunities', columns, rows, truncated: false, labels: {} });

registerDashboardTile('sales.pipelineByStage', {
  chart: 'funnel',
  run: (tx, ctx, scope) =>
    runReportDefinition(
      tx,
      ctx,
      { objectType: 'opportunities', filters: ['status:eq:open'], groupBy: [{ field: 'stageId' }], measures: [{ aggregate: 'sum', field: 'amount' }, { aggregate: 'count' }], sort: '-m0' },
      // Open deals are today's pipeline: the period does not narrow them.
      { ownerId: scope.ownerId, teamId: scope.teamId },
    ),
});
registerDashboardTile('sales.forecastVsQuota', {
  chart: 'line',
  run: async (tx, ctx, scope) => {
    const rows = await forecastRows(tx, ctx, scope, 'month');
    return result(
      [{ key: 'g0', kind: 'group', field: 'closeDate', type: 'text', bucket: 'month' }, measure('m0', 'closed'), measure('m1', 'quota'), measure('m2', 'weighted')],
      rows.map((r) => ({ g0: r.period, m0: r.closed, m1: r.quota, m2: r.weighted })),
    );
  },
});
registerDashboardTile('sales.coverage', {
  chart: 'figure',
  run: async (tx, ctx, scope) => {
    const current = (await forecastRows(tx, ctx, { ...scope, from: today(ctx), to: today(ctx) }, 'quarter'))[0];
    return result([measure('m0', 'coverage')], [{ m0: current?.coverage ?? null }]);
  },
});
registerDashboardTile('sales.winRate', {
  chart: 'figure',
  run: async (tx, ctx, scope) => {
    const to = scope.to ?? today(ctx);
    const period = { from: scope.from ?? `${to.slice(0, 4)}-01-01`, to };
    const by = scope.ownerId ? 'owner' : 'team';
    const { total, rows } = await winLoss(tx, ctx, { ...period, by });
    const row = scope.ownerId || scope.teamId ? rows.find((r) => r.key === (scope.ownerId ?? scope.teamId)) : total;
    return result([measure('m0', 'winRate')], [{ m0: row?.winRate ?? null }]);
  },
});
registerDashboardTile('sales.openPipeline', {
  chart: 'figure',
  run: (tx, ctx, scope) =>
    runReportDefinition(tx, ctx, { objectType: 'opportunities', filters: ['status:eq:open'], measures: [{ aggregate: 'sum', field: 'amount' }] }, { ownerId: scope.ownerId, teamId: scope.teamId }),
});
registerDashboardTile('sales.wonByMonth', {
  chart: 'bar',
  run: (tx, ctx, scope) =>
    runReportDefinition(tx, ctx, { objectType: 'opportunities', filters: ['status:eq:won'], groupBy: [{ field: 'closeDate', bucket: 'month' }], measures: [{ aggregate: 'sum', field: 'amount' }] }, scope),
});
// Service cases, once a module registers their list: volume by month as a report over it.
registerDashboardTile('service.caseVolume', {
  chart: 'bar',
  run: (tx, ctx, scope) =>
    viewableObjectTypes().includes('cases')
      ? runReportDefinition(tx, ctx, { objectType: 'cases', groupBy: [{ field: 'createdAt', bucket: 'month' }], measures: [{ aggregate: 'count' }] }, scope)
      : Promise.resolve(null),
});

/**
 * The last customer-value run's customers by a column of theirs (tier, RFM segment, churn band): how many and
 * their revenue, of the customers the viewer may read (owner of the account or contact) and the dashboard's
 * owner or team. Null before the first run.
 */
async function customerValueTile(tx: Executor, ctx: RequestContext, scope: ReportScope, group: SQL): Promise<LabelledResult | null> {
  const owner = sql`coalesce(a.owner_id, ct.owner_id)`;
  const readable = ownershipFilter(ctx, 'read', owner);
  const narrowed = scope.ownerId
    ? sql`and ${owner} = ${scope.ownerId}`
    : scope.teamId
      ? sql`and ${owner} in (select ${memberships.userId} from ${memberships} where ${memberships.workspaceId} = ${ctx.workspaceId} and ${memberships.teamId} = ${scope.teamId})`
      : sql``;
  const { rows } = (await tx.execute(sql`
    select ${group} as g0, count(*)::float8 as m0, sum(cv.revenue)::float8 as m1
      from ${customerValues} cv
      left join accounts a on cv.customer_type = 'account' and a.workspace_id = cv.workspace_id and a.id = cv.customer_id
      left join contacts ct on cv.customer_type = 'contact' and ct.workspace_id = cv.workspace_id and ct.id = cv.customer_id
     where cv.workspace_id = ${ctx.workspaceId} and coalesce(a.deleted_at, ct.deleted_at) is null ${readable ? sql`and ${readable}` : sql``} ${narrowed}
     group by 1 order by 1`)) as unknown as { rows: { g0: string; m0: number; m1: number }[] };
  if (rows.length === 0) return null;
  return {
    objectType: 'customers',
    columns: [{ key: 'g0', kind: 'group', field: 'tier', type: 'text' }, measure('m0', 'customers'), measure('m1', 'revenue')],
    rows,
    truncated: false,
    labels: {},
  };
}
registerDashboardTile('customers.valueTiers', { chart: 'pie', run: (tx, ctx, scope) => customerValueTile(tx, ctx, scope, sql`cv.abc_tier`) });
registerDashboardTile('customers.rfm', { chart: 'bar', run: (tx, ctx, scope) => customerValueTile(tx, ctx, scope, sql`cv.segment`) });
// Churn scores are 0–100: bands of a third each.
registerDashboardTile('customers.churnRisk', {
  chart: 'bar',
  run: (tx, ctx, scope) => customerValueTile(tx, ctx, scope, sql`case when cv.churn_score >= 67 then '3 high' when cv.churn_score >= 34 then '2 medium' else '1 low' end`),
});
