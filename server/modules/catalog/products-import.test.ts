import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { parseAmount } from '../../../contracts/catalog.js';
import { mapProductColumns, skuFromName } from './products-import.service.js';

const PRODUCTS_CSV = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/datasets/crm-sales-opportunities/products.csv');

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, 'Import 导入公司');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
const upload = (content: Buffer | string, extra: object = {}, who: SignedIn = admin) =>
  call('POST', '/products/import', { fileName: 'products.csv', content: Buffer.from(content).toString('base64'), ...extra }, who);

describe('reading product files', () => {
  it('maps headers in English and Chinese, parses amounts exactly and makes SKUs from names', () => {
    expect(mapProductColumns(['product', 'series', 'sales_price'])).toEqual(['name', 'category', 'price']);
    expect(mapProductColumns(['产品名称', '货号', '系列', '单价', '单位', '备注'])).toEqual(['name', 'sku', 'category', 'price', 'unit', null]);
    expect(parseAmount('550', 'USD')).toBe(55000);
    expect(parseAmount('1,299.50', 'CNY')).toBe(129950);
    expect(parseAmount('¥0.1', 'CNY')).toBe(10);
    expect(parseAmount('0.29', 'USD')).toBe(29);
    expect(parseAmount('1200', 'JPY')).toBe(1200);
    expect(parseAmount('12.5', 'JPY')).toBeNull();
    expect(parseAmount('-5', 'USD')).toBeNull();
    expect(parseAmount('abc', 'USD')).toBeNull();
    expect(parseAmount('99999999999999999', 'USD')).toBeNull();
    expect(skuFromName('GTX Plus Pro')).toBe('GTX-PLUS-PRO');
    expect(skuFromName('智能手环')).toBe('ZNSH');
    expect(skuFromName('Café Crème')).toBe('CAFE-CREME');
  });
});

describe('importing products', () => {
  it('loads the real products.csv: 7 products with generated SKUs, series as categories, prices in the default USD book', async () => {
    const res = await upload(fs.readFileSync(PRODUCTS_CSV), { currency: 'USD' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 7, updated: 0, failed: 0, currency: 'USD', mapping: ['name', 'category', 'price'], problems: [] });
    const products = (await call('GET', '/products?limit=50')).json().data as { name: string; sku: string; categoryName: string; listPrices: { currency: string; unitPrice: number; isDefault: boolean; priceBookId: string }[] }[];
    const byName = Object.fromEntries(products.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['GTK 500', 'GTX Basic', 'GTX Plus Basic', 'GTX Plus Pro', 'GTX Pro', 'MG Advanced', 'MG Special']);
    const expected: Record<string, [string, string, number]> = {
      'GTX Basic': ['GTX-BASIC', 'GTX', 55000],
      'GTX Pro': ['GTX-PRO', 'GTX', 482100],
      'MG Special': ['MG-SPECIAL', 'MG', 5500],
      'MG Advanced': ['MG-ADVANCED', 'MG', 339300],
      'GTX Plus Pro': ['GTX-PLUS-PRO', 'GTX', 548200],
      'GTX Plus Basic': ['GTX-PLUS-BASIC', 'GTX', 109600],
      'GTK 500': ['GTK-500', 'GTK', 2676800],
    };
    for (const [name, [sku, category, cents]] of Object.entries(expected)) {
      expect(byName[name]).toMatchObject({ sku, categoryName: category });
      expect(byName[name]!.listPrices).toEqual([expect.objectContaining({ currency: 'USD', unitPrice: cents, isDefault: true, priceBookId: res.json().priceBookId })]);
    }
    const categories = (await call('GET', '/product-categories')).json().data.map((c: { name: string; productCount: number }) => [c.name, c.productCount]);
    expect(categories).toEqual([['GTK', 1], ['GTX', 4], ['MG', 2]]);
    const book = (await call('GET', `/price-books/${res.json().priceBookId}`)).json();
    expect(book).toMatchObject({ currency: 'USD', isDefault: true, name: 'Standard price book (USD)' });

    // The same file again changes nothing new: rows match the products by name.
    const again = (await upload(fs.readFileSync(PRODUCTS_CSV), { currency: 'USD' })).json();
    expect(again).toMatchObject({ created: 0, updated: 7, failed: 0 });
    expect((await call('GET', '/products?limit=50')).json().data).toHaveLength(7);
  });

  it('reports bad rows by number and field, updates by SKU, and uses the workspace currency by default', async () => {
    const csv = '产品名称,货号,分类,单价,保修期\n蓝牙耳机,BT-01,音频,199.00,12\n,BT-02,音频,99,\n智能音箱,BT-03,音频,abc,\n降噪耳机,bt-01,音频,299,24\n';
    const res = (await upload(csv)).json();
    expect(res).toMatchObject({ created: 1, updated: 0, failed: 3, currency: 'CNY' });
    expect(res.problems.map((p: { rowNo: number; field: string; code: string }) => [p.rowNo, p.field, p.code])).toEqual([
      [2, 'name', 'required'],
      [3, 'price', 'invalid'],
      [4, 'sku', 'taken'],
    ]);
    expect(res.problems.map((p: { message: string }) => p.message).slice(0, 2)).toEqual(['Product is required.', 'Price is not valid.']);
    const fixed = (await upload('SKU,Name,Price\nbt-01,蓝牙耳机 Pro,249\n')).json();
    expect(fixed).toMatchObject({ created: 0, updated: 1, failed: 0 });
    const [product] = (await call('GET', '/products?filter=sku:eq:BT-01')).json().data;
    expect(product).toMatchObject({ name: '蓝牙耳机 Pro', warrantyMonths: 12, listPrices: [expect.objectContaining({ currency: 'CNY', unitPrice: 24900 })] });
  });

  it('refuses a file without a name column, an unreadable file, a wrong currency and a plain member', async () => {
    expect((await upload('sku,price\nA,1\n')).json().errors[0]).toMatchObject({ field: 'mapping', code: 'required' });
    expect((await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).json().errors[0].field).toBe('content');
    expect((await upload('name\nA\n', { currency: 'ABC' })).json().errors[0].field).toBe('currency');
    const rep = await addMember(t.app, admin, 'sales');
    expect((await upload('name\nA\n', {}, rep)).statusCode).toBe(403);
  });
});
