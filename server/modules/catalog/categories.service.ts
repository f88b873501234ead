import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { productCategories, products } from './catalog.tables.js';

export type ProductCategory = typeof productCategories.$inferSelect;
export interface CategoryInput {
  name: string;
  parentId?: string | null;
}

const inWorkspace = (ctx: RequestContext) => eq(productCategories.workspaceId, ctx.workspaceId);
const byId = (ctx: RequestContext, id: string) => and(inWorkspace(ctx), eq(productCategories.id, id));
const nameTaken = () => invalidField('name', 'taken');

/** Every category of the workspace (a catalog has tens, not thousands), by name, with its live products counted. */
export async function listCategories(tx: Executor, ctx: RequestContext, onlyId?: string): Promise<(ProductCategory & { productCount: number })[]> {
  const counts = tx
    .select({ categoryId: products.categoryId, n: sql<number>`count(*)::int`.as('n') })
    .from(products)
    .where(and(eq(products.workspaceId, ctx.workspaceId), isNull(products.deletedAt)))
    .groupBy(products.categoryId)
    .as('counts');
  const rows = await tx
    .select({ category: productCategories, n: counts.n })
    .from(productCategories)
    .leftJoin(counts, eq(counts.categoryId, productCategories.id))
    .where(and(inWorkspace(ctx), onlyId ? eq(productCategories.id, onlyId) : undefined))
    .orderBy(asc(sql`lower(${productCategories.name})`), asc(productCategories.id));
  return rows.map((r) => ({ ...r.category, productCount: r.n ?? 0 }));
}

export async function getCategory(tx: Executor, ctx: RequestContext, id: string): Promise<ProductCategory & { productCount: number }> {
  const [row] = await listCategories(tx, ctx, id);
  if (!row) throw notFound('productCategory');
  return row;
}

/** Refuses (400 naming `field`) a category id that is not one of the workspace's. */
export async function assertCategory(tx: Executor, ctx: RequestContext, id: string, field: string): Promise<void> {
  const [row] = await tx.select({ id: productCategories.id }).from(productCategories).where(byId(ctx, id));
  if (!row) throw invalidField(field, 'invalid');
}

/** Refuses a parent that is missing or would make the tree a loop (walking up from it meets the category). */
async function assertParent(tx: Executor, ctx: RequestContext, categoryId: string | null, parentId: string | null | undefined): Promise<void> {
  if (!parentId) return;
  if (parentId === categoryId) throw invalidField('parentId', 'invalid');
  const { rows } = (await tx.execute(sql`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from ${productCategories} where workspace_id = ${ctx.workspaceId} and id = ${parentId}
      union all
      select c.id, c.parent_id, chain.depth + 1 from ${productCategories} c join chain on c.id = chain.parent_id
       where c.workspace_id = ${ctx.workspaceId} and chain.depth < 50
    ) select id from chain`)) as unknown as { rows: { id: string }[] };
  if (rows.length === 0 || (categoryId && rows.some((r) => r.id === categoryId))) throw invalidField('parentId', 'invalid');
}

/** The category of this name under this parent (case-insensitive), if any. */
export async function findCategory(tx: Executor, ctx: RequestContext, name: string, parentId: string | null = null): Promise<ProductCategory | undefined> {
  const [row] = await tx
    .select()
    .from(productCategories)
    .where(and(inWorkspace(ctx), sql`lower(${productCategories.name}) = lower(${name.trim()})`, parentId ? eq(productCategories.parentId, parentId) : isNull(productCategories.parentId)));
  return row;
}

export async function createCategory(tx: Executor, ctx: RequestContext, input: CategoryInput): Promise<ProductCategory> {
  assertCan(ctx, 'catalog.manage');
  const parentId = input.parentId ?? null;
  await assertParent(tx, ctx, null, parentId);
  if (await findCategory(tx, ctx, input.name, parentId)) throw nameTaken();
  const [row] = await tx.insert(productCategories).values({ workspaceId: ctx.workspaceId, id: uuidv7(), name: input.name.trim(), parentId }).returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'productCategory', recordId: row!.id, after: row });
  return row!;
}

export async function updateCategory(tx: Executor, ctx: RequestContext, id: string, patch: Partial<CategoryInput>): Promise<ProductCategory & { productCount: number }> {
  assertCan(ctx, 'catalog.manage');
  const before = await getCategory(tx, ctx, id);
  if (patch.parentId !== undefined) await assertParent(tx, ctx, id, patch.parentId);
  const name = patch.name?.trim() ?? before.name;
  const parentId = patch.parentId === undefined ? before.parentId : patch.parentId;
  const same = await findCategory(tx, ctx, name, parentId);
  if (same && same.id !== id) throw nameTaken();
  const [after] = await tx.update(productCategories).set({ name, parentId, updatedAt: new Date() }).where(byId(ctx, id)).returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'productCategory', recordId: id, before, after });
  return { ...after!, productCount: before.productCount };
}

/**
 * Deletes a category; its products (live or in the recycle bin) keep existing without one. A category with
 * sub-categories is refused (409): move or delete those first.
 */
export async function deleteCategory(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'catalog.manage');
  const before = await getCategory(tx, ctx, id);
  const [child] = await tx.select({ id: productCategories.id }).from(productCategories).where(and(inWorkspace(ctx), eq(productCategories.parentId, id))).limit(1);
  if (child) throw new AppError('CATEGORY_NOT_EMPTY', 409, { name: before.name });
  await tx.update(products).set({ categoryId: null }).where(and(eq(products.workspaceId, ctx.workspaceId), eq(products.categoryId, id)));
  await tx.delete(productCategories).where(byId(ctx, id));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'productCategory', recordId: id, before });
}
