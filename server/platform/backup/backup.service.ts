import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';

/** A portable copy of one workspace: every row of every table that carries its workspace_id. */
export interface WorkspaceDump {
  format: 'guanxi-workspace-backup';
  version: 1;
  createdAt: string;
  workspaceId: string;
  /** Tables in restore order (parents before children). */
  tables: { name: string; rows: Record<string, unknown>[] }[];
}

// Tables that are not part of a workspace's data: live sessions and reset tokens are not restored.
const EXCLUDED = new Set(['sessions', 'password_resets', 'jobs']);

/**
 * Tables holding workspace data, discovered from the catalog so that tables added by later modules are
 * included without editing this file, ordered so that referenced tables come first.
 */
async function workspaceTables(database: Database): Promise<string[]> {
  const { rows: tables } = await database.raw.query<{ name: string }>(
    `select table_name as name from information_schema.columns
      where table_schema = 'public' and column_name = 'workspace_id' and table_name <> '__drizzle_migrations'`,
    [],
  );
  const { rows: edges } = await database.raw.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`,
    [],
  );
  const names = ['workspaces', 'users', ...tables.map((t) => t.name).filter((n) => !EXCLUDED.has(n)).sort()];
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const e of edges) if (e.child === name && e.parent !== name && names.includes(e.parent)) visit(e.parent, path);
    ordered.push(name);
  };
  for (const name of names) visit(name, new Set());
  return ordered;
}

function scopeOf(table: string): string {
  if (table === 'workspaces') return 'id = $1';
  // Users are global: take those who are members of the workspace.
  if (table === 'users') return 'id in (select user_id from memberships where workspace_id = $1)';
  return 'workspace_id = $1';
}

/** Exports a workspace; reports progress table by table. Runs as the owner role (a system operation). */
export async function exportWorkspace(
  database: Database,
  workspaceId: string,
  onProgress: (done: number, total: number) => Promise<unknown> = async () => undefined,
): Promise<WorkspaceDump> {
  const names = await workspaceTables(database);
  const tables: WorkspaceDump['tables'] = [];
  for (const [index, name] of names.entries()) {
    // to_jsonb keeps every type exact (timestamps with offset, arrays, jsonb) for json_populate_recordset.
    const { rows } = await database.raw.query<{ row: Record<string, unknown> }>(
      `select to_jsonb(t) as row from "${name}" t where ${scopeOf(name)}`,
      [workspaceId],
    );
    tables.push({ name, rows: rows.map((r) => r.row) });
    await onProgress(index + 1, names.length);
  }
  return { format: 'guanxi-workspace-backup', version: 1, createdAt: new Date().toISOString(), workspaceId, tables };
}

export class RestoreError extends Error {}

/**
 * Restores a dump in one transaction. Refuses when the workspace exists unless `replace` is set, which
 * deletes the existing copy first. Users that already exist (same id) are kept as they are.
 */
export async function restoreWorkspace(database: Database, dump: WorkspaceDump, opts: { replace?: boolean } = {}): Promise<{ rows: number }> {
  if (dump?.format !== 'guanxi-workspace-backup' || dump.version !== 1) throw new RestoreError('not a Guanxi workspace backup (format/version)');
  const known = new Set(await workspaceTables(database));
  const unknown = dump.tables.map((t) => t.name).filter((n) => !known.has(n));
  if (unknown.length) throw new RestoreError(`backup has tables this database lacks: ${unknown.join(', ')} (run migrations?)`);
  let count = 0;
  await database.db.transaction(async (tx) => {
    const existing = (await tx.execute(sql`select 1 from workspaces where id = ${dump.workspaceId}`)) as unknown as { rows: unknown[] };
    if (existing.rows.length) {
      if (!opts.replace) throw new RestoreError(`workspace ${dump.workspaceId} exists; use --replace to overwrite it`);
      for (const t of [...dump.tables].reverse()) {
        if (t.name === 'users') continue;
        const column = sql.identifier(t.name === 'workspaces' ? 'id' : 'workspace_id');
        await tx.execute(sql`delete from ${sql.identifier(t.name)} where ${column} = ${dump.workspaceId}`);
      }
    }
    for (const table of dump.tables) {
      if (table.rows.length === 0) continue;
      const name = sql.identifier(table.name);
      const conflict = table.name === 'users' ? sql`on conflict do nothing` : sql``;
      await tx.execute(sql`insert into ${name} select * from jsonb_populate_recordset(null::${name}, ${JSON.stringify(table.rows)}::jsonb) ${conflict}`);
      count += table.rows.length;
    }
  });
  return { rows: count };
}
