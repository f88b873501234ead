import { and, asc, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../../db/client.js';
import { inWorkspace } from '../../db/transaction.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { notFound } from '../../platform/errors/app-error.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { findLikelyDuplicates } from './contacts.duplicates.js';
import { contacts, duplicateGroups } from './contacts.tables.js';

const PAGE = 500;
/** Pairs below this score are not worth a person's look in a scan (same name alone is 0.5). */
const SCAN_MIN_SCORE = 0.7;

interface Pair {
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

/** Joins pairs that share a record into groups (union–find). */
export function groupPairs(pairs: Pair[]): { ids: string[]; score: number; reasons: string[] }[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const { a, b } of pairs) parent.set(find(a), find(b));
  const groups = new Map<string, { ids: Set<string>; score: number; reasons: Set<string> }>();
  for (const { a, b, score, reasons } of pairs) {
    const root = find(a);
    const g = groups.get(root) ?? { ids: new Set<string>(), score: 0, reasons: new Set<string>() };
    g.ids.add(a).add(b);
    g.score = Math.max(g.score, score);
    reasons.forEach((r) => g.reasons.add(r));
    groups.set(root, g);
  }
  return [...groups.values()].map((g) => ({ ids: [...g.ids].sort(), score: g.score, reasons: [...g.reasons].sort() })).sort((x, y) => y.score - x.score);
}

/**
 * Walks every contact (keyset pages, one short transaction each), asks the duplicate finder for its likely
 * twins, groups the pairs and replaces the open groups with the new ones. Reports progress per page.
 */
export async function scanContactDuplicates(database: Database, ctx: RequestContext, jobId: string, progress: (done: number, total: number) => Promise<unknown>) {
  const [{ total }] = (await inWorkspace(database.db, ctx.workspaceId, (tx) =>
    tx.$count(contacts, and(eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt))).then((n) => [{ total: n }]),
  )) as [{ total: number }];
  const pairs: Pair[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  for (;;) {
    const page = await inWorkspace(database.db, ctx.workspaceId, async (tx) => {
      const rows = await tx
        .select()
        .from(contacts)
        .where(and(eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt), gt(contacts.id, after)))
        .orderBy(asc(contacts.id))
        .limit(PAGE);
      for (const row of rows) {
        for (const twin of await findLikelyDuplicates(tx, ctx, { ...row, excludeId: row.id })) {
          // Each pair once: from the record with the smaller id.
          if (twin.contact.id > row.id && twin.score >= SCAN_MIN_SCORE) pairs.push({ a: row.id, b: twin.contact.id, score: twin.score, reasons: twin.reasons });
        }
      }
      return rows;
    });
    done += page.length;
    await progress(done, total);
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  const found = groupPairs(pairs);
  let groups = found;
  await inWorkspace(database.db, ctx.workspaceId, async (tx) => {
    // A group someone dismissed stays dismissed while it has the same members.
    const dismissed = await tx
      .select({ ids: duplicateGroups.recordIds })
      .from(duplicateGroups)
      .where(and(eq(duplicateGroups.workspaceId, ctx.workspaceId), eq(duplicateGroups.recordType, 'contact'), eq(duplicateGroups.status, 'dismissed')));
    const dismissedKeys = new Set(dismissed.map((d) => [...d.ids].sort().join(',')));
    groups = found.filter((g) => !dismissedKeys.has(g.ids.join(',')));
    await tx.delete(duplicateGroups).where(and(eq(duplicateGroups.workspaceId, ctx.workspaceId), eq(duplicateGroups.recordType, 'contact'), eq(duplicateGroups.status, 'open')));
    if (groups.length) {
      await tx.insert(duplicateGroups).values(groups.map((g) => ({ workspaceId: ctx.workspaceId, id: uuidv7(), recordType: 'contact', recordIds: g.ids, score: g.score, reasons: g.reasons, scanJobId: jobId })));
    }
  });
  return { scanned: done, groups: groups.length };
}

/** Open duplicate groups, best first, with their contacts (those still not deleted). */
export async function listDuplicateGroups(tx: Executor, ctx: RequestContext) {
  assertCan(ctx, 'records.dedupe');
  const groups = await tx
    .select()
    .from(duplicateGroups)
    .where(and(eq(duplicateGroups.workspaceId, ctx.workspaceId), eq(duplicateGroups.recordType, 'contact'), eq(duplicateGroups.status, 'open')))
    .orderBy(desc(duplicateGroups.score))
    .limit(500);
  const ids = [...new Set(groups.flatMap((g) => g.recordIds))];
  const rows = ids.length ? await tx.select().from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt), inArray(contacts.id, ids))) : [];
  const members = new Map(rows.map((r) => [r.id, r]));
  return groups
    .map((g) => ({ id: g.id, score: g.score, reasons: g.reasons, createdAt: g.createdAt, contacts: g.recordIds.map((id) => members.get(id)).filter(Boolean) }))
    .filter((g) => g.contacts.length > 1);
}

/** Marks a group as not duplicates after all; later scans leave it dismissed while its members are the same. */
export async function dismissDuplicateGroup(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'records.dedupe');
  const [done] = await tx
    .update(duplicateGroups)
    .set({ status: 'dismissed' })
    .where(and(eq(duplicateGroups.workspaceId, ctx.workspaceId), eq(duplicateGroups.id, id), eq(duplicateGroups.status, 'open')))
    .returning({ id: duplicateGroups.id });
  if (!done) throw notFound('record');
}
