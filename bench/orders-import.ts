/**
 * `node --import tsx bench/orders-import.ts [file]`: loads the whole UCI Online Retail file (541,909 rows) through
 * the order import on an embedded database in memory (or TEST_DATABASE_URL's server), twice — the second run
 * must create nothing — and prints the time of each beside what was created and the purchase totals.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { createTestApp, signUpWorkspace } from '../server/db/testing.js';
import { inWorkspace } from '../server/db/transaction.js';
import { purchaseLines } from '../server/modules/sales/index.js';

const FILE = process.argv[2] ?? '/work/shared/datasets/online-retail/online_retail.csv.gz';

async function main(): Promise<void> {
  const t = await createTestApp();
  try {
    const admin = await signUpWorkspace(t.app, 'Online Retail');
    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: admin.cookie }, ...(payload ? { payload } : {}) });
    await call('PATCH', '/workspace', { defaultCurrency: 'GBP' });
    const content = readFileSync(FILE).toString('base64');
    for (const run of ['first', 'again']) {
      const started = performance.now();
      const res = await call('POST', '/orders/import', { content, currency: 'GBP', timeZone: 'Europe/London' });
      if (res.statusCode !== 202) throw new Error(res.body);
      await t.app.jobs.run(admin.workspaceId, res.json().jobId);
      const job = (await call('GET', `/jobs/${res.json().jobId}`)).json();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${run}: ${seconds} s, ${job.state}`, JSON.stringify({ ...job.result, problems: job.result?.problems?.slice(0, 5) }));
    }
    const started = performance.now();
    const totals = await inWorkspace(t.database.db, admin.workspaceId, (tx) =>
      tx.execute(sql`select count(*)::int as lines, count(distinct customer_id)::int as customers, sum(amount) filter (where not cancelled) as sales, sum(amount) filter (where cancelled) as returns from ${purchaseLines({ workspaceId: admin.workspaceId })} as p`),
    );
    console.log(`purchaseLines totals in ${((performance.now() - started) / 1000).toFixed(1)} s:`, JSON.stringify((totals as unknown as { rows: unknown[] }).rows[0]));
  } finally {
    await t.close();
  }
}

await main();
