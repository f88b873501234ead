import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, getTableColumns, getTableName, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Executor } from './client.js';

/** The connection under a drizzle transaction on a PostgreSQL server; null on the embedded database. */
function serverClientOf(tx: Executor): pg.ClientBase | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}

/** Below this many rows a plain insert costs no more than COPY's extra round trips. */
const COPY_MIN_ROWS = 50;

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field of COPY's text format: the value as drizzle sends it to the driver, escaped; null as \N. */
function copyField(column: PgColumn, value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const driver: unknown = column.mapToDriverValue(value);
  const text = typeof driver === 'string' ? driver : driver instanceof Date ? driver.toISOString() : typeof driver === 'object' ? JSON.stringify(driver) : String(driver);
  return text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!);
}

/**
 * Writes new rows of the transaction's workspace with COPY on a PostgreSQL server: at a million contacts a
 * multi-row INSERT of an import batch cost about 570 µs a row, COPY 300–390 (bench/README.md). Returns false
 * on the embedded database, outside a workspace's transaction, and for fewer than `minRows` rows (50), where
 * the caller inserts.
 *
 * PostgreSQL refuses COPY FROM into a table under row-level security, so the copy runs as the connection's own
 * role (the tables' owner: it ran the migrations) for that one statement, and the policy's check is made here
 * first: every row must belong to the workspace the transaction is confined to (`app.workspace_id`), or
 * nothing is written. Rows are copied in groups of the same columns, so a column a row leaves out takes its
 * default.
 */
export async function copyRowsOfWorkspace(tx: Executor, table: PgTable, rows: Record<string, unknown>[], options: { minRows?: number } = {}): Promise<boolean> {
  const client = serverClientOf(tx);
  if (!client || rows.length < (options.minRows ?? COPY_MIN_ROWS)) return false;
  const { rows: confined } = await client.query<{ workspace: string | null; role: string }>(`select nullif(current_setting('app.workspace_id', true), '') as workspace, current_user as role`);
  const { workspace, role } = confined[0]!;
  // Outside any workspace (the owner's transactions: sign-up, restores) the caller's insert needs no detour.
  if (!workspace) return false;
  if (rows.some((row) => row.workspaceId !== workspace)) throw new Error(`copy into ${getTableName(table)}: a row outside the transaction's workspace`);
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const signature = Object.keys(row)
      .filter((k) => row[k] !== undefined && columns[k])
      .sort()
      .join(',');
    const group = groups.get(signature);
    if (group) group.push(row);
    else groups.set(signature, [row]);
  }
  await client.query('reset role');
  for (const [signature, group] of groups) {
    const keys = signature.split(',');
    const names = keys.map((k) => client.escapeIdentifier(columns[k]!.name)).join(', ');
    const lines = group.map((row) => `${keys.map((k) => copyField(columns[k]!, row[k])).join('\t')}\n`);
    // A failed copy aborts the transaction (or the caller's savepoint), whose rollback restores the role.
    await pipeline(Readable.from(lines), client.query(copyFrom(`copy ${client.escapeIdentifier(getTableName(table))} (${names}) from stdin`)));
  }
  await client.query(`set local role ${client.escapeIdentifier(role)}`);
  return true;
}

/** A workspace's table: rows are read back by (workspace, id) after a COPY. */
type WorkspaceTable = PgTable & { workspaceId: PgColumn; id: PgColumn };

/** New rows of the transaction's workspace: COPY where `copyRowsOfWorkspace` takes them, else one INSERT. */
export async function insertRows(tx: Executor, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length && !(await copyRowsOfWorkspace(tx, table, rows))) await tx.insert(table).values(rows as never);
}

/** `insertRows`, answering the rows as stored (after a COPY read back by id; no order promised). */
export async function insertRowsReturning<TTable extends WorkspaceTable>(tx: Executor, table: TTable, rows: (Record<string, unknown> & { workspaceId: string; id: string })[]): Promise<TTable['$inferSelect'][]> {
  if (rows.length === 0) return [];
  if (!(await copyRowsOfWorkspace(tx, table, rows))) return (await tx.insert(table).values(rows as never).returning()) as TTable['$inferSelect'][];
  const stored = await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.workspaceId, rows[0]!.workspaceId), inArray(table.id, rows.map((r) => r.id))));
  return stored as TTable['$inferSelect'][];
}
