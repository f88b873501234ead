import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client.js';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { changeOrderStatus, createOrder, purchaseLines } from './index.js';

let t: TestApp;
let admin: SignedIn;
let other: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, '订单测试公司');
  other = await signUpWorkspace(t.app, 'Other 别家');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, lang = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': lang }, ...(payload ? { payload } : {}) });
const asService = async <T>(who: SignedIn, fn: (tx: Tx, ctx: RequestContext) => Promise<T>) => {
  const ctx = (await contextOfMember(t.database, who.workspaceId, who.userId))!;
  return inWorkspace(t.database.db, who.workspaceId, (tx) => fn(tx, ctx));
};
let n = 0;
const addProduct = async (body: object = {}, who = admin) => {
  const res = await call('POST', '/products', { sku: `SKU-${process.pid}-${++n}`, name: `Product ${n}`, ...body }, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; sku: string; name: string };
};
const addAccount = async (name: string, who = admin) => {
  const res = await call('POST', '/accounts', { name }, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};
const addContact = async (name: string, who = admin) => {
  const res = await call('POST', '/contacts', { name }, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};

interface PurchaseRow {
  customer_type: string;
  customer_id: string;
  order_id: string;
  ordered_at: string | Date;
  product_id: string;
  quantity: string;
  amount: string | number;
  currency: string;
  cancelled: boolean;
}
const purchasesOf = (who: SignedIn) =>
  asService(who, async (tx, ctx) => {
    const { rows } = (await tx.execute(sql`select * from ${purchaseLines(ctx)} as p order by p.ordered_at, p.cancelled, p.product_id`)) as unknown as { rows: PurchaseRow[] };
    return rows.map((r) => ({ ...r, quantity: Number(r.quantity), amount: Number(r.amount), ordered_at: new Date(r.ordered_at).toISOString() }));
  });

describe('purchaseLines (the read contract of customer analysis)', () => {
  it('gives confirmed and fulfilled lines, both sides of a confirmed order later cancelled, and nothing for drafts', async () => {
    const who = await signUpWorkspace(t.app, 'purchases');
    const band = await addProduct({ name: '手环', listPrices: [{ currency: 'CNY', unitPrice: 29900 }], warrantyMonths: 12 }, who);
    const cable = await addProduct({ name: 'Cable', listPrices: [{ currency: 'CNY', unitPrice: 1999 }] }, who);
    const account = await addAccount('华为', who);
    const person = await addContact('张三', who);
    const at = (day: string) => new Date(`${day}T02:00:00Z`);
    const [sold, personal, reverted, draft, draftCancelled] = await asService(who, async (tx, ctx) => [
      await createOrder(tx, ctx, { accountId: account.id, contactId: person.id, orderedAt: at('2026-01-05'), status: 'confirmed', lines: [{ productId: band.id, quantity: 2, discountPercent: 10 }, { productId: cable.id, quantity: 3, unitPrice: 1500 }] }),
      await createOrder(tx, ctx, { contactId: person.id, orderedAt: at('2026-02-01'), status: 'confirmed', lines: [{ productId: cable.id, quantity: 1 }] }),
      await createOrder(tx, ctx, { accountId: account.id, orderedAt: at('2026-03-01'), status: 'confirmed', lines: [{ productId: band.id, quantity: 1 }] }),
      await createOrder(tx, ctx, { accountId: account.id, orderedAt: at('2026-03-02'), lines: [{ productId: band.id, quantity: 5 }] }),
      await createOrder(tx, ctx, { accountId: account.id, orderedAt: at('2026-03-03'), lines: [{ productId: band.id, quantity: 7 }] }),
    ]);
    expect(sold).toMatchObject({ number: 'SO-000001', status: 'confirmed', currency: 'CNY', subtotal: 2 * 29900 + 3 * 1500, discount: 5980, total: 53820 + 4500 });
    expect(sold.lines.map((l) => [l.total, l.warrantyEndsOn])).toEqual([[53820, '2027-01-05'], [4500, null]]);
    const cancelled = await asService(who, async (tx, ctx) => {
      await changeOrderStatus(tx, ctx, sold.id, 'fulfilled');
      await changeOrderStatus(tx, ctx, draftCancelled.id, 'cancelled');
      return changeOrderStatus(tx, ctx, reverted.id, 'cancelled');
    });
    const rows = await purchasesOf(who);
    const at0 = at('2026-01-05').toISOString();
    expect(rows.map((r) => [r.customer_type, r.customer_id, r.order_id, r.ordered_at, r.product_id, r.quantity, r.amount, r.currency, r.cancelled])).toEqual([
      ['account', account.id, sold.id, at0, band.id, 2, 53820, 'CNY', false],
      ['account', account.id, sold.id, at0, cable.id, 3, 4500, 'CNY', false],
      ['contact', person.id, personal.id, at('2026-02-01').toISOString(), cable.id, 1, 1999, 'CNY', false],
      ['account', account.id, reverted.id, at('2026-03-01').toISOString(), band.id, 1, 29900, 'CNY', false],
      ['account', account.id, reverted.id, cancelled.cancelledAt!.toISOString(), band.id, -1, -29900, 'CNY', true],
    ]);
    expect(rows.some((r) => r.order_id === draft.id || r.order_id === draftCancelled.id)).toBe(false);
    // Another workspace sees none of it.
    expect(await purchasesOf(other)).toEqual([]);
  });
});
