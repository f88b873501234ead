/**
 * `npm run bench:customers`: the customers module at size on a PostgreSQL server, each figure beside the raw
 * SQL of the same work so that the product's overhead shows. Not a test: it fails only when something cannot run.
 *
 *  1. history — BENCH_TIMELINE audit rows (the contact's history on the 360 view; the interactions timeline
 *               will join it) spread over the contacts with a long tail: one contact holds tens of thousands.
 *  2. reads   — a list page (first, filtered by company and sorted by name, 90 % deep by cursor), the 360 view
 *               (record, key figures, first history page) of the busiest and of random contacts, lookup by phone.
 *  3. import  — BENCH_IMPORT_ROWS new people (2 % of them already in the workspace) through the product's own
 *               import (file parse, mapping, duplicate check, batches), beside a raw COPY of the same rows with
 *               the same search keys into the same table; the issue asks for at least half the COPY rate.
 *  4. scan    — the duplicate scan job over the whole workspace, beside reading the same columns raw.
 *
 * Env: as bench/pg-people.ts (DATABASE_URL, BENCH_CONTACTS, BENCH_SEED, BENCH_REUSE=1), and BENCH_TIMELINE
 * (5000000), BENCH_QUERIES (200 per read), BENCH_IMPORT_ROWS (20000), BENCH_PARTS (reads,import,scan).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { uuidv7 } from 'uuidv7';
import { inWorkspace } from '../server/db/transaction.js';
import { listAudit } from '../server/platform/audit/audit.service.js';
import { collectOverview } from '../server/platform/records/overview.js';
import { searchProviders } from '../server/app.js';
import { searchEverything } from '../server/platform/search/search.service.js';
import { contactColumns, getContact, listContacts } from '../server/modules/customers/contacts.service.js';
import { scanContactDuplicates } from '../server/modules/customers/duplicate-scan.js';
import { readImportFile } from '../server/platform/imports/import-files.js';
import { backfillIdentityKeys } from '../server/modules/customers/identity-backfill.js';
import { configureImport, createImport, importNextBatch } from '../server/modules/customers/imports.service.js';
import '../server/modules/customers/overview.js';
import { elapsed, ms, openBench, percentile, table, URL, type Bench } from './pg-people.js';
import { PeopleGenerator, rng, type Person } from './people.js';

const TIMELINE = Number(process.env.BENCH_TIMELINE ?? 5_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
/** Which of reads, import and scan to run (comma-separated); the history is always there first. */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'reads,import,scan').split(',').map((p) => p.trim()));

type Timing = { product: number[]; raw: number[] };
const row = (label: string, t: Timing) => [
  label,
  ms(percentile(t.product, 50)),
  ms(percentile(t.product, 95)),
  ms(percentile(t.raw, 50)),
  ms(percentile(t.raw, 95)),
  `${(percentile(t.product, 95) / Math.max(0.01, percentile(t.raw, 95))).toFixed(1)}×`,
];

async function measure(n: number, product: (i: number) => Promise<unknown>, raw: (i: number) => Promise<unknown>): Promise<Timing> {
  const t: Timing = { product: [], raw: [] };
  for (let i = 0; i < 3; i++) await product(i).then(() => raw(i));
  for (let i = 0; i < n; i++) {
    t.product.push((await elapsed(() => product(i)))[1]);
    t.raw.push((await elapsed(() => raw(i)))[1]);
  }
  return t;
}

// ---------------------------------------------------------------- 1. history

/** Generates the history rows in SQL (chunks of a million), unless an earlier run left enough. */
async function history(bench: Bench): Promise<string> {
  const { database, workspaceId, ctx } = bench;
  const count = async () => Number((await database.raw.query<{ n: string }>(`select count(*) as n from audit_log where workspace_id = $1`, [workspaceId])).rows[0]!.n);
  const have = await count();
  if (have < TIMELINE) {
    await database.raw.exec(`drop table if exists bench_contact_numbers`);
    await database.raw.query(`create unlogged table bench_contact_numbers as select row_number() over (order by id)::int as n, id from contacts where workspace_id = $1`, [workspaceId]);
    await database.raw.exec(`create index on bench_contact_numbers (n)`);
    const [, genMs] = await elapsed(async () => {
      for (let done = have; done < TIMELINE; done += 1_000_000) {
        // power(random(), 3): a long tail — the first contacts by id get most of the rows.
        await database.raw.query(
          `insert into audit_log (workspace_id, id, actor_user_id, action, record_type, record_id, changes, at)
           select $1, gen_random_uuid(), $2, 'update', 'contact', c.id, '{"title": {"old": "经理", "new": "总监"}}'::jsonb, now() - (g.i % 525600) * interval '1 minute'
             from (select i, 1 + floor(power(random(), 3) * $4)::int as n from generate_series(1, $3) as i) g
             join bench_contact_numbers c on c.n = g.n`,
          [workspaceId, ctx.userId, Math.min(1_000_000, TIMELINE - done), bench.ids.length],
        );
        process.stdout.write(`  … ${Math.min(TIMELINE, done + 1_000_000)} history rows\n`);
      }
    });
    await database.raw.exec(`drop table bench_contact_numbers`);
    await database.raw.exec(`vacuum analyze audit_log`);
    console.log(`\n1. History: ${TIMELINE - have} rows generated in ${(genMs / 1000).toFixed(0)} s`);
  } else {
    await database.raw.exec(`drop table if exists bench_contact_numbers`);
    await database.raw.exec(`analyze audit_log`);
    console.log(`\n1. History: ${have} rows there already`);
  }
  const { rows } = await database.raw.query<{ record_id: string; n: string }>(
    `select record_id, count(*) as n from audit_log where workspace_id = $1 and record_type = 'contact' group by record_id order by n desc limit 1`,
    [workspaceId],
  );
  // BENCH_TIMELINE=0 leaves no history: any contact stands in for the busiest.
  console.log(`   busiest contact: ${rows[0]?.n ?? 0} history rows`);
  return rows[0]?.record_id ?? bench.ids[0]!;
}

// ---------------------------------------------------------------- 2. reads

async function reads(bench: Bench, busiest: string): Promise<void> {
  const { database, workspaceId, ctx, people, ids } = bench;
  const random = rng(7);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const run = <T>(fn: Parameters<typeof inWorkspace<T>>[2]) => inWorkspace(database.db, workspaceId, fn);
  const raw = (text: string, values: unknown[]) => database.raw.query(text, values);
  const companies = [...new Set(people.map((p) => p.company).filter((c): c is string => Boolean(c)))];
  const prefixes = Array.from({ length: QUERIES + 3 }, () => [...pick(companies)].slice(0, 2).join(''));

  const first = await measure(
    QUERIES,
    () => run((tx) => listContacts(tx, ctx, { limit: 50 })),
    () => raw(`select * from contacts where workspace_id = $1 and deleted_at is null order by created_at desc, id desc limit 51`, [workspaceId]),
  );
  const filtered = await measure(
    QUERIES,
    (i) => run((tx) => listContacts(tx, ctx, { limit: 50, filter: `company:contains:${prefixes[i]}`, sort: 'name' })),
    (i) => raw(`select * from contacts where workspace_id = $1 and deleted_at is null and company ilike $2 order by name, id limit 51`, [workspaceId, `%${prefixes[i]}%`]),
  );
  // A cursor 90 % down the default order: keyset paging must cost what the first page costs.
  const { rows: deepRows } = await database.raw.query<{ created_at: Date; id: string }>(
    `select created_at, id from contacts where workspace_id = $1 and deleted_at is null order by created_at desc, id desc offset $2 limit 1`,
    [workspaceId, Math.floor(ids.length * 0.9)],
  );
  const deep = deepRows[0]!;
  const cursor = Buffer.from(JSON.stringify([deep.created_at.toISOString(), deep.id])).toString('base64url');
  const deepPage = await measure(
    QUERIES,
    () => run((tx) => listContacts(tx, ctx, { limit: 50, cursor })),
    () => raw(`select * from contacts where workspace_id = $1 and deleted_at is null and (created_at, id) < ($2, $3) order by created_at desc, id desc limit 51`, [workspaceId, deep.created_at, deep.id]),
  );
  const view360 = (id: string) => run(async (tx) => [await getContact(tx, ctx, id), await collectOverview(tx, ctx, 'contact', id), await listAudit(tx, ctx, { recordType: 'contact', recordId: id, limit: 20 })]);
  const view360Raw = (id: string) =>
    Promise.all([
      raw(`select * from contacts where workspace_id = $1 and id = $2`, [workspaceId, id]),
      raw(`select * from audit_log where workspace_id = $1 and record_type = 'contact' and record_id = $2 order by id desc limit 21`, [workspaceId, id]),
    ]);
  const busy = await measure(QUERIES, () => view360(busiest), () => view360Raw(busiest));
  const randomIds = Array.from({ length: QUERIES + 3 }, () => pick(ids));
  const any360 = await measure(QUERIES, (i) => view360(randomIds[i]!), (i) => view360Raw(randomIds[i]!));
  const withPhone = people.filter((p) => p.phone);
  const phones = Array.from({ length: QUERIES + 3 }, () => pick(withPhone).phone!);
  const phone = await measure(
    QUERIES,
    (i) => run((tx) => searchEverything(tx, ctx, searchProviders, phones[i]!, 20)),
    (i) => raw(`select id from contacts where workspace_id = $1 and phone = $2`, [workspaceId, phones[i]]),
  );
  table(`2. Reads, ${QUERIES} each, in inWorkspace as the admin (ms), beside the raw SQL (ms)`, ['read', 'p50', 'p95', 'raw p50', 'raw p95', 'p95 ratio'], [
    row('list: first page of 50, newest first', first),
    row('list: company contains 2 characters, by name', filtered),
    row('list: page 90 % deep (keyset cursor)', deepPage),
    row('360 view of the busiest contact (record, figures, history page)', busy),
    row('360 view of a random contact', any360),
    row('lookup by phone (search box, E.164)', phone),
  ]);
}

// ---------------------------------------------------------------- 3. import

const csvCell = (v: string | null) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function importRate(bench: Bench): Promise<void> {
  const { database, workspaceId, ctx, people } = bench;
  // New people, a seed of their own; 2 % are people already in the workspace (the import must find them).
  const fresh = new PeopleGenerator({ count: IMPORT_ROWS, seed: Date.now() % 1_000_000 }).next(IMPORT_ROWS);
  const random = rng(11);
  const rows: Person[] = fresh.map((p) => (random() < 0.02 ? people[Math.floor(random() * people.length)]! : p));
  const csv = `姓名,公司,邮箱,手机\n${rows.map((p) => [p.name, p.company, p.email, p.phone].map(csvCell).join(',')).join('\n')}\n`;

  // A workspace loaded before contacts had an identity key gets it first, as a server's start-up does.
  const [keyed, backfillMs] = await elapsed(() => backfillIdentityKeys(database));
  if (keyed) console.log(`\n   identity keys given to ${keyed} contacts loaded before they existed, in ${(backfillMs / 1000).toFixed(0)} s`);

  const [result, productMs] = await elapsed(async () => {
    const file = await readImportFile(Buffer.from(csv));
    const created = await inWorkspace(database.db, workspaceId, (tx) => createImport(tx, ctx, { objectType: 'contacts', fileName: 'bench.csv', file }));
    await inWorkspace(database.db, workspaceId, (tx) => configureImport(tx, ctx, created.id, { duplicatePolicy: 'skip' }));
    await database.raw.query(`update imports set status = 'running' where workspace_id = $1 and id = $2`, [workspaceId, created.id]);
    for (;;) {
      const step = await inWorkspace(database.db, workspaceId, (tx) => importNextBatch(tx, ctx, created.id));
      if (step.finished) break;
    }
    return (await database.raw.query<{ created: number; skipped: number; failed: number }>(`select created, skipped, failed from imports where workspace_id = $1 and id = $2`, [workspaceId, created.id])).rows[0]!;
  });

  // The same rows, with the product's search keys computed beforehand (not timed), copied raw into the table.
  const columns = ['workspace_id', 'id', 'name', 'company', 'email', 'phone', 'owner_id', 'search_keys', 'search_text', 'identity_key'];
  const prepared: string[] = [];
  for (const p of rows) {
    const c = await contactColumns(database.db, ctx, { name: p.name, company: p.company, email: p.email, phone: p.phone }, null);
    const array = `{${c.searchKeys!.map((k) => `"${k.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;
    const values = [workspaceId, uuidv7(), c.name!, c.company ?? null, c.email ?? null, c.phone ?? null, ctx.userId, array, c.searchText!, c.identityKey ?? null];
    prepared.push(values.map((v) => (v === null ? '\\N' : String(v).replace(/[\\\t\n\r]/g, (m) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[m]!))).join('\t'));
  }
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  // Three times, the median: one COPY of the same rows took 2.8–3.9 s from run to run.
  const copies: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      await client.query('begin');
      copies.push((await elapsed(() => pipeline(Readable.from(prepared.map((l) => `${l}\n`)), client.query(copyFrom(`copy contacts (${columns.join(', ')}) from stdin`)))))[1]);
      // Rolled back: the table stays as the product left it, and the next run measures the same.
      await client.query('rollback');
    }
  } finally {
    await client.end();
  }
  const copyMs = percentile(copies, 50);
  const productRate = IMPORT_ROWS / (productMs / 1000);
  const copyRate = IMPORT_ROWS / (copyMs / 1000);
  table(`3. Import of ${IMPORT_ROWS} rows into a workspace of ${bench.ids.length} contacts`, ['how', 'time', 'rows/s'], [
    [`product import (parse, map, duplicate check, batches): ${result.created} created, ${result.skipped} skipped as duplicates, ${result.failed} failed`, `${(productMs / 1000).toFixed(1)} s`, Math.round(productRate)],
    [`raw COPY of the same rows with the same search keys (rolled back; median of ${copies.map((c) => (c / 1000).toFixed(1)).join(', ')} s)`, `${(copyMs / 1000).toFixed(1)} s`, Math.round(copyRate)],
    ['product ÷ COPY (target ≥ 50 %)', '', `${((100 * productRate) / copyRate).toFixed(0)} %`],
  ]);
}

// ---------------------------------------------------------------- 4. scan

async function scan(bench: Bench): Promise<void> {
  const { database, workspaceId, ctx } = bench;
  const [result, scanMs] = await elapsed(() => scanContactDuplicates(database, ctx, uuidv7(), async () => undefined));
  const [, rawMs] = await elapsed(() => database.raw.query(`select id, name, company, email, phone from contacts where workspace_id = $1 and deleted_at is null`, [workspaceId]));
  table(`4. Duplicate scan of ${result.scanned} contacts`, ['how', 'time', 'result'], [
    ['scan job (keyset pages, blocking, scoring, groups written)', `${(scanMs / 1000).toFixed(1)} s`, `${result.groups} groups`],
    ['raw read of the same columns, one query', `${(rawMs / 1000).toFixed(1)} s`, ''],
  ]);
}

async function main(): Promise<void> {
  const bench = await openBench();
  try {
    const busiest = await history(bench);
    if (PARTS.has('reads')) await reads(bench, busiest);
    if (PARTS.has('import')) await importRate(bench);
    if (PARTS.has('scan')) await scan(bench);
  } finally {
    await bench.database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
