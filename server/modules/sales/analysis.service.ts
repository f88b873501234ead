import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { opportunities } from './opportunities.tables.js';
import { getPipeline } from './pipelines.service.js';

// Win/loss analysis, the stage funnel and time in stage: read straight from opportunities and their stage
// history, for the deals the caller may see. Amounts are in one currency (the workspace's unless asked):
// deals in other currencies count in the numbers of deals, not in the sums — there are no exchange rates.

export const WIN_LOSS_DIMENSIONS = ['owner', 'team', 'manager', 'region', 'source', 'competitor', 'reason', 'product', 'pipeline', 'month', 'quarter'] as const;
export type WinLossDimension = (typeof WIN_LOSS_DIMENSIONS)[number];

export interface Period {
  /** First and last calendar day, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
}

export interface WinLossRow {
  /** The group's value: a user, team, close reason or pipeline id, a source, a competitor, `2026-11`, `2026-Q4`; null for none. */
  key: string | null;
  won: number;
  lost: number;
  /** won ÷ (won + lost); null with no closed deals. */
  winRate: number | null;
  /** Minor units of `currency`. */
  wonAmount: number;
  lostAmount: number;
  averageDealSize: number | null;
  /** Average days from creation to closing, of won deals. */
  averageCycleDays: number | null;
}

/** The expression a dimension groups by (o = opportunities, m = the owner's membership, t = their team). */
function dimensionKey(dimension: WinLossDimension): SQL {
  switch (dimension) {
    case 'owner':
      return sql`o.owner_id::text`;
    case 'team':
      return sql`m.team_id::text`;
    case 'manager':
      return sql`t.manager_id::text`;
    case 'region':
      return sql`t.region`;
    case 'source':
      return sql`o.source`;
    case 'competitor':
      return sql`o.close_competitor`;
    case 'reason':
      return sql`o.close_reason_id::text`;
    case 'product':
      return sql`l.product_id::text`;
    case 'pipeline':
      return sql`o.pipeline_id::text`;
    case 'month':
      return sql`to_char(o.close_date, 'YYYY-MM')`;
    case 'quarter':
      return sql`to_char(o.close_date, 'YYYY-"Q"Q')`;
  }
}

/**
 * The deals (as `o`), with the owner's membership and team for grouping; by product, each deal once per
 * product among its lines (a deal of two products counts for both).
 */
function dealsFrom(dimension: WinLossDimension): SQL {
  const lines = dimension === 'product' ? sql`left join lateral (select distinct l2.product_id from opportunity_lines l2 where l2.workspace_id = o.workspace_id and l2.opportunity_id = o.id) l on true` : sql``;
  return sql`${opportunities} o
    left join memberships m on m.workspace_id = o.workspace_id and m.user_id = o.owner_id
    left join teams t on t.workspace_id = m.workspace_id and t.id = m.team_id
    ${lines}`;
}

/** The caller's ownership scope over the aliased deals `o`. */
function readable(ctx: RequestContext): SQL {
  const filter = ownershipFilter(ctx, 'read', sql`o.owner_id`);
  return filter ? sql`and ${filter}` : sql``;
}

export async function currencyOf(tx: Executor, ctx: RequestContext, currency?: string): Promise<string> {
  return currency ?? (await getWorkspace(tx, ctx)).defaultCurrency ?? 'CNY';
}

/**
 * Win rate, deal sizes and sales cycle of the deals closed in the period, grouped by one dimension
 * (owner, team, manager, regional office, source, competitor, reason, pipeline, month or quarter).
 */
export async function winLoss(tx: Executor, ctx: RequestContext, query: Period & { by: WinLossDimension; currency?: string; pipelineId?: string }): Promise<{ currency: string; total: WinLossRow; rows: WinLossRow[] }> {
  const currency = await currencyOf(tx, ctx, query.currency);
  const key = dimensionKey(query.by);
  const { rows } = (await tx.execute(sql`
    select ${key} as key,
           count(*) filter (where o.status = 'won')::int as won,
           count(*) filter (where o.status = 'lost')::int as lost,
           coalesce(sum(o.amount) filter (where o.status = 'won' and o.currency = ${currency}), 0)::bigint as "wonAmount",
           coalesce(sum(o.amount) filter (where o.status = 'lost' and o.currency = ${currency}), 0)::bigint as "lostAmount",
           count(*) filter (where o.status = 'won' and o.currency = ${currency})::int as "wonInCurrency",
           avg(extract(epoch from (o.closed_at - o.created_at)) / 86400) filter (where o.status = 'won') as "cycleDays",
           grouping(${key}) = 1 as "isTotal"
      from ${dealsFrom(query.by)}
     where o.workspace_id = ${ctx.workspaceId} and o.deleted_at is null and o.status in ('won', 'lost')
       and o.close_date between ${query.from} and ${query.to}
       ${query.pipelineId ? sql`and o.pipeline_id = ${query.pipelineId}` : sql``}
       ${readable(ctx)}
     group by rollup (${key})`)) as unknown as { rows: { key: string | null; won: number; lost: number; wonAmount: string; lostAmount: string; wonInCurrency: number; cycleDays: string | null; isTotal: boolean }[] };
  const toRow = (r: (typeof rows)[number]): WinLossRow => ({
    key: r.key,
    won: r.won,
    lost: r.lost,
    winRate: r.won + r.lost > 0 ? r.won / (r.won + r.lost) : null,
    wonAmount: Number(r.wonAmount),
    lostAmount: Number(r.lostAmount),
    averageDealSize: r.wonInCurrency > 0 ? Math.round(Number(r.wonAmount) / r.wonInCurrency) : null,
    averageCycleDays: r.cycleDays === null ? null : Math.round(Number(r.cycleDays) * 10) / 10,
  });
  const grand = rows.find((r) => r.isTotal);
  const groups = rows.filter((r) => !r.isTotal).map(toRow).sort((a, b) => b.won + b.lost - (a.won + a.lost));
  return { currency, total: grand ? toRow(grand) : toRow({ key: null, won: 0, lost: 0, wonAmount: '0', lostAmount: '0', wonInCurrency: 0, cycleDays: null, isTotal: true }), rows: groups };
}

export interface FunnelStage {
  stageId: string;
  key: string | null;
  name: string | null;
  /** Deals that reached this stage or a later one (won counts as having passed every open stage). */
  reached: number;
  /** reached ÷ the previous stage's reached; null for the first. */
  conversion: number | null;
  /** Of the moves out of this stage in the period: average and median time spent in it, in seconds. */
  averageSeconds: number | null;
  medianSeconds: number | null;
  /** Live deals in it now. */
  current: number;
}

/**
 * Stage-to-stage conversion of a pipeline's deals created in the period, exact from the stage history, and
 * the time deals spent in each stage (moves out of it during the period). The lost stage is not a step.
 */
export async function stageFunnel(tx: Executor, ctx: RequestContext, pipelineId: string, period: Period): Promise<{ stages: FunnelStage[]; lost: number; won: number }> {
  const pipeline = await getPipeline(tx, ctx, pipelineId);
  const steps = pipeline.stages.filter((s) => s.kind !== 'lost');
  const { rows: reachedRows } = (await tx.execute(sql`
    with deals as (
      select o.id, o.status from ${opportunities} o
       where o.workspace_id = ${ctx.workspaceId} and o.pipeline_id = ${pipelineId} and o.deleted_at is null
         and (o.created_at at time zone ${ctx.timeZone})::date between ${period.from} and ${period.to}
         ${readable(ctx)}
    ), furthest as (
      select d.id, d.status, max(s.position) filter (where s.kind <> 'lost') as position
        from deals d
        join opportunity_stage_changes c on c.workspace_id = ${ctx.workspaceId} and c.opportunity_id = d.id
        join pipeline_stages s on s.workspace_id = c.workspace_id and s.id = c.to_stage_id
       group by d.id, d.status
    )
    select position, status, count(*)::int as deals from furthest group by position, status`)) as unknown as { rows: { position: number | null; status: string; deals: number }[] };

  const { rows: timeRows } = (await tx.execute(sql`
    select c.from_stage_id as "stageId", avg(c.seconds_in_from_stage)::float8 as average,
           percentile_cont(0.5) within group (order by c.seconds_in_from_stage)::float8 as median
      from opportunity_stage_changes c join ${opportunities} o on o.workspace_id = c.workspace_id and o.id = c.opportunity_id and o.deleted_at is null
     where c.workspace_id = ${ctx.workspaceId} and c.pipeline_id = ${pipelineId} and c.from_stage_id is not null
       and (c.changed_at at time zone ${ctx.timeZone})::date between ${period.from} and ${period.to}
       ${readable(ctx)}
     group by c.from_stage_id`)) as unknown as { rows: { stageId: string; average: number; median: number }[] };

  const { rows: currentRows } = (await tx.execute(sql`
    select o.stage_id as "stageId", count(*)::int as deals from ${opportunities} o
     where o.workspace_id = ${ctx.workspaceId} and o.pipeline_id = ${pipelineId} and o.deleted_at is null ${readable(ctx)}
     group by o.stage_id`)) as unknown as { rows: { stageId: string; deals: number }[] };

  let previous: number | null = null;
  const stages = steps.map((stage) => {
    const reached = reachedRows.filter((r) => r.position !== null && r.position >= stage.position).reduce((n, r) => n + r.deals, 0);
    const time = timeRows.find((r) => r.stageId === stage.id);
    const row: FunnelStage = {
      stageId: stage.id,
      key: stage.key,
      name: stage.name,
      reached,
      conversion: previous === null ? null : previous === 0 ? null : reached / previous,
      averageSeconds: time ? Math.round(time.average) : null,
      medianSeconds: time ? Math.round(time.median) : null,
      current: currentRows.find((r) => r.stageId === stage.id)?.deals ?? 0,
    };
    previous = reached;
    return row;
  });
  const count = (status: string) => reachedRows.filter((r) => r.status === status).reduce((n, r) => n + r.deals, 0);
  return { stages, won: count('won'), lost: count('lost') };
}
