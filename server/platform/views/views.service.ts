import { and, asc, eq, or } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../auth/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { forbidden, invalidField, notFound } from '../errors/app-error.js';
import { withCustomFields } from '../custom-fields/custom-fields.service.js';
import { planList, type FieldType, type ListSpec } from '../http/list-query.js';
import { contributedFields, describeContributed, withContributedFields } from './list-extensions.js';
import { savedViews } from './views.tables.js';

export type SavedView = typeof savedViews.$inferSelect;

interface ViewableList {
  spec: ListSpec;
  /** The record's `custom` column, when the object has custom fields (they filter and sort as `custom.<key>`). */
  customColumn?: unknown;
}

/** Lists that can have saved views, with their filterable/sortable fields (modules register theirs). */
const viewableLists = new Map<string, ViewableList>();

export function registerViewableList(objectType: string, spec: ListSpec, customColumn?: unknown): void {
  viewableLists.set(objectType, { spec, customColumn });
}

/** Object types with a registered list (contacts, accounts…): what reports can be built over. */
export const viewableObjectTypes = (): string[] => [...viewableLists.keys()];

/** The fields a list filters and sorts by, custom ones included, as the list route takes them. */
export async function listSpecOf(tx: Executor, ctx: RequestContext, objectType: string): Promise<ListSpec> {
  const list = viewableLists.get(objectType);
  if (!list) throw invalidField('objectType', 'enum', { allowed: [...viewableLists.keys()].join(', ') });
  const spec = withContributedFields(objectType, list.spec);
  return list.customColumn === undefined ? spec : withCustomFields(tx, ctx, objectType, spec, list.customColumn);
}

export interface ListFieldInfo {
  name: string;
  type: FieldType;
  sortable: boolean;
  /** Fields other modules contribute (read-only): how to show them and their label's i18n key. */
  contributed?: ReturnType<typeof describeContributed>;
}

/**
 * What a filter builder offers for a list: every field with its type (custom fields as `custom.<key>`, fields
 * other modules contribute with how they show).
 */
export async function listFieldsOf(tx: Executor, ctx: RequestContext, objectType: string): Promise<ListFieldInfo[]> {
  const spec = await listSpecOf(tx, ctx, objectType);
  const contributed = new Map(contributedFields(objectType));
  return Object.entries(spec.fields).map(([name, field]) => {
    const extra = contributed.get(name);
    return { name, type: field.type, sortable: field.sortable === true, ...(extra ? { contributed: describeContributed(extra) } : {}) };
  });
}

/** Refuses an unknown list, or filters and sort the list would refuse (the same 400s as the list). */
async function validate(tx: Executor, ctx: RequestContext, objectType: string, view: Pick<SavedViewInput, 'filters' | 'filterLogic' | 'sort'>): Promise<void> {
  planList(await listSpecOf(tx, ctx, objectType), { filter: view.filters, filterLogic: view.filterLogic ?? undefined, sort: view.sort ?? undefined });
}
export interface SavedViewInput {
  objectType: string;
  name: string;
  shared?: boolean;
  filters?: string[];
  filterLogic?: string | null;
  sort?: string | null;
  columns?: string[];
}

/** The views of a list the caller sees: their own and the shared ones. */
export function listViews(tx: Executor, ctx: RequestContext, objectType: string): Promise<SavedView[]> {
  return tx
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.workspaceId, ctx.workspaceId), eq(savedViews.objectType, objectType), or(eq(savedViews.ownerId, ctx.userId ?? ctx.workspaceId), eq(savedViews.shared, true))))
    .orderBy(asc(savedViews.name));
}

async function getView(tx: Executor, ctx: RequestContext, id: string): Promise<SavedView> {
  const [view] = await tx.select().from(savedViews).where(and(eq(savedViews.workspaceId, ctx.workspaceId), eq(savedViews.id, id)));
  if (!view || (view.ownerId !== ctx.userId && !view.shared)) throw notFound('view');
  return view;
}

/** Views everyone sees are set up by those who lead: admins and managers share; others keep theirs personal. */
function assertMayShare(ctx: RequestContext, shared: boolean | undefined): void {
  if (shared && ctx.role !== 'admin' && ctx.role !== 'manager') throw forbidden();
}

/** Only the view's owner, or an admin for shared views, may change or delete it. */
function assertMayEdit(ctx: RequestContext, view: SavedView): void {
  if (view.ownerId !== ctx.userId && !(view.shared && ctx.role === 'admin')) throw forbidden();
}

export async function createView(tx: Executor, ctx: RequestContext, input: SavedViewInput): Promise<SavedView> {
  if (!ctx.userId) throw forbidden();
  assertMayShare(ctx, input.shared);
  await validate(tx, ctx, input.objectType, input);
  const [view] = await tx
    .insert(savedViews)
    .values({ workspaceId: ctx.workspaceId, id: uuidv7(), ownerId: ctx.userId, objectType: input.objectType, name: input.name.trim(), shared: input.shared ?? false, filters: input.filters ?? [], filterLogic: input.filterLogic?.trim() || null, sort: input.sort ?? null, columns: input.columns ?? [] })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'view', recordId: view!.id, after: view });
  return view!;
}

export async function updateView(tx: Executor, ctx: RequestContext, id: string, patch: Partial<Omit<SavedViewInput, 'objectType'>>): Promise<SavedView> {
  const before = await getView(tx, ctx, id);
  assertMayEdit(ctx, before);
  assertMayShare(ctx, patch.shared);
  await validate(tx, ctx, before.objectType, {
    filters: patch.filters ?? before.filters,
    filterLogic: patch.filterLogic === undefined ? before.filterLogic : patch.filterLogic,
    sort: patch.sort === undefined ? before.sort : patch.sort,
  });
  const [after] = await tx
    .update(savedViews)
    .set({ ...patch, ...(patch.name ? { name: patch.name.trim() } : {}), updatedAt: new Date() })
    .where(and(eq(savedViews.workspaceId, ctx.workspaceId), eq(savedViews.id, id)))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'view', recordId: id, before, after });
  return after!;
}

export async function deleteView(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  const before = await getView(tx, ctx, id);
  assertMayEdit(ctx, before);
  await tx.delete(savedViews).where(and(eq(savedViews.workspaceId, ctx.workspaceId), eq(savedViews.id, id)));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'view', recordId: id, before });
}
