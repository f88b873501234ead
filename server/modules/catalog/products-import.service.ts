import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { parseAmount } from '../../../contracts/catalog.js';
import type { FieldErrorCode } from '../../../contracts/errors.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import { translator } from '../../platform/i18n/i18n.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { normalizeText, pinyinSyllables, hasHan, stripAccents } from '../../platform/search/normalize.js';
import type { ParsedFile } from '../customers/index.js';
import { createCategory, findCategory } from './categories.service.js';
import { products } from './catalog.tables.js';
import { assertCurrency, ensureDefaultBook, upsertEntries } from './price-books.service.js';
import { createProducts, updateProduct, type Product, type ProductInput } from './products.service.js';

/** Fields a column of a product file can fill, with the header spellings that map to each (compared normalized). */
export const PRODUCT_IMPORT_TARGETS: Record<string, string[]> = {
  name: ['name', 'product', 'product name', 'item', 'item name', '产品', '產品', '产品名称', '產品名稱', '商品', '商品名称', '商品名稱', '品名', '名称', '名稱'],
  sku: ['sku', 'code', 'product code', 'item code', 'part number', 'article number', '货号', '貨號', '编码', '編碼', '产品编码', '產品編碼', '物料编码', '料号', '料號'],
  category: ['category', 'series', 'product line', 'family', 'group', '分类', '分類', '类别', '類別', '产品分类', '產品分類', '系列'],
  price: ['price', 'sales price', 'list price', 'unit price', 'retail price', 'msrp', '价格', '價格', '单价', '單價', '售价', '售價', '零售价', '零售價', '标准价', '標準價'],
  unit: ['unit', 'uom', 'unit of measure', '单位', '單位', '计量单位', '計量單位'],
  description: ['description', 'details', '描述', '说明', '說明', '产品描述', '產品描述'],
  warrantyMonths: ['warranty', 'warranty months', 'warranty (months)', '保修期', '保修月数', '保固', '保固期'],
};
/** Label keys of fields whose generic label means something else (`fields.name` reads 姓名, a person's name). */
const FIELD_LABELS: Record<string, string> = { name: 'productName' };
/** A product file is small next to a contact list; past this it is refused rather than held in one transaction. */
export const MAX_IMPORT_PRODUCTS = 10_000;

const normalizeHeader = (h: string) => h.normalize('NFKC').toLowerCase().replace(/[\s_\-.:：()（）]+/g, ' ').trim();

/** The field each column goes to (null: not imported); each field taken by its first column. */
export function mapProductColumns(headers: string[]): (string | null)[] {
  const taken = new Set<string>();
  return headers.map((header) => {
    const h = normalizeHeader(header);
    const match = Object.entries(PRODUCT_IMPORT_TARGETS).find(([target, aliases]) => !taken.has(target) && aliases.some((a) => normalizeHeader(a) === h));
    if (!match) return null;
    taken.add(match[0]);
    return match[0];
  });
}

/** A SKU made from a name: GTX Plus Pro → GTX-PLUS-PRO; 智能手环 → ZNSH (pinyin initials). */
export function skuFromName(name: string): string {
  const text = normalizeText(name);
  const base = hasHan(text)
    ? pinyinSyllables(text, false).map((s) => s[0]).join('')
    : stripAccents(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return (base || 'P').toUpperCase().slice(0, 40);
}

interface RowProblem {
  rowNo: number;
  field: string;
  code: FieldErrorCode;
  params?: Record<string, unknown>;
}

interface ImportRow {
  rowNo: number;
  input: ProductInput;
  category: string | null;
  price: number | null;
  /** The SKU came from the file (else generated, or the matched product's). */
  skuGiven: boolean;
}

/**
 * Imports products from a parsed CSV/XLSX file in one transaction: columns mapped by their headers,
 * categories found or made by name, rows matched to existing products by SKU (or by name when the file
 * has no SKU column) and updated, the others created with a SKU made from the name when missing; each
 * price set in the default price book of `currency` (default: the workspace's). Rows with problems are
 * reported and left out.
 */
export async function importProducts(tx: Executor, ctx: RequestContext, file: ParsedFile, currencyAsked?: string) {
  assertCan(ctx, 'catalog.manage');
  const currency = currencyAsked ?? (await getWorkspace(tx, ctx)).defaultCurrency;
  assertCurrency(currency);
  if (file.rows.length > MAX_IMPORT_PRODUCTS) throw invalidField('content', 'maxItems', { limit: MAX_IMPORT_PRODUCTS });
  const mapping = mapProductColumns(file.headers);
  if (!mapping.includes('name')) throw invalidField('mapping', 'required', { field: 'name' });
  const problems: RowProblem[] = [];
  const rows: ImportRow[] = [];
  for (const [i, cells] of file.rows.entries()) {
    const rowNo = i + 1;
    const v: Record<string, string> = {};
    mapping.forEach((target, c) => {
      const cell = cells[c]?.trim();
      if (target && cell) v[target] = cell;
    });
    const before = problems.length;
    if (!v.name) problems.push({ rowNo, field: 'name', code: 'required' });
    else if (v.name.length > 200) problems.push({ rowNo, field: 'name', code: 'maxLength', params: { limit: 200 } });
    if (v.sku && v.sku.length > 64) problems.push({ rowNo, field: 'sku', code: 'maxLength', params: { limit: 64 } });
    const price = v.price ? parseAmount(v.price, currency) : null;
    if (v.price && price === null) problems.push({ rowNo, field: 'price', code: 'invalid' });
    const warranty = v.warrantyMonths ? Number(v.warrantyMonths) : null;
    if (warranty !== null && !(Number.isInteger(warranty) && warranty >= 0 && warranty <= 1200)) problems.push({ rowNo, field: 'warrantyMonths', code: 'invalid' });
    if (problems.length > before) continue;
    rows.push({
      rowNo,
      input: { sku: v.sku ?? '', name: v.name!, description: v.description, unit: v.unit, ...(warranty !== null ? { warrantyMonths: warranty } : {}) },
      category: v.category ?? null,
      price,
      skuGiven: Boolean(v.sku),
    });
  }

  // Categories by name (top level), found or made once each.
  const categoryIds = new Map<string, string>();
  for (const name of new Set(rows.map((r) => r.category).filter((c): c is string => c !== null))) {
    const key = name.toLowerCase();
    if (categoryIds.has(key)) continue;
    categoryIds.set(key, ((await findCategory(tx, ctx, name)) ?? (await createCategory(tx, ctx, { name }))).id);
  }
  for (const row of rows) if (row.category) row.input.categoryId = categoryIds.get(row.category.toLowerCase())!;

  const existing = await matchExisting(tx, ctx, rows, mapping.includes('sku'));
  const takenSkus = new Set(
    (await tx.select({ sku: sql<string>`lower(${products.sku})` }).from(products).where(and(eq(products.workspaceId, ctx.workspaceId), isNull(products.deletedAt)))).map((r) => r.sku),
  );
  const priced: { productId: string; unitPrice: number }[] = [];
  let updated = 0;
  const creates: ImportRow[] = [];
  for (const row of rows) {
    const match = existing.get(row.rowNo);
    if (!match) {
      if (!row.skuGiven) row.input.sku = freeSku(skuFromName(row.input.name), takenSkus);
      takenSkus.add(row.input.sku.toLowerCase());
      creates.push(row);
      continue;
    }
    const { sku: _sku, ...patch } = row.input;
    const fields = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    try {
      // A savepoint per row: one refused update leaves the others in.
      await tx.transaction((rowTx) => updateProduct(rowTx, ctx, match.id, fields));
      updated += 1;
      if (row.price !== null) priced.push({ productId: match.id, unitPrice: row.price });
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      problems.push(...refusal(row.rowNo, err));
    }
  }
  const results = await createProducts(tx, ctx, creates.map((r) => r.input));
  let created = 0;
  results.forEach((result, i) => {
    const row = creates[i]!;
    if (result instanceof AppError) return problems.push(...refusal(row.rowNo, result));
    created += 1;
    if (row.price !== null) priced.push({ productId: result.id, unitPrice: row.price });
  });
  const book = priced.length ? await ensureDefaultBook(tx, ctx, currency) : null;
  // One product twice in a file: the last row's price wins.
  const lastPrice = new Map(priced.map((p) => [p.productId, p.unitPrice]));
  const entries = [...lastPrice].map(([productId, unitPrice]) => ({ productId, unitPrice }));
  for (let i = 0; i < entries.length; i += 1000) await upsertEntries(tx, ctx, book!.id, entries.slice(i, i + 1000));

  const t = translator(ctx.locale);
  return {
    created,
    updated,
    failed: new Set(problems.map((p) => p.rowNo)).size,
    currency,
    priceBookId: book?.id ?? null,
    mapping,
    problems: problems
      .sort((a, b) => a.rowNo - b.rowNo)
      .map((p) => ({ rowNo: p.rowNo, field: p.field, code: p.code, message: t(`validation.${p.code}`, { ...p.params, field: t(`fields.${FIELD_LABELS[p.field] ?? p.field}`, { defaultValue: p.field }) }) })),
  };
}

const refusal = (rowNo: number, err: AppError): RowProblem[] =>
  err.fieldErrors.length ? err.fieldErrors.map((f) => ({ rowNo, field: f.field, code: f.code, params: f.params })) : [{ rowNo, field: 'name', code: 'invalid' }];

/** `base`, else `base-2`, `base-3`… — the first not taken (case-insensitive). */
function freeSku(base: string, taken: Set<string>): string {
  let sku = base;
  for (let n = 2; taken.has(sku.toLowerCase()); n++) sku = `${base}-${n}`;
  return sku;
}

/** The live product each row is: by SKU when the file has SKUs, else by name (case-insensitive). */
async function matchExisting(tx: Executor, ctx: RequestContext, rows: ImportRow[], bySku: boolean): Promise<Map<number, Product>> {
  const keyOf = (row: ImportRow) => (bySku ? row.input.sku : row.input.name).trim().toLowerCase();
  const keys = [...new Set(rows.map(keyOf).filter(Boolean))];
  if (keys.length === 0) return new Map();
  const column = bySku ? products.sku : products.name;
  const found = await tx
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, ctx.workspaceId), isNull(products.deletedAt), inArray(sql`lower(${column})`, keys)));
  const byKey = new Map<string, Product>();
  const ambiguous = new Set<string>();
  for (const product of found) {
    const key = (bySku ? product.sku : product.name).toLowerCase();
    if (byKey.has(key)) ambiguous.add(key);
    byKey.set(key, product);
  }
  // Two products of one name: a row of that name is not matched; it becomes a new product rather than a guess.
  for (const key of ambiguous) byKey.delete(key);
  const out = new Map<number, Product>();
  for (const row of rows) {
    const product = byKey.get(keyOf(row));
    if (product) out.set(row.rowNo, product);
  }
  return out;
}
