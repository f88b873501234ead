import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';
import type { DuplicatePolicy, ImportObject } from '../../../contracts/customers.js';

/**
 * One upload of a CSV/XLSX file into contacts or accounts: its columns, the mapping chosen, the duplicate
 * policy and the counts so far. The rows themselves wait in `import_rows` until imported.
 */
export const imports = pgTable(
  'imports',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    objectType: text('object_type').$type<ImportObject>().notNull(),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    encoding: text('encoding'),
    headers: jsonb('headers').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<(string | null)[]>().notNull(),
    /** skip | update | create */
    duplicatePolicy: text('duplicate_policy').$type<DuplicatePolicy>().notNull().default('skip'),
    /** uploaded → running → done | failed */
    status: text('status').notNull().default('uploaded'),
    totalRows: integer('total_rows').notNull(),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    jobId: uuid('job_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), tenantPolicy()],
).enableRLS();

/**
 * The rows of an import. A batch of rows is imported and marked in one transaction, so a crash loses no
 * row and imports none twice: the job resumes with the rows still pending.
 */
export const importRows = pgTable(
  'import_rows',
  {
    workspaceId: workspaceIdColumn(),
    importId: uuid('import_id').notNull(),
    /** 1-based data row number (the header is row 0), as the user sees it in a spreadsheet minus one. */
    rowNo: integer('row_no').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
    /** pending | created | updated | skipped | failed */
    status: text('status').notNull().default('pending'),
    /** Why the row was skipped or failed: [{ field, code, params }], translated when shown. */
    problems: jsonb('problems').$type<{ field: string; code: string; params?: Record<string, unknown> }[]>(),
    recordId: uuid('record_id'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.importId, t.rowNo] }), index('import_rows_pending_idx').on(t.workspaceId, t.importId, t.status, t.rowNo), tenantPolicy()],
).enableRLS();
