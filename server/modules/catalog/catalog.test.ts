import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import { inWorkspace } from '../../db/transaction.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { AppError } from '../../platform/errors/app-error.js';
import { priceLineItems, priceOf, productsByIds, productsByNames } from './index.js';

let t: TestApp;
let admin: SignedIn;
let manager: SignedIn;
let rep: SignedIn;
let other: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, 'Catalog 产品公司');
  manager = await addMember(t.app, admin, 'manager');
  rep = await addMember(t.app, admin, 'sales');
  other = await signUpWorkspace(t.app, 'Other 别家');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, lang = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': lang }, ...(payload ? { payload } : {}) });
let n = 0;
const sku = (prefix = 'SKU') => `${prefix}-${process.pid}-${++n}`;
const addProduct = async (body: object = {}, who = admin) => {
  const res = await call('POST', '/products', { sku: sku(), name: `Product ${n}`, ...body }, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; sku: string; name: string; listPrices: { currency: string; unitPrice: number; priceBookId: string }[] };
};
const asService = async <T>(who: SignedIn, fn: (tx: Tx, ctx: RequestContext) => Promise<T>) => {
  const ctx = (await contextOfMember(t.database, who.workspaceId, who.userId))!;
  return inWorkspace(t.database.db, who.workspaceId, (tx) => fn(tx, ctx));
};

describe('products', () => {
  it('creates, reads, changes, deletes to the recycle bin and restores a product with a Unicode name, audited', async () => {
    const product = await addProduct({ name: '智能手环 S2 — Ünïcödé ✓', unit: '个', warrantyMonths: 12, description: '防水', listPrices: [{ currency: 'CNY', unitPrice: 29900 }] });
    expect(product).toMatchObject({ name: '智能手环 S2 — Ünïcödé ✓', unit: '个', warrantyMonths: 12, active: true, categoryName: null });
    expect(product.listPrices).toEqual([expect.objectContaining({ currency: 'CNY', unitPrice: 29900, isDefault: true })]);
    const changed = (await call('PATCH', `/products/${product.id}`, { active: false, unit: null, warrantyMonths: null, listPrices: [{ currency: 'CNY', unitPrice: 27900 }, { currency: 'USD', unitPrice: 3999 }] })).json();
    expect(changed).toMatchObject({ active: false, unit: null, warrantyMonths: null });
    expect(changed.listPrices.map((p: { currency: string; unitPrice: number }) => [p.currency, p.unitPrice])).toEqual([['CNY', 27900], ['USD', 3999]]);
    expect((await call('DELETE', `/products/${product.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/products/${product.id}`)).statusCode).toBe(404);
    expect((await call('GET', '/products/recycle-bin')).json().data.map((p: { id: string }) => p.id)).toContain(product.id);
    expect((await call('POST', `/products/${product.id}/restore`)).json()).toMatchObject({ id: product.id, name: product.name });
    const audit = (await call('GET', `/audit-log?recordType=product&recordId=${product.id}`)).json();
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'update', 'delete', 'restore']));
  });

  it('refuses a SKU another live product has in any case (409 naming sku), frees it once that one is deleted', async () => {
    const first = await addProduct({ sku: sku('Dup') });
    const res = await call('POST', '/products', { sku: first.sku.toLowerCase(), name: 'Same SKU' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'SKU_TAKEN', errors: [{ field: 'sku', code: 'taken' }] });
    expect(res.json().detail).toContain('SKU');
    const zh = await call('POST', '/products', { sku: first.sku.toUpperCase(), name: 'Same SKU' }, admin, 'zh-CN');
    expect(zh.json().detail).toMatch(/SKU/);
    expect(zh.json().title).toMatch(/[\u4e00-\u9fff]/);
    // Another workspace has SKUs of its own.
    expect((await call('POST', '/products', { sku: first.sku, name: 'Elsewhere' }, other)).statusCode).toBe(201);
    await call('DELETE', `/products/${first.id}`);
    const again = await addProduct({ sku: first.sku.toLowerCase() });
    // Restoring the first would make two live products of one SKU.
    expect((await call('POST', `/products/${first.id}/restore`)).statusCode).toBe(409);
    expect((await call('PATCH', `/products/${again.id}`, { sku: first.sku.toLowerCase(), name: 'Renamed' })).statusCode).toBe(200);
  });

  it('validates input, naming the field: blank name, wrong currency, negative and huge prices, unknown category', async () => {
    const cases: [object, string][] = [
      [{ sku: 'X1', name: '  ' }, 'name'],
      [{ sku: 'X1', name: 'x', listPrices: [{ currency: 'usd', unitPrice: 1 }] }, 'listPrices.0.currency'],
      [{ sku: 'X1', name: 'x', listPrices: [{ currency: 'XYZ', unitPrice: 1 }] }, 'listPrices.0.currency'],
      [{ sku: 'X1', name: 'x', listPrices: [{ currency: 'CNY', unitPrice: -1 }] }, 'listPrices.0.unitPrice'],
      [{ sku: 'X1', name: 'x', listPrices: [{ currency: 'CNY', unitPrice: 1e16 }] }, 'listPrices.0.unitPrice'],
      [{ sku: 'X1', name: 'x', listPrices: [{ currency: 'CNY', unitPrice: 1.5 }] }, 'listPrices.0.unitPrice'],
      [{ sku: 'X1', name: 'x', categoryId: '01934b7e-0000-7000-8000-000000000000' }, 'categoryId'],
      [{ sku: 'X1', name: 'x', warrantyMonths: -3 }, 'warrantyMonths'],
      [{ sku: 'X1', name: 'x', custom: { nope: 1 } }, 'custom.nope'],
    ];
    for (const [body, field] of cases) {
      const res = await call('POST', '/products', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field), JSON.stringify(body)).toContain(field);
    }
  });

  it('takes custom fields like contacts do: validated, required on create, filterable, and a null round trip', async () => {
    const own = await signUpWorkspace(t.app, 'Custom 自定义');
    expect((await call('POST', '/custom-fields', { objectType: 'products', key: 'voltage', label: { 'zh-CN': '电压', en: 'Voltage' }, type: 'number', required: true }, own)).statusCode).toBe(201);
    const missing = await call('POST', '/products', { sku: 'V-1', name: '充电器' }, own);
    expect(missing.json().errors[0]).toMatchObject({ field: 'custom.voltage', code: 'required' });
    const made = (await call('POST', '/products', { sku: 'V-1', name: '充电器', custom: { voltage: 220 }, description: null, unit: null }, own)).json();
    expect(made).toMatchObject({ custom: { voltage: 220 }, description: null, unit: null });
    await call('POST', '/products', { sku: 'V-2', name: '适配器', custom: { voltage: 110 } }, own);
    expect((await call('GET', '/products?filter=custom.voltage:gt:200', undefined, own)).json().data.map((p: { sku: string }) => p.sku)).toEqual(['V-1']);
    expect((await call('PATCH', `/products/${made.id}`, { custom: { voltage: 'high' } }, own)).json().errors[0].field).toBe('custom.voltage');
    expect((await call('PATCH', `/products/${made.id}`, { description: '快充', unit: '个' }, own)).json()).toMatchObject({ description: '快充', unit: '个', custom: { voltage: 220 } });
  });

  it('lets everyone read the catalog and only catalog.manage write it', async () => {
    const product = await addProduct({}, manager);
    expect((await call('GET', `/products/${product.id}`, undefined, rep)).statusCode).toBe(200);
    expect((await call('GET', '/price-books', undefined, rep)).statusCode).toBe(200);
    expect((await call('POST', '/products', { sku: sku(), name: 'By a rep' }, rep)).statusCode).toBe(403);
    expect((await call('PATCH', `/products/${product.id}`, { name: 'x' }, rep)).statusCode).toBe(403);
    expect((await call('DELETE', `/products/${product.id}`, undefined, rep)).statusCode).toBe(403);
    expect((await call('POST', '/product-categories', { name: 'Rep category' }, rep)).statusCode).toBe(403);
    expect((await call('POST', '/price-books', { name: 'Rep book', currency: 'CNY' }, rep)).statusCode).toBe(403);
    expect((await call('GET', `/products/${product.id}`, undefined, other)).statusCode).toBe(404);
  });

  it('lists with filters, sort and cursor paging, and finds products by name, pinyin and SKU in the search box', async () => {
    const category = (await call('POST', '/product-categories', { name: `手环 ${process.pid}` })).json();
    const made = [];
    for (const name of ['蓝牙耳机', '智能手表', '运动手环']) made.push(await addProduct({ name, sku: sku('WEAR'), categoryId: category.id }));
    const first = (await call('GET', `/products?filter=categoryId:eq:${category.id}&sort=-name&limit=2`)).json();
    expect(first.data.map((p: { name: string }) => p.name)).toEqual(['运动手环', '蓝牙耳机']);
    expect(first.data[0].categoryName).toBe(category.name);
    const second = (await call('GET', `/products?filter=categoryId:eq:${category.id}&sort=-name&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.data.map((p: { name: string }) => p.name)).toEqual(['智能手表']);
    expect(second.nextCursor).toBeNull();
    expect((await call('GET', '/products?filter=price:gt:1')).json().code).toBe('INVALID_FILTER');
    const search = async (q: string) => (await call('GET', `/search?q=${encodeURIComponent(q)}`, undefined, rep)).json().data.filter((h: { type: string }) => h.type === 'product').map((h: { id: string }) => h.id);
    expect(await search('手表')).toContain(made[1]!.id);
    expect(await search('znsb')).toContain(made[1]!.id);
    expect(await search('zhinengshoubiao')).toContain(made[1]!.id);
    expect(await search(made[2]!.sku.toLowerCase())).toContain(made[2]!.id);
    expect(await search(made[2]!.sku.slice(0, 6))).toContain(made[2]!.id);
    expect(await search('手表')).toEqual((await search('手錶')));
  });
});

describe('categories', () => {
  it('builds a tree, refuses loops and a second name at one level, and deletes leaving products without one', async () => {
    const root = (await call('POST', '/product-categories', { name: `Hardware ${n}` })).json();
    const child = (await call('POST', '/product-categories', { name: 'Wearables 穿戴', parentId: root.id })).json();
    expect((await call('POST', '/product-categories', { name: 'wearables 穿戴', parentId: root.id })).json().errors[0]).toMatchObject({ field: 'name', code: 'taken' });
    expect((await call('PATCH', `/product-categories/${root.id}`, { parentId: child.id })).json().errors[0]).toMatchObject({ field: 'parentId', code: 'invalid' });
    const product = await addProduct({ categoryId: child.id });
    expect((await call('GET', `/product-categories/${child.id}`)).json()).toMatchObject({ parentId: root.id, productCount: 1 });
    const refused = await call('DELETE', `/product-categories/${root.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('CATEGORY_NOT_EMPTY');
    expect((await call('DELETE', `/product-categories/${child.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/products/${product.id}`)).json().categoryId).toBeNull();
  });
});

describe('price books', () => {
  it('keeps one default book per currency, lists entries with product names, upserts many and removes one', async () => {
    const a = await addProduct({ name: 'Alpha 甲' });
    const b = await addProduct({ name: 'Beta 乙' });
    const retail = (await call('POST', '/price-books', { name: 'Retail EUR', currency: 'EUR' })).json();
    expect(retail).toMatchObject({ isDefault: true, kind: 'retail', active: true });
    const channel = (await call('POST', '/price-books', { name: '渠道价 EUR', currency: 'EUR', kind: 'channel' })).json();
    expect(channel.isDefault).toBe(false);
    const put = await call('PUT', `/price-books/${channel.id}/entries`, { entries: [{ productId: a.id, unitPrice: 1000 }, { productId: b.id, unitPrice: 2500 }] });
    expect(put.json()).toEqual({ changed: 2 });
    expect((await call('PUT', `/price-books/${channel.id}/entries`, { entries: [{ productId: a.id, unitPrice: 1000 }, { productId: b.id, unitPrice: 2400 }] })).json()).toEqual({ changed: 1 });
    const entries = (await call('GET', `/price-books/${channel.id}/entries?sort=-unitPrice`)).json();
    expect(entries).toMatchObject({ currency: 'EUR', data: [{ productName: 'Beta 乙', unitPrice: 2400, sku: b.sku }, { productName: 'Alpha 甲', unitPrice: 1000 }] });
    expect((await call('GET', `/products/${a.id}/prices`)).json().data).toEqual([expect.objectContaining({ priceBookId: channel.id, kind: 'channel', unitPrice: 1000 })]);
    // Making the channel book the default unsets the retail one.
    expect((await call('PATCH', `/price-books/${channel.id}`, { isDefault: true })).json().isDefault).toBe(true);
    expect((await call('GET', `/price-books/${retail.id}`)).json().isDefault).toBe(false);
    expect((await call('GET', `/products/${a.id}`)).json().listPrices).toEqual([expect.objectContaining({ priceBookId: channel.id, unitPrice: 1000 })]);
    // A priced book keeps its currency.
    expect((await call('PATCH', `/price-books/${channel.id}`, { currency: 'USD' })).json().errors[0].field).toBe('currency');
    expect((await call('DELETE', `/price-books/${channel.id}/entries/${a.id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/price-books/${channel.id}/entries/${a.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/price-books/${channel.id}/entries`)).json().data).toHaveLength(1);
  });

  it('refuses bad entries naming their place, and products and books of another workspace', async () => {
    const book = (await call('POST', '/price-books', { name: 'JPY', currency: 'JPY' })).json();
    const mine = await addProduct();
    const theirs = (await call('POST', '/products', { sku: sku(), name: 'Theirs' }, other)).json();
    const res = await call('PUT', `/price-books/${book.id}/entries`, { entries: [{ productId: mine.id, unitPrice: 100 }, { productId: theirs.id, unitPrice: 100 }] });
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'entries.1.productId', code: 'invalid' })]);
    expect((await call('PUT', `/price-books/${book.id}/entries`, { entries: [{ productId: mine.id, unitPrice: -5 }] })).json().errors[0].field).toBe('entries.0.unitPrice');
    expect((await call('PUT', `/price-books/${book.id}/entries`, { entries: [{ productId: mine.id, unitPrice: 1 }, { productId: mine.id, unitPrice: 2 }] })).json().errors[0].field).toBe('entries.1.productId');
    expect((await call('POST', '/price-books', { name: 'Bad', currency: 'ABC' })).json().errors[0].field).toBe('currency');
    const otherBook = (await call('POST', '/price-books', { name: 'Theirs', currency: 'CNY' }, other)).json();
    expect((await call('GET', `/price-books/${otherBook.id}/entries`)).statusCode).toBe(404);
    expect((await call('PUT', `/price-books/${otherBook.id}/entries`, { entries: [{ productId: mine.id, unitPrice: 1 }] })).statusCode).toBe(404);
  });
});

describe('services for other modules', () => {
  it('prices products and line items from the default book or a chosen one, and refuses what cannot be sold', async () => {
    const a = await addProduct({ name: 'GTX Pro', listPrices: [{ currency: 'GBP', unitPrice: 482100 }] });
    const inactive = await addProduct({ active: false, listPrices: [{ currency: 'GBP', unitPrice: 100 }] });
    const unpriced = await addProduct();
    const partner = (await call('POST', '/price-books', { name: 'Partner GBP', currency: 'GBP', kind: 'channel' })).json();
    await call('PUT', `/price-books/${partner.id}/entries`, { entries: [{ productId: a.id, unitPrice: 400000 }] });
    const otherBook = (await call('POST', '/price-books', { name: 'Theirs GBP', currency: 'GBP' }, other)).json();
    await asService(rep, async (tx, ctx) => {
      expect(await priceOf(tx, ctx, { productId: a.id, currency: 'GBP' })).toBe(482100);
      expect(await priceOf(tx, ctx, { productId: a.id, currency: 'GBP', priceBookId: partner.id })).toBe(400000);
      expect(await priceOf(tx, ctx, { productId: a.id, currency: 'CHF' })).toBeNull();
      expect(await priceOf(tx, ctx, { productId: unpriced.id, currency: 'GBP' })).toBeNull();
      await expect(priceOf(tx, ctx, { productId: a.id, currency: 'EUR', priceBookId: partner.id })).rejects.toMatchObject({ status: 400 });
      await expect(priceOf(tx, ctx, { productId: a.id, currency: 'GBP', priceBookId: otherBook.id })).rejects.toMatchObject({ status: 404 });
      await expect(priceOf(tx, ctx, { productId: a.id, currency: 'EURO' })).rejects.toBeInstanceOf(AppError);

      const lines = await priceLineItems(tx, ctx, [{ productId: a.id }, { productId: a.id, unitPrice: 450000 }], { currency: 'GBP' });
      expect(lines).toEqual([
        { productId: a.id, sku: a.sku, name: 'GTX Pro', unit: null, unitPrice: 482100, listPrice: 482100 },
        { productId: a.id, sku: a.sku, name: 'GTX Pro', unit: null, unitPrice: 450000, listPrice: 482100 },
      ]);
      const refused = await priceLineItems(tx, ctx, [{ productId: inactive.id }, { productId: unpriced.id }, { productId: otherBook.id }], { currency: 'GBP', field: 'items' }).catch((e: AppError) => e);
      expect((refused as AppError).fieldErrors.map((e) => `${e.field}:${e.code}`)).toEqual(['items.0.productId:invalid', 'items.1.unitPrice:required', 'items.2.productId:invalid']);
      // A line already on the document keeps its product once deactivated.
      expect((await priceLineItems(tx, ctx, [{ productId: inactive.id }], { currency: 'GBP', keep: [inactive.id] }))[0]).toMatchObject({ productId: inactive.id, unitPrice: 100 });

      expect((await productsByIds(tx, ctx, [a.id, inactive.id, otherBook.id])).map((p) => p.id).sort()).toEqual([a.id, inactive.id].sort());
      expect((await productsByNames(tx, ctx, ['GTXPro', 'gtx pro'])).get('GTXPro')?.id).toBe(a.id);
    });
  });
});
