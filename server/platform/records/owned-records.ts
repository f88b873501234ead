import { and, eq, getTableColumns, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import { insertRowsReturning } from '../../db/copy.js';
import type { RequestContext } from '../auth/context.js';
import { recordAudit, recordAuditMany, type AuditAction } from '../audit/audit.service.js';
import { AppError, notFound } from '../errors/app-error.js';
import { planList, type ListParams, type ListSpec } from '../http/list-query.js';
import { assertMayActOn, mayActOn, ownershipFilter } from '../permissions/policy.js';
import { assertActiveMember } from '../tenancy/membership-checks.js';
import { contributedQuery, foldComputed, withContributedFields } from '../views/list-extensions.js';
import { listCustomFields, validateCustomValues, withCustomFields, type CustomFieldDefinition } from '../custom-fields/custom-fields.service.js';

/** The columns every owned business record has (contacts, accounts, leads, opportunities, cases…). */
interface OwnedColumns {
  custom?: PgColumn;
  workspaceId: PgColumn;
  id: PgColumn;
  ownerId: PgColumn;
  deletedAt: PgColumn;
  deletedBy: PgColumn;
  updatedAt: PgColumn;
}
type OwnedTable = PgTable & OwnedColumns;

export interface OwnedRow {
  id: string;
  ownerId: string | null;
}

export interface OwnedRecordConfig<TRow extends OwnedRow, TInput> {
  /** A table with the owned columns (its `.enableRLS()` type is not a PgTable's, hence the loose type). */
  table: OwnedColumns;
  /** Name in the audit log and in 404 messages (`resources.<recordType>`). */
  recordType: string;
  /** Filterable and sortable fields of the list route. */
  listSpec: ListSpec;
  /**
   * API input → column values: cleaning, normalization, derived columns (search keys). Receives the stored
   * row on update (null on create) so derived columns can be computed from the whole record. Validates
   * what the schema cannot (throws AppError naming the field).
   */
  toColumns(tx: Executor, ctx: RequestContext, input: Partial<TInput>, before: TRow | null): Promise<Partial<TRow>>;
  /** The object's name for custom fields (`contacts`); its table then has a `custom` JSONB column. */
  customFieldsOf?: string;
  /**
   * The object's name for list extensions (`contacts`): the fields other modules contribute to its list
   * (registerListExtension) then filter and sort it, and come back on each row as `computed`.
   */
  extensibleAs?: string;
  /**
   * A further read restriction beside the owner scopes (service agents read the cases of their queues): a
   * condition on the table, or undefined for none. Applies to lists and single reads, not to the bin.
   */
  readScope?(ctx: RequestContext): SQL | undefined;
}

/**
 * Create, read, list, update, delete to the recycle bin and restore, for one owned record type — with the
 * workspace filter, ownership scopes (read outside scope: 404; write on a readable record: 403), owner
 * checks and the audit trail done the same way for every object. Modules wrap these in their services.
 */
export function ownedRecords<TRow extends OwnedRow, TInput extends { ownerId?: string | null }>(config: OwnedRecordConfig<TRow, TInput>) {
  const { recordType } = config;
  const table = config.table as unknown as OwnedTable;
  const deletedSpec: ListSpec = {
    ...config.listSpec,
    fields: { ...config.listSpec.fields, deletedAt: { column: table.deletedAt, type: 'timestamp', sortable: true } },
    defaultSort: '-deletedAt',
  };
  const inWorkspace = (ctx: RequestContext) => eq(table.workspaceId, ctx.workspaceId);
  const byId = (ctx: RequestContext, id: string) => and(inWorkspace(ctx), eq(table.id, id));

  async function find(tx: Executor, ctx: RequestContext, id: string, deleted: boolean): Promise<TRow | undefined> {
    const [row] = await tx
      .select()
      .from(table)
      .where(and(byId(ctx, id), deleted ? isNotNull(table.deletedAt) : and(isNull(table.deletedAt), config.readScope?.(ctx))));
    return row as TRow | undefined;
  }

  /** The list spec with the workspace's custom fields added as `custom.<key>` filters. */
  function specFor(tx: Executor, ctx: RequestContext, base: ListSpec): Promise<ListSpec> {
    const spec = config.extensibleAs ? withContributedFields(config.extensibleAs, base) : base;
    return config.customFieldsOf ? withCustomFields(tx, ctx, config.customFieldsOf, spec, table.custom) : Promise.resolve(spec);
  }

  /** Custom values of a write, validated and merged over the stored ones (create: required ones too). */
  async function customValues(tx: Executor, ctx: RequestContext, input: Partial<TInput>, before: TRow | null, known?: CustomFieldDefinition[]) {
    const written = (input as { custom?: Record<string, unknown> }).custom;
    if (!config.customFieldsOf || (before && written === undefined)) return {};
    const stored = before ? ((before as unknown as { custom: Record<string, unknown> }).custom ?? {}) : null;
    return { custom: await validateCustomValues(tx, ctx, config.customFieldsOf, written, stored, known) };
  }

  async function list(tx: Executor, ctx: RequestContext, params: ListParams, deleted = false) {
    const plan = planList(await specFor(tx, ctx, deleted ? deletedSpec : config.listSpec), params);
    const extension = config.extensibleAs ? contributedQuery(config.extensibleAs, table) : { joins: [], columns: {} };
    let query = tx
      .select({ ...getTableColumns(table), ...extension.columns })
      .from(table)
      .$dynamic();
    for (const join of extension.joins) query = query.leftJoin(join.table, join.on);
    const rows = await query
      .where(
        and(
          inWorkspace(ctx),
          deleted ? isNotNull(table.deletedAt) : isNull(table.deletedAt),
          // The bin shows what the caller could have deleted.
          ownershipFilter(ctx, deleted ? 'delete' : 'read', table.ownerId),
          deleted ? undefined : config.readScope?.(ctx),
          plan.where,
        ),
      )
      .orderBy(...plan.orderBy)
      .limit(plan.limit);
    const fetched = rows as unknown as (TRow & Record<string, unknown>)[];
    return plan.page(config.extensibleAs ? foldComputed(config.extensibleAs, fetched) : fetched);
  }

  /** A record the caller may read; 404 when missing, in the recycle bin or outside their scope. */
  async function get(tx: Executor, ctx: RequestContext, id: string): Promise<TRow> {
    const row = await find(tx, ctx, id, false);
    if (!row || !(await mayActOn(tx, ctx, 'read', row.ownerId))) throw notFound(recordType);
    return row;
  }

  async function create(tx: Executor, ctx: RequestContext, input: TInput): Promise<TRow> {
    const values = { ...(await config.toColumns(tx, ctx, input, null)), ...(await customValues(tx, ctx, input, null)) };
    const ownerId = input.ownerId === undefined ? ctx.userId : input.ownerId;
    await assertActiveMember(tx, ctx, ownerId, 'ownerId');
    await assertMayActOn(tx, ctx, 'create', ownerId ?? null);
    const [row] = await tx
      .insert(table)
      .values({ ...values, ownerId, workspaceId: ctx.workspaceId, id: uuidv7() })
      .returning();
    await recordAudit(tx, ctx, { action: 'create', recordType, recordId: (row as unknown as TRow).id, after: row as Record<string, unknown> });
    return row as unknown as TRow;
  }

  /**
   * Creates many records as `create` would — each input validated alone, its refusal returned in its place —
   * with one insert and one audit insert for all that pass (imports: the per-row round trips were most of
   * the time). Owner checks are asked once per owner.
   */
  async function createMany(tx: Executor, ctx: RequestContext, inputs: TInput[]): Promise<(TRow | AppError)[]> {
    const known = config.customFieldsOf ? await listCustomFields(tx, ctx, config.customFieldsOf) : undefined;
    const ownerChecks = new Map<string | null, Promise<void>>();
    const results = new Array<TRow | AppError>(inputs.length);
    const pending: { at: number; values: Record<string, unknown> }[] = [];
    for (const [at, input] of inputs.entries()) {
      try {
        const values = { ...(await config.toColumns(tx, ctx, input, null)), ...(await customValues(tx, ctx, input, null, known)) };
        const ownerId = input.ownerId === undefined ? ctx.userId : input.ownerId;
        if (!ownerChecks.has(ownerId)) ownerChecks.set(ownerId, assertActiveMember(tx, ctx, ownerId, 'ownerId').then(() => assertMayActOn(tx, ctx, 'create', ownerId ?? null)));
        await ownerChecks.get(ownerId);
        pending.push({ at, values: { ...values, ownerId, workspaceId: ctx.workspaceId, id: uuidv7() } });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        results[at] = err;
      }
    }
    if (pending.length === 0) return results;
    // COPY where the database is a server (an import's batches: bench/README.md).
    const rows = (await insertRowsReturning(tx, table, pending.map((p) => p.values as { workspaceId: string; id: string }))) as unknown as TRow[];
    await recordAuditMany(tx, ctx, rows.map((row) => ({ action: 'create', recordType, recordId: row.id, after: row as unknown as Record<string, unknown> })));
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const p of pending) results[p.at] = byId.get(p.values.id as string)!;
    return results;
  }

  async function update(tx: Executor, ctx: RequestContext, id: string, patch: Partial<TInput>): Promise<TRow> {
    const before = await get(tx, ctx, id);
    await assertMayActOn(tx, ctx, 'update', before.ownerId);
    if (patch.ownerId !== undefined && patch.ownerId !== before.ownerId) {
      // Giving the record away also needs the right to own it there.
      await assertActiveMember(tx, ctx, patch.ownerId, 'ownerId');
      await assertMayActOn(tx, ctx, 'create', patch.ownerId);
    }
    const values = { ...(await config.toColumns(tx, ctx, patch, before)), ...(await customValues(tx, ctx, patch, before)) };
    const [after] = await tx
      .update(table)
      .set({ ...values, ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}), updatedAt: new Date() })
      .where(byId(ctx, id))
      .returning();
    await recordAudit(tx, ctx, { action: 'update', recordType, recordId: id, before: before as unknown as Record<string, unknown>, after: after as Record<string, unknown> });
    return after as TRow;
  }

  /** Moves a record to the recycle bin; `restore` brings it back with everything it had. */
  async function remove(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
    const before = await get(tx, ctx, id);
    await assertMayActOn(tx, ctx, 'delete', before.ownerId);
    await tx.update(table).set({ deletedAt: new Date(), deletedBy: ctx.userId }).where(byId(ctx, id));
    await recordAudit(tx, ctx, { action: 'delete', recordType, recordId: id, before: before as unknown as Record<string, unknown> });
  }

  async function restore(tx: Executor, ctx: RequestContext, id: string): Promise<TRow> {
    const deleted = await find(tx, ctx, id, true);
    if (!deleted || !(await mayActOn(tx, ctx, 'delete', deleted.ownerId))) throw notFound(recordType);
    const [row] = await tx.update(table).set({ deletedAt: null, deletedBy: null, updatedAt: new Date() }).where(byId(ctx, id)).returning();
    await recordAudit(tx, ctx, { action: 'restore', recordType, recordId: id, after: row as Record<string, unknown> });
    return row as unknown as TRow;
  }

  /**
   * Moves live records from one owner to another (null: nobody) in one statement, only where the owner is
   * still `from` — so of two callers racing for the same ownerless record, one gets it. Audited as `action`
   * (claim, release, return). No scope check: the caller (the public pool) decides who may.
   */
  async function handOver(tx: Executor, ctx: RequestContext, ids: string[], move: { from: string | null; to: string | null; action: AuditAction }): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await tx
      .update(table)
      .set({ ownerId: move.to, updatedAt: new Date() })
      .where(and(inWorkspace(ctx), inArray(table.id, ids), isNull(table.deletedAt), move.from === null ? isNull(table.ownerId) : eq(table.ownerId, move.from)))
      .returning({ id: table.id })) as { id: string }[];
    await recordAuditMany(tx, ctx, rows.map((row) => ({ action: move.action, recordType, recordId: row.id, before: { ownerId: move.from }, after: { ownerId: move.to } })));
    return rows.map((row) => row.id);
  }

  return {
    handOver,
    list: (tx: Executor, ctx: RequestContext, params: ListParams) => list(tx, ctx, params, false),
    listDeleted: (tx: Executor, ctx: RequestContext, params: ListParams) => list(tx, ctx, params, true),
    get,
    create,
    update,
    createMany,
    remove,
    restore,
  };
}
