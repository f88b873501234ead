import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { notFound } from '../../platform/errors/app-error.js';
import { assertMayActOn, ownershipFilter } from '../../platform/permissions/policy.js';
import type { ContactRole } from '../../../contracts/customers.js';
import { accountContacts, accounts } from './accounts.tables.js';
import { getAccount } from './accounts.service.js';
import { contacts } from './contacts.tables.js';
import { getContact } from './contacts.service.js';

/** The contacts working at an account (that the caller may read), with their roles; primary first. */
export async function listAccountContacts(tx: Executor, ctx: RequestContext, accountId: string) {
  await getAccount(tx, ctx, accountId);
  return tx
    .select({ contact: contacts, role: accountContacts.role, isPrimary: accountContacts.isPrimary })
    .from(accountContacts)
    .innerJoin(contacts, and(eq(contacts.workspaceId, accountContacts.workspaceId), eq(contacts.id, accountContacts.contactId)))
    .where(and(eq(accountContacts.workspaceId, ctx.workspaceId), eq(accountContacts.accountId, accountId), isNull(contacts.deletedAt), ownershipFilter(ctx, 'read', contacts.ownerId)))
    .orderBy(accountContacts.createdAt);
}

/** The accounts a contact belongs to (that the caller may read). */
export async function listContactAccounts(tx: Executor, ctx: RequestContext, contactId: string) {
  await getContact(tx, ctx, contactId);
  return tx
    .select({ account: accounts, role: accountContacts.role, isPrimary: accountContacts.isPrimary })
    .from(accountContacts)
    .innerJoin(accounts, and(eq(accounts.workspaceId, accountContacts.workspaceId), eq(accounts.id, accountContacts.accountId)))
    .where(and(eq(accountContacts.workspaceId, ctx.workspaceId), eq(accountContacts.contactId, contactId), isNull(accounts.deletedAt), ownershipFilter(ctx, 'read', accounts.ownerId)))
    .orderBy(accountContacts.createdAt);
}

/**
 * Every account a contact belongs to, whoever may read them: what the contact's timeline rolls up to (a
 * call with a contact is on its accounts' timelines too).
 */
export async function accountIdsOfContact(tx: Executor, ctx: RequestContext, contactId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: accountContacts.accountId })
    .from(accountContacts)
    .where(and(eq(accountContacts.workspaceId, ctx.workspaceId), eq(accountContacts.contactId, contactId)));
  return rows.map((r) => r.id);
}

/**
 * Links a contact to an account in a role, or changes the role of an existing link. Needs the right to
 * change the account and to read the contact; logged on the account's audit trail.
 */
export async function linkContact(tx: Executor, ctx: RequestContext, accountId: string, contactId: string, link: { role?: ContactRole; isPrimary?: boolean }) {
  const account = await getAccount(tx, ctx, accountId);
  await assertMayActOn(tx, ctx, 'update', account.ownerId);
  await getContact(tx, ctx, contactId);
  const where = and(eq(accountContacts.workspaceId, ctx.workspaceId), eq(accountContacts.accountId, accountId), eq(accountContacts.contactId, contactId));
  const [before] = await tx.select().from(accountContacts).where(where);
  const role = link.role ?? before?.role ?? 'other';
  const isPrimary = link.isPrimary ?? before?.isPrimary ?? false;
  if (isPrimary) {
    // One primary contact per account.
    await tx.update(accountContacts).set({ isPrimary: false }).where(and(eq(accountContacts.workspaceId, ctx.workspaceId), eq(accountContacts.accountId, accountId)));
  }
  await tx
    .insert(accountContacts)
    .values({ workspaceId: ctx.workspaceId, accountId, contactId, role, isPrimary })
    .onConflictDoUpdate({ target: [accountContacts.workspaceId, accountContacts.accountId, accountContacts.contactId], set: { role, isPrimary } });
  await recordAudit(tx, ctx, {
    action: 'update',
    recordType: 'account',
    recordId: accountId,
    before: { [`contact:${contactId}`]: before ? { role: before.role, isPrimary: before.isPrimary } : null },
    after: { [`contact:${contactId}`]: { role, isPrimary } },
  });
  return { role, isPrimary };
}

export async function unlinkContact(tx: Executor, ctx: RequestContext, accountId: string, contactId: string): Promise<void> {
  const account = await getAccount(tx, ctx, accountId);
  await assertMayActOn(tx, ctx, 'update', account.ownerId);
  const [removed] = await tx
    .delete(accountContacts)
    .where(and(eq(accountContacts.workspaceId, ctx.workspaceId), eq(accountContacts.accountId, accountId), eq(accountContacts.contactId, contactId)))
    .returning();
  if (!removed) throw notFound('contact');
  await recordAudit(tx, ctx, {
    action: 'update',
    recordType: 'account',
    recordId: accountId,
    before: { [`contact:${contactId}`]: { role: removed.role, isPrimary: removed.isPrimary } },
    after: { [`contact:${contactId}`]: null },
  });
}
