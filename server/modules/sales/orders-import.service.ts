import { gunzipSync } from 'node:zlib';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAuditMany } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/errors/app-error.js';
import { readImportFile, type ParsedFile, type TextEncoding } from '../../platform/imports/import-files.js';
import { createProducts, currencyDigits, productsBySkus } from '../catalog/index.js';
import { createAccounts } from '../customers/index.js';
import { addMonths, lineAmounts } from './orders.service.js';
import { orderCustomerRefs, orderLines, orders } from './orders.tables.js';

// Orders from a file of invoice lines — one row per line, the invoice's number, date and customer repeated on
// each (the UCI Online Retail layout; docs/sales.md has the mapping). Set-based: customers, products, orders
// and lines are each written thousands of rows per statement; invoices already imported are skipped.

/** Fields a column can fill, with the header spellings of each (compared without case, spaces or punctuation). */
export const ORDER_IMPORT_TARGETS: Record<string, string[]> = {
  invoice: ['InvoiceNo', 'invoice', 'invoice number', 'order', 'order number', 'order no', '订单号', '訂單號', '发票号', '發票號'],
  sku: ['StockCode', 'stock code', 'sku', 'product code', 'item code', '产品编码', '產品編碼', '货号', '貨號'],
  description: ['Description', 'product', 'product name', 'item', '产品', '產品', '品名'],
  quantity: ['Quantity', 'qty', '数量', '數量'],
  orderedAt: ['InvoiceDate', 'invoice date', 'order date', 'date', 'ordered at', '下单时间', '下單時間', '日期'],
  unitPrice: ['UnitPrice', 'unit price', 'price', '单价', '單價'],
  customer: ['CustomerID', 'customer id', 'customer', 'customer number', '客户编号', '客戶編號'],
  country: ['Country', 'region', '国家', '國家', '地区', '地區'],
};
const REQUIRED = ['invoice', 'sku', 'quantity', 'orderedAt', 'unitPrice'] as const;
const compact = (h: string) => h.normalize('NFKC').toLowerCase().replace(/[\s_\-.:：()（）#]+/g, '');

export interface OrderImportOptions {
  currency: string;
  /** The zone the file's times are wall-clock times in (Online Retail: Europe/London). */
  timeZone: string;
}

export interface ImportProblem {
  rowNo: number;
  field: string;
  code: string;
  value?: string;
}

interface InvoiceLine {
  sku: string;
  description: string;
  quantity: number;
  unitPrice: number;
}

/** One order to be: an invoice's lines, gathered from wherever they are in the file. */
export interface Invoice {
  number: string;
  customer: string;
  country: string | null;
  /** `YYYY-MM-DD HH:MM:SS`, wall-clock in the import's zone; the earliest of its rows. */
  localTime: string;
  /** A `C…` invoice: a return of goods, its quantities negative. */
  isReturn: boolean;
  lines: InvoiceLine[];
}

export interface ParsedOrders {
  invoices: Invoice[];
  rows: number;
  /** `A…` invoices (bad-debt adjustments): not sales. */
  adjustmentRows: number;
  /** Rows with no customer number: no one to attribute the sale to. */
  rowsWithoutCustomer: number;
  problems: ImportProblem[];
}

/** Columns → fields by header; the invoice, product code, quantity, date and price are needed. */
export function mapOrderColumns(headers: string[]): Record<string, number> {
  const mapping: Record<string, number> = {};
  headers.forEach((header, at) => {
    const h = compact(header);
    const target = Object.entries(ORDER_IMPORT_TARGETS).find(([field, aliases]) => mapping[field] === undefined && aliases.some((a) => compact(a) === h));
    if (target) mapping[target[0]] = at;
  });
  const missing = REQUIRED.find((field) => mapping[field] === undefined);
  if (missing) throw new AppError('VALIDATION_FAILED', 400, {}, [{ field: 'content', code: 'required', params: { column: missing } }]);
  return mapping;
}

/** `2011-12-09 12:50:00`, `2011-12-09 12:50`, `2011-12-09` or the UCI original's `12/9/2011 12:50` → `YYYY-MM-DD HH:MM:SS`. */
export function wallClock(text: string): string | null {
  const pad = (n: string | undefined) => (n ?? '0').padStart(2, '0');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) return valid(`${m[1]}-${pad(m[2])}-${pad(m[3])} ${pad(m[4])}:${pad(m[5])}:${pad(m[6])}`);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) return valid(`${m[3]}-${pad(m[1])}-${pad(m[2])} ${pad(m[4])}:${pad(m[5])}:${pad(m[6])}`);
  return null;
}
function valid(stamp: string): string | null {
  const d = new Date(`${stamp.replace(' ', 'T')}Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 19).replace('T', ' ') === stamp ? stamp : null;
}

/** A decimal price → minor units, digit by digit (no float error), rounded half up past the currency's digits (0.001 GBP → 0). */
export function minorUnits(text: string, digits: number): number | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const fraction = (m[2] ?? '').padEnd(digits + 1, '0');
  const whole = BigInt(m[1]!) * 10n ** BigInt(digits) + BigInt(fraction.slice(0, digits) || '0');
  const value = Number(whole + (Number(fraction[digits]) >= 5 ? 1n : 0n));
  return Number.isSafeInteger(value) && value <= 1e15 ? value : null;
}

/** The file's rows as invoices, with what was left out and why. */
export function parseOrderRows(file: Pick<ParsedFile, 'headers' | 'rows'>, currency: string): ParsedOrders {
  const col = mapOrderColumns(file.headers);
  const digits = currencyDigits(currency);
  const cell = (row: string[], field: string) => (col[field] === undefined ? '' : (row[col[field]!] ?? '').trim());
  const byNumber = new Map<string, Invoice>();
  const result: ParsedOrders = { invoices: [], rows: file.rows.length, adjustmentRows: 0, rowsWithoutCustomer: 0, problems: [] };
  file.rows.forEach((row, at) => {
    const rowNo = at + 2;
    const number = cell(row, 'invoice');
    if (/^A/i.test(number)) return void result.adjustmentRows++;
    // Spreadsheets write the customer number as a float (17850.0).
    const customer = cell(row, 'customer').replace(/\.0+$/, '');
    if (!customer) return void result.rowsWithoutCustomer++;
    const isReturn = /^C/i.test(number);
    const problem = (field: string, code: string, value?: string) => void result.problems.push({ rowNo, field, code, ...(value !== undefined ? { value } : {}) });
    const sku = cell(row, 'sku');
    const quantity = Number(cell(row, 'quantity'));
    const unitPrice = minorUnits(cell(row, 'unitPrice'), digits);
    const localTime = wallClock(cell(row, 'orderedAt'));
    if (!number) return problem('invoice', 'required');
    if (!sku) return problem('sku', 'required');
    if (!Number.isFinite(quantity) || quantity === 0 || Math.abs(quantity) > 1e9 || (quantity < 0 && !isReturn)) return problem('quantity', 'invalid', cell(row, 'quantity'));
    if (unitPrice === null) return problem('unitPrice', 'invalid', cell(row, 'unitPrice'));
    if (!localTime) return problem('orderedAt', 'invalid', cell(row, 'orderedAt'));
    let invoice = byNumber.get(number);
    if (!invoice) {
      invoice = { number, customer, country: cell(row, 'country') || null, localTime, isReturn, lines: [] };
      byNumber.set(number, invoice);
      result.invoices.push(invoice);
    } else if (invoice.customer !== customer) {
      return problem('customer', 'invalid', customer);
    }
    if (localTime < invoice.localTime) invoice.localTime = localTime;
    invoice.lines.push({ sku, description: cell(row, 'description'), quantity: isReturn ? -Math.abs(quantity) : quantity, unitPrice });
  });
  return result;
}

/** A file as uploaded (CSV, gzipped CSV, XLSX) → header and rows. */
export async function readOrderFile(bytes: Buffer, encoding?: TextEncoding): Promise<ParsedFile> {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return readImportFile(gzipped ? gunzipSync(bytes) : bytes, encoding);
}

export interface ProductRef {
  id: string;
  warrantyMonths: number | null;
}

/**
 * The catalog products of the file's SKUs (case-insensitive), made when missing — named by the first
 * description the file gives them. SKUs the catalog refuses are reported and their lines left out.
 */
export async function resolveProducts(tx: Executor, ctx: RequestContext, invoices: Invoice[]): Promise<{ products: Map<string, ProductRef>; created: number; refused: ImportProblem[] }> {
  const wanted = new Map<string, { sku: string; name: string }>();
  for (const invoice of invoices)
    for (const line of invoice.lines) {
      const key = line.sku.toLowerCase();
      const seen = wanted.get(key);
      if (!seen) wanted.set(key, { sku: line.sku, name: line.description });
      else if (!seen.name && line.description) seen.name = line.description;
    }
  const products = new Map<string, ProductRef>();
  for (const p of await productsBySkus(tx, ctx, [...wanted.values()].map((w) => w.sku))) products.set(p.sku.toLowerCase(), { id: p.id, warrantyMonths: p.warrantyMonths });
  const missing = [...wanted.entries()].filter(([key]) => !products.has(key));
  let created = 0;
  const refused: ImportProblem[] = [];
  for (let at = 0; at < missing.length; at += 1000) {
    const chunk = missing.slice(at, at + 1000);
    const results = await createProducts(tx, ctx, chunk.map(([, w]) => ({ sku: w.sku, name: (w.name || w.sku).slice(0, 200) })));
    results.forEach((r, i) => {
      if (r instanceof AppError) refused.push({ rowNo: 0, field: 'sku', code: r.fieldErrors[0]?.code ?? 'invalid', value: chunk[i]![1].sku });
      else {
        products.set(chunk[i]![0], { id: r.id, warrantyMonths: r.warrantyMonths });
        created++;
      }
    });
  }
  return { products, created, refused };
}

/** The accounts of the file's customer numbers: found through order_customer_refs, else made (Customer 17850, in its country). */
export async function resolveCustomers(tx: Executor, ctx: RequestContext, invoices: Invoice[]): Promise<{ accounts: Map<string, string>; created: number }> {
  const countries = new Map<string, string | null>();
  for (const invoice of invoices) if (!countries.has(invoice.customer)) countries.set(invoice.customer, invoice.country);
  const refs = [...countries.keys()];
  const accounts = new Map<string, string>();
  for (let at = 0; at < refs.length; at += 5000) {
    const rows = await tx
      .select({ ref: orderCustomerRefs.externalRef, accountId: orderCustomerRefs.accountId })
      .from(orderCustomerRefs)
      .where(and(eq(orderCustomerRefs.workspaceId, ctx.workspaceId), inArray(orderCustomerRefs.externalRef, refs.slice(at, at + 5000))));
    for (const r of rows) accounts.set(r.ref, r.accountId);
  }
  const missing = refs.filter((ref) => !accounts.has(ref));
  for (let at = 0; at < missing.length; at += 1000) {
    const chunk = missing.slice(at, at + 1000);
    const made = await createAccounts(tx, ctx, chunk.map((ref) => ({ name: `Customer ${ref}`, type: 'customer' as const, region: countries.get(ref) ?? null, source: 'order import' })));
    const links = made.flatMap((account, i) => {
      if (account instanceof AppError) throw account;
      accounts.set(chunk[i]!, account.id);
      return [{ workspaceId: ctx.workspaceId, externalRef: chunk[i]!, accountId: account.id }];
    });
    if (links.length) await tx.insert(orderCustomerRefs).values(links);
  }
  return { accounts, created: missing.length };
}

export interface BatchResult {
  created: number;
  existing: number;
  returns: number;
  lines: number;
  problems: ImportProblem[];
}

const LINES_PER_STATEMENT = 4000;

/**
 * Writes a batch of invoices as orders with their lines: sales fulfilled on their day, returns cancelled with
 * negative lines. Invoices already in the workspace (same external ref or number) are left as they are.
 */
export async function importInvoiceBatch(
  tx: Executor,
  ctx: RequestContext,
  invoices: Invoice[],
  refs: { accounts: Map<string, string>; products: Map<string, ProductRef> },
  options: OrderImportOptions,
): Promise<BatchResult> {
  const result: BatchResult = { created: 0, existing: 0, returns: 0, lines: 0, problems: [] };
  const pending = invoices.map((invoice) => {
    const lines = invoice.lines.filter((l) => refs.products.has(l.sku.toLowerCase()));
    let subtotal = 0;
    let net = 0;
    for (const l of lines) {
      const a = lineAmounts(l.quantity, l.unitPrice, 0, 0);
      subtotal += a.gross;
      net += a.total;
    }
    return { invoice, lines, id: uuidv7(), subtotal, net };
  });
  const withLines = pending.filter((p) => p.lines.length > 0);
  if (withLines.length === 0) return result;
  const at = (p: (typeof pending)[number]) => sql`(${p.invoice.localTime}::timestamp at time zone ${options.timeZone})`;
  const inserted = await tx
    .insert(orders)
    .values(
      withLines.map((p) => ({
        workspaceId: ctx.workspaceId,
        id: p.id,
        number: p.invoice.number,
        accountId: refs.accounts.get(p.invoice.customer)!,
        ownerId: ctx.userId,
        status: p.invoice.isReturn ? ('cancelled' as const) : ('fulfilled' as const),
        orderedAt: at(p) as unknown as Date,
        orderDate: p.invoice.localTime.slice(0, 10),
        confirmedAt: (p.invoice.isReturn ? null : at(p)) as unknown as Date | null,
        fulfilledAt: (p.invoice.isReturn ? null : at(p)) as unknown as Date | null,
        cancelledAt: (p.invoice.isReturn ? at(p) : null) as unknown as Date | null,
        currency: options.currency,
        subtotal: p.subtotal,
        discount: p.subtotal - p.net,
        tax: 0,
        total: p.net,
        externalRef: p.invoice.number,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: orders.id, number: orders.number, status: orders.status, total: orders.total });
  const created = new Set(inserted.map((o) => o.id));
  result.created = inserted.length;
  result.existing = withLines.length - inserted.length;
  result.returns = inserted.filter((o) => o.status === 'cancelled').length;
  const lineRows = withLines
    .filter((p) => created.has(p.id))
    .flatMap((p) =>
      p.lines.map((l, position) => {
        const product = refs.products.get(l.sku.toLowerCase())!;
        return {
          workspaceId: ctx.workspaceId,
          orderId: p.id,
          position,
          productId: product.id,
          sku: l.sku,
          name: (l.description || l.sku).slice(0, 200),
          quantity: String(l.quantity),
          unitPrice: l.unitPrice,
          total: lineAmounts(l.quantity, l.unitPrice, 0, 0).total,
          warrantyEndsOn: product.warrantyMonths ? addMonths(p.invoice.localTime.slice(0, 10), product.warrantyMonths) : null,
        };
      }),
    );
  for (let i = 0; i < lineRows.length; i += LINES_PER_STATEMENT) await tx.insert(orderLines).values(lineRows.slice(i, i + LINES_PER_STATEMENT));
  result.lines = lineRows.length;
  await recordAuditMany(
    tx,
    ctx,
    inserted.map((o) => ({ action: 'create' as const, recordType: 'order', recordId: o.id, after: { number: o.number, status: o.status, total: o.total, imported: true } })),
  );
  return result;
}
