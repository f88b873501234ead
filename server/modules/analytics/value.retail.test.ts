import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

// The UCI Online Retail subset (test/fixtures/datasets/online-retail) loaded through the product's own order
// import, then analysed as of 2011-12-10, the day after the last invoice. Every figure below was computed by
// test/fixtures/datasets/online-retail/value_figures.py from the CSV alone (`cd` there, `python3 value_figures.py`).
const SUBSET = readFileSync(new URL('../../../test/fixtures/datasets/online-retail/online_retail_subset.csv.gz', import.meta.url));

let t: TestApp;
let admin: SignedIn;
let job: { state: string; result: { customers: number; rules: number; offers: number } };
const call = (method: string, url: string, payload?: object) => t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: admin.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
const runJob = async (res: Awaited<ReturnType<typeof call>>) => {
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.run(admin.workspaceId, res.json().jobId);
  return (await call('GET', `/jobs/${res.json().jobId}`)).json();
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, 'Online Retail 价值');
  expect((await call('PATCH', '/workspace', { defaultCurrency: 'GBP' })).statusCode).toBe(200);
  expect((await runJob(await call('POST', '/orders/import', { content: SUBSET.toString('base64'), currency: 'GBP', timeZone: 'Europe/London' }))).state).toBe('succeeded');
  job = await runJob(await call('POST', '/analytics/value/runs', { referenceDate: '2011-12-10' }));
}, 600_000);
afterAll(() => t.close());

describe('customer value of the Online Retail subset', () => {
  it('the run succeeded over every customer who bought', () => {
    expect(job.state).toBe('succeeded');
    expect(job.result.customers).toBe(193);
  });

  it('Pareto: 71 of the 192 customers with positive revenue bring 80% of it; tiers 71 / 59 / 63', async () => {
    const { summary } = (await call('GET', '/analytics/value')).json();
    expect(summary.pareto).toMatchObject({ customers: 192, revenue: 24658561, shareFor80: 71 / 192 });
    expect(summary.pareto.topShares[3].revenueShare).toBeCloseTo(15209016 / 24658561, 12);
    expect(Object.fromEntries(Object.entries(summary.tiers as Record<string, { customers: number }>).map(([tier, v]) => [tier, v.customers]))).toEqual({ A: 71, B: 59, C: 63 });
  });

  it('value: the top customer, 12540, with 13,309.04 net over 17 orders, last 20 days before', async () => {
    const [top] = (await call('GET', '/analytics/customer-values?sort=-revenue&limit=1')).json().data;
    expect(top).toMatchObject({ name: 'Customer 12540', revenue: 1330904, orders: 17, recencyDays: 20, abcTier: 'A' });
  });

  it('lifetime value: BG/NBD + Gamma-Gamma fitted (enough repeat customers), P(alive) and next-year purchases on each row', async () => {
    const { summary } = (await call('GET', '/analytics/value')).json();
    // docs/analytics.md: in this data the fit finds no dropout (a → 0, b large): P(alive) ≈ 1 for everyone.
    expect(summary.lifetimeValue).toMatchObject({ model: 'bgnbd', repeatCustomers: 124 });
    expect(summary.lifetimeValue.bgnbd.r).toBeCloseTo(1.06, 2);
    expect(summary.lifetimeValue.bgnbd.alpha).toBeCloseTo(93.7, 0);
    expect(summary.lifetimeValue.bgnbd.a / summary.lifetimeValue.bgnbd.b).toBeLessThan(1e-6);
    expect(Math.abs(summary.lifetimeValue.frequencySpendCorrelation)).toBeLessThan(0.1);
    const [top] = (await call('GET', '/analytics/customer-values?sort=-revenue&limit=1')).json().data;
    expect(top).toMatchObject({ name: 'Customer 12540', ltvModel: 'bgnbd' });
    expect(top.probabilityAlive).toBeCloseTo(1, 6);
    // 17 orders on 16 days in 362 days: (r + x) / (α + T) × 365 ≈ 13.7 purchase days a year.
    expect(top.expectedPurchases12m).toBeCloseTo(13.67, 1);
    expect(top.lifetimeValue).toBeGreaterThan(top.averageOrderValue * top.expectedPurchases12m);
    const lowest = (await call('GET', '/analytics/customer-values?sort=probabilityAlive&limit=1')).json().data[0];
    expect(lowest.probabilityAlive).toBeGreaterThan(0.99);
  });

  it('RFM: the customers of every R × FM cell', async () => {
    const grid = (await call('GET', '/analytics/rfm')).json().data as { r: number; fm: number; customers: number }[];
    expect(grid.map((c) => `${c.r}${c.fm}:${c.customers}`).sort()).toEqual(['11:15', '12:18', '13:3', '14:3', '21:6', '22:11', '23:7', '24:11', '25:4', '31:4', '32:12', '33:5', '34:9', '35:11', '41:6', '42:7', '43:5', '44:6', '45:12', '52:4', '53:7', '54:11', '55:16']);
  });

  it('propensity: the association rules kept (lift above 1, two or more common buyers, 25 per product)', () => {
    expect(job.result.rules).toBe(35918);
    expect(job.result.offers).toBeGreaterThan(0);
  });
});
