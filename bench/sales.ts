/**
 * `npm run bench:sales`: the pipeline board, win/loss and forecast at size (embedded database in memory, or
 * DATABASE_URL's server). Not a test: it prints figures beside the raw SQL they are built on.
 *
 *  - BENCH_DEALS deals (100,000; 1,000,000 on a server) generated in one workspace over the last year, of which
 *    BENCH_OPEN_DEALS (10,000) are open in the default pipeline's four open stages; 20 owners in 4 teams.
 *  - The board (counts, sums and the first 20 cards of every stage), win/loss by owner over the year, the
 *    forecast by month for the year — each read BENCH_QUERIES times, p50/p95, beside the bare aggregate query.
 */
import { openDatabase } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { pipelineBoard } from '../server/modules/sales/board.service.js';
import { winLoss } from '../server/modules/sales/analysis.service.js';
import { forecast } from '../server/modules/sales/forecast.service.js';
import { dealsWorkspace } from './deals.js';
import { elapsed, ms, percentile, table } from './pg-people.js';

const DEALS = Number(process.env.BENCH_DEALS ?? 100_000);
const OPEN = Number(process.env.BENCH_OPEN_DEALS ?? 10_000);
const READS = Number(process.env.BENCH_QUERIES ?? 30);

async function main(): Promise<void> {
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
  await runMigrations(database);
  const { workspaceId, ctx, run, pipeline, stages, loadMs } = await dealsWorkspace(database, DEALS, OPEN);
  try {

    const today = new Date().toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const measure = async (fn: () => Promise<unknown>) => {
      for (let i = 0; i < 3; i++) await fn();
      const times: number[] = [];
      for (let i = 0; i < READS; i++) times.push((await elapsed(fn))[1]);
      return `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))} ms`;
    };
    const board = await measure(() => run((tx) => pipelineBoard(tx, ctx, pipeline!.id, {})));
    const rawBoard = await measure(() =>
      database.raw.query(
        `select stage_id, currency, count(*), sum(amount), round(sum(amount * probability) / 100.0) from opportunities
          where workspace_id = $1 and deleted_at is null and stage_id = any($2::uuid[]) and (status = 'open' or closed_at >= now() - interval '90 days')
          group by stage_id, currency`,
        [workspaceId, `{${stages.map((s) => s.id).join(',')}}`],
      ),
    );
    const byOwner = await measure(() => run((tx) => winLoss(tx, ctx, { from: yearAgo, to: today, by: 'owner' })));
    const rawByOwner = await measure(() =>
      database.raw.query(
        `select owner_id, count(*) filter (where status = 'won'), count(*) filter (where status = 'lost'), sum(amount) filter (where status = 'won')
           from opportunities where workspace_id = $1 and deleted_at is null and status in ('won', 'lost') and close_date between $2 and $3 group by owner_id`,
        [workspaceId, yearAgo, today],
      ),
    );
    const byRegion = await measure(() => run((tx) => winLoss(tx, ctx, { from: yearAgo, to: today, by: 'region' })));
    const months = (d: string) => d.slice(0, 7);
    const nextYear = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    const fc = await measure(() => run((tx) => forecast(tx, ctx, { from: months(yearAgo), to: months(nextYear), interval: 'month', by: 'owner' })));
    const rawFc = await measure(() =>
      database.raw.query(
        `select to_char(close_date, 'YYYY-MM'), owner_id, sum(amount) filter (where status = 'won'), sum(amount) filter (where status = 'open')
           from opportunities where workspace_id = $1 and deleted_at is null and status <> 'lost' and currency = 'CNY' and close_date between $2 and $3 group by 1, 2`,
        [workspaceId, `${months(yearAgo)}-01`, nextYear],
      ),
    );

    table(`Sales at ${DEALS.toLocaleString('en')} deals, ${OPEN.toLocaleString('en')} open (${database.kind === 'postgres' ? 'PostgreSQL server' : 'embedded PGlite'}; generated in ${(loadMs / 1000).toFixed(1)} s)`, ['what (p50 / p95)', 'product', 'raw SQL'], [
      ['pipeline board: counts, sums, 20 cards × 6 stages (closed: last 90 days)', board, `aggregate only: ${rawBoard}`],
      ['win/loss by owner, last 12 months', byOwner, rawByOwner],
      ['win/loss by regional office (joins members and teams)', byRegion, ''],
      ['forecast by month and owner, 25 months, with quotas', fc, rawFc],
    ]);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
