import { and, asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Locale } from '../../../contracts/roles.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { kbArticles, kbCategories } from './knowledge.tables.js';

export type KbCategory = typeof kbCategories.$inferSelect;
export interface CategoryInput {
  parentId?: string | null;
  names: Partial<Record<Locale, string>>;
  position?: number;
}

/** Names trimmed, blank ones dropped; at least one must remain. */
function cleanNames(names: Partial<Record<Locale, string>>): Partial<Record<Locale, string>> {
  const out = Object.fromEntries(Object.entries(names).map(([k, v]) => [k, v?.trim()]).filter(([, v]) => v)) as Partial<Record<Locale, string>>;
  if (!Object.keys(out).length) throw new AppError('VALIDATION_FAILED', 400, {}, [{ field: 'names', code: 'required' }]);
  return out;
}

const byId = (ctx: RequestContext, id: string) => and(eq(kbCategories.workspaceId, ctx.workspaceId), eq(kbCategories.id, id));

/** Every category of the workspace, parents before children is up to the reader: ordered by position then creation. */
export async function listCategories(tx: Executor, ctx: RequestContext): Promise<(KbCategory & { articles: number })[]> {
  const rows = await tx.select().from(kbCategories).where(eq(kbCategories.workspaceId, ctx.workspaceId)).orderBy(asc(kbCategories.position), asc(kbCategories.createdAt));
  const counts = await tx
    .select({ categoryId: kbArticles.categoryId, n: sql<number>`count(*)::int` })
    .from(kbArticles)
    .where(eq(kbArticles.workspaceId, ctx.workspaceId))
    .groupBy(kbArticles.categoryId);
  const byCategory = new Map(counts.map((c) => [c.categoryId, c.n]));
  return rows.map((r) => ({ ...r, articles: byCategory.get(r.id) ?? 0 }));
}

export async function getCategory(tx: Executor, ctx: RequestContext, id: string): Promise<KbCategory> {
  const [row] = await tx.select().from(kbCategories).where(byId(ctx, id));
  if (!row) throw notFound('kbCategory');
  return row;
}

/** A 400 on `field` unless the category exists (a reference in a request body). */
export async function assertCategory(tx: Executor, ctx: RequestContext, id: string, field: string): Promise<void> {
  const [row] = await tx.select({ id: kbCategories.id }).from(kbCategories).where(byId(ctx, id));
  if (!row) throw new AppError('VALIDATION_FAILED', 400, {}, [{ field, code: 'invalid' }]);
}

/** A 400 unless `parentId` exists and is not `id` itself nor one of its descendants (the tree stays a tree). */
async function checkParent(tx: Executor, ctx: RequestContext, parentId: string, id?: string): Promise<void> {
  await assertCategory(tx, ctx, parentId, 'parentId');
  if (!id) return;
  const all = await tx.select({ id: kbCategories.id, parentId: kbCategories.parentId }).from(kbCategories).where(eq(kbCategories.workspaceId, ctx.workspaceId));
  const parentOf = new Map(all.map((c) => [c.id, c.parentId]));
  for (let at: string | null | undefined = parentId; at; at = parentOf.get(at)) {
    if (at === id) throw new AppError('VALIDATION_FAILED', 400, {}, [{ field: 'parentId', code: 'invalid' }]);
  }
}

export async function createCategory(tx: Executor, ctx: RequestContext, input: CategoryInput): Promise<KbCategory> {
  assertCan(ctx, 'knowledge.write');
  if (input.parentId) await checkParent(tx, ctx, input.parentId);
  const [row] = await tx
    .insert(kbCategories)
    .values({ workspaceId: ctx.workspaceId, id: uuidv7(), parentId: input.parentId ?? null, names: cleanNames(input.names), position: input.position ?? 0 })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'kb_category', recordId: row!.id, after: row as Record<string, unknown> });
  return row!;
}

export async function updateCategory(tx: Executor, ctx: RequestContext, id: string, patch: Partial<CategoryInput>): Promise<KbCategory> {
  assertCan(ctx, 'knowledge.write');
  const before = await getCategory(tx, ctx, id);
  if (patch.parentId) await checkParent(tx, ctx, patch.parentId, id);
  const [after] = await tx
    .update(kbCategories)
    .set({
      ...(patch.parentId !== undefined ? { parentId: patch.parentId } : {}),
      ...(patch.names ? { names: cleanNames(patch.names) } : {}),
      ...(patch.position !== undefined ? { position: patch.position } : {}),
      updatedAt: new Date(),
    })
    .where(byId(ctx, id))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'kb_category', recordId: id, before: before as Record<string, unknown>, after: after as Record<string, unknown> });
  return after!;
}

/** Deletes an empty category; one with sub-categories or articles is a 409. */
export async function deleteCategory(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'knowledge.write');
  const before = await getCategory(tx, ctx, id);
  const [children] = await tx.select({ n: sql<number>`count(*)::int` }).from(kbCategories).where(and(eq(kbCategories.workspaceId, ctx.workspaceId), eq(kbCategories.parentId, id)));
  const [articles] = await tx.select({ n: sql<number>`count(*)::int` }).from(kbArticles).where(and(eq(kbArticles.workspaceId, ctx.workspaceId), eq(kbArticles.categoryId, id)));
  if (children!.n || articles!.n) throw new AppError('KB_CATEGORY_NOT_EMPTY', 409, { categories: children!.n, articles: articles!.n });
  await tx.delete(kbCategories).where(byId(ctx, id));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'kb_category', recordId: id, before: before as Record<string, unknown> });
}
