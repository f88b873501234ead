import { and, asc, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { sqlArrayLiteral } from '../../db/sql-arrays.js';
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
  let after: Unkeyed | null = null;
  let keyed = 0;
  for (;;) {
    const from: Unkeyed | null = after;
    const rows: Unkeyed[] = await asSystem(database.db, async (tx) => {
      const batch = await tx
        .select({ workspaceId: contacts.workspaceId, id: contacts.id, name: contacts.name, company: contacts.company })
        .from(contacts)
        .where(
          and(
            isNull(contacts.identityKey),
            isNotNull(contacts.company),
            // Past the previous batch: a company with nothing to key by (all punctuation) stays null and is not read again.
            from ? sql`(${contacts.workspaceId}, ${contacts.id}) > (${from.workspaceId}, ${from.id})` : undefined,
          ),
        )
        .orderBy(asc(contacts.workspaceId), asc(contacts.id))
        .limit(BATCH);
      const set = batch.flatMap((r) => {
        const key = nameCompanyKey(r.name, r.company);
        return key ? [{ ...r, key }] : [];
      });
      if (set.length) {
        await tx.execute(sql`
          update ${contacts} set identity_key = k.key
            from unnest(${sqlArrayLiteral(set.map((r) => r.workspaceId), 'uuid')}, ${sqlArrayLiteral(set.map((r) => r.id), 'uuid')},
                        ${sqlArrayLiteral(set.map((r) => r.key), 'text')}) as k(workspace_id, id, key)
           where ${contacts.workspaceId} = k.workspace_id and ${contacts.id} = k.id`);
      }
      keyed += set.length;
      return batch;
    });
    if (rows.length < BATCH) return keyed;
    after = rows.at(-1)!;
  }
}
