import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, addMember, type SignedIn, type TestApp } from '../../db/testing.js';
import { inWorkspace } from '../../db/transaction.js';
import { minorUnits, parseOrderRows, wallClock } from './orders-import.service.js';
import { purchaseLines } from './index.js';

// The subset of the UCI Online Retail file in test/fixtures/datasets/online-retail (README there: how it was
// cut, and figures.py, which computed the figures below from the CSV without the importer).
const SUBSET = readFileSync(new URL('../../../test/fixtures/datasets/online-retail/online_retail_subset.csv.gz', import.meta.url));
const FIGURES = { rows: 17150, adjustmentRows: 3, rowsWithoutCustomer: 1123, orders: 875, returns: 167, lines: 16024, customers: 195, products: 2428, netRevenue: 24654666, sales: 25277433, returnsValue: -622767 };

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, 'Online Retail 网店');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

async function importFile(bytes: Buffer, options: object = {}, who: SignedIn = admin) {
  const res = await call('POST', '/orders/import', { content: bytes.toString('base64'), currency: 'GBP', timeZone: 'Europe/London', ...options }, who);
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.run(who.workspaceId, res.json().jobId);
  const job = (await call('GET', `/jobs/${res.json().jobId}`, undefined, who)).json();
  expect(job.state, JSON.stringify(job).slice(0, 500)).toBe('succeeded');
  return job;
}

describe('reading order files', () => {
  it('reads the dataset’s and the UCI original’s dates, and prices exactly', () => {
    expect([wallClock('2011-12-09 12:50:00'), wallClock('12/9/2011 12:50'), wallClock('2011-2-3'), wallClock('2011-02-30 10:00'), wallClock('yesterday')]).toEqual(['2011-12-09 12:50:00', '2011-12-09 12:50:00', '2011-02-03 00:00:00', null, null]);
    expect([minorUnits('2.55', 2), minorUnits('0.001', 2), minorUnits('0.005', 2), minorUnits('1.005', 2), minorUnits('550', 0), minorUnits('-1', 2), minorUnits('1e3', 2)]).toEqual([255, 0, 1, 101, 550, null, null]);
  });

  it('groups rows by invoice, skips adjustments and rows without a customer, reports bad rows by number', () => {
    const parsed = parseOrderRows(
      {
        headers: ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'],
        rows: [
          ['1001', 'A1', 'Cup', '2', '2011-01-02 10:00:00', '1.50', '12345.0', 'France'],
          ['A1002', 'B', 'Adjust bad debt', '1', '2011-01-02 10:00:00', '-11062.06', '', 'United Kingdom'],
          ['1003', 'A1', 'Cup', '1', '2011-01-02 10:00:00', '1.50', '', 'United Kingdom'],
          ['C1004', 'A1', 'Cup', '-1', '2011-01-03 09:00:00', '1.50', '12345.0', 'France'],
          ['1001', 'a1', 'cup', '3', '2011-01-02 09:59:00', '1.40', '12345.0', 'France'],
          ['1005', 'A1', 'Cup', 'lots', '2011-01-02 10:00:00', '1.50', '1', 'France'],
          ['1006', 'A1', 'Cup', '-2', '2011-01-02 10:00:00', '1.50', '1', 'France'],
        ],
      },
      'GBP',
    );
    expect(parsed).toMatchObject({ rows: 7, adjustmentRows: 1, rowsWithoutCustomer: 1 });
    expect(parsed.problems).toEqual([
      { rowNo: 7, field: 'quantity', code: 'invalid', value: 'lots' },
      { rowNo: 8, field: 'quantity', code: 'invalid', value: '-2' },
    ]);
    expect(parsed.invoices).toEqual([
      { number: '1001', customer: '12345', country: 'France', localTime: '2011-01-02 09:59:00', isReturn: false, lines: [{ sku: 'A1', description: 'Cup', quantity: 2, unitPrice: 150 }, { sku: 'a1', description: 'cup', quantity: 3, unitPrice: 140 }] },
      { number: 'C1004', customer: '12345', country: 'France', localTime: '2011-01-03 09:00:00', isReturn: true, lines: [{ sku: 'A1', description: 'Cup', quantity: -1, unitPrice: 150 }] },
    ]);
  });
});

describe('the Online Retail subset', () => {
  it('loads as orders, returns, accounts and products whose counts and money match the CSV, once however often it is imported', async () => {
    // A British shop: its 360 figures are in pounds.
    expect((await call('PATCH', '/workspace', { defaultCurrency: 'GBP' })).statusCode).toBe(200);
    const job = await importFile(SUBSET, { fileName: 'online_retail_subset.csv.gz' });
    expect(job).toMatchObject({ progress: FIGURES.orders, total: FIGURES.orders });
    expect(job.result).toMatchObject({
      rows: FIGURES.rows,
      invoices: FIGURES.orders,
      ordersCreated: FIGURES.orders,
      ordersExisting: 0,
      returnsCreated: FIGURES.returns,
      linesCreated: FIGURES.lines,
      customersCreated: FIGURES.customers,
      productsCreated: FIGURES.products,
      adjustmentRowsSkipped: FIGURES.adjustmentRows,
      rowsWithoutCustomer: FIGURES.rowsWithoutCustomer,
      problemCount: 0,
    });
    const money = await inWorkspace(t.database.db, admin.workspaceId, async (tx) => {
      const { rows } = (await tx.execute(sql`
        select coalesce(sum(amount) filter (where not cancelled), 0)::bigint as sales, coalesce(sum(amount) filter (where cancelled), 0)::bigint as returns,
               count(distinct customer_id)::int as customers, count(*)::int as lines, min(currency) as currency
          from ${purchaseLines({ workspaceId: admin.workspaceId })} as p`)) as unknown as { rows: { sales: string; returns: string; customers: number; lines: number; currency: string }[] };
      return rows[0]!;
    });
    expect({ ...money, sales: Number(money.sales), returns: Number(money.returns) }).toEqual({ sales: FIGURES.sales, returns: FIGURES.returnsValue, customers: FIGURES.customers, lines: FIGURES.lines, currency: 'GBP' });

    // The top customer's 360 view: its revenue net of returns, its orders, what it owns.
    const account = (await call('GET', `/accounts?filter=name:eq:Customer 12540`)).json().data[0];
    expect(account).toMatchObject({ type: 'customer', region: 'Spain' });
    const view = (await call('GET', `/accounts/${account.id}/overview`)).json();
    expect(view.figures).toContainEqual({ key: 'lifetimeRevenue', value: 1330904, format: 'money', currency: 'GBP' });
    // A July invoice: London summer time, an hour ahead of UTC; 24 lines worth £247.25.
    const july = (await call('GET', '/orders?filter=number:eq:558760')).json().data[0];
    expect(july).toMatchObject({ status: 'fulfilled', orderDate: '2011-07-03', orderedAt: '2011-07-03T11:38:00.000Z', total: 24725, externalRef: '558760' });
    const ret = (await call('GET', '/orders?filter=number:eq:C537039')).json().data[0];
    expect(ret).toMatchObject({ status: 'cancelled', confirmedAt: null, cancelledAt: '2010-12-05T10:25:00.000Z', total: -495 - 295 - 42 });
    expect((await call('GET', `/orders/${ret.id}`)).json().lines[0]).toMatchObject({ sku: '22854', quantity: '-1.000', unitPrice: 495, total: -495 });

    // Again, after a customer was renamed: nothing new, the same account.
    await call('PATCH', `/accounts/${account.id}`, { name: '西班牙客户 12540' });
    const again = await importFile(SUBSET);
    expect(again.result).toMatchObject({ ordersCreated: 0, ordersExisting: FIGURES.orders, linesCreated: 0, customersCreated: 0, productsCreated: 0 });
    expect((await call('GET', `/accounts?filter=name:startsWith:Customer 12540`)).json().data).toEqual([]);
  }, 300_000);
});

describe('order import files', () => {
  it('reads an XLSX workbook, refuses a file without the needed columns, and needs sales.configure', async () => {
    const who = await signUpWorkspace(t.app, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Orders');
    sheet.addRow(['Order number', 'SKU', 'Product', 'Qty', 'Order date', 'Price', 'Customer', 'Country']);
    sheet.addRow(['SO-9', 'TEA-1', '龙井茶 Ünï', '3', '2026-05-04 09:30', '88.5', 'C-1', '中国']);
    sheet.addRow(['SO-9', 'CUP-1', '茶杯', '6', '2026-05-04 09:30', '12', 'C-1', '中国']);
    const job = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()), { currency: 'CNY', timeZone: 'Asia/Shanghai' }, who);
    expect(job.result).toMatchObject({ ordersCreated: 1, linesCreated: 2, customersCreated: 1, productsCreated: 2 });
    const order = (await call('GET', '/orders', undefined, who)).json().data[0];
    expect(order).toMatchObject({ number: 'SO-9', total: 26550 + 7200, currency: 'CNY', orderedAt: '2026-05-04T01:30:00.000Z', customerName: 'Customer C-1' });

    const noPrice = await call('POST', '/orders/import', { content: Buffer.from('InvoiceNo,StockCode,Quantity,InvoiceDate\n1,A,1,2011-01-01\n').toString('base64') }, who);
    expect(noPrice.statusCode).toBe(400);
    expect(noPrice.json().errors[0]).toMatchObject({ field: 'content', code: 'required' });
    expect((await call('POST', '/orders/import', { content: Buffer.from('x').toString('base64'), timeZone: 'Mars/Olympus' }, who)).statusCode).toBe(400);
    const seller = await addMember(t.app, who, 'sales');
    expect((await call('POST', '/orders/import', { content: SUBSET.toString('base64') }, seller)).statusCode).toBe(403);
  });
});
