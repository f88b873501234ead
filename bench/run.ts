/**
 * `npm run bench`: figures for the embedded database, each beside a raw baseline. Not a test.
 *
 *  (a) start-up: a fresh data directory (first start seeds the demo) and the same directory again;
 *  (b) authenticated `GET /api/v1/contacts?limit=20` beside the bare `GET /healthz` of the same server;
 *  (c) with BENCH_CONTACTS contacts generated (default 100000; 0 skips): first page, a deep keyset page,
 *      filters, and a walk through every page.
 *
 * Env: BENCH_CONTACTS, BENCH_SECONDS (per load run, default 5), BENCH_CONNECTIONS (default 10),
 * BENCH_LOG_LEVEL (server log level, default warn: the logger is not what we measure), BENCH_ANALYZE=1
 * (run ANALYZE after generating: the embedded database has no autovacuum, so otherwise the planner has
 * no statistics for the generated rows — which is how the product runs today).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../server/db/client.js';
import { DEMO_LOGIN } from '../server/db/demo-data.js';
import { COMPANIES, demoWorkspaceId, generateContacts } from './generate.js';

// autocannon ships no types; this is the part of its result we read.
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
const ANALYZE = process.env.BENCH_ANALYZE === '1';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

function table(title: string, head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => [...r[i]!].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
  const pad = (s: string, w: number, right: boolean) => {
    const len = [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    return right ? ' '.repeat(w - len) + s : s + ' '.repeat(w - len);
  };
  const line = (r: string[]) => `  ${r.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ')}`;
  console.log(`\n${title}\n${line(head)}\n  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of cells.slice(1)) console.log(line(r));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Servers still running, stopped on the way out even when the bench fails. */
const running = new Set<ChildProcess>();

interface Server {
  child: ChildProcess;
  base: string;
  /** Spawn → first 200 from /readyz. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Starts `server/main.ts` on `dataDir` and waits until /readyz answers 200. */
async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _url, ...env } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...env, GUANXI_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', GUANXI_DEMO: 'true', LOG_LEVEL: LOG_LEVEL },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const keep = (c: Buffer) => (output = (output + c.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => (running.delete(child), resolve())));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 180_000) throw new Error(`server not ready after 180 s:\n${output}`);
    await sleep(20);
  }
  const readyMs = performance.now() - started;
  return {
    child,
    base,
    readyMs,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_LOGIN) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('guanxi_session='));
  if (!cookie) throw new Error('sign-in gave no session cookie');
  return cookie.split(';')[0]!;
}

interface Load {
  label: string;
  result: AutocannonResult;
}

/** One load run; checks first that the route answers 200, so that we never time error pages. */
async function load(label: string, url: string, cookie?: string): Promise<Load> {
  const headers = cookie ? { cookie } : undefined;
  const probe = await fetch(url, { headers });
  if (probe.status !== 200) throw new Error(`${label}: ${url} answered ${probe.status} ${await probe.text()}`);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  if (result.non2xx || result.errors || result.timeouts) {
    console.warn(`  ! ${label}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { label, result };
}

function loadTable(title: string, runs: Load[], baseline: Load): void {
  table(
    title,
    ['route', 'req/s', 'p50', 'p99', 'vs /healthz'],
    runs.map(({ label, result }) => [
      label,
      Math.round(result.requests.average),
      `${result.latency.p50} ms`,
      `${result.latency.p99} ms`,
      `${((result.requests.average / baseline.result.requests.average) * 100).toFixed(1)} %`,
    ]),
  );
}

interface Page {
  data: unknown[];
  nextCursor: string | null;
}

/** Walks every page of `url` (limit 200): the cursor about 90 % deep, pages walked, and per-page latency. */
async function walk(url: string, cookie: string): Promise<{ deepCursor: string | null; rows: number; pages: number; ms: number[] }> {
  const ms: number[] = [];
  const cursors: string[] = [];
  let rows = 0;
  let cursor: string | null = null;
  do {
    const started = performance.now();
    const res = await fetch(`${url}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`paging ${url}: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as Page;
    ms.push(performance.now() - started);
    rows += page.data.length;
    cursor = page.nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor);
  return { deepCursor: cursors[Math.floor(cursors.length * 0.9)] ?? null, rows, pages: ms.length, ms };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-bench-'));
  const dataDir = path.join(tmp, 'data');
  console.log(`Guanxi bench — ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, Node ${process.version}, embedded database in ${dataDir}`);
  console.log(`load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per route; server LOG_LEVEL=${LOG_LEVEL}`);
  try {
    // (a) start-up
    const cold = await startServer(dataDir);
    await cold.stop();
    const warm = await startServer(dataDir);
    table('Start-up (spawn → /readyz 200)', ['start', 'time'], [
      ['cold: fresh data dir, migrations + demo seed', fmtMs(cold.readyMs)],
      ['warm: same data dir again', fmtMs(warm.readyMs)],
    ]);

    // (b) an authenticated list beside the bare route, on the demo data
    let cookie = await signIn(warm.base);
    const healthz = await load('GET /healthz (constant JSON)', `${warm.base}/healthz`);
    const list = await load('GET /api/v1/contacts?limit=20', `${warm.base}/api/v1/contacts?limit=20`, cookie);
    loadTable('Requests (demo data: 16 contacts)', [healthz, list], healthz);
    await warm.stop();

    if (CONTACTS <= 0) return;

    // (c) volume: the server holds the embedded database, so generate while it is stopped
    const database = await openPglite(dataDir);
    const workspaceId = await demoWorkspaceId(database);
    if (!workspaceId) throw new Error('no demo workspace after the first start');
    const genMs = await generateContacts(database, workspaceId, CONTACTS);
    if (ANALYZE) await database.raw.exec('analyze');
    await database.close();

    const big = await startServer(dataDir);
    cookie = await signIn(big.base);
    const api = `${big.base}/api/v1/contacts`;
    const company = COMPANIES[0]!;
    const filter = `filter=${encodeURIComponent(`company:contains:${company}`)}`;
    const all = await walk(`${api}?sort=-createdAt`, cookie);
    const filtered = await walk(`${api}?${filter}`, cookie);
    table(`Volume: ${CONTACTS} contacts generated${ANALYZE ? ', then ANALYZE' : ' (no ANALYZE: planner without statistics)'}`, ['step', 'result'], [
      ['insert (batches of 1000)', `${fmtMs(genMs)} (${Math.round(CONTACTS / (genMs / 1000))} rows/s)`],
      ['start with this data (spawn → /readyz)', fmtMs(big.readyMs)],
      [`walk every page, limit 200: ${all.pages} pages, ${all.rows} rows`, `p50 ${fmtMs(percentile(all.ms, 50))}, p99 ${fmtMs(percentile(all.ms, 99))}, total ${fmtMs(all.ms.reduce((a, b) => a + b, 0))}`],
      [`same, filter company contains ${company}: ${filtered.pages} pages, ${filtered.rows} rows`, `p50 ${fmtMs(percentile(filtered.ms, 50))}, p99 ${fmtMs(percentile(filtered.ms, 99))}`],
    ]);

    const baseline = await load('GET /healthz (constant JSON)', `${big.base}/healthz`);
    const runs = [
      await load('contacts?limit=20 (first page)', `${api}?limit=20`, cookie),
      await load('contacts?limit=20, cursor 90 % deep', `${api}?limit=20&cursor=${encodeURIComponent(all.deepCursor ?? '')}`, cookie),
      await load(`contacts?limit=20, ${decodeURIComponent(filter)}`, `${api}?limit=20&${filter}`, cookie),
      await load('  … same filter, cursor 90 % deep', `${api}?limit=20&${filter}&cursor=${encodeURIComponent(filtered.deepCursor ?? '')}`, cookie),
      await load('contacts?limit=20, filter=email:eq:… (no index)', `${api}?limit=20&filter=${encodeURIComponent(`email:eq:contact.${Math.floor(CONTACTS / 2)}@example.cn`)}`, cookie),
      await load('contacts?limit=20&sort=name, cursor 90 % deep', `${api}?limit=20&sort=name&cursor=${encodeURIComponent((await walk(`${api}?sort=name`, cookie)).deepCursor ?? '')}`, cookie),
    ];
    loadTable(`Requests (${CONTACTS} contacts${ANALYZE ? ', analyzed' : ', not analyzed'})`, [baseline, ...runs], baseline);
    await big.stop();
  } finally {
    for (const child of running) child.kill('SIGKILL');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
