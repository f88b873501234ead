import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { registerDashboardTile, type LabelledResult, type ReportScope } from '../analytics/index.js';
import { backlogSeries, caseDurations } from './reports.service.js';
import { slaAttainment } from './sla.service.js';
import { satisfaction } from './surveys.service.js';

/**
 * The standard service dashboard's tiles, from the service reports. The dashboard's period is days in the
 * workspace's zone (this year so far when unset); its owner and team filters do not narrow these tiles:
 * they read the cases the viewer may read.
 */
async function periodOf(tx: Executor, ctx: RequestContext, scope: ReportScope): Promise<{ from: Date; to: Date }> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ctx.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const { rows } = (await tx.execute(sql`
    select (${scope.from ?? `${today.slice(0, 4)}-01-01`}::date::timestamp at time zone ${ctx.timeZone}) as "from",
           ((${scope.to ?? today}::date + 1)::timestamp at time zone ${ctx.timeZone}) as "to"`)) as unknown as { rows: { from: Date | string; to: Date | string }[] };
  return { from: new Date(rows[0]!.from), to: new Date(rows[0]!.to) };
}

const measure = (key: string, field: string) => ({ key, kind: 'measure' as const, field, type: 'number' as const });
const figure = (values: Record<string, [field: string, value: number | null]>): LabelledResult => ({
  objectType: 'cases',
  columns: Object.entries(values).map(([key, [field]]) => measure(key, field)),
  rows: [Object.fromEntries(Object.entries(values).map(([key, [, value]]) => [key, value]))],
  truncated: false,
  labels: {},
});
const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

registerDashboardTile('service.sla', {
  chart: 'figure',
  run: async (tx, ctx, scope) => {
    const rows = await slaAttainment(tx, ctx, { ...(await periodOf(tx, ctx, scope)), groupBy: 'metric' });
    const first = rows.find((r) => r.metric === 'first_response');
    return figure({ m0: ['slaFirstResponse', first?.attainment === null || !first ? null : oneDecimal(first.attainment * 100)] });
  },
});
registerDashboardTile('service.satisfaction', {
  chart: 'figure',
  run: async (tx, ctx, scope) => {
    const rows = await satisfaction(tx, ctx, { ...(await periodOf(tx, ctx, scope)), groupBy: 'agent' });
    const answered = rows.reduce((n, r) => n + (r.csat === null ? 0 : r.answered), 0);
    const weighted = rows.reduce((sum, r) => sum + (r.csat ?? 0) * r.answered, 0);
    return figure({ m0: ['csat', answered ? Math.round((weighted / answered) * 100) / 100 : null] });
  },
});
registerDashboardTile('service.responseTimes', {
  chart: 'figure',
  run: async (tx, ctx, scope) => {
    const d = await caseDurations(tx, ctx, await periodOf(tx, ctx, scope));
    const hours = (minutes: number | null) => oneDecimal(minutes === null ? null : minutes / 60);
    return figure({ m0: ['firstResponseHours', hours(d.firstResponseMedian)], m1: ['resolutionHours', hours(d.resolutionMedian)] });
  },
});
registerDashboardTile('service.backlog', {
  chart: 'line',
  run: async (tx, ctx, scope) => {
    const series = await backlogSeries(tx, ctx, { ...(await periodOf(tx, ctx, scope)), interval: 'week' });
    return {
      objectType: 'cases',
      columns: [{ key: 'g0', kind: 'group', field: 'createdAt', type: 'text', bucket: 'week' }, measure('m0', 'created'), measure('m1', 'backlog')],
      rows: series.map((s) => ({ g0: s.period, m0: s.created, m1: s.backlog })),
      truncated: false,
      labels: {},
    };
  },
});
