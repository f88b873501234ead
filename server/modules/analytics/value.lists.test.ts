import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { inWorkspace } from '../../db/transaction.js';
import { customerValues } from './value.tables.js';

// Customer value as fields of the accounts and contacts lists (platform list extensions): filter, sort with
// customers who never bought, keyset paging, export, reports, saved views — and never another workspace's rows.
let t: TestApp;
let admin: SignedIn;
let other: SignedIn;
const ids: Record<string, string> = {};

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, lang = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': lang }, ...(payload ? { payload } : {}) });
type Row = { id: string; name: string; tier: string | null; computed: Record<string, string | number | null> };
const page = async (query: string, who = admin, path = '/accounts') => {
  const res = await call('GET', `${path}?${query}`, undefined, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { data: Row[]; nextCursor: string | null };
};
const names = async (query: string) => (await page(query)).data.map((r) => r.name);
/** Every row of a list, two at a time through the cursor. */
async function walk(query: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const p = await page(`${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...p.data.map((r) => r.name));
    cursor = p.nextCursor;
  } while (cursor);
  return seen;
}

// name → tier, churn, revenue (minor units), last purchase; null: never bought.
const VALUES: Record<string, [string, number, number, string] | null> = {
  'Alpha 阿尔法': ['A', 10, 900_000, '2026-06-20'],
  Beta: ['A', 70, 500_000, '2026-03-01'],
  Gamma: ['B', 60, 120_000, '2025-12-24'],
  Delta: ['C', 85, 2_000, '2025-07-15'],
  Epsilon: ['C', 10, 1_500, '2026-01-05'],
  'Zeta 未购买': null,
  Eta: null,
};

function valueRow(workspaceId: string, customerType: 'account' | 'contact', customerId: string, [tier, churn, revenue, last]: [string, number, number, string]) {
  const at = new Date(`${last}T08:00:00Z`);
  return {
    workspaceId, customerType, customerId, currency: 'CNY', revenue, orders: 2, firstPurchaseAt: at, lastPurchaseAt: at, averageOrderValue: Math.round(revenue / 2), ordersPerYear: 2,
    lifetimeValue: revenue * 3, abcTier: tier as 'A', recencyDays: 10, r: 3, f: 3, m: 3, fm: 3, segment: tier === 'A' ? ('champions' as const) : ('atRisk' as const),
    churnScore: churn, churnReasons: [], computedAt: new Date(),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, '价值列表 Value lists');
  other = await signUpWorkspace(t.app, 'Other 别家');
  for (const name of Object.keys(VALUES)) {
    const res = await call('POST', '/accounts', { name });
    ids[name] = (res.json() as { id: string }).id;
  }
  const contact = await call('POST', '/contacts', { name: 'Eve 伊芙' });
  ids.Eve = (contact.json() as { id: string }).id;
  await inWorkspace(t.database.db, admin.workspaceId, (tx) =>
    tx.insert(customerValues).values([
      ...Object.entries(VALUES).flatMap(([name, v]) => (v ? [valueRow(admin.workspaceId, 'account', ids[name]!, v)] : [])),
      valueRow(admin.workspaceId, 'contact', ids.Eve!, ['B', 40, 7_000, '2026-05-01']),
    ]),
  );
  // Another workspace's row under the id of one of ours that never bought: it must never show.
  await inWorkspace(t.database.db, other.workspaceId, (tx) => tx.insert(customerValues).values(valueRow(other.workspaceId, 'account', ids.Eta!, ['A', 99, 1, '2026-06-01'])));
});
afterAll(() => t.close());

describe('customer value on the accounts list', () => {
  it('comes back on each row as computed values, empty for customers who never bought', async () => {
    const rows = (await page('limit=50')).data;
    const alpha = rows.find((r) => r.name === 'Alpha 阿尔法')!;
    expect(alpha.computed).toMatchObject({ 'value.abcTier': 'A', 'value.segment': 'champions', 'value.churnScore': 10, 'value.revenue': 900_000, 'value.lifetimeValue': 2_700_000, 'value.orders': 2, 'value.lastPurchaseAt': '2026-06-20T08:00:00.000Z' });
    const zeta = rows.find((r) => r.name === 'Zeta 未购买')!;
    expect(Object.values(zeta.computed).every((v) => v === null)).toBe(true);
  });

  it("never joins another workspace's value rows", async () => {
    const eta = (await page('limit=50')).data.find((r) => r.name === 'Eta')!;
    expect(eta.computed['value.abcTier']).toBeNull();
    expect(await names('filter=value.abcTier:eq:A&sort=name')).toEqual(['Alpha 阿尔法', 'Beta']);
    // …and the other workspace sees its own list without our accounts, nor its row on them.
    expect((await page('limit=50', other)).data).toEqual([]);
  });

  it('filters with the operators of each type', async () => {
    expect(await names('filter=value.churnScore:gte:60&sort=name')).toEqual(['Beta', 'Delta', 'Gamma']);
    expect(await names('filter=value.abcTier:in:B|C&sort=name')).toEqual(['Delta', 'Epsilon', 'Gamma']);
    expect(await names('filter=value.abcTier:isNull:true&sort=name')).toEqual(['Eta', 'Zeta 未购买']);
    expect(await names('filter=value.revenue:gt:100000&filter=value.lastPurchaseAt:lt:2026-04-01&sort=name')).toEqual(['Beta', 'Gamma']);
    // Combined with the account's own fields and logic.
    expect(await names('filter=value.abcTier:eq:A&filter=name:startsWith:Gam&filterLogic=1 OR 2&sort=name')).toEqual(['Alpha 阿尔法', 'Beta', 'Gamma']);
    const wrong = await call('GET', '/accounts?filter=value.churnScore:gte:high');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'INVALID_FILTER' });
  });

  it('sorts with those who never bought first ascending and last descending', async () => {
    expect((await names('sort=value.churnScore&limit=50')).slice(0, 2).sort()).toEqual(['Eta', 'Zeta 未购买']);
    const descending = await names('sort=-value.churnScore&limit=50');
    expect(descending.slice(0, 3)).toEqual(['Delta', 'Beta', 'Gamma']);
    expect(descending.slice(5).sort()).toEqual(['Eta', 'Zeta 未购买']);
    const ascending = await names('sort=value.revenue&limit=50');
    expect(ascending.slice(2)).toEqual(['Epsilon', 'Delta', 'Gamma', 'Beta', 'Alpha 阿尔法']);
  });

  it('pages through every row exactly once with the cursor, by each contributed field and direction', async () => {
    const all = Object.keys(VALUES).sort();
    for (const sort of ['value.churnScore', '-value.churnScore', 'value.abcTier', '-value.lastPurchaseAt', 'value.revenue', '-value.segment']) {
      const seen = await walk(`sort=${sort}`);
      expect([...seen].sort(), sort).toEqual(all);
    }
    // Ties (two churn scores of 10, two nulls) page by id: the walk equals the one-page order.
    expect(await walk('sort=value.churnScore')).toEqual(await names('sort=value.churnScore&limit=50'));
    expect(await walk('filter=value.churnScore:lt:80&sort=-value.churnScore')).toEqual(['Beta', 'Gamma', ...(await names('filter=value.churnScore:eq:10&sort=-value.churnScore'))]);
  });

  it('is on the contacts list too', async () => {
    const rows = (await page('filter=value.abcTier:eq:B', admin, '/contacts')).data;
    expect(rows.map((r) => [r.name, r.computed['value.churnScore']])).toEqual([['Eve 伊芙', 40]]);
  });
});

describe('where the list machinery goes', () => {
  it('offers the fields to filter builders with how they show', async () => {
    const res = await call('GET', '/views/fields?objectType=accounts');
    const fields = (res.json() as { data: { name: string; type: string; sortable: boolean; contributed?: { display: string; labelKey: string; options?: { value: string }[] } }[] }).data;
    const tier = fields.find((f) => f.name === 'value.abcTier')!;
    expect(tier).toMatchObject({ type: 'text', sortable: true, contributed: { display: 'select', labelKey: 'customerValue.fields.abcTier' } });
    expect(tier.contributed!.options!.map((o) => o.value)).toEqual(['A', 'B', 'C']);
    expect(fields.find((f) => f.name === 'value.segment')!.contributed!.options).toHaveLength(11);
    expect(fields.find((f) => f.name === 'value.revenue')).toMatchObject({ type: 'number', contributed: { display: 'currency' } });
    expect(fields.find((f) => f.name === 'name')!.contributed).toBeUndefined();
  });

  it('keeps a saved view (a segment of customers) by tier and by churn risk', async () => {
    const view = await call('POST', '/views', { objectType: 'accounts', name: 'A 级高风险', filters: ['value.abcTier:eq:A', 'value.churnScore:gte:60'], sort: '-value.churnScore' });
    expect(view.statusCode, view.body).toBe(201);
    const { filters, sort } = view.json() as { filters: string[]; sort: string };
    expect(await names(`${filters.map((f) => `filter=${encodeURIComponent(f)}`).join('&')}&sort=${sort}`)).toEqual(['Beta']);
    const bad = await call('POST', '/views', { objectType: 'accounts', name: 'bad', filters: ['value.nope:eq:A'] });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the fields with the list view, labelled, amounts in major units', async () => {
    const res = await call('GET', '/accounts/export?format=csv&sort=name&filter=value.abcTier:eq:A', undefined, admin, 'zh-CN');
    expect(res.statusCode, res.body).toBe(200);
    const [header, first] = res.body.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(header).toContain('ABC 分级');
    expect(header).toContain('流失风险');
    expect(first).toContain('Alpha 阿尔法');
    expect(first).toContain(',9000,');
  });

  it('reports over them: accounts and revenue by tier', async () => {
    const res = await call('POST', '/reports/run', { definition: { objectType: 'accounts', groupBy: [{ field: 'value.abcTier' }], measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'value.revenue' }], sort: 'g0' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { rows: unknown[] }).rows).toEqual([
      { g0: 'A', m0: 2, m1: 1_400_000 },
      { g0: 'B', m0: 1, m1: 120_000 },
      { g0: 'C', m0: 2, m1: 3_500 },
      { g0: null, m0: 2, m1: 0 },
    ]);
  });
});
