/**
 * `npm run bench:screen-pop`: how long an incoming call takes to pop on an agent's screen. A server is
 * started on a free port (embedded database in memory, or DATABASE_URL's server: then the pop goes through
 * LISTEN/NOTIFY), an agent's page is a WebSocket on /api/v1/realtime, and BENCH_CALLS `ringing` events are
 * posted one after the other to POST /api/v1/calls/events (half for numbers of known contacts among
 * BENCH_POP_CONTACTS, half unknown). Measured: POST sent → the `call.ringing` message at the client, and
 * → the HTTP answer; beside the bare WebSocket round trip (ping → pong) and a bare GET /healthz.
 * Target: pop p95 ≤ 300 ms. Not a test: it fails only when something cannot run.
 */
import WebSocket from 'ws';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { ms, percentile, table } from './pg-people.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const CONTACTS = Number(process.env.BENCH_POP_CONTACTS ?? 1000);
const WARMUP = 20;
const TARGET_P95_MS = 300;

const phoneOf = (i: number) => `+86139${String(10_000_000 + i).slice(-8)}`;

async function main(): Promise<void> {
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
  await runMigrations(database);
  const config = loadConfig({ ...process.env, GUANXI_DATA_DIR: `.tmp/bench-screen-pop-${process.pid}`, LOG_LEVEL: 'warn', GUANXI_DEMO: 'false', HOST: '127.0.0.1', PORT: '0' });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const signUp = await fetch(`${base}/api/v1/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceName: 'Bench 来电', name: 'Agent 坐席', email: `bench.${process.pid}@bench.guanxi.dev`, password: 'bench password 1' }),
    });
    if (signUp.status !== 201) throw new Error(`sign-up answered ${signUp.status}: ${await signUp.text()}`);
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const headers = { cookie, 'content-type': 'application/json' };
    for (let from = 0; from < CONTACTS; from += 1000) {
      const items = Array.from({ length: Math.min(1000, CONTACTS - from) }, (_, k) => ({ name: `来电客户 ${from + k}`, company: `公司 ${(from + k) % 97}`, phone: phoneOf(from + k) }));
      const res = await fetch(`${base}/api/v1/contacts/bulk`, { method: 'POST', headers, body: JSON.stringify({ items }) });
      if (!res.ok) throw new Error(`creating contacts answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }

    const socket = new WebSocket(`${base.replace('http', 'ws')}/api/v1/realtime`, { headers: { cookie } });
    const waiting = new Map<string, () => void>();
    await new Promise<void>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('message', (data) => {
        const event = JSON.parse(String(data)) as { type: string; callId?: string };
        if (event.type === 'hello') resolve();
        if (event.type === 'call.ringing' && event.callId) waiting.get(event.callId)?.();
      });
    });

    const pop: number[] = [];
    const answer: number[] = [];
    for (let i = 0; i < WARMUP + CALLS; i++) {
      const callId = `bench-${i}`;
      const customerNumber = i % 2 === 0 ? phoneOf(i % Math.max(1, CONTACTS)) : `021${String(60_000_000 + i)}`;
      const started = performance.now();
      const popped = new Promise<number>((resolve) => waiting.set(callId, () => resolve(performance.now())));
      const res = await fetch(`${base}/api/v1/calls/events`, { method: 'POST', headers, body: JSON.stringify({ event: 'ringing', callId, direction: 'inbound', customerNumber }) });
      const answered = performance.now();
      if (res.status !== 200) throw new Error(`the ringing event answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      const at = await popped;
      waiting.delete(callId);
      if (i < WARMUP) continue;
      pop.push(at - started);
      answer.push(answered - started);
    }

    const pingPong: number[] = [];
    for (let i = 0; i < WARMUP + CALLS; i++) {
      const started = performance.now();
      await new Promise<void>((resolve) => {
        socket.once('pong', () => resolve());
        socket.ping();
      });
      if (i >= WARMUP) pingPong.push(performance.now() - started);
    }
    const health: number[] = [];
    for (let i = 0; i < WARMUP + CALLS; i++) {
      const started = performance.now();
      await (await fetch(`${base}/healthz`)).arrayBuffer();
      if (i >= WARMUP) health.push(performance.now() - started);
    }
    socket.close();

    const rows = (label: string, v: number[]) => [label, ms(percentile(v, 50)), ms(percentile(v, 95)), ms(percentile(v, 99)), ms(Math.max(...v))];
    table(`Screen pop, ${CALLS} ringing events one after another, ${CONTACTS} contacts, ${database.kind} (ms)`, ['measure', 'p50', 'p95', 'p99', 'max'], [
      rows('POST ringing → call.ringing at the client', pop),
      rows('POST ringing → HTTP answer', answer),
      rows('bare WebSocket ping → pong', pingPong),
      rows('bare GET /healthz', health),
    ]);
    const p95 = percentile(pop, 95);
    console.log(`\ntarget: pop p95 ≤ ${TARGET_P95_MS} ms — ${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'} (${ms(p95)} ms)`);
  } finally {
    await app.close();
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
