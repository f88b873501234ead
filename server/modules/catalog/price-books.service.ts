import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { isCurrency, type PriceBookKind } from '../../../contracts/catalog.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit, recordAuditMany } from '../../platform/audit/audit.service.js';
import { invalidField, notFound } from '../../platform/errors/app-error.js';
import { planList, type ListParams, type ListSpec } from '../../platform/http/list-query.js';
import { translator } from '../../platform/i18n/i18n.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { priceBookEntries, priceBooks, products } from './catalog.tables.js';

export type PriceBook = typeof priceBooks.$inferSelect;
export type PriceBookEntry = typeof priceBookEntries.$inferSelect;
export interface PriceBookInput {
  name: string;
  kind?: PriceBookKind;
  currency: string;
  isDefault?: boolean;
  active?: boolean;
  description?: string | null;
}

const inWorkspace = (ctx: RequestContext) => eq(priceBooks.workspaceId, ctx.workspaceId);
const byId = (ctx: RequestContext, id: string) => and(inWorkspace(ctx), eq(priceBooks.id, id));

/** Refuses (400 naming `field`) a code that is not an ISO 4217 currency. */
export function assertCurrency(currency: string, field = 'currency'): void {
  if (!isCurrency(currency)) throw invalidField(field, 'invalid', { value: currency });
}

export const priceBookListSpec: ListSpec = {
  fields: {
    name: { column: priceBooks.name, type: 'text', sortable: true },
    kind: { column: priceBooks.kind, type: 'text' },
    currency: { column: priceBooks.currency, type: 'text', sortable: true },
    isDefault: { column: priceBooks.isDefault, type: 'boolean' },
    active: { column: priceBooks.active, type: 'boolean' },
    createdAt: { column: priceBooks.createdAt, type: 'timestamp', sortable: true },
  },
  id: priceBooks.id,
  defaultSort: 'name',
};

export async function listPriceBooks(tx: Executor, ctx: RequestContext, params: ListParams) {
  const plan = planList(priceBookListSpec, params);
  const rows = await tx.select().from(priceBooks).where(and(inWorkspace(ctx), plan.where)).orderBy(...plan.orderBy).limit(plan.limit);
  return plan.page(rows);
}

export async function getPriceBook(tx: Executor, ctx: RequestContext, id: string): Promise<PriceBook> {
  const [row] = await tx.select().from(priceBooks).where(byId(ctx, id));
  if (!row) throw notFound('priceBook');
  return row;
}

/** Makes `id` the only default book of its currency (the partial unique index allows one). */
async function clearOtherDefault(tx: Executor, ctx: RequestContext, currency: string, id: string | null): Promise<void> {
  await tx
    .update(priceBooks)
    .set({ isDefault: false, updatedAt: new Date() })
    .where(and(inWorkspace(ctx), eq(priceBooks.currency, currency), eq(priceBooks.isDefault, true), id ? sql`${priceBooks.id} <> ${id}` : undefined));
}

export async function createPriceBook(tx: Executor, ctx: RequestContext, input: PriceBookInput): Promise<PriceBook> {
  assertCan(ctx, 'catalog.manage');
  assertCurrency(input.currency);
  // The first book of a currency holds its list prices unless told otherwise.
  const isDefault = input.isDefault ?? !(await defaultBookOf(tx, ctx, input.currency));
  if (isDefault) await clearOtherDefault(tx, ctx, input.currency, null);
  const [row] = await tx
    .insert(priceBooks)
    .values({ workspaceId: ctx.workspaceId, id: uuidv7(), name: input.name.trim(), kind: input.kind ?? 'retail', currency: input.currency, isDefault, active: input.active ?? true, description: input.description?.trim() || null })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'priceBook', recordId: row!.id, after: row });
  return row!;
}

/** Changes a price book. Its currency is fixed once it has prices: they were set in that currency. */
export async function updatePriceBook(tx: Executor, ctx: RequestContext, id: string, patch: Partial<PriceBookInput>): Promise<PriceBook> {
  assertCan(ctx, 'catalog.manage');
  const before = await getPriceBook(tx, ctx, id);
  if (patch.currency !== undefined && patch.currency !== before.currency) {
    assertCurrency(patch.currency);
    const [priced] = await tx.select({ id: priceBookEntries.productId }).from(priceBookEntries).where(and(eq(priceBookEntries.workspaceId, ctx.workspaceId), eq(priceBookEntries.priceBookId, id))).limit(1);
    if (priced) throw invalidField('currency', 'invalid', { value: patch.currency });
  }
  const currency = patch.currency ?? before.currency;
  if (patch.isDefault) await clearOtherDefault(tx, ctx, currency, id);
  const { description, name, ...rest } = patch;
  const [after] = await tx
    .update(priceBooks)
    .set({
      ...rest,
      ...(name !== undefined ? { name: name.trim() } : {}),
      ...(description !== undefined ? { description: description?.trim() || null } : {}),
      // A book moved to another currency cannot stay the default of the old one.
      ...(patch.currency !== undefined && patch.currency !== before.currency && patch.isDefault === undefined ? { isDefault: false } : {}),
      updatedAt: new Date(),
    })
    .where(byId(ctx, id))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'priceBook', recordId: id, before, after });
  return after!;
}

/** Deletes a price book and its prices. Quotes and orders keep the prices they copied. */
export async function deletePriceBook(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'catalog.manage');
  const before = await getPriceBook(tx, ctx, id);
  await tx.delete(priceBooks).where(byId(ctx, id));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'priceBook', recordId: id, before });
}

/** The default (list price) book of a currency, or undefined. */
export async function defaultBookOf(tx: Executor, ctx: RequestContext, currency: string): Promise<PriceBook | undefined> {
  const [row] = await tx.select().from(priceBooks).where(and(inWorkspace(ctx), eq(priceBooks.currency, currency), eq(priceBooks.isDefault, true)));
  return row;
}

/** The default book of a currency, created (named in the caller's language) when the currency has none yet. */
export async function ensureDefaultBook(tx: Executor, ctx: RequestContext, currency: string): Promise<PriceBook> {
  assertCurrency(currency);
  const found = await defaultBookOf(tx, ctx, currency);
  if (found) return found;
  return createPriceBook(tx, ctx, { name: translator(ctx.locale)('catalog.standardPriceBook', { currency }), kind: 'retail', currency, isDefault: true });
}

export const entryListSpec: ListSpec = {
  fields: {
    productName: { column: products.name, type: 'text', sortable: true },
    sku: { column: products.sku, type: 'text', sortable: true },
    productId: { column: priceBookEntries.productId, type: 'uuid' },
    unitPrice: { column: priceBookEntries.unitPrice, type: 'number', sortable: true },
    updatedAt: { column: priceBookEntries.updatedAt, type: 'timestamp', sortable: true },
  },
  id: priceBookEntries.productId,
  defaultSort: 'productName',
};

/** A book's prices with the names and SKUs of their (live) products, filtered and keyset-paged. */
export async function listEntries(tx: Executor, ctx: RequestContext, priceBookId: string, params: ListParams) {
  const book = await getPriceBook(tx, ctx, priceBookId);
  const plan = planList(entryListSpec, params);
  const rows = await tx
    .select({ productId: priceBookEntries.productId, productName: products.name, sku: products.sku, unit: products.unit, active: products.active, unitPrice: priceBookEntries.unitPrice, updatedAt: priceBookEntries.updatedAt })
    .from(priceBookEntries)
    .innerJoin(products, and(eq(products.workspaceId, priceBookEntries.workspaceId), eq(products.id, priceBookEntries.productId)))
    .where(and(eq(priceBookEntries.workspaceId, ctx.workspaceId), eq(priceBookEntries.priceBookId, book.id), isNull(products.deletedAt), plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit);
  return { ...plan.page(rows), currency: book.currency };
}

/** A price change as a change of the product (set, changed or removed in one book). */
const priceAudit = (book: PriceBook, productId: string, old: number | null, now: number | null) =>
  ({
    action: 'update',
    recordType: 'product',
    recordId: productId,
    before: { priceBook: `${book.name} (${book.currency})`, unitPrice: old },
    after: { priceBook: `${book.name} (${book.currency})`, unitPrice: now },
  }) as const;

/**
 * Sets many prices of a book in one go (added or changed), each audited on the product. Products must be
 * live ones of the workspace: the first that is not is refused, naming its place (`entries.3.productId`).
 */
export async function upsertEntries(tx: Executor, ctx: RequestContext, priceBookId: string, entries: { productId: string; unitPrice: number }[]): Promise<number> {
  assertCan(ctx, 'catalog.manage');
  const book = await getPriceBook(tx, ctx, priceBookId);
  if (entries.length === 0) return 0;
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.productId)) throw invalidField(`entries.${i}.productId`, 'taken');
    seen.add(e.productId);
  });
  const ids = [...seen];
  const live = new Set(
    (await tx.select({ id: products.id }).from(products).where(and(eq(products.workspaceId, ctx.workspaceId), inArray(products.id, ids), isNull(products.deletedAt)))).map((p) => p.id),
  );
  const missing = entries.findIndex((e) => !live.has(e.productId));
  if (missing !== -1) throw invalidField(`entries.${missing}.productId`, 'invalid');
  const before = new Map(
    (await tx.select().from(priceBookEntries).where(and(eq(priceBookEntries.workspaceId, ctx.workspaceId), eq(priceBookEntries.priceBookId, book.id), inArray(priceBookEntries.productId, ids)))).map((e) => [e.productId, e]),
  );
  const now = new Date();
  await tx
    .insert(priceBookEntries)
    .values(entries.map((e) => ({ workspaceId: ctx.workspaceId, priceBookId: book.id, productId: e.productId, unitPrice: e.unitPrice, updatedAt: now })))
    .onConflictDoUpdate({ target: [priceBookEntries.workspaceId, priceBookEntries.priceBookId, priceBookEntries.productId], set: { unitPrice: sql`excluded.unit_price`, updatedAt: now } });
  // Audited on the product: its history shows who changed which price, from what to what.
  const changed = entries.filter((e) => before.get(e.productId)?.unitPrice !== e.unitPrice);
  await recordAuditMany(tx, ctx, changed.map((e) => priceAudit(book, e.productId, before.get(e.productId)?.unitPrice ?? null, e.unitPrice)));
  return changed.length;
}

/** Removes a product's price from a book; 404 when it had none there. */
export async function removeEntry(tx: Executor, ctx: RequestContext, priceBookId: string, productId: string): Promise<void> {
  assertCan(ctx, 'catalog.manage');
  const book = await getPriceBook(tx, ctx, priceBookId);
  const [gone] = await tx
    .delete(priceBookEntries)
    .where(and(eq(priceBookEntries.workspaceId, ctx.workspaceId), eq(priceBookEntries.priceBookId, book.id), eq(priceBookEntries.productId, productId)))
    .returning();
  if (!gone) throw notFound('priceBookEntry');
  await recordAudit(tx, ctx, priceAudit(book, productId, gone.unitPrice, null));
}

/** Sets a product's list price: its price in the default book of the currency (created when missing). */
export async function setListPrice(tx: Executor, ctx: RequestContext, productId: string, currency: string, unitPrice: number): Promise<void> {
  const book = await ensureDefaultBook(tx, ctx, currency);
  await upsertEntries(tx, ctx, book.id, [{ productId, unitPrice }]);
}

export interface ProductPrice {
  priceBookId: string;
  priceBookName: string;
  kind: PriceBookKind;
  currency: string;
  isDefault: boolean;
  active: boolean;
  unitPrice: number;
}

/** The prices of many products in every book, default books first, for product pages and lists. */
export async function pricesOfProducts(tx: Executor, ctx: RequestContext, productIds: string[], options: { defaultOnly?: boolean } = {}): Promise<Map<string, ProductPrice[]>> {
  const out = new Map<string, ProductPrice[]>(productIds.map((id) => [id, []]));
  if (productIds.length === 0) return out;
  const rows = await tx
    .select({
      productId: priceBookEntries.productId,
      priceBookId: priceBooks.id,
      priceBookName: priceBooks.name,
      kind: priceBooks.kind,
      currency: priceBooks.currency,
      isDefault: priceBooks.isDefault,
      active: priceBooks.active,
      unitPrice: priceBookEntries.unitPrice,
    })
    .from(priceBookEntries)
    .innerJoin(priceBooks, and(eq(priceBooks.workspaceId, priceBookEntries.workspaceId), eq(priceBooks.id, priceBookEntries.priceBookId)))
    .where(and(eq(priceBookEntries.workspaceId, ctx.workspaceId), inArray(priceBookEntries.productId, productIds), options.defaultOnly ? eq(priceBooks.isDefault, true) : undefined))
    .orderBy(desc(priceBooks.isDefault), asc(priceBooks.currency), asc(priceBooks.name));
  for (const { productId, ...price } of rows) out.get(productId)?.push(price);
  return out;
}

/**
 * The book that prices in `currency`: the given one (a book of another workspace is a 404, as if missing;
 * one in another currency, or inactive, a 400 naming `priceBookId`), else the currency's default book, or
 * null when the currency has none.
 */
export async function pricingBook(tx: Executor, ctx: RequestContext, currency: string, priceBookId?: string | null): Promise<PriceBook | null> {
  assertCurrency(currency);
  if (!priceBookId) return (await defaultBookOf(tx, ctx, currency)) ?? null;
  const book = await getPriceBook(tx, ctx, priceBookId);
  if (book.currency !== currency || !book.active) throw invalidField('priceBookId', 'invalid');
  return book;
}

/** Unit prices of products in one book, by product id (products without a price there are absent). */
export async function pricesInBook(tx: Executor, ctx: RequestContext, priceBookId: string, productIds: string[]): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await tx
    .select({ productId: priceBookEntries.productId, unitPrice: priceBookEntries.unitPrice })
    .from(priceBookEntries)
    .where(and(eq(priceBookEntries.workspaceId, ctx.workspaceId), eq(priceBookEntries.priceBookId, priceBookId), inArray(priceBookEntries.productId, [...new Set(productIds)])));
  return new Map(rows.map((r) => [r.productId, r.unitPrice]));
}

/**
 * A product's unit price in minor units of `currency`: from the given price book, else from the currency's
 * default book; null when that book has no price for it (or the currency has no default book). Errors as
 * `pricingBook`.
 */
export async function priceOf(tx: Executor, ctx: RequestContext, query: { productId: string; priceBookId?: string | null; currency: string }): Promise<number | null> {
  const book = await pricingBook(tx, ctx, query.currency, query.priceBookId);
  if (!book) return null;
  return (await pricesInBook(tx, ctx, book.id, [query.productId])).get(query.productId) ?? null;
}
