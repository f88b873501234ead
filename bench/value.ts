/**
 * `npm run bench:value`: customer value, Pareto/ABC, RFM and churn (one run) and next best offers over
 * BENCH_LINES generated purchase lines (500,000; 10,000,000 on a server), beside the raw SQL time of the same
 * per-customer aggregation. Embedded database in memory, or DATABASE_URL's server. Not a test.
 *
 *  - Lines: BENCH_CUSTOMERS customers (lines / 125) buying from BENCH_PRODUCTS products (2,000) over two years,
 *    ~25 orders of ~5 lines per customer on average (skewed: customer g buys in proportion to 1/rank), 2% of
 *    them cancellation rows. They are generated into a table with the columns of the sales module's
 *    `purchaseLines` (the run reads them in its place; the order tables' own cost is in bench:orders-import).
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { asSystem, inWorkspace } from '../server/db/transaction.js';
import { contextOfMember } from '../server/platform/auth/context-loader.js';
import { signUp } from '../server/platform/auth/auth.service.js';
import { recomputeCustomerValue, recomputeOffers } from '../server/modules/analytics/value.service.js';
import { elapsed, ms, table } from './pg-people.js';

const LINES = Number(process.env.BENCH_LINES ?? 500_000);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? Math.max(10, Math.round(LINES / 125)));
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 2_000);

async function main(): Promise<void> {
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
  await runMigrations(database);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const { workspaceId, userId } = await asSystem(database.db, (tx) => signUp(tx, { workspaceName: 'Bench 价值', name: 'Bench 管理员', email: `value.${stamp}@bench.guanxi.dev`, password: `bench password ${stamp}` }));
  const ctx = (await contextOfMember(database, workspaceId, userId))!;
  const reference = new Date();
  // Orders of 5 lines; the customer of order o is skewed towards small numbers (a Pareto-like spread). The
  // arithmetic is in bigint: g × 104729 passes int4 from 20,506 lines on.
  const [, loadMs] = await elapsed(() =>
    database.raw.query(
      `create table bench_purchase_lines as
       select 'account'::text as customer_type,
              md5('c' || (1 + floor($2::int * power(random(), 2.5)))::int)::uuid as customer_id,
              md5('o' || (g / 5))::uuid as order_id,
              now() - make_interval(days => (((g / 5) * 7919) % 730)::int) as ordered_at,
              md5('p' || (1 + (g * 104729 + (g / 5) * 31) % $3::int))::uuid as product_id,
              (1 + g % 4)::numeric as quantity, (500 + (g * 7919) % 20000)::bigint as amount, 'CNY'::text as currency, false as cancelled
         from generate_series(1, $1::bigint) g`,
      [LINES, CUSTOMERS, PRODUCTS],
    ),
  );
  // Rows of one order share its customer: take the customer of the order's first line.
  await database.raw.exec(`
    update bench_purchase_lines l set customer_id = f.customer_id from (select distinct on (order_id) order_id, customer_id from bench_purchase_lines order by order_id, ordered_at) f where f.order_id = l.order_id;
    update bench_purchase_lines set cancelled = true, amount = -amount, quantity = -quantity where ('x' || substr(order_id::text, 1, 2))::bit(8)::int < 5;
    grant select on bench_purchase_lines to guanxi_app; analyze bench_purchase_lines`);
  const lines = sql`(select * from bench_purchase_lines)`;
  try {
    const { rows } = await database.raw.query<{ customers: number; orders: number }>('select count(distinct customer_id)::int as customers, count(distinct order_id)::int as orders from bench_purchase_lines');
    const [summary, valueMs] = await elapsed(() => inWorkspace(database.db, workspaceId, (tx) => recomputeCustomerValue(tx, ctx, lines, { referenceDate: reference })));
    const [offers, offersMs] = await elapsed(() => inWorkspace(database.db, workspaceId, (tx) => recomputeOffers(tx, ctx, lines, reference)));
    const [, rawMs] = await elapsed(() =>
      database.raw.query(
        `select customer_type, customer_id, sum(amount), count(distinct order_id) filter (where not cancelled), min(ordered_at), max(ordered_at)
           from bench_purchase_lines where currency = 'CNY' and ordered_at <= $1 group by 1, 2`,
        [reference.toISOString()],
      ),
    );
    const [, rawBasketsMs] = await elapsed(() => database.raw.query(`select customer_id, product_id from bench_purchase_lines group by 1, 2 having sum(quantity) > 0`));
    const [, gridMs] = await elapsed(() => database.raw.query(`select r, fm, count(*) from customer_value where workspace_id = $1 group by 1, 2`, [workspaceId]));
    table(
      `Customer value over ${LINES.toLocaleString('en')} lines, ${rows[0]!.orders.toLocaleString('en')} orders, ${rows[0]!.customers.toLocaleString('en')} customers, ${PRODUCTS.toLocaleString('en')} products (${database.kind === 'postgres' ? 'PostgreSQL server' : 'embedded PGlite'}; generated in ${(loadMs / 1000).toFixed(1)} s)`,
      ['what', 'product', 'raw SQL'],
      [
        ['value, Pareto/ABC, RFM, churn: aggregate, score, store all rows', `${ms(valueMs)} ms`, `per-customer aggregate only: ${ms(rawMs)} ms`],
        [`next best offers: baskets, ${offers.rules.toLocaleString('en')} rules, ${offers.offers.toLocaleString('en')} offers stored`, `${ms(offersMs)} ms`, `baskets only: ${ms(rawBasketsMs)} ms`],
        ['reading the RFM grid afterwards', '', `${ms(gridMs)} ms`],
        [`(80% of revenue from ${(summary.pareto.shareFor80 * 100).toFixed(1)}% of customers)`, '', ''],
      ],
    );
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
