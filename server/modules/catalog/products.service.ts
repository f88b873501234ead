import { and, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit, recordAuditMany } from '../../platform/audit/audit.service.js';
import { listCustomFields, validateCustomValues, withCustomFields, type CustomFieldDefinition } from '../../platform/custom-fields/custom-fields.service.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { planList, type ListParams, type ListSpec } from '../../platform/http/list-query.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { normalizeText, stripAccents } from '../../platform/search/normalize.js';
import { searchKeys } from '../../platform/search/search-keys.js';
import { textArray } from '../../platform/search/sql.js';
import { assertCategory } from './categories.service.js';
import { products } from './catalog.tables.js';
import { assertCurrency, setListPrice } from './price-books.service.js';

export type Product = typeof products.$inferSelect;
export interface ProductInput {
  sku: string;
  name: string;
  description?: string | null;
  categoryId?: string | null;
  unit?: string | null;
  warrantyMonths?: number | null;
  active?: boolean;
  custom?: Record<string, unknown>;
}

/** The object name of products for custom fields, saved views and imports. */
export const PRODUCTS = 'products';

export const productListSpec: ListSpec = {
  fields: {
    name: { column: products.name, type: 'text', sortable: true },
    sku: { column: products.sku, type: 'text', sortable: true },
    categoryId: { column: products.categoryId, type: 'uuid' },
    unit: { column: products.unit, type: 'text' },
    warrantyMonths: { column: products.warrantyMonths, type: 'number' },
    active: { column: products.active, type: 'boolean' },
    createdAt: { column: products.createdAt, type: 'timestamp', sortable: true },
    updatedAt: { column: products.updatedAt, type: 'timestamp', sortable: true },
  },
  id: products.id,
  defaultSort: 'name',
};
const deletedSpec: ListSpec = {
  ...productListSpec,
  fields: { ...productListSpec.fields, deletedAt: { column: products.deletedAt, type: 'timestamp', sortable: true } },
  defaultSort: '-deletedAt',
};

const inWorkspace = (ctx: RequestContext) => eq(products.workspaceId, ctx.workspaceId);
const byId = (ctx: RequestContext, id: string) => and(inWorkspace(ctx), eq(products.id, id));
const skuTaken = (sku: string) => new AppError('SKU_TAKEN', 409, { sku }, [{ field: 'sku', code: 'taken', params: { value: sku } }]);
const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);

/** Prefixes of the SKU as typed keys (`n:` like a name's, so a query finds them with no key type of its own). */
function skuKeys(sku: string): string[] {
  const compact = stripAccents(normalizeText(sku)).replace(/\s+/g, '');
  const out: string[] = [];
  for (let i = 2; i <= Math.min(compact.length, 40); i++) out.push(`n:${compact.slice(0, i)}`);
  return out;
}

/** Refuses a SKU another live product has, compared case-insensitively: 409 naming `sku`. */
async function assertSkuFree(tx: Executor, ctx: RequestContext, sku: string, productId: string | null): Promise<void> {
  const [taken] = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(inWorkspace(ctx), isNull(products.deletedAt), sql`lower(${products.sku}) = lower(${sku})`, productId ? ne(products.id, productId) : undefined))
    .limit(1);
  if (taken) throw skuTaken(sku);
}

/** API input → column values: cleaned, checked (SKU free, category exists), with search keys of the whole record. */
async function toColumns(tx: Executor, ctx: RequestContext, input: Partial<ProductInput>, before: Product | null, known?: CustomFieldDefinition[]): Promise<Partial<Product>> {
  const values: Partial<Product> = {};
  if (input.sku !== undefined) {
    values.sku = input.sku.trim();
    if (values.sku.toLowerCase() !== before?.sku.toLowerCase()) await assertSkuFree(tx, ctx, values.sku, before?.id ?? null);
  }
  if (input.name !== undefined) values.name = input.name.trim();
  if (input.description !== undefined) values.description = blankToNull(input.description);
  if (input.unit !== undefined) values.unit = blankToNull(input.unit);
  if (input.warrantyMonths !== undefined) values.warrantyMonths = input.warrantyMonths;
  if (input.active !== undefined) values.active = input.active;
  if (input.categoryId !== undefined) {
    if (input.categoryId) await assertCategory(tx, ctx, input.categoryId, 'categoryId');
    values.categoryId = input.categoryId;
  }
  if (input.custom !== undefined || !before) values.custom = await validateCustomValues(tx, ctx, PRODUCTS, input.custom, before?.custom ?? null, known);
  const whole = { ...before, ...values } as Product;
  values.searchKeys = [...new Set([...searchKeys({ name: whole.name, isPersonName: false }), ...skuKeys(whole.sku)])];
  values.searchText = normalizeText(`${whole.name} ${whole.sku}`);
  return values;
}

async function find(tx: Executor, ctx: RequestContext, id: string, deleted: boolean): Promise<Product | undefined> {
  const [row] = await tx.select().from(products).where(and(byId(ctx, id), deleted ? isNotNull(products.deletedAt) : isNull(products.deletedAt)));
  return row;
}

/** Products in the catalog (everyone may read it), filtered and keyset-paged. */
export async function listProducts(tx: Executor, ctx: RequestContext, params: ListParams, deleted = false) {
  const plan = planList(await withCustomFields(tx, ctx, PRODUCTS, deleted ? deletedSpec : productListSpec, products.custom), params);
  const rows = await tx
    .select()
    .from(products)
    .where(and(inWorkspace(ctx), deleted ? isNotNull(products.deletedAt) : isNull(products.deletedAt), plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit);
  return plan.page(rows);
}

/** A live product; 404 when missing or in the recycle bin. */
export async function getProduct(tx: Executor, ctx: RequestContext, id: string): Promise<Product> {
  const row = await find(tx, ctx, id, false);
  if (!row) throw notFound('product');
  return row;
}

/** Products by id, live or in the recycle bin (a quote keeps showing a product deleted since); unknown ids are left out. */
export async function productsByIds(tx: Executor, ctx: RequestContext, ids: string[]): Promise<Product[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return tx.select().from(products).where(and(inWorkspace(ctx), inArray(products.id, unique)));
}

/** Live products whose SKU (case-insensitive) is one of `skus`. */
export async function productsBySkus(tx: Executor, ctx: RequestContext, skus: string[]): Promise<Product[]> {
  if (skus.length === 0) return [];
  const lower = [...new Set(skus.map((s) => s.trim().toLowerCase()))];
  return tx.select().from(products).where(and(inWorkspace(ctx), isNull(products.deletedAt), inArray(sql`lower(${products.sku})`, lower)));
}

/**
 * Live products by name, compared without case, spaces or accents — so "GTXPro" in a deal file finds the
 * product "GTX Pro". Answers a map from each name asked to the product, when exactly one matches.
 */
export async function productsByNames(tx: Executor, ctx: RequestContext, names: string[]): Promise<Map<string, Product>> {
  const compact = (name: string) => stripAccents(normalizeText(name)).replace(/\s+/g, '');
  const wanted = new Map(names.map((n) => [n, compact(n)]));
  const keys = [...new Set(wanted.values())].filter(Boolean).map((k) => `n:${k}`);
  if (keys.length === 0) return new Map();
  const candidates = await tx
    .select()
    .from(products)
    .where(and(inWorkspace(ctx), isNull(products.deletedAt), sql`${products.searchKeys} && ${textArray(keys)}`));
  const found = new Map<string, Product>();
  for (const [name, key] of wanted) {
    const matches = candidates.filter((p) => compact(p.name) === key);
    if (matches.length === 1) found.set(name, matches[0]!);
  }
  return found;
}

/** List prices to set with a product: each in the default book of its currency (made when missing). */
export type ListPriceInput = { currency: string; unitPrice: number }[];

async function setListPrices(tx: Executor, ctx: RequestContext, productId: string, listPrices: ListPriceInput | undefined): Promise<void> {
  const currencies = (listPrices ?? []).map((p) => p.currency);
  const twice = currencies.findIndex((c, i) => currencies.indexOf(c) !== i);
  if (twice !== -1) throw invalidField(`listPrices.${twice}.currency`, 'taken');
  for (const [i, price] of (listPrices ?? []).entries()) {
    assertCurrency(price.currency, `listPrices.${i}.currency`);
    await setListPrice(tx, ctx, productId, price.currency, price.unitPrice);
  }
}

export async function createProduct(tx: Executor, ctx: RequestContext, input: ProductInput & { listPrices?: ListPriceInput }): Promise<Product> {
  const { listPrices, ...fields } = input;
  const [created] = await createProducts(tx, ctx, [fields]);
  if (created instanceof AppError) throw created;
  await setListPrices(tx, ctx, created!.id, listPrices);
  return created!;
}

/**
 * Creates many products as `createProduct` would — each validated alone, its refusal returned in its place —
 * with one insert and one audit insert for those that pass (imports). SKUs repeated within the batch are
 * refused after the first.
 */
export async function createProducts(tx: Executor, ctx: RequestContext, inputs: ProductInput[]): Promise<(Product | AppError)[]> {
  assertCan(ctx, 'catalog.manage');
  const known = await listCustomFields(tx, ctx, PRODUCTS);
  const results = new Array<Product | AppError>(inputs.length);
  const pending: { at: number; values: typeof products.$inferInsert }[] = [];
  const skus = new Set<string>();
  for (const [at, input] of inputs.entries()) {
    try {
      const sku = input.sku.trim().toLowerCase();
      if (skus.has(sku)) throw skuTaken(input.sku);
      const values = await toColumns(tx, ctx, input, null, known);
      skus.add(sku);
      pending.push({ at, values: { ...(values as Product), workspaceId: ctx.workspaceId, id: uuidv7(), createdBy: ctx.userId } });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results[at] = err;
    }
  }
  if (pending.length === 0) return results;
  const rows = await tx.insert(products).values(pending.map((p) => p.values)).returning();
  await recordAuditMany(tx, ctx, rows.map((row) => ({ action: 'create', recordType: 'product', recordId: row.id, after: row })));
  const created = new Map(rows.map((row) => [row.id, row]));
  for (const p of pending) results[p.at] = created.get(p.values.id)!;
  return results;
}

export async function updateProduct(tx: Executor, ctx: RequestContext, id: string, input: Partial<ProductInput> & { listPrices?: ListPriceInput }): Promise<Product> {
  assertCan(ctx, 'catalog.manage');
  const { listPrices, ...patch } = input;
  const before = await getProduct(tx, ctx, id);
  await setListPrices(tx, ctx, id, listPrices);
  const values = await toColumns(tx, ctx, patch, before);
  const [after] = await tx.update(products).set({ ...values, updatedAt: new Date() }).where(byId(ctx, id)).returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'product', recordId: id, before, after });
  return after!;
}

/** Moves a product to the recycle bin: its SKU is free again, its prices stay for a restore. */
export async function deleteProduct(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'catalog.manage');
  const before = await getProduct(tx, ctx, id);
  await tx.update(products).set({ deletedAt: new Date(), deletedBy: ctx.userId }).where(byId(ctx, id));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'product', recordId: id, before });
}

/** Brings a product back from the recycle bin, unless a live product took its SKU meanwhile (409 naming `sku`). */
export async function restoreProduct(tx: Executor, ctx: RequestContext, id: string): Promise<Product> {
  assertCan(ctx, 'catalog.manage');
  const deleted = await find(tx, ctx, id, true);
  if (!deleted) throw notFound('product');
  await assertSkuFree(tx, ctx, deleted.sku, id);
  const [row] = await tx.update(products).set({ deletedAt: null, deletedBy: null, updatedAt: new Date() }).where(byId(ctx, id)).returning();
  await recordAudit(tx, ctx, { action: 'restore', recordType: 'product', recordId: id, after: row });
  return row!;
}
