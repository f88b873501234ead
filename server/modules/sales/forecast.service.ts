import { and, eq, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../../db/client.js';
import { asSystem, inWorkspace } from '../../db/transaction.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { contextOfIntegration } from '../../platform/auth/context-loader.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { assertCan, ownershipFilter } from '../../platform/permissions/policy.js';
import { assertActiveMember, assertTeam } from '../../platform/tenancy/membership-checks.js';
import { memberships, teams } from '../../platform/tenancy/tenancy.tables.js';
import { currencyOf } from './analysis.service.js';
import { forecastSnapshots, salesQuotas } from './forecast.tables.js';
import { opportunities } from './opportunities.tables.js';
import { localDate } from './opportunities.service.js';

/** A healthy open pipeline is about three times what is still to be closed. */
export const COVERAGE_TARGET = 3;

export const FORECAST_GROUPS = ['all', 'owner', 'team', 'region'] as const;
export type ForecastGroup = (typeof FORECAST_GROUPS)[number];

export interface ForecastQuery {
  /** Months, inclusive: 2026-10 … 2026-12. */
  from: string;
  to: string;
  interval: 'month' | 'quarter';
  by: ForecastGroup;
  currency?: string;
}

export interface ForecastRow {
  /** `2026-11` or `2026-Q4`. */
  period: string;
  /** The owner's or team's id, the region, or null (all / none). */
  key: string | null;
  /** Won in the period. Minor units, as every amount here. */
  closed: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  /** Σ amount × probability of the open deals (omitted excluded). */
  weighted: number;
  openDeals: number;
  quota: number | null;
  /** closed ÷ quota */
  attainment: number | null;
  /** Open pipeline ÷ what is left of the quota; null when nothing is left or there is no quota. */
  coverage: number | null;
  /** Coverage below COVERAGE_TARGET while some quota is left, in a period not yet over. */
  coverageLow: boolean;
}

const monthStart = (month: string) => `${month}-01`;
/** The last day of a `YYYY-MM` month. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

function assertMonths(query: Pick<ForecastQuery, 'from' | 'to'>): void {
  if (query.to < query.from) throw invalidField('to', 'invalid');
  const span = (Number(query.to.slice(0, 4)) - Number(query.from.slice(0, 4))) * 12 + Number(query.to.slice(5)) - Number(query.from.slice(5));
  if (span > 35) throw invalidField('to', 'invalid');
}

function groupKey(by: ForecastGroup): SQL {
  return by === 'owner' ? sql`o.owner_id::text` : by === 'team' ? sql`m.team_id::text` : by === 'region' ? sql`t.region` : sql`null::text`;
}

/** Quota per (group key, period), from members' and teams' monthly quotas. A team without its own quota sums its members'. */
async function quotas(tx: Executor, ctx: RequestContext, query: ForecastQuery, currency: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ subjectType: salesQuotas.subjectType, subjectId: salesQuotas.subjectId, month: sql<string>`to_char(${salesQuotas.month}, 'YYYY-MM')`, amount: salesQuotas.amount })
    .from(salesQuotas)
    .where(and(eq(salesQuotas.workspaceId, ctx.workspaceId), eq(salesQuotas.currency, currency), sql`${salesQuotas.month} between ${monthStart(query.from)} and ${monthStart(query.to)}`));
  if (rows.length === 0) return new Map();
  const members = await tx.select({ userId: memberships.userId, teamId: memberships.teamId }).from(memberships).where(eq(memberships.workspaceId, ctx.workspaceId));
  const teamRows = await tx.select({ id: teams.id, region: teams.region }).from(teams).where(eq(teams.workspaceId, ctx.workspaceId));
  const period = (month: string) => (query.interval === 'quarter' ? quarterOf(month) : month);
  const byMonth = new Map<string, { users: Map<string, number>; teams: Map<string, number> }>();
  for (const r of rows) {
    const slot = byMonth.get(r.month) ?? { users: new Map(), teams: new Map() };
    (r.subjectType === 'user' ? slot.users : slot.teams).set(r.subjectId, r.amount);
    byMonth.set(r.month, slot);
  }
  const teamQuota = (slot: { users: Map<string, number>; teams: Map<string, number> }, teamId: string) =>
    slot.teams.get(teamId) ?? members.filter((m) => m.teamId === teamId).reduce((n, m) => n + (slot.users.get(m.userId) ?? 0), 0);
  const out = new Map<string, number>();
  const add = (key: string | null, month: string, amount: number) => {
    const id = `${key ?? ''}|${period(month)}`;
    out.set(id, (out.get(id) ?? 0) + amount);
  };
  for (const [month, slot] of byMonth) {
    if (query.by === 'owner') for (const [userId, amount] of slot.users) add(userId, month, amount);
    if (query.by === 'team') for (const team of teamRows) add(team.id, month, teamQuota(slot, team.id));
    if (query.by === 'region') for (const team of teamRows) add(team.region, month, teamQuota(slot, team.id));
    if (query.by === 'all') {
      const users = [...slot.users.values()].reduce((n, a) => n + a, 0);
      add(null, month, users > 0 ? users : [...slot.teams.values()].reduce((n, a) => n + a, 0));
    }
  }
  return out;
}

/**
 * The forecast per period and per owner, team or regional office: won, commit, best case and pipeline
 * amounts of the deals expected to close then, the probability-weighted amount, the quota, attainment and
 * pipeline coverage (open ÷ quota left), flagged below COVERAGE_TARGET.
 */
export async function forecast(tx: Executor, ctx: RequestContext, query: ForecastQuery): Promise<{ currency: string; rows: ForecastRow[] }> {
  assertMonths(query);
  const currency = await currencyOf(tx, ctx, query.currency);
  const bucket = query.interval === 'quarter' ? sql`to_char(o.close_date, 'YYYY-"Q"Q')` : sql`to_char(o.close_date, 'YYYY-MM')`;
  const key = groupKey(query.by);
  const scope = ownershipFilter(ctx, 'read', sql`o.owner_id`);
  const { rows } = (await tx.execute(sql`
    select ${bucket} as period, ${key} as key,
           coalesce(sum(o.amount) filter (where o.status = 'won'), 0)::bigint as closed,
           coalesce(sum(o.amount) filter (where o.status = 'open' and o.forecast_category = 'commit'), 0)::bigint as commit,
           coalesce(sum(o.amount) filter (where o.status = 'open' and o.forecast_category = 'best_case'), 0)::bigint as "bestCase",
           coalesce(sum(o.amount) filter (where o.status = 'open' and o.forecast_category = 'pipeline'), 0)::bigint as pipeline,
           coalesce(round(sum(o.amount * o.probability / 100.0) filter (where o.status = 'open' and o.forecast_category <> 'omitted')), 0)::bigint as weighted,
           count(*) filter (where o.status = 'open')::int as "openDeals"
      from ${opportunities} o
      left join memberships m on m.workspace_id = o.workspace_id and m.user_id = o.owner_id
      left join teams t on t.workspace_id = m.workspace_id and t.id = m.team_id
     where o.workspace_id = ${ctx.workspaceId} and o.deleted_at is null and o.status <> 'lost' and o.currency = ${currency}
       and o.close_date between ${monthStart(query.from)} and ${monthEnd(query.to)}
       ${scope ? sql`and ${scope}` : sql``}
     group by 1, 2 order by 1, 2`)) as unknown as { rows: { period: string; key: string | null; closed: string; commit: string; bestCase: string; pipeline: string; weighted: string; openDeals: number }[] };
  const quota = await quotas(tx, ctx, query, currency);
  const today = localDate(new Date(), ctx.timeZone);
  const seen = new Set<string>();
  const result: ForecastRow[] = rows.map((r) => {
    const id = `${r.key ?? ''}|${r.period}`;
    seen.add(id);
    return shape(r.period, r.key, { closed: Number(r.closed), commit: Number(r.commit), bestCase: Number(r.bestCase), pipeline: Number(r.pipeline), weighted: Number(r.weighted), openDeals: r.openDeals }, quota.get(id) ?? null, today);
  });
  // Quotas for periods or people with no deals yet: nothing closed, nothing open — the worst coverage.
  for (const [id, amount] of quota) {
    if (seen.has(id)) continue;
    const [key, period] = id.split('|') as [string, string];
    result.push(shape(period, key || null, { closed: 0, commit: 0, bestCase: 0, pipeline: 0, weighted: 0, openDeals: 0 }, amount, today));
  }
  result.sort((a, b) => a.period.localeCompare(b.period) || (a.key ?? '').localeCompare(b.key ?? ''));
  return { currency, rows: result };
}

/** The last day of a `2026-11` or `2026-Q4` period. */
function periodEnd(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  return monthEnd(quarter ? `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, '0')}` : period);
}

function shape(period: string, key: string | null, sums: Omit<ForecastRow, 'period' | 'key' | 'quota' | 'attainment' | 'coverage' | 'coverageLow'>, quota: number | null, today: string): ForecastRow {
  const open = sums.commit + sums.bestCase + sums.pipeline;
  const left = quota === null ? null : quota - sums.closed;
  const coverage = left !== null && left > 0 ? open / left : null;
  return {
    period,
    key,
    ...sums,
    quota,
    attainment: quota ? sums.closed / quota : null,
    coverage,
    // A period that is over cannot be helped by pipeline any more: its shortfall shows in attainment, not as a warning.
    coverageLow: periodEnd(period) >= today && left !== null && left > 0 && (coverage ?? 0) < COVERAGE_TARGET,
  };
}

export interface QuotaInput {
  subjectType: 'user' | 'team';
  subjectId: string;
  /** `YYYY-MM` */
  month: string;
  /** Minor units; null removes the quota. */
  amount: number | null;
  currency?: string;
}

export async function listQuotas(tx: Executor, ctx: RequestContext, range: { from: string; to: string }) {
  assertMonths(range);
  return tx
    .select({ id: salesQuotas.id, subjectType: salesQuotas.subjectType, subjectId: salesQuotas.subjectId, month: sql<string>`to_char(${salesQuotas.month}, 'YYYY-MM')`, amount: salesQuotas.amount, currency: salesQuotas.currency })
    .from(salesQuotas)
    .where(and(eq(salesQuotas.workspaceId, ctx.workspaceId), sql`${salesQuotas.month} between ${monthStart(range.from)} and ${monthStart(range.to)}`))
    .orderBy(salesQuotas.month, salesQuotas.subjectType, salesQuotas.subjectId);
}

/** Sets (or with a null amount, removes) monthly quotas; managers and admins. */
export async function setQuotas(tx: Executor, ctx: RequestContext, inputs: QuotaInput[]): Promise<number> {
  assertCan(ctx, 'sales.configure');
  const fallback = await currencyOf(tx, ctx);
  for (const [at, input] of inputs.entries()) {
    if (input.subjectType === 'user') await assertActiveMember(tx, ctx, input.subjectId, `quotas.${at}.subjectId`);
    else await assertTeam(tx, ctx, input.subjectId, `quotas.${at}.subjectId`);
    const currency = input.currency ?? fallback;
    const key = and(
      eq(salesQuotas.workspaceId, ctx.workspaceId),
      eq(salesQuotas.subjectType, input.subjectType),
      eq(salesQuotas.subjectId, input.subjectId),
      eq(salesQuotas.month, monthStart(input.month)),
      eq(salesQuotas.currency, currency),
    );
    if (input.amount === null) {
      await tx.delete(salesQuotas).where(key);
    } else {
      await tx
        .insert(salesQuotas)
        .values({ workspaceId: ctx.workspaceId, id: uuidv7(), subjectType: input.subjectType, subjectId: input.subjectId, month: monthStart(input.month), amount: input.amount, currency })
        .onConflictDoUpdate({ target: [salesQuotas.workspaceId, salesQuotas.subjectType, salesQuotas.subjectId, salesQuotas.month, salesQuotas.currency], set: { amount: input.amount, updatedAt: new Date() } });
    }
  }
  await recordAudit(tx, ctx, { action: 'update', recordType: 'salesQuota', recordId: ctx.workspaceId, after: { quotas: inputs } });
  return inputs.length;
}

/** The Monday of the week of `day` (YYYY-MM-DD): snapshots are weekly, one per workspace and week. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/**
 * Records the forecast as it stands, for deals expected to close from this quarter's start to two
 * quarters on. Idempotent per day: taken again the same day, it changes nothing.
 */
export async function takeForecastSnapshot(tx: Executor, ctx: RequestContext, takenOn: string): Promise<number> {
  const quarterStart = `${takenOn.slice(0, 4)}-${String(Math.floor((Number(takenOn.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const { rows } = (await tx.execute(sql`
    insert into ${forecastSnapshots} (workspace_id, taken_on, owner_id, month, category, currency, amount, weighted, deals)
    select o.workspace_id, ${takenOn}::date, coalesce(o.owner_id, '00000000-0000-0000-0000-000000000000'), date_trunc('month', o.close_date)::date,
           case when o.status = 'won' then 'closed' else o.forecast_category end, o.currency,
           sum(o.amount), round(sum(o.amount * o.probability / 100.0)), count(*)
      from ${opportunities} o
     where o.workspace_id = ${ctx.workspaceId} and o.deleted_at is null and o.status <> 'lost'
       and o.close_date >= ${quarterStart}::date and o.close_date < ${quarterStart}::date + interval '9 months'
     group by 1, 2, 3, 4, 5, 6
    on conflict do nothing
    returning 1`)) as unknown as { rows: unknown[] };
  return rows.length;
}

/** Takes this week's snapshot in every workspace with deals that has none for the week yet (a periodic sweep). */
export async function snapshotDueForecasts(database: Database, now = new Date(), onlyWorkspaceId?: string): Promise<number> {
  const due = await asSystem(database.db, async (tx) => {
    const { rows } = (await tx.execute(sql`
      select w.id, w.time_zone as "timeZone" from workspaces w
       where exists (select 1 from ${opportunities} o where o.workspace_id = w.id) ${onlyWorkspaceId ? sql`and w.id = ${onlyWorkspaceId}` : sql``}`)) as unknown as { rows: { id: string; timeZone: string }[] };
    return rows;
  });
  let taken = 0;
  for (const workspace of due) {
    const week = weekStart(localDate(now, workspace.timeZone));
    const ctx = await contextOfIntegration(database, workspace.id);
    if (!ctx) continue;
    taken += await inWorkspace(database.db, workspace.id, async (tx) => {
      const [already] = await tx.select({ on: forecastSnapshots.takenOn }).from(forecastSnapshots).where(and(eq(forecastSnapshots.workspaceId, workspace.id), sql`${forecastSnapshots.takenOn} >= ${week}`)).limit(1);
      return already ? 0 : (await takeForecastSnapshot(tx, ctx, localDate(now, workspace.timeZone))) > 0 ? 1 : 0;
    });
  }
  return taken;
}

export interface SnapshotPoint {
  takenOn: string;
  closed: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  weighted: number;
}

/** How the forecast for the months `from`…`to` moved from snapshot to snapshot (deals the caller may see). */
export async function forecastHistory(tx: Executor, ctx: RequestContext, query: { from: string; to: string; currency?: string; ownerId?: string }): Promise<{ currency: string; points: SnapshotPoint[] }> {
  assertMonths(query);
  const currency = await currencyOf(tx, ctx, query.currency);
  const scope = ownershipFilter(ctx, 'read', sql`s.owner_id`);
  const { rows } = (await tx.execute(sql`
    select to_char(s.taken_on, 'YYYY-MM-DD') as "takenOn",
           coalesce(sum(s.amount) filter (where s.category = 'closed'), 0)::bigint as closed,
           coalesce(sum(s.amount) filter (where s.category = 'commit'), 0)::bigint as commit,
           coalesce(sum(s.amount) filter (where s.category = 'best_case'), 0)::bigint as "bestCase",
           coalesce(sum(s.amount) filter (where s.category = 'pipeline'), 0)::bigint as pipeline,
           coalesce(sum(s.weighted) filter (where s.category in ('commit', 'best_case', 'pipeline')), 0)::bigint as weighted
      from ${forecastSnapshots} s
     where s.workspace_id = ${ctx.workspaceId} and s.currency = ${currency}
       and s.month between ${monthStart(query.from)} and ${monthStart(query.to)}
       ${query.ownerId ? sql`and s.owner_id = ${query.ownerId}` : sql``}
       ${scope ? sql`and ${scope}` : sql``}
     group by s.taken_on order by s.taken_on`)) as unknown as { rows: Record<keyof SnapshotPoint, string>[] };
  return {
    currency,
    points: rows.map((r) => ({ takenOn: r.takenOn, closed: Number(r.closed), commit: Number(r.commit), bestCase: Number(r.bestCase), pipeline: Number(r.pipeline), weighted: Number(r.weighted) })),
  };
}
