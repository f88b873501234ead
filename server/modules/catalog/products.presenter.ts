import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { productCategories } from './catalog.tables.js';
import { pricesOfProducts, type ProductPrice } from './price-books.service.js';
import type { Product } from './products.service.js';

export type PresentedProduct = Omit<Product, 'workspaceId' | 'searchKeys' | 'searchText' | 'createdBy'> & { categoryName: string | null; listPrices: ProductPrice[] };

/** Products as the API shows them: with their category's name and list prices, read for the whole page at once. */
export async function presentProducts(tx: Executor, ctx: RequestContext, rows: Product[]): Promise<PresentedProduct[]> {
  if (rows.length === 0) return [];
  const categoryIds = [...new Set(rows.map((r) => r.categoryId).filter((id): id is string => id !== null))];
  const categories = categoryIds.length
    ? await tx
        .select({ id: productCategories.id, name: productCategories.name })
        .from(productCategories)
        .where(and(eq(productCategories.workspaceId, ctx.workspaceId), inArray(productCategories.id, categoryIds)))
    : [];
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const prices = await pricesOfProducts(tx, ctx, rows.map((r) => r.id), { defaultOnly: true });
  return rows.map(({ workspaceId: _w, searchKeys: _k, searchText: _t, createdBy: _c, ...row }) => ({
    ...row,
    categoryName: row.categoryId ? (names.get(row.categoryId) ?? null) : null,
    listPrices: prices.get(row.id) ?? [],
  }));
}

export async function presentProduct(tx: Executor, ctx: RequestContext, row: Product): Promise<PresentedProduct> {
  return (await presentProducts(tx, ctx, [row]))[0]!;
}
