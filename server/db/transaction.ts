import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.js';

/**
 * Runs `fn` in a transaction confined to one workspace: the app role is assumed (SET LOCAL ROLE) and the
 * workspace id set for row-level security, so every table with a tenant policy shows only that
 * workspace's rows whatever the query says. Services still filter by workspace themselves: RLS is the
 * second wall, not the first.
 */
export async function inWorkspace<T>(db: Db, workspaceId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.workspace_id', ${workspaceId}, true)`);
    await tx.execute(sql`set local role guanxi_app`);
    return fn(tx);
  });
}

/**
 * Runs `fn` in a transaction outside any workspace, as the owner role (RLS bypassed). Only for work that
 * must cross workspaces by nature: sign-in by e-mail, sign-up, session lookup, migrations, backups.
 */
export async function asSystem<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}
