import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { translator } from '../../platform/i18n/i18n.js';
import { normalizeText } from '../../platform/search/normalize.js';
import type { DuplicatePolicy } from '../../../contracts/customers.js';
import { accounts } from './accounts.tables.js';
import { createAccount, updateAccount, type AccountInput } from './accounts.service.js';
import { findLikelyDuplicates } from './contacts.duplicates.js';
import { createContact, updateContact, type ContactInput } from './contacts.service.js';
import type { ParsedFile } from './import-files.js';
import { applyMapping, IMPORT_TARGETS, suggestMapping, type ImportObject } from './import-mapping.js';
import { convertRow, type RowProblem } from './import-rows.js';
import { importRows, imports } from './imports.tables.js';
import { customTargets } from './import-custom.js';
import { listCustomFields, type CustomFieldDefinition } from '../../platform/custom-fields/custom-fields.service.js';

export { DUPLICATE_POLICIES } from '../../../contracts/customers.js';
export type Import = typeof imports.$inferSelect;

const PREVIEW_ROWS = 10;
const INSERT_CHUNK = 1000;
/** Rows imported per transaction: a crash redoes at most one batch, which was rolled back whole. */
export const IMPORT_BATCH = 200;

/** Stores an uploaded, parsed file as an import with a suggested mapping; nothing is imported yet. */
export async function createImport(tx: Executor, ctx: RequestContext, input: { objectType: ImportObject; fileName: string; file: ParsedFile }): Promise<Import> {
  const id = uuidv7();
  const custom = customTargets(await listCustomFields(tx, ctx, input.objectType));
  const [created] = await tx
    .insert(imports)
    .values({
      workspaceId: ctx.workspaceId,
      id,
      objectType: input.objectType,
      fileName: input.fileName,
      format: input.file.format,
      encoding: input.file.encoding,
      headers: input.file.headers,
      mapping: suggestMapping(input.objectType, input.file.headers, custom),
      totalRows: input.file.rows.length,
      createdBy: ctx.userId,
    })
    .returning();
  for (let i = 0; i < input.file.rows.length; i += INSERT_CHUNK) {
    const chunk = input.file.rows.slice(i, i + INSERT_CHUNK).map((cells, j) => ({ workspaceId: ctx.workspaceId, importId: id, rowNo: i + j + 1, cells }));
    await tx.insert(importRows).values(chunk);
  }
  return created!;
}

export async function getImport(tx: Executor, ctx: RequestContext, id: string): Promise<Import> {
  const [found] = await tx.select().from(imports).where(and(eq(imports.workspaceId, ctx.workspaceId), eq(imports.id, id)));
  // Imports are private to whoever uploaded them, and to admins.
  if (!found || (found.createdBy !== ctx.userId && ctx.role !== 'admin')) throw notFound('import');
  return found;
}

/** Changes the mapping or duplicate policy of an import that has not started. */
export async function configureImport(tx: Executor, ctx: RequestContext, id: string, patch: { mapping?: (string | null)[]; duplicatePolicy?: DuplicatePolicy }): Promise<Import> {
  const current = await getImport(tx, ctx, id);
  if (current.status !== 'uploaded') throw new AppError('CONFLICT', 409);
  if (patch.mapping) {
    const targets = { ...IMPORT_TARGETS[current.objectType as ImportObject], ...customTargets(await listCustomFields(tx, ctx, current.objectType)) };
    if (patch.mapping.length !== current.headers.length) throw invalidField('mapping', 'invalid');
    patch.mapping.forEach((target, i) => {
      if (target !== null && !(target in targets)) throw invalidField(`mapping.${i}`, 'enum', { allowed: Object.keys(targets).join(', ') });
    });
    const used = patch.mapping.filter(Boolean);
    if (new Set(used).size !== used.length) throw invalidField('mapping', 'invalid');
  }
  const [updated] = await tx
    .update(imports)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(imports.workspaceId, ctx.workspaceId), eq(imports.id, id)))
    .returning();
  return updated!;
}

/** The first rows as they would be imported under the current mapping, with their problems. */
export async function previewImport(tx: Executor, ctx: RequestContext, current: Import) {
  const rows = await tx
    .select({ rowNo: importRows.rowNo, cells: importRows.cells })
    .from(importRows)
    .where(and(eq(importRows.workspaceId, ctx.workspaceId), eq(importRows.importId, current.id)))
    .orderBy(asc(importRows.rowNo))
    .limit(PREVIEW_ROWS);
  const t = translator(ctx.locale);
  const customFields = await listCustomFields(tx, ctx, current.objectType);
  return rows.map(({ rowNo, cells }) => {
    const values = applyMapping(current.mapping, cells);
    return { rowNo, values, problems: convertRow(current.objectType as ImportObject, values, customFields).problems.map((p) => describeProblem(t, p)) };
  });
}

function describeProblem(t: ReturnType<typeof translator>, p: RowProblem) {
  const field = t(`fields.${p.field}`, { defaultValue: p.field });
  const message = p.code === 'duplicate' ? t('imports.duplicate', { ...p.params }) : t(`validation.${p.code}`, { ...p.params, field });
  return { field: p.field, code: p.code, message };
}

/** Marks an import as running; the caller enqueues the job that does the work. */
export async function markImportStarted(tx: Executor, ctx: RequestContext, id: string, jobId: string): Promise<void> {
  const current = await getImport(tx, ctx, id);
  if (current.status !== 'uploaded') throw new AppError('CONFLICT', 409);
  if (!current.mapping.includes('name') && !(current.mapping.includes('firstName') || current.mapping.includes('lastName'))) throw invalidField('mapping', 'required');
  await tx.update(imports).set({ status: 'running', jobId, updatedAt: new Date() }).where(and(eq(imports.workspaceId, ctx.workspaceId), eq(imports.id, id)));
}

async function findDuplicateId(tx: Executor, ctx: RequestContext, object: ImportObject, input: ContactInput | AccountInput): Promise<string | null> {
  if (object === 'contacts') {
    const [best] = await findLikelyDuplicates(tx, ctx, input as ContactInput);
    return best && best.score >= 0.85 ? best.contact.id : null;
  }
  const [same] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.workspaceId), isNull(accounts.deletedAt), sql`${accounts.searchText} = ${normalizeText(input.name)} or lower(${accounts.name}) = ${input.name.trim().toLowerCase()}`))
    .limit(1);
  return same?.id ?? null;
}

type RowOutcome = { status: 'created' | 'updated' | 'skipped' | 'failed'; problems: RowProblem[] | null; recordId: string | null };

async function importOne(tx: Executor, ctx: RequestContext, current: Import, cells: string[], customFields: CustomFieldDefinition[]): Promise<RowOutcome> {
  const object = current.objectType as ImportObject;
  const { input, problems } = convertRow(object, applyMapping(current.mapping, cells), customFields);
  if (!input) return { status: 'failed', problems, recordId: null };
  const duplicateOf = current.duplicatePolicy === 'create' ? null : await findDuplicateId(tx, ctx, object, input);
  try {
    // A savepoint per row: a row the services refuse (an unreadable phone…) fails alone.
    return await tx.transaction(async (row) => {
      if (duplicateOf && current.duplicatePolicy === 'skip') return { status: 'skipped' as const, problems: [{ field: 'name', code: 'duplicate' as const, params: { id: duplicateOf } }], recordId: duplicateOf };
      if (duplicateOf) {
        const filled = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== ''));
        if (object === 'contacts') await updateContact(row, ctx, duplicateOf, filled);
        else await updateAccount(row, ctx, duplicateOf, filled);
        return { status: 'updated' as const, problems: null, recordId: duplicateOf };
      }
      const created = object === 'contacts' ? await createContact(row, ctx, input as ContactInput) : await createAccount(row, ctx, input as AccountInput);
      return { status: 'created' as const, problems: null, recordId: created.id };
    });
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    const fieldProblems: RowProblem[] = err.fieldErrors.length ? err.fieldErrors.map((f) => ({ field: f.field, code: f.code, params: f.params })) : [{ field: 'name', code: 'invalid' }];
    return { status: 'failed', problems: fieldProblems, recordId: null };
  }
}

/**
 * Imports the next batch of pending rows of an import in one transaction — records, row statuses and
 * counters together — and returns how many rows are done in all; 0 pending left means finished.
 */
export async function importNextBatch(tx: Executor, ctx: RequestContext, id: string): Promise<{ done: number; total: number; finished: boolean }> {
  const current = await getImport(tx, ctx, id);
  const pending = await tx
    .select({ rowNo: importRows.rowNo, cells: importRows.cells })
    .from(importRows)
    .where(and(eq(importRows.workspaceId, ctx.workspaceId), eq(importRows.importId, id), eq(importRows.status, 'pending')))
    .orderBy(asc(importRows.rowNo))
    .limit(IMPORT_BATCH);
  const counts = { created: 0, updated: 0, skipped: 0, failed: 0 };
  const customFields = await listCustomFields(tx, ctx, current.objectType);
  for (const row of pending) {
    const outcome = await importOne(tx, ctx, current, row.cells, customFields);
    counts[outcome.status] += 1;
    await tx
      .update(importRows)
      .set({ status: outcome.status, problems: outcome.problems, recordId: outcome.recordId })
      .where(and(eq(importRows.workspaceId, ctx.workspaceId), eq(importRows.importId, id), eq(importRows.rowNo, row.rowNo)));
  }
  const finished = pending.length < IMPORT_BATCH;
  const [after] = await tx
    .update(imports)
    .set({
      created: sql`${imports.created} + ${counts.created}`,
      updated: sql`${imports.updated} + ${counts.updated}`,
      skipped: sql`${imports.skipped} + ${counts.skipped}`,
      failed: sql`${imports.failed} + ${counts.failed}`,
      ...(finished ? { status: 'done' } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(imports.workspaceId, ctx.workspaceId), eq(imports.id, id)))
    .returning();
  const done = after!.created + after!.updated + after!.skipped + after!.failed;
  return { done, total: after!.totalRows, finished };
}

/** Account imports: sets each imported account's parent from the parent name column, once all rows are in. */
export async function linkImportedParents(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  const current = await getImport(tx, ctx, id);
  const column = current.mapping.indexOf('parentName');
  if (current.objectType !== 'accounts' || column === -1) return;
  const rows = await tx
    .select({ cells: importRows.cells, recordId: importRows.recordId })
    .from(importRows)
    .where(and(eq(importRows.workspaceId, ctx.workspaceId), eq(importRows.importId, id), sql`${importRows.status} in ('created', 'updated')`));
  for (const row of rows) {
    const parentName = row.cells[column]?.trim();
    if (!parentName || !row.recordId) continue;
    const parentId = await findDuplicateId(tx, ctx, 'accounts', { name: parentName });
    if (parentId && parentId !== row.recordId) await updateAccount(tx, ctx, row.recordId, { parentId }).catch(() => undefined);
  }
}

/** The rows that were skipped or failed, with their cells and why, for a downloadable report. */
export async function importProblems(tx: Executor, ctx: RequestContext, id: string) {
  const current = await getImport(tx, ctx, id);
  const t = translator(ctx.locale);
  const rows = await tx
    .select({ rowNo: importRows.rowNo, cells: importRows.cells, status: importRows.status, problems: importRows.problems })
    .from(importRows)
    .where(and(eq(importRows.workspaceId, ctx.workspaceId), eq(importRows.importId, id), sql`${importRows.status} in ('skipped', 'failed')`))
    .orderBy(asc(importRows.rowNo));
  return {
    headers: current.headers,
    rows: rows.map((r) => ({ ...r, messages: (r.problems ?? []).map((p) => describeProblem(t, p as RowProblem).message) })),
  };
}
