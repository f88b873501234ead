import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { ACTIVE_CASE_STATUSES } from '../../../contracts/service.js';
import type { Executor } from '../../db/client.js';
import { sqlLiterals } from '../../db/sql-arrays.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { Locale } from '../../../contracts/roles.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { memberships, users } from '../../platform/tenancy/tenancy.tables.js';
import { productsByIds } from '../catalog/index.js';
import { agentScope } from './cases.service.js';
import { caseStatusChanges, caseTypes, cases } from './cases.tables.js';
import { caseSlaClocks } from './sla.tables.js';
import { slaAttainment, type AttainmentRow } from './sla.service.js';
import { serviceStations } from './stations.tables.js';
import { satisfaction, type SatisfactionRow } from './surveys.service.js';

export const REPORT_INTERVALS = ['day', 'week', 'month'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];
export const VOLUME_DIMENSIONS = ['type', 'channel', 'product'] as const;
export type VolumeDimension = (typeof VOLUME_DIMENSIONS)[number];
export const AGE_BUCKETS = ['lt1d', 'd1to3', 'd3to7', 'd7to30', 'gt30d'] as const;
/** A period longer than this is a mistake in the picker, not a report (and a series of thousands of points). */
const MAX_DAYS = 800;

export interface Durations {
  /** Cases of the group created in the period. */
  cases: number;
  /** …of which got a first response / are resolved (or closed) now. */
  responded: number;
  resolved: number;
  /** Wall-clock minutes from creation. */
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  resolutionMedian: number | null;
  resolutionP90: number | null;
  /** Business minutes by the SLA clocks (pauses while pending the customer left out), of the cases a policy covers. */
  firstResponseBusinessMedian: number | null;
  firstResponseBusinessP90: number | null;
  resolutionBusinessMedian: number | null;
  resolutionBusinessP90: number | null;
}

export interface ServiceReport {
  from: string;
  to: string;
  interval: ReportInterval;
  /** Cases created in the period per type, channel and product (key null: none set). */
  volume: Record<VolumeDimension, { key: string | null; count: number }[]>;
  /** Per interval: cases created in it, and the open cases at its end (now for the one under way; null for one to come). */
  series: { period: string; created: number; backlog: number | null }[];
  /** Open cases now, by how long ago they were created. */
  backlogByAge: { bucket: (typeof AGE_BUCKETS)[number]; count: number }[];
  backlogNow: number;
  /** All cases, then per channel and per type. */
  times: ({ dimension: 'all' | 'channel' | 'type'; key: string | null } & Durations)[];
  sla: AttainmentRow[];
  slaByAgent: AttainmentRow[];
  satisfaction: Record<'agent' | 'station' | 'product', SatisfactionRow[]>;
  /** Display names of the ids above (types, products, agents, stations) in the caller's language. */
  labels: Record<string, string>;
}

const ACTIVE = sql`(${sqlLiterals(ACTIVE_CASE_STATUSES)})`;

interface Period {
  from: Date;
  to: Date;
  interval: ReportInterval;
}

/** What every query of a report shares: the period, the caller's readable cases, intervals in their time zone. */
function frameOf(ctx: RequestContext, { from, to, interval }: Period) {
  if (to <= from) throw invalidField('to', 'invalid', { reason: 'not after from' });
  if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) throw invalidField('to', 'invalid', { reason: `more than ${MAX_DAYS} days after from` });
  const scope = and(ownershipFilter(ctx, 'read', cases.ownerId), agentScope(ctx));
  const visible = sql`${cases.workspaceId} = ${ctx.workspaceId} and ${cases.deletedAt} is null and ${cases.mergedInto} is null ${scope ? sql`and ${scope}` : sql``}`;
  const bucketOf = (at: SQL) => sql`date_trunc(${sql.raw(`'${interval}'`)}, (${at}) at time zone ${ctx.timeZone})`;
  return { ctx, from, to, interval, visible, bucketOf, inPeriod: sql`${visible} and ${cases.createdAt} >= ${from} and ${cases.createdAt} < ${to}` };
}
type Frame = ReturnType<typeof frameOf>;

/**
 * Cases, durations, backlog, SLA and satisfaction of a period, aggregated in the database: one scan of the
 * period's cases (by `cases_created_idx`) per query, grouping sets for the dimensions; the status changes
 * since `from` (by `case_status_changes_at_idx`) walk the backlog back from today's open cases (by
 * `cases_status_idx`). Intervals are days, ISO weeks or months in the caller's time zone. Cases the caller
 * may not read, in the recycle bin or merged into another are left out.
 */
export async function serviceReport(tx: Executor, ctx: RequestContext, query: Period, now = new Date()): Promise<ServiceReport> {
  const frame = frameOf(ctx, query);
  const { from, to } = query;
  const volume = await volumeOf(tx, frame);
  const { series, backlogNow } = await backlogOf(tx, frame, volume.created, now);
  const period = { from, to };
  const report: ServiceReport = {
    from: from.toISOString(),
    to: to.toISOString(),
    interval: query.interval,
    volume: volume.byDimension,
    series,
    backlogByAge: await agesOf(tx, frame, now),
    backlogNow,
    times: await durationsOf(tx, frame),
    sla: await slaAttainment(tx, ctx, { ...period, groupBy: 'metric' }),
    slaByAgent: await slaAttainment(tx, ctx, { ...period, groupBy: 'owner' }),
    satisfaction: {
      agent: await satisfaction(tx, ctx, { ...period, groupBy: 'agent' }),
      station: await satisfaction(tx, ctx, { ...period, groupBy: 'station' }),
      product: await satisfaction(tx, ctx, { ...period, groupBy: 'product' }),
    },
    labels: {},
  };
  report.labels = await labelsOf(tx, ctx, report);
  return report;
}

/** First-response and resolution times of the period's cases, all of them (no dimension): the dashboard's figure. */
export async function caseDurations(tx: Executor, ctx: RequestContext, period: { from: Date; to: Date }): Promise<Durations> {
  return (await durationsOf(tx, frameOf(ctx, { ...period, interval: 'day' }))).find((r) => r.dimension === 'all')!;
}

/** Cases created per interval and open at each interval's end: the dashboard's backlog line. */
export async function backlogSeries(tx: Executor, ctx: RequestContext, query: Period, now = new Date()): Promise<ServiceReport['series']> {
  const frame = frameOf(ctx, query);
  return (await backlogOf(tx, frame, (await volumeOf(tx, frame)).created, now)).series;
}

async function volumeOf(tx: Executor, { bucketOf, inPeriod }: Frame) {
  // The day/week/month is computed once in the subquery: grouping by an expression with a parameter in it
  // would not match the same expression in the select list (each use is a new parameter).
  const volumeRows = await rows<{ dim: VolumeDimension | 'period'; key: string | null; count: number }>(tx, sql`
    select case when grouping(type_id) = 0 then 'type' when grouping(channel) = 0 then 'channel' when grouping(product_id) = 0 then 'product' else 'period' end as dim,
           case when grouping(type_id) = 0 then type_id::text when grouping(channel) = 0 then channel when grouping(product_id) = 0 then product_id::text
                else to_char(bucket, 'YYYY-MM-DD') end as key,
           count(*)::int as count
      from (select ${cases.typeId} as type_id, ${cases.channel} as channel, ${cases.productId} as product_id, ${bucketOf(sql`${cases.createdAt}`)} as bucket
              from ${cases} where ${inPeriod}) c
     group by grouping sets ((type_id), (channel), (product_id), (bucket))
     order by 1, 3 desc, 2 nulls last`);
  const byDimension: ServiceReport['volume'] = { type: [], channel: [], product: [] };
  for (const r of volumeRows) if (r.dim !== 'period') byDimension[r.dim].push({ key: r.key, count: r.count });
  return { byDimension, created: new Map(volumeRows.filter((r) => r.dim === 'period').map((r) => [r.key!, r.count])) };
}

async function durationsOf(tx: Executor, { inPeriod }: Frame): Promise<ServiceReport['times']> {
  const minutes = (a: SQL, b: SQL) => sql`extract(epoch from (${b} - ${a})) / 60`;
  const pct = (p: number, value: SQL) => sql`round(percentile_cont(${sql.raw(String(p))}) within group (order by ${value}))::int`;
  const wallFirst = minutes(sql`${cases.createdAt}`, sql`${cases.firstResponseAt}`);
  // resolved_at is cleared on a reopen, so a reopened case counts only once resolved again (and from creation).
  const resolvedAt = sql`case when ${cases.status} in ('resolved', 'closed') then coalesce(${cases.resolvedAt}, ${cases.closedAt}) end`;
  const wallResolution = minutes(sql`${cases.createdAt}`, resolvedAt);
  return rows(tx, sql`
    select case when grouping(${cases.channel}) = 0 then 'channel' when grouping(${cases.typeId}) = 0 then 'type' else 'all' end as dimension,
           case when grouping(${cases.channel}) = 0 then ${cases.channel} when grouping(${cases.typeId}) = 0 then ${cases.typeId}::text end as key,
           count(*)::int as cases,
           count(${cases.firstResponseAt})::int as responded,
           count(${resolvedAt})::int as resolved,
           ${pct(0.5, wallFirst)} as "firstResponseMedian", ${pct(0.9, wallFirst)} as "firstResponseP90",
           ${pct(0.5, wallResolution)} as "resolutionMedian", ${pct(0.9, wallResolution)} as "resolutionP90",
           ${pct(0.5, sql`f.elapsed_minutes`)} as "firstResponseBusinessMedian", ${pct(0.9, sql`f.elapsed_minutes`)} as "firstResponseBusinessP90",
           ${pct(0.5, sql`r.elapsed_minutes`)} as "resolutionBusinessMedian", ${pct(0.9, sql`r.elapsed_minutes`)} as "resolutionBusinessP90"
      from ${cases}
      left join ${caseSlaClocks} f on f.workspace_id = ${cases.workspaceId} and f.case_id = ${cases.id} and f.metric = 'first_response' and f.cycle = 0 and f.stopped_at is not null
      left join ${caseSlaClocks} r on r.workspace_id = ${cases.workspaceId} and r.case_id = ${cases.id} and r.metric = 'resolution' and r.cycle = 0 and r.stopped_at is not null
     where ${inPeriod}
     group by grouping sets ((), (${cases.channel}), (${cases.typeId}))
     order by 1, 3 desc, 2 nulls last`);
}

/** Backlog at the end of each interval = open now − (cases that became open − cases that stopped being open) since then. */
async function backlogOf(tx: Executor, { ctx, from, to, interval, visible, bucketOf }: Frame, created: Map<string, number>, now: Date) {
  const [open] = await rows<{ count: number }>(tx, sql`select count(*)::int as count from ${cases} where ${visible} and ${cases.status} in ${ACTIVE}`);
  const backlogNow = open!.count;
  const deltaRows = await rows<{ period: string | null; delta: number }>(tx, sql`
    select case when s.changed_at < ${to} then to_char(${bucketOf(sql`s.changed_at`)}, 'YYYY-MM-DD') end as period,
           sum(case when s.to_status in ${ACTIVE} and (s.from_status is null or s.from_status not in ${ACTIVE}) then 1
                    when s.to_status not in ${ACTIVE} and s.from_status in ${ACTIVE} then -1 else 0 end)::int as delta
      from ${caseStatusChanges} s join ${cases} on ${cases.workspaceId} = s.workspace_id and ${cases.id} = s.case_id
     where s.workspace_id = ${ctx.workspaceId} and s.changed_at >= ${from} and ${visible}
     group by 1`);
  const periods = await rows<{ period: string; starts: Date }>(tx, sql`
    select to_char(p, 'YYYY-MM-DD') as period, p at time zone ${ctx.timeZone} as starts
      from generate_series(${bucketOf(sql`${from}::timestamptz`)}, ${bucketOf(sql`${to}::timestamptz - interval '1 millisecond'`)}, ${sql.raw(`interval '1 ${interval}'`)}) p
     order by p`);
  const deltas = new Map(deltaRows.map((r) => [r.period, r.delta]));
  let later = deltas.get(null) ?? 0;
  const series: ServiceReport['series'] = [];
  for (const p of [...periods].reverse()) {
    // The period under way shows today's backlog; one still to come, none.
    series.unshift({ period: p.period, created: created.get(p.period) ?? 0, backlog: new Date(p.starts) > now ? null : backlogNow - later });
    later += deltas.get(p.period) ?? 0;
  }
  return { series, backlogNow };
}

async function agesOf(tx: Executor, { visible }: Frame, now: Date): Promise<ServiceReport['backlogByAge']> {
  const ageRows = await rows<{ bucket: (typeof AGE_BUCKETS)[number]; count: number }>(tx, sql`
    select case when ${cases.createdAt} > ${now}::timestamptz - interval '1 day' then 'lt1d'
                when ${cases.createdAt} > ${now}::timestamptz - interval '3 days' then 'd1to3'
                when ${cases.createdAt} > ${now}::timestamptz - interval '7 days' then 'd3to7'
                when ${cases.createdAt} > ${now}::timestamptz - interval '30 days' then 'd7to30' else 'gt30d' end as bucket,
           count(*)::int as count
      from ${cases} where ${visible} and ${cases.status} in ${ACTIVE} group by 1`);
  const ages = new Map(ageRows.map((r) => [r.bucket, r.count]));
  return AGE_BUCKETS.map((bucket) => ({ bucket, count: ages.get(bucket) ?? 0 }));
}

async function rows<T>(tx: Executor, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Names for the ids a report shows: case types (built-ins in the caller's language), products, agents, stations. */
async function labelsOf(tx: Executor, ctx: RequestContext, report: ServiceReport): Promise<Record<string, string>> {
  const ids = (list: { key: string | null }[]) => list.map((r) => r.key).filter((k): k is string => k !== null);
  const labels: Record<string, string> = {};
  const typeIds = [...ids(report.volume.type), ...ids(report.times.filter((r) => r.dimension === 'type'))];
  const t = translator(ctx.locale as Locale);
  if (typeIds.length) {
    for (const type of await tx.select().from(caseTypes).where(and(eq(caseTypes.workspaceId, ctx.workspaceId), inArray(caseTypes.id, typeIds)))) {
      labels[type.id] = type.name ?? (type.key ? t(`cases.typeKeys.${type.key}`) : type.id);
    }
  }
  for (const product of await productsByIds(tx, ctx, [...ids(report.volume.product), ...ids(report.satisfaction.product)])) labels[product.id] = product.name;
  const stationIds = ids(report.satisfaction.station);
  if (stationIds.length) {
    for (const s of await tx.select({ id: serviceStations.id, name: serviceStations.name }).from(serviceStations).where(and(eq(serviceStations.workspaceId, ctx.workspaceId), inArray(serviceStations.id, stationIds)))) labels[s.id] = s.name;
  }
  const agentIds = [...new Set([...ids(report.slaByAgent), ...ids(report.satisfaction.agent)])];
  if (agentIds.length) {
    const members = await tx
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, ctx.workspaceId), inArray(memberships.userId, agentIds)));
    for (const m of members) labels[m.id] = m.name;
  }
  return labels;
}
