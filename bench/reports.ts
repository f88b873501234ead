/**
 * `npm run bench:reports`: custom reports at size (DATABASE_URL's server, else the embedded database in memory).
 * Not a test: each report is run through the product (definition checked, one SQL aggregation, names of the ids)
 * beside the bare SQL of the same aggregation.
 *
 *  - BENCH_DEALS opportunities (1,000,000 on a server, 100,000 embedded) over the last year, BENCH_OPEN_DEALS
 *    (10,000) open; 20 owners in 4 teams (bench/deals.ts).
 *  - Reports: deals by stage and close month (count, sum) as the admin; the same as a seller, whose role reads
 *    their team's deals only; average and largest deal by owner for one quarter; each BENCH_QUERIES times, p50/p95.
 */
import { openDatabase } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { asSystem } from '../server/db/transaction.js';
import { contextOfMember } from '../server/platform/auth/context-loader.js';
import { memberships } from '../server/platform/tenancy/tenancy.tables.js';
import { runReportDefinition, type ReportDefinition } from '../server/modules/analytics/index.js';
import { and, eq, isNotNull } from 'drizzle-orm';
import { dealsWorkspace } from './deals.js';
import { elapsed, ms, percentile, table } from './pg-people.js';

const DEALS = Number(process.env.BENCH_DEALS ?? (process.env.DATABASE_URL ? 1_000_000 : 100_000));
const OPEN = Number(process.env.BENCH_OPEN_DEALS ?? 10_000);
const READS = Number(process.env.BENCH_QUERIES ?? 20);

async function main(): Promise<void> {
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
  await runMigrations(database);
  const { workspaceId, ctx, run, loadMs } = await dealsWorkspace(database, DEALS, OPEN);
  try {
    const [seller] = await asSystem(database.db, (tx) =>
      tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'sales'), isNotNull(memberships.teamId))).limit(1),
    );
    const sellerCtx = (await contextOfMember(database, workspaceId, seller!.userId))!;
    const measure = async (fn: () => Promise<unknown>) => {
      for (let i = 0; i < 2; i++) await fn();
      const times: number[] = [];
      for (let i = 0; i < READS; i++) times.push((await elapsed(fn))[1]);
      return `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))} ms`;
    };
    const report = (definition: ReportDefinition, as = ctx) => measure(() => run((tx) => runReportDefinition(tx, as, definition)));
    const raw = (text: string, params: unknown[]) => measure(() => database.raw.query(text, params));

    const byStageMonth: ReportDefinition = { objectType: 'opportunities', groupBy: [{ field: 'stageId' }, { field: 'closeDate', bucket: 'month' }], measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'amount' }] };
    const rawByStageMonth = `select stage_id::text, to_char(date_trunc('month', close_date::timestamp), 'YYYY-MM'), count(*), sum(amount)
        from opportunities where workspace_id = $1 and deleted_at is null %SCOPE% group by 1, 2 order by 1 limit 1001`;
    const teamScope = `and (owner_id = $2 or owner_id in (select user_id from memberships where workspace_id = $1 and team_id = $3))`;
    const quarter = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const byOwner: ReportDefinition = {
      objectType: 'opportunities',
      filters: ['status:eq:won', `closeDate:gte:${quarter}`],
      groupBy: [{ field: 'ownerId' }],
      measures: [{ aggregate: 'avg', field: 'amount' }, { aggregate: 'max', field: 'amount' }],
      sort: '-m0',
    };

    const rows = [
      ['by stage × close month: count, sum (admin: every deal)', await report(byStageMonth), await raw(rawByStageMonth.replace('%SCOPE%', ''), [workspaceId])],
      ['the same as a seller (their team’s deals)', await report(byStageMonth, sellerCtx), await raw(rawByStageMonth.replace('%SCOPE%', teamScope), [workspaceId, sellerCtx.userId, sellerCtx.teamId])],
      [
        'won last 90 days by owner: average, largest',
        await report(byOwner),
        await raw(`select owner_id::text, avg(amount), max(amount) from opportunities where workspace_id = $1 and deleted_at is null and status = 'won' and close_date >= $2 group by 1 order by 2 desc limit 1001`, [workspaceId, quarter]),
      ],
    ];
    table(`Reports over ${DEALS.toLocaleString('en')} deals (${database.kind === 'postgres' ? 'PostgreSQL server' : 'embedded PGlite'}; generated in ${(loadMs / 1000).toFixed(1)} s)`, ['report (p50 / p95)', 'product', 'raw SQL'], rows);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
