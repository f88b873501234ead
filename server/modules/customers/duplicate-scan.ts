import { and, asc, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../../db/client.js';
import { inWorkspace } from '../../db/transaction.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { notFound } from '../../platform/errors/app-error.js';
import { assertCan, ownershipFilter } from '../../platform/permissions/policy.js';
import { nameKey, scoreDuplicate } from './contacts.duplicates.js';
import type { Contact } from './contacts.service.js';
import { contacts, duplicateGroups } from './contacts.tables.js';

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

/** Contacts read per transaction while the scan collects the workspace. */
const PAGE = 5000;
/**
 * A block bigger than this is not a duplicate group but a shared value (info@company.com on 3,000
 * contacts); it is left out rather than turned into half a million pairs.
 */
const MAX_BLOCK = 500;

type ScanRow = Pick<Contact, 'id' | 'name' | 'company' | 'email' | 'phone'>;

/**
 * The blocks a contact falls into: only contacts sharing a block are compared. Every reason that can reach
 * SCAN_MIN_SCORE has one — same e-mail, same phone, same name at the same company — and a similar name at
 * the same company shares either the first or the last three letters of the name (one typo cannot change
 * both in a name of six letters or more).
 */
function blockKeys(row: ScanRow): string[] {
  const keys: string[] = [];
  if (row.email) keys.push(`e:${row.email}`);
  if (row.phone) keys.push(`t:${row.phone}`);
  const company = row.company ? nameKey(row.company) : '';
  if (company) {
    const name = nameKey(row.name);
    keys.push(`h:${company}|${name.slice(0, 3)}`, `s:${company}|${name.slice(-3)}`);
  }
  return keys;
}

/**
 * Reads every contact's identifying fields (keyset pages, one short transaction each, progress per page),
 * blocks them by what duplicates share, scores the pairs within each block exactly as the finder does,
 * groups the pairs and replaces the open groups with the new ones. Linear in the contacts: no query per
 * contact, so a million take minutes, not hours (`npm run bench:customers`).
 */
export async function scanContactDuplicates(database: Database, ctx: RequestContext, jobId: string, progress: (done: number, total: number) => Promise<unknown>) {
  const live = and(eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt), ownershipFilter(ctx, 'read', contacts.ownerId));
  const total = await inWorkspace(database.db, ctx.workspaceId, (tx) => tx.$count(contacts, live));
  const rows: ScanRow[] = [];
  const blocks = new Map<string, number[]>();
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await inWorkspace(database.db, ctx.workspaceId, (tx) =>
      tx
        .select({ id: contacts.id, name: contacts.name, company: contacts.company, email: contacts.email, phone: contacts.phone })
        .from(contacts)
        .where(and(live, gt(contacts.id, after)))
        .orderBy(asc(contacts.id))
        .limit(PAGE),
    );
    for (const row of page) {
      const index = rows.push(row) - 1;
      for (const key of blockKeys(row)) {
        const block = blocks.get(key);
        if (block) block.push(index);
        else blocks.set(key, [index]);
      }
    }
    await progress(rows.length, total);
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  const pairs = new Map<string, Pair>();
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > MAX_BLOCK) continue;
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const [a, b] = [rows[block[i]!]!, rows[block[j]!]!].sort((x, y) => (x.id < y.id ? -1 : 1)) as [ScanRow, ScanRow];
        const key = `${a.id}|${b.id}`;
        if (pairs.has(key)) continue;
        const twin = scoreDuplicate(a, b as Contact);
        if (twin && twin.score >= SCAN_MIN_SCORE) pairs.set(key, { a: a.id, b: b.id, score: twin.score, reasons: twin.reasons });
      }
    }
  }
  const found = groupPairs([...pairs.values()]);
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
    for (let i = 0; i < groups.length; i += 1000) {
      await tx.insert(duplicateGroups).values(groups.slice(i, i + 1000).map((g) => ({ workspaceId: ctx.workspaceId, id: uuidv7(), recordType: 'contact', recordIds: g.ids, score: g.score, reasons: g.reasons, scanJobId: jobId })));
    }
  });
  return { scanned: rows.length, groups: groups.length };
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
