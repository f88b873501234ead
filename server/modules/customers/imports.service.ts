import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import { insertRows } from '../../db/copy.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { translator } from '../../platform/i18n/i18n.js';
import { normalizeText } from '../../platform/search/normalize.js';
import { toE164 } from '../../platform/phones.js';
import { sqlArrayLiteral } from '../../db/sql-arrays.js';
import type { DuplicatePolicy } from '../../../contracts/customers.js';
import { accounts } from './accounts.tables.js';
import { createAccounts, updateAccount, type AccountInput } from './accounts.service.js';
import { findSureDuplicatesOfMany, identityKeys } from './contacts.duplicates.js';
import { createContacts, updateContact, type ContactInput } from './contacts.service.js';
import type { ParsedFile } from '../../platform/imports/import-files.js';
import { applyMapping, IMPORT_TARGETS, suggestMapping, type ImportObject } from './import-mapping.js';
import { convertRow, type RowProblem } from './import-rows.js';
import { importRows, imports } from './imports.tables.js';
import { customTargets } from './import-custom.js';
import { listCustomFields } from '../../platform/custom-fields/custom-fields.service.js';

export { DUPLICATE_POLICIES } from '../../../contracts/customers.js';
export type Import = typeof imports.$inferSelect;

const PREVIEW_ROWS = 10;
const INSERT_CHUNK = 1000;
/** Rows imported per transaction: a crash redoes at most one batch, which was rolled back whole. */
export const IMPORT_BATCH = 500;

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
    await insertRows(tx, importRows, chunk);
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

type RowOutcome = { status: 'created' | 'updated' | 'skipped' | 'failed'; problems: RowProblem[] | null; recordId: string | null };
type Input = ContactInput | AccountInput;

/** How an import writes one kind of record: in batches, finding sure duplicates of a whole batch at once. */
interface ImportWriter {
  /** The existing record each input surely is, or null. */
  sureDuplicates(tx: Executor, ctx: RequestContext, inputs: Input[]): Promise<(string | null)[]>;
  /** Keys under which two rows of one file are the same record. */
  identity(ctx: RequestContext, input: Input): string[];
  createMany(tx: Executor, ctx: RequestContext, inputs: Input[]): Promise<({ id: string } | AppError)[]>;
  update(tx: Executor, ctx: RequestContext, id: string, patch: Partial<Input>): Promise<unknown>;
}

const WRITERS: Record<ImportObject, ImportWriter> = {
  contacts: {
    sureDuplicates: (tx, ctx, inputs) => findSureDuplicatesOfMany(tx, ctx, inputs as ContactInput[]),
    identity: (ctx, input) => {
      const c = input as ContactInput;
      return identityKeys({ name: c.name, company: c.company, email: c.email?.trim().toLowerCase() || null, phone: c.phone ? toE164(c.phone, ctx.country) : null });
    },
    createMany: (tx, ctx, inputs) => createContacts(tx, ctx, inputs as ContactInput[]),
    update: (tx, ctx, id, patch) => updateContact(tx, ctx, id, patch as Partial<ContactInput>),
  },
  accounts: {
    async sureDuplicates(tx, ctx, inputs) {
      const found: (string | null)[] = [];
      for (const input of inputs) found.push(await findSameAccount(tx, ctx, input.name));
      return found;
    },
    identity: (_ctx, input) => [`a:${normalizeText(input.name)}`],
    createMany: (tx, ctx, inputs) => createAccounts(tx, ctx, inputs as AccountInput[]),
    update: (tx, ctx, id, patch) => updateAccount(tx, ctx, id, patch as Partial<AccountInput>),
  },
};

async function findSameAccount(tx: Executor, ctx: RequestContext, name: string): Promise<string | null> {
  const [same] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.workspaceId), isNull(accounts.deletedAt), sql`${accounts.searchText} = ${normalizeText(name)} or lower(${accounts.name}) = ${name.trim().toLowerCase()}`))
    .limit(1);
  return same?.id ?? null;
}

const refused = (err: AppError): RowOutcome => ({
  status: 'failed',
  problems: err.fieldErrors.length ? err.fieldErrors.map((f) => ({ field: f.field, code: f.code, params: f.params })) : [{ field: 'name', code: 'invalid' }],
  recordId: null,
});

/** Runs `write` in a savepoint: a row the services refuse fails alone; anything else is a real failure. */
async function alone(tx: Executor, write: (row: Executor) => Promise<RowOutcome>): Promise<RowOutcome> {
  try {
    return await tx.transaction((row) => write(row));
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    return refused(err);
  }
}

/** Creates the batch's new records with one insert; should the insert itself fail, row by row to find the culprit. */
async function createAll(tx: Executor, ctx: RequestContext, writer: ImportWriter, inputs: Input[]): Promise<RowOutcome[]> {
  const asOutcome = (r: { id: string } | AppError): RowOutcome => (r instanceof AppError ? refused(r) : { status: 'created', problems: null, recordId: r.id });
  if (inputs.length === 0) return [];
  try {
    return (await tx.transaction((batch) => writer.createMany(batch, ctx, inputs))).map(asOutcome);
  } catch (err) {
    if (err instanceof AppError && err.status < 500) throw err;
    const outcomes: RowOutcome[] = [];
    for (const input of inputs) outcomes.push(await alone(tx, async (row) => asOutcome((await writer.createMany(row, ctx, [input]))[0]!)));
    return outcomes;
  }
}


/** Every processed row's status, problems and record in one statement. */
async function storeOutcomes(tx: Executor, ctx: RequestContext, id: string, outcomes: Map<number, RowOutcome>): Promise<void> {
  if (outcomes.size === 0) return;
  const rows = [...outcomes.entries()];
  await tx.execute(sql`
    update ${importRows} set status = u.status, problems = u.problems, record_id = u.record_id
      from unnest(
        ${sqlArrayLiteral(rows.map(([rowNo]) => rowNo), 'int')},
        ${sqlArrayLiteral(rows.map(([, o]) => o.status), 'text')},
        ${sqlArrayLiteral(rows.map(([, o]) => (o.problems ? JSON.stringify(o.problems) : null)), 'jsonb')},
        ${sqlArrayLiteral(rows.map(([, o]) => o.recordId), 'uuid')}
      ) as u(row_no, status, problems, record_id)
     where ${importRows.workspaceId} = ${ctx.workspaceId} and ${importRows.importId} = ${id} and ${importRows.rowNo} = u.row_no`);
}

/**
 * Imports the next batch of pending rows of an import in one transaction — records, row statuses and
 * counters together — and returns how many rows are done in all; 0 pending left means finished.
 * Sure duplicates of the whole batch are found in one query and new records created with one insert;
 * a row that is the same record as an earlier row of the batch waits for the next batch, where that
 * record exists and the duplicate policy applies to it.
 */
export async function importNextBatch(tx: Executor, ctx: RequestContext, id: string): Promise<{ done: number; total: number; finished: boolean }> {
  const current = await getImport(tx, ctx, id);
  const object = current.objectType as ImportObject;
  const writer = WRITERS[object];
  const pending = await tx
    .select({ rowNo: importRows.rowNo, cells: importRows.cells })
    .from(importRows)
    .where(and(eq(importRows.workspaceId, ctx.workspaceId), eq(importRows.importId, id), eq(importRows.status, 'pending')))
    .orderBy(asc(importRows.rowNo))
    .limit(IMPORT_BATCH);
  const customFields = await listCustomFields(tx, ctx, current.objectType);
  const outcomes = new Map<number, RowOutcome>();
  const ready: { rowNo: number; input: Input }[] = [];
  const seen = new Set<string>();
  let waiting = 0;
  for (const row of pending) {
    const { input, problems } = convertRow(object, applyMapping(current.mapping, row.cells), customFields);
    if (!input) {
      outcomes.set(row.rowNo, { status: 'failed', problems, recordId: null });
      continue;
    }
    const keys = current.duplicatePolicy === 'create' ? [] : writer.identity(ctx, input);
    if (keys.some((k) => seen.has(k))) {
      waiting += 1;
      continue;
    }
    keys.forEach((k) => seen.add(k));
    ready.push({ rowNo: row.rowNo, input });
  }
  const duplicates = current.duplicatePolicy === 'create' ? ready.map(() => null) : await writer.sureDuplicates(tx, ctx, ready.map((r) => r.input));
  const creates: typeof ready = [];
  for (const [i, { rowNo, input }] of ready.entries()) {
    const duplicateOf = duplicates[i];
    if (!duplicateOf) creates.push({ rowNo, input });
    else if (current.duplicatePolicy === 'skip') outcomes.set(rowNo, { status: 'skipped', problems: [{ field: 'name', code: 'duplicate', params: { id: duplicateOf } }], recordId: duplicateOf });
    else {
      const filled = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== ''));
      outcomes.set(rowNo, await alone(tx, async (row) => (await writer.update(row, ctx, duplicateOf, filled), { status: 'updated', problems: null, recordId: duplicateOf })));
    }
  }
  const created = await createAll(tx, ctx, writer, creates.map((c) => c.input));
  creates.forEach((c, i) => outcomes.set(c.rowNo, created[i]!));
  await storeOutcomes(tx, ctx, id, outcomes);
  const counts = { created: 0, updated: 0, skipped: 0, failed: 0 };
  for (const outcome of outcomes.values()) counts[outcome.status] += 1;
  const finished = pending.length < IMPORT_BATCH && waiting === 0;
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
    const parentId = await findSameAccount(tx, ctx, parentName);
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
