import { and, asc, gt, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { sqlArray } from '../../db/sql-arrays.js';
import { asSystem } from '../../db/transaction.js';
import { nameCompanyKey } from './contacts.duplicates.js';
import { contacts } from './contacts.tables.js';

const BATCH = 1000;

interface Unkeyed {
  workspaceId: string;
  id: string;
  name: string;
  company: string | null;
}

/**
 * Gives contacts written before `identity_key` existed (migration 0049) their key, a batch per transaction,
 * so that imports find them as duplicates by name at company. A data migration: it reads every workspace
 * (the owner role, like the schema migrations) and does nothing once done. Returns the contacts keyed.
 */
export async function backfillIdentityKeys(database: Database): Promise<number> {
  let after: { workspaceId: string; id: string } | null = null;
  let keyed = 0;
  for (;;) {
    const position: { workspaceId: string; id: string } | null = after;
    const batch: { rows: Unkeyed[]; set: number } = await asSystem(database.db, async (tx) => {
      const rows: Unkeyed[] = await tx
        .select({ workspaceId: contacts.workspaceId, id: contacts.id, name: contacts.name, company: contacts.company })
        .from(contacts)
        .where(
          and(
            isNull(contacts.identityKey),
            isNotNull(contacts.company),
            position ? or(gt(contacts.workspaceId, position.workspaceId), and(sql`${contacts.workspaceId} = ${position.workspaceId}`, gt(contacts.id, position.id))) : undefined,
          ),
        )
        .orderBy(asc(contacts.workspaceId), asc(contacts.id))
        .limit(BATCH);
      const keys = rows.map((r) => nameCompanyKey(r.name, r.company));
      const set = rows.filter((_, i) => keys[i] !== null);
      if (set.length) {
        await tx.execute(sql`
          update ${contacts} set identity_key = k.key
            from unnest(${sqlArray(set.map((r) => r.workspaceId), 'uuid')}, ${sqlArray(set.map((r) => r.id), 'uuid')},
                        ${sqlArray(keys.filter((k): k is string => k !== null), 'text')}) as k(workspace_id, id, key)
           where ${contacts.workspaceId} = k.workspace_id and ${contacts.id} = k.id`);
      }
      return { rows, set: set.length };
    });
    keyed += batch.set;
    if (batch.rows.length < BATCH) return keyed;
    const last = batch.rows.at(-1)!;
    after = { workspaceId: last.workspaceId, id: last.id };
  }
}
