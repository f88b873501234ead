import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { toE164 } from '../../platform/phones.js';
import { textArray, withIndexScans } from '../../platform/search/sql.js';
import { contacts, contactsSearch } from './contacts.tables.js';
import type { Contact } from './contacts.service.js';

/**
 * The contacts (that the caller may read) with this phone number as their phone or one of their other
 * phones, however it is written (read in the workspace's country): who is calling. One GIN lookup.
 */
export async function findContactsByPhone(tx: Executor, ctx: RequestContext, raw: string, limit = 5): Promise<Contact[]> {
  const e164 = toE164(raw, ctx.country);
  if (!e164) return [];
  const ids = await withIndexScans(tx, () =>
    tx
      .select({ id: contactsSearch.id })
      .from(contactsSearch)
      .where(and(eq(contactsSearch.workspaceId, ctx.workspaceId), isNull(contactsSearch.deletedAt), ownershipFilter(ctx, 'read', contactsSearch.ownerId), sql`${contactsSearch.searchKeys} && ${textArray([`t:${e164.slice(1)}`])}`))
      .limit(limit),
  );
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, ctx.workspaceId), inArray(contacts.id, ids.map((r) => r.id))))
    .orderBy(contacts.createdAt);
}

/** The contacts (that the caller may read) having one of these addresses as e-mail or other e-mail, by address. */
export async function findContactsByEmail(tx: Executor, ctx: RequestContext, addresses: string[]): Promise<Map<string, Contact>> {
  const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  const found = new Map<string, Contact>();
  if (wanted.length === 0) return found;
  const ids = await withIndexScans(tx, () =>
    tx
      .select({ id: contactsSearch.id })
      .from(contactsSearch)
      .where(and(eq(contactsSearch.workspaceId, ctx.workspaceId), isNull(contactsSearch.deletedAt), ownershipFilter(ctx, 'read', contactsSearch.ownerId), sql`${contactsSearch.searchKeys} && ${textArray(wanted.map((a) => `e:${a}`))}`))
      .limit(500),
  );
  if (ids.length === 0) return found;
  const rows = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, ctx.workspaceId), inArray(contacts.id, ids.map((r) => r.id))))
    .orderBy(contacts.createdAt);
  for (const contact of rows) for (const address of [contact.email, ...contact.otherEmails]) if (address && wanted.includes(address) && !found.has(address)) found.set(address, contact);
  return found;
}
