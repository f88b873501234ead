import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client.js';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { changeOrderStatus, createOrder, purchaseLines } from './index.js';
import { addMonths } from './orders.service.js';

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

describe('warranty ends', () => {
  it('adds calendar months, clamped to the end of a shorter month', () => {
    expect([addMonths('2026-01-31', 1), addMonths('2024-01-31', 1), addMonths('2026-11-15', 3), addMonths('2026-05-31', 12)]).toEqual(['2026-02-28', '2024-02-29', '2027-02-15', '2027-05-31']);
  });
});

describe('orders API', () => {
  it('creates a draft priced from the catalog, changes it, confirms and fulfils it, audited; a confirmed order no longer changes', async () => {
    const product = await addProduct({ name: '智能手表 Ünï ✓', listPrices: [{ currency: 'CNY', unitPrice: 99900 }], warrantyMonths: 24 });
    const account = await addAccount('订单客户 A');
    const created = await call('POST', '/orders', { accountId: account.id, orderedAt: '2026-01-31T04:00:00Z', notes: '  加急 ', lines: [{ productId: product.id, quantity: 2, discountPercent: 5, taxRate: 13 }] });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    expect(order).toMatchObject({ status: 'draft', currency: 'CNY', notes: '加急', orderDate: '2026-01-31', subtotal: 199800, discount: 9990, tax: 24675, total: 189810 + 24675, confirmedAt: null });
    expect(order.number).toMatch(/^SO-\d{6}$/);
    expect(order.lines).toEqual([expect.objectContaining({ productId: product.id, name: '智能手表 Ünï ✓', quantity: '2.000', unitPrice: 99900, listPrice: 99900, total: 189810, tax: 24675, warrantyEndsOn: '2028-01-31' })]);

    // A new order day moves the warranty end; new lines replace the old ones.
    const moved = (await call('PATCH', `/orders/${order.id}`, { orderedAt: '2026-03-31T10:00:00Z' })).json();
    expect(moved.lines[0].warrantyEndsOn).toBe('2028-03-31');
    const relined = await call('PATCH', `/orders/${order.id}`, { lines: [{ productId: product.id, quantity: 1, unitPrice: 50000 }] });
    expect(relined.json()).toMatchObject({ subtotal: 50000, discount: 0, tax: 0, total: 50000, lines: [expect.objectContaining({ unitPrice: 50000, listPrice: 99900 })] });

    const confirmed = (await call('POST', `/orders/${order.id}/status`, { status: 'confirmed' })).json();
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.confirmedAt).not.toBeNull();
    const late = await call('PATCH', `/orders/${order.id}`, { notes: 'x' }, admin, 'zh-CN');
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'ORDER_NOT_DRAFT' });
    expect(late.json().detail).toContain(order.number);
    expect((await call('DELETE', `/orders/${order.id}`)).statusCode).toBe(409);
    expect((await call('POST', `/orders/${order.id}/status`, { status: 'fulfilled' })).json().fulfilledAt).not.toBeNull();
    const back = await call('POST', `/orders/${order.id}/status`, { status: 'confirmed' }, admin, 'zh-CN');
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ code: 'ORDER_STATUS_CHANGE', detail: `订单 ${order.number} 不能从“已履约”变为“已确认”。` });
    const audit = (await call('GET', `/audit-log?recordType=order&recordId=${order.id}`)).json();
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'update']));
    expect(audit.data.length).toBeGreaterThanOrEqual(5);
  });

  it('numbers orders in sequence per workspace, even when made at once', async () => {
    const who = await signUpWorkspace(t.app, 'numbers');
    const product = await addProduct({ listPrices: [{ currency: 'CNY', unitPrice: 100 }] }, who);
    const account = await addAccount('Numbers', who);
    const made = await Promise.all([1, 2, 3, 4].map(() => call('POST', '/orders', { accountId: account.id, lines: [{ productId: product.id, quantity: 1 }] }, who)));
    expect(made.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(made.map((r) => r.json().number).sort()).toEqual(['SO-000001', 'SO-000002', 'SO-000003', 'SO-000004']);
  });

  it('refuses an order without a customer, with an unknown product or price, another workspace’s account, a taken external ref', async () => {
    const product = await addProduct({ listPrices: [{ currency: 'CNY', unitPrice: 100 }] });
    const unpriced = await addProduct();
    const account = await addAccount('Refusals');
    const foreign = await addAccount('Elsewhere', other);
    const noCustomer = await call('POST', '/orders', { lines: [{ productId: product.id, quantity: 1 }] });
    expect(noCustomer.statusCode).toBe(400);
    expect(noCustomer.json().errors).toEqual([expect.objectContaining({ field: 'accountId', code: 'required' })]);
    const bad = await call('POST', '/orders', { accountId: account.id, lines: [{ productId: '00000000-0000-7000-8000-000000000000', quantity: 1 }, { productId: unpriced.id, quantity: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['lines.0.productId', 'lines.1.unitPrice']);
    expect((await call('POST', '/orders', { accountId: foreign.id, lines: [{ productId: product.id, quantity: 1 }] })).json().errors[0].field).toBe('accountId');
    expect((await call('POST', '/orders', { accountId: account.id, lines: [] })).statusCode).toBe(400);
    expect((await call('POST', '/orders', { accountId: account.id, lines: [{ productId: product.id, quantity: 0 }] })).statusCode).toBe(400);
    expect((await call('POST', '/orders', { accountId: account.id, status: 'fulfilled', lines: [{ productId: product.id, quantity: 1 }] })).statusCode).toBe(400);
    const first = await call('POST', '/orders', { accountId: account.id, externalRef: 'ERP-1', lines: [{ productId: product.id, quantity: 1 }] });
    expect(first.statusCode).toBe(201);
    const twin = await call('POST', '/orders', { accountId: account.id, externalRef: 'ERP-1', lines: [{ productId: product.id, quantity: 1 }] });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().errors[0]).toMatchObject({ field: 'externalRef', code: 'taken' });
    // Another workspace neither reads nor changes it.
    expect((await call('GET', `/orders/${first.json().id}`, undefined, other)).statusCode).toBe(404);
    expect((await call('POST', `/orders/${first.json().id}/status`, { status: 'confirmed' }, other)).statusCode).toBe(404);
  });

  it('lets sales people see their own orders only (without a team), lists with filters and customer names, bins drafts', async () => {
    const alice = await addMember(t.app, admin, 'sales');
    const bob = await addMember(t.app, admin, 'sales');
    const product = await addProduct({ listPrices: [{ currency: 'CNY', unitPrice: 2500 }] });
    const account = (await call('POST', '/accounts', { name: '爱丽丝的客户', ownerId: alice.userId })).json();
    const person = await addContact('王五');
    const mine = await call('POST', '/orders', { accountId: account.id, lines: [{ productId: product.id, quantity: 4 }] }, alice);
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json().ownerId).toBe(alice.userId);
    const byContact = (await call('POST', '/orders', { contactId: person.id, lines: [{ productId: product.id, quantity: 1 }] })).json();
    expect((await call('GET', `/orders/${mine.json().id}`, undefined, bob)).statusCode).toBe(404);
    expect((await call('POST', `/orders/${mine.json().id}/status`, { status: 'confirmed' }, bob)).statusCode).toBe(404);
    const aliceList = (await call('GET', '/orders', undefined, alice)).json();
    expect(aliceList.data.map((o: { id: string }) => o.id)).toEqual([mine.json().id]);
    expect(aliceList.data[0]).toMatchObject({ customerName: '爱丽丝的客户', total: 10000 });
    const adminList = (await call('GET', `/orders?filter=contactId:eq:${person.id}`)).json();
    expect(adminList.data).toEqual([expect.objectContaining({ id: byContact.id, customerName: '王五' })]);
    expect((await call('GET', '/orders?filter=status:eq:confirmed&filter=total:gt:1')).statusCode).toBe(200);
    expect((await call('GET', '/orders?sort=-total')).statusCode).toBe(200);
    expect((await call('DELETE', `/orders/${mine.json().id}`, undefined, alice)).statusCode).toBe(204);
    expect((await call('GET', '/orders/recycle-bin', undefined, alice)).json().data.map((o: { id: string }) => o.id)).toEqual([mine.json().id]);
    expect((await call('POST', `/orders/${mine.json().id}/restore`, undefined, alice)).statusCode).toBe(200);
  });

  it('shows orders, products owned and lifetime revenue on the account’s and the contact’s 360 views; a merge moves orders', async () => {
    const who = await signUpWorkspace(t.app, '360');
    const band = await addProduct({ name: '手环', listPrices: [{ currency: 'CNY', unitPrice: 10000 }], warrantyMonths: 6 }, who);
    const cable = await addProduct({ name: '数据线', listPrices: [{ currency: 'CNY', unitPrice: 500 }] }, who);
    const account = await addAccount('全景客户', who);
    const person = await addContact('赵六', who);
    const make = async (body: object, status?: string) => {
      const res = await call('POST', '/orders', { accountId: account.id, ...body }, who);
      expect(res.statusCode, res.body).toBe(201);
      if (status) expect((await call('POST', `/orders/${res.json().id}/status`, { status }, who)).statusCode).toBe(200);
      return res.json();
    };
    await make({ contactId: person.id, orderedAt: '2026-03-01T04:00:00Z', lines: [{ productId: band.id, quantity: 1 }, { productId: cable.id, quantity: 2 }] }, 'confirmed');
    await make({ orderedAt: '2026-04-01T04:00:00Z', lines: [{ productId: band.id, quantity: 2 }] }, 'confirmed');
    const cancelled = await make({ orderedAt: '2026-05-01T04:00:00Z', lines: [{ productId: cable.id, quantity: 10 }] }, 'confirmed');
    await call('POST', `/orders/${cancelled.id}/status`, { status: 'cancelled' }, who);
    await make({ lines: [{ productId: cable.id, quantity: 100 }] });
    const view = (await call('GET', `/accounts/${account.id}/overview`, undefined, who)).json();
    expect(view.figures).toContainEqual({ key: 'lifetimeRevenue', value: 30000 + 1000, format: 'money', currency: 'CNY' });
    const panel = (key: string) => view.panels.find((p: { key: string }) => p.key === key);
    expect(panel('orders').total).toBe(4);
    expect(panel('orders').items[0]).toMatchObject({ status: 'draft', amount: { value: 50000, currency: 'CNY' }, subtitle: null });
    expect(panel('productsOwned').items.map((i: { title: string; at: string }) => [i.title, i.at])).toEqual([['手环', '2026-04-01'], ['数据线', '2026-03-01']]);
    const owned = (await call('GET', `/orders/products-owned?accountId=${account.id}`, undefined, who)).json();
    expect(owned.data).toEqual([
      { productId: band.id, sku: band.sku, name: '手环', quantity: 3, firstPurchasedOn: '2026-03-01', lastPurchasedOn: '2026-04-01', warrantyEndsOn: '2026-10-01' },
      { productId: cable.id, sku: cable.sku, name: '数据线', quantity: 2, firstPurchasedOn: '2026-03-01', lastPurchasedOn: '2026-03-01', warrantyEndsOn: null },
    ]);
    const personView = (await call('GET', `/contacts/${person.id}/overview`, undefined, who)).json();
    expect(personView.figures).toContainEqual(expect.objectContaining({ key: 'lifetimeRevenue', value: 11000 }));
    expect((await call('GET', '/orders/products-owned', undefined, who)).statusCode).toBe(400);
    // Merging a duplicate contact into another moves its orders (and its revenue) along.
    const twin = await addContact('赵六 (2)', who);
    const merged = await call('POST', '/contacts/merge', { primaryId: twin.id, mergeIds: [person.id] }, who);
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await call('GET', `/contacts/${twin.id}/overview`, undefined, who)).json().figures).toContainEqual(expect.objectContaining({ key: 'lifetimeRevenue', value: 11000 }));
    expect((await call('GET', `/orders/products-owned?accountId=${account.id}`, undefined, other)).statusCode).toBe(404);
  });
});
