import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client.js';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { changeOrderStatus, createOrder } from '../sales/index.js';
import { queueDueValueRuns } from './value.routes.js';

// Five customers with orders worked by hand (figures in the comments), run through the job as of 2026-06-30.
let t: TestApp;
let admin: SignedIn;
let rep: SignedIn;
let other: SignedIn;
const ids: Record<string, string> = {};
const product: Record<string, string> = {};
let cancelledOrderId = '';

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, lang = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': lang }, ...(payload ? { payload } : {}) });
const asService = async <T>(who: SignedIn, fn: (tx: Tx, ctx: RequestContext) => Promise<T>) => {
  const ctx = (await contextOfMember(t.database, who.workspaceId, who.userId))!;
  return inWorkspace(t.database.db, who.workspaceId, (tx) => fn(tx, ctx));
};
const created = async (method: string, url: string, body: object, who = admin) => {
  const res = await call(method, url, body, who);
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
};
const runAnalysis = async (who = admin, referenceDate = '2026-06-30') => {
  const res = await call('POST', '/analytics/value/runs', { referenceDate }, who);
  expect(res.statusCode, res.body).toBe(202);
  const { jobId } = res.json() as { jobId: string };
  await t.app.jobs.run(who.workspaceId, jobId);
  return (await call('GET', `/jobs/${jobId}`, undefined, who)).json() as { state: string; progress: number; total: number; result: Record<string, number> };
};
const listed = async (query: string, who = admin) => {
  const res = await call('GET', `/analytics/customer-values?${query}`, undefined, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { data: { id: string; name: string; revenue: number; orders: number; abcTier: string; r: number; f: number; m: number; fm: number; segment: string; churnScore: number; churnReasons: { code: string; points: number }[]; lifetimeValue: number; ltvModel: string; probabilityAlive: number | null; expectedPurchases12m: number | null; recencyDays: number }[]; nextCursor: string | null };
};
const noon = (day: string) => `${day}T12:00:00Z`;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, '客户价值 Value Co');
  rep = await addMember(t.app, admin, 'sales');
  other = await signUpWorkspace(t.app, 'Other 别家');
  for (const name of ['tea', 'cups', '茶壶', 'coffee']) product[name] = await created('POST', '/products', { sku: `V-${name}-${process.pid}`, name });
  for (const name of ['Alpha 阿尔法', 'Beta', 'Gamma', 'Delta']) ids[name] = await created('POST', '/accounts', { name });
  ids.Eve = await created('POST', '/contacts', { name: 'Eve 伊芙' }, rep);
  const line = (name: string, unitPrice: number) => ({ productId: product[name]!, quantity: 1, unitPrice });
  await asService(admin, async (tx, ctx) => {
    const order = (accountId: string | null, day: string, lines: ReturnType<typeof line>[], contactId: string | null = null) =>
      createOrder(tx, ctx, { accountId, contactId, orderedAt: noon(day), status: 'confirmed', lines });
    // Alpha: 3 orders, 30,000. Beta: 2 orders, 60,000. Gamma: 1 order a year ago, 6,000.
    await order(ids['Alpha 阿尔法']!, '2026-01-10', [line('tea', 10000), line('cups', 5000)]);
    await order(ids['Alpha 阿尔法']!, '2026-03-10', [line('tea', 10000)]);
    await order(ids['Alpha 阿尔法']!, '2026-06-20', [line('cups', 5000)]);
    await order(ids.Beta!, '2026-02-01', [line('tea', 20000), line('cups', 10000)]);
    await order(ids.Beta!, '2026-06-01', [line('茶壶', 30000)]);
    await order(ids.Gamma!, '2025-07-15', [line('tea', 6000)]);
    // Delta: 5,000 (and a 9,000 order placed on 2026-05-05, cancelled today: see the last test).
    await order(ids.Delta!, '2026-05-01', [line('tea', 4000), line('cups', 1000)]);
    cancelledOrderId = (await order(ids.Delta!, '2026-05-05', [line('coffee', 9000)])).id;
    // Eve (a contact, the rep's): 500. After the reference date: left out.
    await order(null, '2026-06-25', [line('coffee', 500)], ids.Eve!);
    await order(ids.Beta!, '2026-07-02', [line('coffee', 99999)]);
  });
});
afterAll(() => t.close());

describe('before any run', () => {
  it('says nothing was computed yet, with an empty grid and list', async () => {
    expect((await call('GET', '/analytics/value', undefined, other)).json()).toEqual({ thresholds: { a: 0.8, b: 0.95 }, computedAt: null, summary: null });
    expect((await call('GET', '/analytics/rfm', undefined, other)).json()).toEqual({ data: [] });
    expect((await listed('', other)).data).toEqual([]);
  });
});

describe('a run over the order history', () => {
  beforeAll(async () => {
    const job = await runAnalysis();
    expect(job).toMatchObject({ state: 'succeeded', progress: 2, total: 2, result: { customers: 5, offers: 1 } });
  });

  it('values each customer: net revenue, orders, lifetime value', async () => {
    const { data } = await listed('sort=-revenue');
    expect(data.map((c) => [c.name, c.revenue, c.orders])).toEqual([
      ['Beta', 60000, 2],
      ['Alpha 阿尔法', 30000, 3],
      ['Delta', 14000, 2],
      ['Gamma', 6000, 1],
      ['Eve 伊芙', 500, 1],
    ]);
    // Alpha: AOV 10,000 × 3 orders over the 171.5 days since the first one, retention 0.5 (nobody bought two years ago), 10% discount, 3 years.
    const observed = (Date.parse('2026-06-30T23:59:59.999Z') - Date.parse(noon('2026-01-10'))) / 86_400_000;
    expect(data[1]!.lifetimeValue).toBe(Math.round(((10000 * 3 * 365) / observed) * (1 + 0.5 / 1.1 + (0.5 / 1.1) ** 2)));
    expect(data.map((c) => c.recencyDays)).toEqual([29, 10, 56, 350, 5]);
    // 5 customers, 3 of them repeat: too few for BG/NBD, so every value is the simple formula's and says so.
    expect(data.map((c) => [c.ltvModel, c.probabilityAlive, c.expectedPurchases12m])).toEqual(Array(5).fill(['simple', null, null]));
    expect((await call('GET', '/analytics/value')).json().summary.lifetimeValue).toEqual({ model: 'simple', repeatCustomers: 3 });
  });

  it('Pareto: 2 of 5 customers bring 80%; tiers A, A, B, B, C', async () => {
    const overview = (await call('GET', '/analytics/value')).json();
    // 110,500 in all; Beta + Alpha = 90,000 ≥ 88,400.
    expect(overview.summary).toMatchObject({ customers: 5, currency: 'CNY', retention: 0.5, pareto: { customers: 5, revenue: 110500, shareFor80: 0.4 } });
    expect(overview.summary.pareto.topShares[3]).toEqual({ customerShare: 0.2, revenueShare: 60000 / 110500 });
    expect(overview.summary.pareto.lorenz).toHaveLength(6);
    expect(overview.summary.tiers).toEqual({ A: { customers: 2, revenue: 90000 }, B: { customers: 2, revenue: 20000 }, C: { customers: 1, revenue: 500 } });
    expect((await listed('sort=-revenue')).data.map((c) => c.abcTier).join('')).toBe('AABBC');
  });

  it('RFM: scores by rank, segments from the grid, and the customers of one cell', async () => {
    const byName = Object.fromEntries((await listed('')).data.map((c) => [c.name, [c.r, c.f, c.m, c.fm, c.segment]]));
    expect(byName).toEqual({
      'Alpha 阿尔法': [4, 5, 4, 5, 'loyal'],
      Beta: [3, 3, 5, 4, 'loyal'],
      Gamma: [1, 1, 2, 2, 'hibernating'],
      Delta: [2, 3, 3, 3, 'atRisk'],
      'Eve 伊芙': [5, 1, 1, 1, 'new'],
    });
    const grid = (await call('GET', '/analytics/rfm')).json().data as { r: number; fm: number; customers: number; segment: string }[];
    expect(grid.map((c) => `${c.r}${c.fm}:${c.customers}`).sort()).toEqual(['12:1', '23:1', '34:1', '45:1', '51:1']);
    const cell = await listed('filter=r:eq:4&filter=fm:eq:5');
    expect(cell.data.map((c) => c.name)).toEqual(['Alpha 阿尔法']);
    expect((await listed('filter=segment:eq:hibernating')).data.map((c) => c.name)).toEqual(['Gamma']);
    // Paged: one at a time through tier B, largest first.
    const first = await listed('filter=abcTier:eq:B&limit=1');
    expect(first.data.map((c) => c.name)).toEqual(['Delta']);
    const second = await listed(`filter=abcTier:eq:B&limit=1&cursor=${first.nextCursor}`);
    expect(second.data.map((c) => c.name)).toEqual(['Gamma']);
    expect(second.nextCursor).toBeNull();
    expect((await call('GET', '/analytics/customer-values?filter=nope:eq:1')).statusCode).toBe(400);
  });

  it('next best offer with its evidence, on the 360 view too', async () => {
    const res = await call('GET', `/analytics/accounts/${ids.Gamma}`);
    expect(res.statusCode, res.body).toBe(200);
    // Tea: 4 buyers, 3 of them bought cups (75%); cups: 3 of 5 customers → lift 1.25.
    expect(res.json().offers).toEqual([{ rank: 1, productId: product.cups, productName: 'cups', becauseProductId: product.tea, becauseProductName: 'tea', together: 3, confidence: 0.75, lift: 1.25 }]);
    expect((await call('GET', `/analytics/accounts/${ids.Beta}`)).json().offers).toEqual([]);
    const overview = (await call('GET', `/accounts/${ids.Gamma}/overview`)).json();
    expect(overview.figures).toContainEqual({ key: 'churnScore', value: 50, format: 'count' });
    expect(overview.panels.find((p: { key: string }) => p.key === 'customerValue')).toMatchObject({ total: 1, items: [{ id: product.cups, title: 'cups', subtitle: 'tea' }] });
  });

  it('churn risk with reasons; the at-risk list makes tasks for the owners', async () => {
    const atRisk = await listed('sort=-churnScore&filter=churnScore:gt:0');
    // Gamma: one order 350 days ago, nobody is overdue before 90 days: (350 / 90 − 1) × 20 = 57.8, at most 50.
    // Delta: 2 orders 4 days apart (usual gap at least 30 days), 56 days since: (56 / 30 − 1) × 20 = 17.3.
    expect(atRisk.data.map((c) => [c.name, c.churnScore, c.churnReasons.map((r) => r.code)])).toEqual([
      ['Gamma', 50, ['overdue']],
      ['Delta', 17, ['overdue']],
    ]);
    const res = await call('POST', '/analytics/churn/tasks', { items: [{ customerType: 'account', customerId: ids.Gamma, title: 'Call Gamma back 回访', notes: 'No order for 350 days' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ succeeded: 1, failed: 0 });
    const task = (await call('GET', `/tasks/${res.json().results[0].id}`)).json();
    expect(task).toMatchObject({ title: 'Call Gamma back 回访', recordType: 'account', recordId: ids.Gamma, ownerId: admin.userId, priority: 'normal' });
    // The rep cannot see Gamma: the item fails alone, as a 404.
    const refused = await call('POST', '/analytics/churn/tasks', { items: [{ customerType: 'account', customerId: ids.Gamma, title: 'x' }] }, rep);
    expect(refused.json()).toMatchObject({ succeeded: 0, failed: 1, results: [{ status: 404 }] });
  });

  it("a rep sees only the customers they may read; other workspaces see nothing", async () => {
    expect((await listed('', rep)).data.map((c) => c.name)).toEqual(['Eve 伊芙']);
    expect((await call('GET', `/analytics/accounts/${ids['Alpha 阿尔法']}`, undefined, rep)).statusCode).toBe(404);
    expect((await call('GET', `/analytics/accounts/${ids.Gamma}`, undefined, other)).statusCode).toBe(404);
    expect((await listed('', other)).data).toEqual([]);
    expect((await call('POST', '/analytics/value/runs', {}, rep)).statusCode).toBe(403);
  });

  it('thresholds: validated, admins and managers only, applied by the next run', async () => {
    expect((await call('PUT', '/analytics/value/thresholds', { a: 0.9, b: 0.8 })).statusCode).toBe(400);
    expect((await call('PUT', '/analytics/value/thresholds', { a: 0.5, b: 0.9, extra: 1 })).statusCode).toBe(400);
    expect((await call('PUT', '/analytics/value/thresholds', { a: 0.5, b: 0.9 }, rep)).statusCode).toBe(403);
    expect((await call('PUT', '/analytics/value/thresholds', { a: 0.5, b: 0.9 })).json().thresholds).toEqual({ a: 0.5, b: 0.9 });
    await runAnalysis();
    // Before Alpha 54.3% ≥ 50% → B; before Delta 81.4% < 90% → B; before Gamma 94.1% → C.
    expect((await listed('sort=-revenue')).data.map((c) => c.abcTier).join('')).toBe('ABBCC');
  });

  it('the schedule skips a workspace whose run is fresh, and one without purchases', async () => {
    expect(await queueDueValueRuns(t.database, t.app.jobs, admin.workspaceId)).toEqual([]);
    expect(await queueDueValueRuns(t.database, t.app.jobs, other.workspaceId)).toEqual([]);
  });

  it('a cancellation counts from the day it happened: as of today the cancelled order is neither revenue, nor an order, nor a product owned', async () => {
    const delta = async () => (await listed('filter=customerType:eq:account')).data.find((c) => c.name === 'Delta')!;
    // As of 2026-06-30 the order was still good (it was cancelled today).
    expect(await delta()).toMatchObject({ revenue: 14000, orders: 2 });
    await asService(admin, (tx, ctx) => changeOrderStatus(tx, ctx, cancelledOrderId, 'cancelled'));
    await runAnalysis(admin, new Date().toISOString().slice(0, 10));
    expect(await delta()).toMatchObject({ revenue: 5000, orders: 1 });
  });
});
