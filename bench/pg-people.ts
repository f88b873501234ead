/**
 * The generated people of the PostgreSQL benches (bench/search.ts, bench/customers.ts) in a workspace made by
 * the product's sign-up, with the product's own column builder; and the benches' formatting helpers.
 * Env: DATABASE_URL (required), BENCH_CONTACTS (100000), BENCH_SEED, BENCH_REUSE=1 (reuse the workspace an
 * earlier run with the same count and seed loaded).
 */
import { openPostgres, type Database } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { asSystem } from '../server/db/transaction.js';
import { signUp } from '../server/platform/auth/auth.service.js';
import { contextOfMember } from '../server/platform/auth/context-loader.js';
import type { RequestContext } from '../server/platform/auth/context.js';
import { contactColumns } from '../server/modules/customers/contacts.service.js';
import { PeopleGenerator, rng, type Person } from './people.js';

export const URL = process.env.DATABASE_URL;
export const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
export const SEED = Number(process.env.BENCH_SEED ?? 20_240_601);
export const REUSE = process.env.BENCH_REUSE === '1';
const BATCH = 1000;

export const HOW_TO_START = `DATABASE_URL is required: this bench measures a PostgreSQL server (not the embedded database).
A throwaway server (PostgreSQL 15 binaries; as root, the server runs as user postgres):

  PGBIN=/usr/lib/postgresql/15/bin; D=$(mktemp -d); chown postgres $D
  runuser -u postgres -- $PGBIN/initdb -D $D/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8
  runuser -u postgres -- $PGBIN/pg_ctl -D $D/data -l $D/server.log -w -o "-p 55441 -c listen_addresses=127.0.0.1 -k $D" start
  createdb -h 127.0.0.1 -p 55441 -U postgres guanxi_bench
  DATABASE_URL=postgres://postgres@127.0.0.1:55441/guanxi_bench npm run bench:search   # or bench:customers
  runuser -u postgres -- $PGBIN/pg_ctl -D $D/data stop     # when done`;

// ---------------------------------------------------------------- formatting

const width = (s: string) => [...s].reduce((w, ch) => w + (ch.codePointAt(0)! > 0x2e80 ? 2 : 1), 0);
export function table(title: string, head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => width(r[i]!))));
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - width(s)) + s : s + ' '.repeat(w - width(s)));
  const line = (r: string[]) => `  ${r.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ')}`;
  console.log(`\n${title}\n${line(head)}\n  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of cells.slice(1)) console.log(line(r));
}
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
export const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
export const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');
export const elapsed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
};

// ---------------------------------------------------------------- ids

/** A UUIDv7 made from the seed and the row's index: the same people get the same ids on every run. */
function personId(p: Person, seed: number): string {
  const hex = (Date.UTC(2024, 0, 1) + p.index).toString(16).padStart(12, '0');
  const r = rng(seed ^ (p.index * 2_654_435_761));
  const rand = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(r() * 4)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${rand(3)}-${variant}${rand(3)}-${rand(4)}${p.index.toString(16).padStart(8, '0')}`;
}

// ---------------------------------------------------------------- 1. load

export interface Bench {
  database: Database;
  workspaceId: string;
  ctx: RequestContext;
  people: Person[];
  ids: string[];
}

async function workspaceFor(database: Database, name: string): Promise<{ workspaceId: string; userId: string; fresh: boolean }> {
  if (REUSE) {
    const { rows } = await database.raw.query<{ workspace_id: string; user_id: string; n: string }>(
      `select w.id as workspace_id, m.user_id, (select count(*) from contacts c where c.workspace_id = w.id) as n
         from workspaces w join memberships m on m.workspace_id = w.id and m.role = 'admin'
        where w.name = $1 order by w.created_at`,
      [name],
    );
    // The first complete one (imports measured by bench:customers add to it).
    const complete = rows.find((r) => Number(r.n) >= CONTACTS);
    if (complete) return { workspaceId: complete.workspace_id, userId: complete.user_id, fresh: false };
    console.log(`BENCH_REUSE: no complete workspace "${name}" yet; loading one`);
  }
  const stamp = Date.now().toString(36);
  const { workspaceId, userId } = await asSystem(database.db, (tx) =>
    signUp(tx, { workspaceName: name, name: 'Bench 管理员', email: `bench.${stamp}@bench.guanxi.dev`, password: `bench password ${stamp}` }),
  );
  return { workspaceId, userId, fresh: true };
}

const INSERT_COLUMNS = ['workspace_id', 'id', 'name', 'company', 'email', 'phone', 'owner_id', 'search_keys', 'search_text', 'created_at', 'updated_at'];

export async function load(database: Database): Promise<Bench> {
  const name = `Search bench 搜索基准 ${CONTACTS} seed ${SEED}`;
  const { workspaceId, userId, fresh } = await workspaceFor(database, name);
  const ctx = await contextOfMember(database, workspaceId, userId);
  if (!ctx || ctx.role !== 'admin') throw new Error('the bench workspace has no active admin');
  const generator = new PeopleGenerator({ count: CONTACTS, seed: SEED });
  const ids: string[] = [];
  let keysTotal = 0;
  let inFlight: Promise<unknown> = Promise.resolve();
  const [, loadMs] = await elapsed(async () => {
    for (let done = 0; done < CONTACTS; done += BATCH) {
      const batch = generator.next(Math.min(BATCH, CONTACTS - done));
      const batchIds = batch.map((p) => personId(p, SEED));
      ids.push(...batchIds);
      if (!fresh) continue;
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (const [i, p] of batch.entries()) {
        // The product's own column builder: search keys and text exactly as a create through the API stores them.
        const c = await contactColumns(database.db, ctx, { name: p.name, company: p.company, email: p.email, phone: p.phone }, null);
        keysTotal += c.searchKeys!.length;
        const row = [workspaceId, batchIds[i], c.name, c.company ?? null, c.email ?? null, c.phone ?? null, userId, c.searchKeys, c.searchText, p.createdAt, p.createdAt];
        tuples.push(`(${row.map((_, k) => `$${values.length + k + 1}`).join(', ')})`);
        values.push(...row);
      }
      // One batch in flight while the next is built: key building (Node) and index upkeep (server) overlap.
      await inFlight;
      inFlight = database.raw.query(`insert into contacts (${INSERT_COLUMNS.join(', ')}) values ${tuples.join(', ')}`, values);
      if ((done / BATCH) % 50 === 49) process.stdout.write(`  … ${done + BATCH} rows\n`);
    }
    await inFlight;
  });
  if (fresh) {
    const [, analyzeMs] = await elapsed(() => database.raw.exec('vacuum analyze contacts'));
    const { rows } = await database.raw.query<{ table: string; keys_idx: string; text_idx: string; total: string; others: string }>(
      `select pg_size_pretty(pg_table_size('contacts')) as table,
              pg_size_pretty(pg_relation_size('contacts_search_keys_idx')) as keys_idx,
              pg_size_pretty(pg_relation_size('contacts_search_text_idx')) as text_idx,
              pg_size_pretty(pg_total_relation_size('contacts')) as total,
              (select count(*) from contacts where workspace_id <> $1) as others`,
      [workspaceId],
    );
    const s = rows[0]!;
    table(`1. Load: ${CONTACTS} contacts into one new workspace`, ['step', 'result'], [
      ['insert (multi-row INSERT, 1000 rows, product column builder)', `${(loadMs / 1000).toFixed(1)} s = ${Math.round(CONTACTS / (loadMs / 1000))} rows/s`],
      ['search keys per contact (mean)', (keysTotal / CONTACTS).toFixed(1)],
      ['VACUUM ANALYZE contacts', `${(analyzeMs / 1000).toFixed(1)} s`],
      ['sizes: table / search_keys GIN / search_text GIN / all', `${s.table} / ${s.keys_idx} / ${s.text_idx} / ${s.total}`],
      ['contacts of other workspaces in the table', s.others],
    ]);
  } else {
    console.log(`\n1. Load: reusing workspace ${workspaceId} (${CONTACTS} contacts, seed ${SEED}); people regenerated in ${(loadMs / 1000).toFixed(1)} s`);
  }
  return { database, workspaceId, ctx, people: generator.all, ids };
}


/** Opens the server, migrates, and loads (or with BENCH_REUSE=1 finds) the generated workspace. */
export async function openBench(): Promise<Bench> {
  if (!URL) {
    console.error(HOW_TO_START);
    process.exit(2);
  }
  const database = await openPostgres(URL, 4);
  const { rows } = await database.raw.query<{ server_version: string }>('show server_version');
  console.log(`PostgreSQL ${rows[0]!.server_version}, ${CONTACTS} contacts, seed ${SEED}`);
  await runMigrations(database);
  return load(database);
}
