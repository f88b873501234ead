/**
 * `npm run bench:search`: search and duplicate finding on a PostgreSQL server with generated people. Not a
 * test: it prints figures, each beside a raw baseline, and fails only when something cannot run.
 *
 *  1. load   — BENCH_CONTACTS people from bench/people.ts (2 % injected duplicates) into a new workspace
 *              made by the product's sign-up, columns built by the product's own contactColumns (search
 *              keys, search text, E.164 phones), written in multi-row INSERTs; then VACUUM ANALYZE.
 *  2. search — for each query form, BENCH_QUERIES queries sampled from the people through the product's
 *              searchEverything inside inWorkspace as the workspace admin (what GET /api/v1/search runs,
 *              without HTTP), beside the bare `search_keys && array[…]` index lookup (limit 20, no ranking).
 *  3. duplicates — findLikelyDuplicates for every injected duplicate (up to BENCH_DUPLICATE_QUERIES) and a
 *              sample of people without a twin: recall, precision and their counts.
 *
 * Env: DATABASE_URL (required), BENCH_CONTACTS (100000), BENCH_QUERIES (200 per form), BENCH_LIMIT (20,
 * the route's default), BENCH_DUPLICATE_QUERIES (2000), BENCH_NON_DUPLICATES (1000), BENCH_SEED,
 * BENCH_REUSE=1 (reuse the workspace an earlier run with the same count and seed loaded),
 * BENCH_EXPLAIN=1 (print EXPLAIN (ANALYZE, BUFFERS) of the slowest query of each form).
 */
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { searchProviders } from '../server/app.js';
import type { Db } from '../server/db/client.js';
import * as schema from '../server/db/schema.js';
import { inWorkspace } from '../server/db/transaction.js';
import { phoneQueryDigits } from '../server/platform/phones.js';
import { normalizeText, pinyinSyllables } from '../server/platform/search/normalize.js';
import { countWorkspaceSearchKeys, commonSearchKeys } from '../server/platform/search/key-stats.js';
import { queryKeys } from '../server/platform/search/search-keys.js';
import { searchEverything } from '../server/platform/search/search.service.js';
import { findLikelyDuplicates } from '../server/modules/customers/contacts.duplicates.js';
import { elapsed, ms, openBench, pct, percentile, SEED, table, URL, type Bench } from './pg-people.js';
import { DUPLICATE_KINDS, PeopleGenerator, rng, toTraditional, type DuplicateKind, type Person } from './people.js';

const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 20);
const DUPLICATE_QUERIES = Number(process.env.BENCH_DUPLICATE_QUERIES ?? 2000);
const NON_DUPLICATES = Number(process.env.BENCH_NON_DUPLICATES ?? 1000);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
/** The customers issue's target for every query form. */
const TARGET_P95_MS = 50;

// ---------------------------------------------------------------- 2. search

const simplified = (name: string) => normalizeText(name);
const chars = (s: string) => [...s];

/** Query forms: a label and how to make one query from a random person (null: this person does not fit). */
function queryForms(people: Person[], random: () => number, typo: (s: string) => string): { label: string; make: () => string }[] {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const han = people.filter((p) => p.script === 'han');
  const hanSimplified = han.filter((p) => !p.traditional);
  const latin = people.filter((p) => p.script === 'latin' && p.duplicateKind === null);
  const emails = people.filter((p) => p.email);
  const mainland = people.filter((p) => p.phone?.startsWith('+86') && !p.phone.startsWith('+886'));
  const phones = people.filter((p) => p.phone);
  const companies = people.filter((p) => p.company);
  const syllables = (p: Person) => pinyinSyllables(simplified(p.name), true);
  const national = (p: Person) => p.phone!.slice(3);
  return [
    { label: 'full pinyin (wangwei)', make: () => syllables(pick(han)).join('') },
    { label: 'pinyin with space (wang wei)', make: () => syllables(pick(han)).join(' ') },
    { label: 'initials (ww)', make: () => syllables(pick(han)).map((s) => s[0]).join('') },
    { label: 'one character: surname of a random person', make: () => chars(simplified(pick(han).name))[0]! },
    { label: 'one character: 王 or 李 (7 % of names each)', make: () => (random() < 0.5 ? '王' : '李') },
    { label: 'two characters (王小)', make: () => chars(simplified(pick(han).name)).slice(0, 2).join('') },
    { label: 'full Chinese name', make: () => pick(hanSimplified).name },
    {
      label: 'traditional-character name (黃國華)',
      make: () => {
        for (;;) {
          const s = simplified(pick(han).name);
          if (toTraditional(s) !== s) return toTraditional(s);
        }
      },
    },
    { label: 'e-mail', make: () => pick(emails).email! },
    { label: 'phone as 138 0013 8000', make: () => national(pick(mainland)).replace(/^(\d{3})(\d{4})(\d{4})$/, '$1 $2 $3') },
    { label: 'phone as +86-138-0013-8000', make: () => `+86-${national(pick(mainland)).replace(/^(\d{3})(\d{4})(\d{4})$/, '$1-$2-$3')}` },
    { label: 'last 4 digits of a phone', make: () => pick(phones).phone!.slice(-4) },
    {
      label: 'company prefix (华为 / Acme)',
      make: () => {
        const c = pick(companies).company!;
        return /\p{Script=Han}/u.test(c) ? chars(c).slice(0, 2 + Math.floor(random() * 3)).join('') : c.split(' ')[0]!.slice(0, 3 + Math.floor(random() * 4));
      },
    },
    { label: 'Latin name with a typo (Jonathon Smith)', make: () => typo(pick(latin).name) },
  ];
}

interface FormResult {
  label: string;
  product: number[];
  raw: number[];
  hits: number[];
  matches: number[];
  slowest: { q: string; ms: number };
  examples: string[];
}

/** SQL the product ran for the last search, captured through a drizzle logger on a separate pool. */
class Captured {
  readonly pool: pg.Pool;
  readonly db: Db;
  statements: { sql: string; params: unknown[] }[] = [];
  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 1 });
    this.db = drizzle(this.pool, { schema, logger: { logQuery: (sql, params) => this.statements.push({ sql, params }) } }) as unknown as Db;
  }
}

async function explainSlowest(bench: Bench, captured: Captured, q: string): Promise<string> {
  captured.statements = [];
  await inWorkspace(captured.db, bench.workspaceId, (tx) => searchEverything(tx, bench.ctx, searchProviders, q, LIMIT));
  const client = await captured.pool.connect();
  const out: string[] = [];
  try {
    await client.query('begin');
    await client.query(`select set_config('app.workspace_id', $1, true)`, [bench.workspaceId]);
    await client.query('set local role guanxi_app');
    for (const s of captured.statements.filter((st) => /from "contacts(_search)?"/.test(st.sql))) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${s.sql}`, s.params);
      out.push(rows.map((r) => `      ${r['QUERY PLAN']}`).join('\n'));
    }
  } finally {
    await client.query('rollback');
    client.release();
  }
  return out.join('\n      --\n');
}

async function searchTimings(bench: Bench): Promise<FormResult[]> {
  const random = rng(SEED + 1);
  const typoMaker = new PeopleGenerator({ count: 0, seed: SEED + 2 });
  const forms = queryForms(bench.people, random, (s) => typoMaker.typo(s));
  const { database, workspaceId, ctx } = bench;
  const search = (q: string) => inWorkspace(database.db, workspaceId, (tx) => searchEverything(tx, ctx, searchProviders, q, LIMIT));
  const keysOf = (q: string) => queryKeys(q, phoneQueryDigits(q, ctx.country)).map((k) => k.key);
  // The baseline's own session reads through the GIN index as the product does (platform/search/sql.ts,
  // withIndexScans): with a LIMIT, the planner would scan the table for a rare key — seconds at a million rows.
  const rawClient = new pg.Client({ connectionString: URL });
  await rawClient.connect();
  await rawClient.query('set enable_seqscan = off');
  const raw = (q: string) => rawClient.query('select id from contacts where workspace_id = $1 and search_keys && $2::text[] limit $3', [workspaceId, keysOf(q), LIMIT]);
  const count = async (q: string) =>
    Number((await rawClient.query<{ n: string }>('select count(*) as n from contacts where workspace_id = $1 and search_keys && $2::text[]', [workspaceId, keysOf(q)])).rows[0]!.n);

  // Warm-up: a few of each form, not measured (first plans, catalog caches, the JIT of Node).
  for (const form of forms) for (let i = 0; i < 3; i++) await search(form.make()).then(() => raw(form.make()));

  const results: FormResult[] = [];
  for (const form of forms) {
    const r: FormResult = { label: form.label, product: [], raw: [], hits: [], matches: [], slowest: { q: '', ms: 0 }, examples: [] };
    for (let i = 0; i < QUERIES; i++) {
      const q = form.make();
      if (r.examples.length < 3 && !r.examples.includes(q)) r.examples.push(q);
      const [hits, productMs] = await elapsed(() => search(q));
      const [, rawMs] = await elapsed(() => raw(q));
      r.product.push(productMs);
      r.raw.push(rawMs);
      r.hits.push(hits.length);
      if (i < 20) r.matches.push(await count(q));
      if (productMs > r.slowest.ms) r.slowest = { q, ms: productMs };
    }
    results.push(r);
    process.stdout.write(`  … ${form.label}: p95 ${ms(percentile(r.product, 95))} ms\n`);
  }
  await rawClient.end();
  table(
    `2. Search: ${QUERIES} queries per form, limit ${LIMIT}, searchEverything in inWorkspace as admin (ms) beside the bare index lookup (ms)`,
    ['form', 'examples', 'matching rows (median)', 'hits', 'p50', 'p95', 'p99', 'raw p50', 'raw p95', 'p95 ratio', `p95 ≤ ${TARGET_P95_MS}`],
    results.map((r) => [
      r.label,
      r.examples.join(', '),
      percentile(r.matches, 50),
      (r.hits.reduce((a, b) => a + b, 0) / r.hits.length).toFixed(1),
      ms(percentile(r.product, 50)),
      ms(percentile(r.product, 95)),
      ms(percentile(r.product, 99)),
      ms(percentile(r.raw, 50)),
      ms(percentile(r.raw, 95)),
      `${(percentile(r.product, 95) / percentile(r.raw, 95)).toFixed(1)}×`,
      percentile(r.product, 95) <= TARGET_P95_MS ? 'yes' : 'NO',
    ]),
  );
  return results;
}

// ---------------------------------------------------------------- 3. duplicates

async function duplicateQuality(bench: Bench): Promise<void> {
  const { database, workspaceId, ctx, people, ids } = bench;
  const random = rng(SEED + 3);
  const sample = <T>(list: T[], n: number) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };
  const rowsOfPerson = new Map<number, number>();
  for (const p of people) rowsOfPerson.set(p.person, (rowsOfPerson.get(p.person) ?? 0) + 1);
  const duplicates = people.filter((p) => p.duplicateOf !== null);
  const singles = people.filter((p) => rowsOfPerson.get(p.person) === 1);
  const dupQueries = sample(duplicates, DUPLICATE_QUERIES);
  const singleQueries = sample(singles, NON_DUPLICATES);
  const personById = new Map(ids.map((id, i) => [id, people[i]!]));

  interface Outcome {
    query: Person;
    found: { person: Person; score: number }[];
  }
  const times: number[] = [];
  const ask = async (p: Person): Promise<Outcome> => {
    const [candidates, t] = await elapsed(() =>
      inWorkspace(database.db, workspaceId, (tx) => findLikelyDuplicates(tx, ctx, { name: p.name, company: p.company, email: p.email, phone: p.phone, excludeId: ids[p.index]! })),
    );
    times.push(t);
    // Contacts that bench:customers imported later are not among the generated people: left out.
    return { query: p, found: candidates.flatMap((c) => (personById.has(c.contact.id) ? [{ person: personById.get(c.contact.id)!, score: c.score }] : [])) };
  };
  const dupOutcomes: Outcome[] = [];
  for (const p of dupQueries) dupOutcomes.push(await ask(p));
  const singleOutcomes: Outcome[] = [];
  for (const p of singleQueries) singleOutcomes.push(await ask(p));

  // Precision as if the finder were asked about every injected duplicate and every contact without a twin:
  // the sample's false positives scale to the table.
  const dupScale = duplicates.length / Math.max(1, dupQueries.length);
  const singleScale = singles.length / Math.max(1, singleQueries.length);
  const rows: (string | number)[][] = [];
  for (const threshold of [0.5, 0.7, 0.85]) {
    const kept = (o: Outcome) => o.found.filter((f) => f.score >= threshold);
    let recalled = 0;
    let tp = 0;
    let fpDup = 0;
    for (const o of dupOutcomes) {
      const k = kept(o);
      if (k.some((f) => f.person.index === o.query.duplicateOf)) recalled += 1;
      tp += k.filter((f) => f.person.person === o.query.person).length;
      fpDup += k.filter((f) => f.person.person !== o.query.person).length;
    }
    const fpSingle = singleOutcomes.reduce((n, o) => n + kept(o).length, 0);
    const flagged = singleOutcomes.filter((o) => kept(o).length > 0).length;
    const precision = (tp * dupScale) / (tp * dupScale + fpDup * dupScale + fpSingle * singleScale);
    rows.push([
      `≥ ${threshold}${threshold === 0.5 ? ' (finder)' : threshold === 0.7 ? ' (scan)' : ''}`,
      `${pct(recalled, dupOutcomes.length)} (${recalled}/${dupOutcomes.length})`,
      `${(precision * 100).toFixed(1)} % (${tp} right, ${fpDup} wrong on duplicates; ${fpSingle} on ${singleOutcomes.length} without a twin)`,
      `${pct(flagged, singleOutcomes.length)} (${flagged})`,
    ]);
  }
  table(
    `3. Duplicate finder: ${dupOutcomes.length} of ${duplicates.length} injected duplicates, ${singleOutcomes.length} of ${singles.length} contacts without a twin`,
    ['score', 'recall (original found)', 'precision (pairs, scaled to the table)', 'contacts without a twin flagged'],
    rows,
  );
  const perKind = DUPLICATE_KINDS.map((kind: DuplicateKind) => {
    const of = dupOutcomes.filter((o) => o.query.duplicateKind === kind);
    const found = of.filter((o) => o.found.some((f) => f.person.index === o.query.duplicateOf));
    const at07 = of.filter((o) => o.found.some((f) => f.person.index === o.query.duplicateOf && f.score >= 0.7));
    const missed = of.filter((o) => !found.includes(o)).slice(0, 2).map((o) => `${o.query.name} ← ${people[o.query.duplicateOf!]!.name}`);
    return [kind, of.length, `${pct(found.length, of.length)} (${found.length})`, `${pct(at07.length, of.length)} (${at07.length})`, missed.join('; ') || '–'];
  });
  table('   recall by kind of duplicate', ['kind', 'queries', 'found (≥ 0.5)', 'found (≥ 0.7)', 'missed, e.g.'], perKind);
  const wrong = singleOutcomes.flatMap((o) => o.found.map((f) => `${o.query.name}/${o.query.company ?? '–'} ~ ${f.person.name}/${f.person.company ?? '–'} (${f.score})`));
  console.log(`   false positives on contacts without a twin, e.g.: ${sample(wrong, 4).join('; ') || '–'}`);
  console.log(`   findLikelyDuplicates in inWorkspace: p50 ${ms(percentile(times, 50))} ms, p95 ${ms(percentile(times, 95))} ms, p99 ${ms(percentile(times, 99))} ms`);
}

// ---------------------------------------------------------------- main

/** What the daily sweep does for the workspace (platform/search/key-stats.ts) before the searches: a server's steady state. */
async function countCommonKeys(bench: Bench): Promise<void> {
  const { database, workspaceId } = bench;
  const [keys, countMs] = await elapsed(() =>
    inWorkspace(database.db, workspaceId, async (tx) => {
      await countWorkspaceSearchKeys(tx, workspaceId, searchProviders);
      return commonSearchKeys(tx, workspaceId);
    }),
  );
  console.log(`\nCommon search keys counted from a sample (the daily sweep) in ${(countMs / 1000).toFixed(1)} s: ${keys.get('contact')?.size ?? 0} contact keys`);
}

async function main(): Promise<void> {
  const bench = await openBench();
  const captured = EXPLAIN ? new Captured(URL!) : null;
  try {
    await countCommonKeys(bench);
    const results = await searchTimings(bench);
    if (captured) {
      for (const r of results) {
        console.log(`\n  EXPLAIN (ANALYZE, BUFFERS), slowest "${r.label}": ${JSON.stringify(r.slowest.q)} (${ms(r.slowest.ms)} ms)`);
        console.log(await explainSlowest(bench, captured, r.slowest.q));
      }
    }
    await duplicateQuality(bench);
  } finally {
    await captured?.pool.end();
    await bench.database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
