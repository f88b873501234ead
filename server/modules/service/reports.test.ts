import { sql } from 'drizzle-orm';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../db/transaction.js';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
const ids: Record<string, string> = {};
let types: Record<string, string>;
let product: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, '服务报表测试公司');
  types = Object.fromEntries(((await call('GET', '/case-types')).json().data as { id: string; key: string }[]).map((c) => [c.key, c.id]));
  product = (await call('POST', '/products', { sku: 'AC-1', name: '空调 KFR-35' })).json().id;
  await fixture();
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'zh-CN' }, ...(payload ? { payload } : {}) });
const at = (local: string) => new Date(`${local}+08:00`);
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

/**
 * Five cases, their times set by hand (Asia/Shanghai, the workspace's zone) around the week of Monday 2 March 2026:
 * - A repair/phone/air conditioner, 2 Mar 10:00: answered after 30 min, resolved after 120 (business: 30 and 120).
 * - B inquiry/email, 3 Mar 09:00: answered after 90 min (business 45, breached), resolved 14:00, reopened 4 Mar 09:00.
 * - C repair/phone/air conditioner, 4 Mar 12:00: never answered, still new.
 * - D inquiry/web, 10 Mar: after the week, open.  E other/phone, 1 Mar: before it, resolved 5 Mar 10:00.
 */
async function fixture() {
  const make = async (key: string, body: object) => {
    const res = await call('POST', '/cases', { subject: `报表工单 ${key}`, ...body });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  await make('A', { channel: 'phone', typeId: types.repair, productId: product });
  await make('B', { channel: 'email', typeId: types.inquiry });
  await make('C', { channel: 'phone', typeId: types.repair, productId: product });
  await make('D', { channel: 'web', typeId: types.inquiry });
  await make('E', { channel: 'phone', typeId: types.other });
  const A = at('2026-03-02T10:00:00'), B = at('2026-03-03T09:00:00'), C = at('2026-03-04T12:00:00'), D = at('2026-03-10T09:00:00'), E = at('2026-03-01T10:00:00');
  const cases = {
    A: { created: A, status: 'resolved', firstResponse: plus(A, 30), resolved: plus(A, 120), reopens: 0, history: [[null, 'new', A], ['new', 'open', plus(A, 30)], ['open', 'resolved', plus(A, 120)]] },
    B: { created: B, status: 'open', firstResponse: plus(B, 90), resolved: null, reopens: 1, history: [[null, 'new', B], ['new', 'resolved', plus(B, 300)], ['resolved', 'open', at('2026-03-04T09:00:00')]] },
    C: { created: C, status: 'new', firstResponse: null, resolved: null, reopens: 0, history: [[null, 'new', C]] },
    D: { created: D, status: 'open', firstResponse: plus(D, 10), resolved: null, reopens: 0, history: [[null, 'new', D], ['new', 'open', plus(D, 10)]] },
    E: { created: E, status: 'resolved', firstResponse: plus(E, 5), resolved: at('2026-03-05T10:00:00'), reopens: 0, history: [[null, 'new', E], ['new', 'resolved', at('2026-03-05T10:00:00')]] },
  } as const;
  await asSystem(t.app.database.db, async (tx) => {
    for (const [key, c] of Object.entries(cases)) {
      const id = ids[key]!;
      await tx.execute(sql`update cases set created_at = ${c.created}, status = ${c.status}, first_response_at = ${c.firstResponse}, resolved_at = ${c.resolved}, reopen_count = ${c.reopens} where workspace_id = ${admin.workspaceId} and id = ${id}`);
      await tx.execute(sql`delete from case_status_changes where workspace_id = ${admin.workspaceId} and case_id = ${id}`);
      await tx.execute(sql`delete from case_sla_clocks where workspace_id = ${admin.workspaceId} and case_id = ${id}`);
      for (const [from, to, when] of c.history) {
        await tx.execute(sql`insert into case_status_changes (workspace_id, id, case_id, from_status, to_status, changed_at) values (${admin.workspaceId}, gen_random_uuid(), ${id}, ${from}, ${to}, ${when})`);
      }
    }
    const clock = (key: string, metric: string, minutes: number, breached: boolean) => {
      const started = cases[key as keyof typeof cases].created;
      return tx.execute(sql`insert into case_sla_clocks (workspace_id, case_id, metric, cycle, policy_id, target_minutes, started_at, due_at, stopped_at, elapsed_minutes, breached, computed_at)
        values (${admin.workspaceId}, ${ids[key]}, ${metric}, 0, gen_random_uuid(), 60, ${started}, ${plus(started, 60)}, ${plus(started, minutes)}, ${minutes}, ${breached}, now())`);
    };
    await clock('A', 'first_response', 30, false);
    await clock('A', 'resolution', 120, false);
    await clock('B', 'first_response', 45, true);
  });
}

const report = (from: string, to: string, groupBy = 'day') => call('GET', `/service/reports?from=${encodeURIComponent(at(from).toISOString())}&to=${encodeURIComponent(at(to).toISOString())}&groupBy=${groupBy}`);

describe('service reports', () => {
  it('counts the week’s cases by type, channel, product and day, with durations, backlog and SLA as computed by hand', async () => {
    const res = await report('2026-03-02T00:00:00', '2026-03-09T00:00:00');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.volume).toEqual({
      type: [{ key: types.repair, count: 2 }, { key: types.inquiry, count: 1 }],
      channel: [{ key: 'phone', count: 2 }, { key: 'email', count: 1 }],
      product: [{ key: product, count: 2 }, { key: null, count: 1 }],
    });
    expect(r.labels).toMatchObject({ [types.repair!]: '维修', [types.inquiry!]: '咨询', [product]: '空调 KFR-35' });
    // Open at each day's end: E throughout until 5 Mar; A resolved the day it came; B resolved on the 3rd, reopened the 4th; C open from the 4th.
    expect(r.series).toEqual([
      { period: '2026-03-02', created: 1, backlog: 1 },
      { period: '2026-03-03', created: 1, backlog: 1 },
      { period: '2026-03-04', created: 1, backlog: 3 },
      { period: '2026-03-05', created: 0, backlog: 2 },
      { period: '2026-03-06', created: 0, backlog: 2 },
      { period: '2026-03-07', created: 0, backlog: 2 },
      { period: '2026-03-08', created: 0, backlog: 2 },
    ]);
    expect(r.backlogNow).toBe(3);
    expect(r.backlogByAge).toEqual([
      { bucket: 'lt1d', count: 0 },
      { bucket: 'd1to3', count: 0 },
      { bucket: 'd3to7', count: 0 },
      { bucket: 'd7to30', count: 0 },
      { bucket: 'gt30d', count: 3 },
    ]);
    const all = r.times.find((x: { dimension: string }) => x.dimension === 'all');
    // First responses 30 and 90 (C none): median 60, P90 30 + 0.9 × 60 = 84. Only A is resolved now (B was reopened).
    expect(all).toEqual({
      dimension: 'all', key: null, cases: 3, responded: 2, resolved: 1,
      firstResponseMedian: 60, firstResponseP90: 84, resolutionMedian: 120, resolutionP90: 120,
      firstResponseBusinessMedian: 38, firstResponseBusinessP90: 44, resolutionBusinessMedian: 120, resolutionBusinessP90: 120,
    });
    const phone = r.times.find((x: { dimension: string; key: string }) => x.dimension === 'channel' && x.key === 'phone');
    expect(phone).toMatchObject({ cases: 2, responded: 1, firstResponseMedian: 30, resolutionMedian: 120 });
    expect(r.sla).toEqual([
      expect.objectContaining({ metric: 'first_response', total: 2, met: 1, breached: 1, attainment: 0.5 }),
      expect.objectContaining({ metric: 'resolution', total: 1, met: 1, breached: 0, attainment: 1 }),
    ]);
    expect(r.satisfaction).toEqual({ agent: [], station: [], product: [] });
  });

  it('sums a month as one interval and gives an empty period zeros, not gaps', async () => {
    const month = (await report('2026-03-01T00:00:00', '2026-04-01T00:00:00', 'month')).json();
    expect(month.series).toEqual([{ period: '2026-03-01', created: 5, backlog: 3 }]);
    const empty = await report('2025-01-06T00:00:00', '2025-01-13T00:00:00', 'week');
    expect(empty.statusCode).toBe(200);
    const e = empty.json();
    expect(e.volume).toEqual({ type: [], channel: [], product: [] });
    expect(e.series).toEqual([{ period: '2025-01-06', created: 0, backlog: 0 }]);
    expect(e.times).toEqual([expect.objectContaining({ dimension: 'all', cases: 0, responded: 0, firstResponseMedian: null, resolutionMedian: null })]);
  });

  it('feeds the standard service dashboard: SLA, response times and the weekly backlog of its period', async () => {
    const tile = async (builtin: string) => {
      const res = await call('POST', '/dashboards/tiles/run', { builtin, chart: null, filters: { period: 'custom', from: '2026-03-02', to: '2026-03-08' } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().result as { rows: Record<string, unknown>[] };
    };
    expect((await tile('service.sla')).rows).toEqual([{ m0: 50 }]);
    expect((await tile('service.responseTimes')).rows).toEqual([{ m0: 1, m1: 2 }]);
    expect((await tile('service.satisfaction')).rows).toEqual([{ m0: null }]);
    expect((await tile('service.backlog')).rows).toEqual([{ g0: '2026-03-02', m0: 3, m1: 2 }]);
  });

  it('refuses a period that ends before it starts, or an unknown interval', async () => {
    expect((await report('2026-03-09T00:00:00', '2026-03-02T00:00:00')).json().errors[0].field).toBe('to');
    expect((await report('2026-03-02T00:00:00', '2026-03-09T00:00:00', 'year')).statusCode).toBe(400);
    expect((await call('GET', '/service/reports?from=yesterday&to=today')).statusCode).toBe(400);
  });
});
