import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Locale } from '../../../contracts/roles.js';
import type { Database, Executor } from '../../db/client.js';
import { asSystem, inWorkspace } from '../../db/transaction.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { contextOfIntegration } from '../../platform/auth/context-loader.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, invalidField, notFound, unauthenticated } from '../../platform/errors/app-error.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { JobQueue } from '../../platform/jobs/queue.js';
import { assertCan, assertMayActOn } from '../../platform/permissions/policy.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { findContactsByEmail, getContact, type Contact } from '../customers/index.js';
import { EMAIL_SEND_JOB, queueEmails } from '../interactions/index.js';
import { listCaseTypes } from './cases.service.js';
import { portalAccounts, portalLinks, portalSessions, portalSettings } from './portal.tables.js';

export type PortalSettings = typeof portalSettings.$inferSelect;
export type PortalAccount = typeof portalAccounts.$inferSelect;

/** The customer's session cookie; its path is the portal's API (/api/v1/public/portal/<key>), so one browser keeps one session per portal. */
export const PORTAL_COOKIE = 'guanxi_portal';
export const PORTAL_SESSION_DAYS = 30;
/** A mailed sign-in link works once, within this many minutes. */
export const LINK_MINUTES = 15;
export const PORTAL_KEY_PATTERN = '^[a-z0-9][a-z0-9-]{2,39}$';

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
};

const newPortalKey = () => randomBytes(8).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '').padEnd(8, '0').slice(0, 10);

// ——— Settings (staff) ———

/** The workspace's portal settings, made (closed, with a random key) on first use. */
export async function portalSettingsOf(tx: Executor, ctx: RequestContext): Promise<PortalSettings> {
  const [row] = await tx.select().from(portalSettings).where(eq(portalSettings.workspaceId, ctx.workspaceId));
  if (row) return row;
  await tx.insert(portalSettings).values({ workspaceId: ctx.workspaceId, portalKey: newPortalKey() }).onConflictDoNothing();
  const [created] = await tx.select().from(portalSettings).where(eq(portalSettings.workspaceId, ctx.workspaceId));
  return created!;
}

export type PortalSettingsPatch = Partial<Pick<PortalSettings, 'enabled' | 'portalKey' | 'color' | 'welcomeText' | 'caseTypeIds'>>;

/** Opens or closes the portal, changes its address, colour, welcome text and the case types customers may open. */
export async function updatePortalSettings(tx: Executor, ctx: RequestContext, patch: PortalSettingsPatch): Promise<PortalSettings> {
  assertCan(ctx, 'service.configure');
  const before = await portalSettingsOf(tx, ctx);
  const values: Partial<PortalSettings> = { ...patch, updatedAt: new Date() };
  if (patch.welcomeText !== undefined) values.welcomeText = patch.welcomeText?.trim() || null;
  if (patch.caseTypeIds) {
    const types = new Set((await listCaseTypes(tx, ctx)).map((t) => t.id));
    patch.caseTypeIds.forEach((id, i) => {
      if (!types.has(id)) throw invalidField(`caseTypeIds.${i}`, 'invalid');
    });
  }
  // Keys are unique across workspaces, whose rows this transaction cannot see: the unique index tells (in a savepoint).
  const after = await tx
    .transaction(async (sp) => (await sp.update(portalSettings).set(values).where(eq(portalSettings.workspaceId, ctx.workspaceId)).returning())[0]!)
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw invalidField('portalKey', 'taken');
      throw err;
    });
  await recordAudit(tx, ctx, { action: 'update', recordType: 'portalSettings', recordId: ctx.workspaceId, before, after });
  return after;
}

// ——— The portal as customers reach it ———

/** An open portal, found by its key: its workspace, settings, and the context it acts in (the customer's language). */
export interface Portal {
  workspaceId: string;
  settings: PortalSettings;
  ctx: RequestContext;
}

/** The open portal with this key; 404 for an unknown or closed one (the same answer: closed portals are not advertised). */
export async function portalByKey(database: Database, key: string, language: Locale | null): Promise<Portal> {
  const [settings] = await asSystem(database.db, (tx) => tx.select().from(portalSettings).where(eq(portalSettings.portalKey, key.toLowerCase())));
  if (!settings?.enabled) throw notFound('portal');
  const ctx = await contextOfIntegration(database, settings.workspaceId);
  if (!ctx) throw notFound('portal');
  return { workspaceId: settings.workspaceId, settings, ctx: { ...ctx, locale: language ?? ctx.locale } };
}

/** A signed-in customer: the portal, their account, and the one contact whose cases and orders they see. */
export interface PortalCustomer extends Portal {
  account: PortalAccount;
  sessionId: string;
}

/** The customer of a portal session cookie, or 401. A staff session opens nothing here, nor a session of another portal. */
export async function portalCustomer(database: Database, portal: Portal, token: string | undefined): Promise<PortalCustomer> {
  if (!token) throw unauthenticated();
  const found = await inWorkspace(database.db, portal.workspaceId, async (tx) => {
    const [row] = await tx
      .select({ account: portalAccounts, sessionId: portalSessions.id })
      .from(portalSessions)
      .innerJoin(portalAccounts, and(eq(portalAccounts.workspaceId, portalSessions.workspaceId), eq(portalAccounts.id, portalSessions.accountId)))
      .where(and(eq(portalSessions.workspaceId, portal.workspaceId), eq(portalSessions.tokenHash, hashToken(token)), gt(portalSessions.expiresAt, new Date()), isNull(portalAccounts.disabledAt)));
    return row;
  });
  if (!found) throw unauthenticated();
  return { ...portal, ...found };
}

async function accountByEmail(tx: Executor, workspaceId: string, email: string): Promise<PortalAccount | undefined> {
  const [row] = await tx.select().from(portalAccounts).where(and(eq(portalAccounts.workspaceId, workspaceId), eq(portalAccounts.email, email.trim().toLowerCase())));
  return row;
}

async function accountOfContact(tx: Executor, ctx: RequestContext, contactId: string): Promise<PortalAccount | undefined> {
  const [row] = await tx.select().from(portalAccounts).where(and(eq(portalAccounts.workspaceId, ctx.workspaceId), eq(portalAccounts.contactId, contactId)));
  return row;
}

/** The contact's portal account, made on first need with the contact's address as its sign-in. */
async function ensureAccount(tx: Executor, ctx: RequestContext, contact: Contact, email: string): Promise<PortalAccount> {
  const existing = await accountOfContact(tx, ctx, contact.id);
  if (existing) return existing;
  const [created] = await tx.insert(portalAccounts).values({ workspaceId: ctx.workspaceId, id: uuidv7(), contactId: contact.id, email: email.trim().toLowerCase() }).returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'portalAccount', recordId: created!.id, after: { contactId: contact.id, email: created!.email } });
  return created!;
}

/**
 * Queues a sign-in link mail to the account's contact (at the contact's address on file, never one typed in
 * the form): a fresh token, only its hash kept. Null when the workspace has no mail account to send it with.
 */
async function queueSignInLink(tx: Executor, ctx: RequestContext, settings: PortalSettings, account: PortalAccount, publicUrl: string): Promise<string | null> {
  const token = newToken();
  const now = new Date();
  const contact = await getContact(tx, ctx, account.contactId);
  const t = translator(ctx.locale);
  const workspace = (await getWorkspace(tx, ctx)).name;
  const link = `${publicUrl}/portal/${settings.portalKey}/link/${token}`;
  const mails = await queueEmails(tx, ctx, {
    contactIds: [contact.id],
    subject: t('portal.mail.subject', { workspace }),
    body: t('portal.mail.body', { name: contact.name, workspace, link, minutes: LINK_MINUTES }),
  }).catch((err: unknown) => {
    if (err instanceof AppError && (err.status === 409 || err.code === 'VALIDATION_FAILED')) return null;
    throw err;
  });
  if (!mails) return null;
  await tx.insert(portalLinks).values({ workspaceId: ctx.workspaceId, id: uuidv7(), accountId: account.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + LINK_MINUTES * 60_000) });
  return mails[0]!.id;
}

export interface MailDeps {
  database: Database;
  jobs: JobQueue;
  publicUrl: string;
}

/**
 * A customer asks for a sign-in link. An address with a portal account, or of a contact (who then gets an
 * account), is mailed a link; any other address gets nothing — and the caller answers the same either way,
 * so the form tells nobody who is a customer.
 */
export async function requestSignInLink(deps: MailDeps, portal: Portal, email: string): Promise<void> {
  const address = email.trim().toLowerCase();
  const job = await inWorkspace(deps.database.db, portal.workspaceId, async (tx) => {
    let account = await accountByEmail(tx, portal.workspaceId, address);
    if (!account) {
      const contact = (await findContactsByEmail(tx, portal.ctx, [address])).get(address);
      if (!contact) return null;
      account = await ensureAccount(tx, portal.ctx, contact, address);
    }
    if (account.disabledAt) return null;
    const mailId = await queueSignInLink(tx, portal.ctx, portal.settings, account, deps.publicUrl);
    return mailId ? deps.jobs.enqueue(tx, portal.workspaceId, null, EMAIL_SEND_JOB, { ids: [mailId], userId: null }) : null;
  });
  if (job) await deps.jobs.dispatch(job, portal.workspaceId, EMAIL_SEND_JOB);
}

async function startSession(tx: Executor, ctx: RequestContext, account: PortalAccount): Promise<string> {
  const token = newToken();
  const now = new Date();
  // The account's dead sessions and links go as it signs in again, so the tables hold live rows only.
  await tx.delete(portalSessions).where(and(eq(portalSessions.workspaceId, ctx.workspaceId), eq(portalSessions.accountId, account.id), lte(portalSessions.expiresAt, now)));
  await tx.delete(portalLinks).where(and(eq(portalLinks.workspaceId, ctx.workspaceId), eq(portalLinks.accountId, account.id), or(isNotNull(portalLinks.usedAt), lte(portalLinks.expiresAt, now))));
  await tx.insert(portalSessions).values({ workspaceId: ctx.workspaceId, id: uuidv7(), accountId: account.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + PORTAL_SESSION_DAYS * 86_400_000) });
  await tx.update(portalAccounts).set({ lastSignInAt: now }).where(and(eq(portalAccounts.workspaceId, ctx.workspaceId), eq(portalAccounts.id, account.id)));
  return token;
}

/** Signs in with a mailed link: once, within its quarter of an hour; the session token for the cookie. */
export async function signInWithLink(database: Database, portal: Portal, token: string): Promise<string> {
  return inWorkspace(database.db, portal.workspaceId, async (tx) => {
    // Claimed with the update itself, so two clicks at once sign in once.
    const [link] = await tx
      .update(portalLinks)
      .set({ usedAt: new Date() })
      .where(and(eq(portalLinks.workspaceId, portal.workspaceId), eq(portalLinks.tokenHash, hashToken(token)), isNull(portalLinks.usedAt), gt(portalLinks.expiresAt, new Date())))
      .returning();
    const [account] = link ? await tx.select().from(portalAccounts).where(and(eq(portalAccounts.workspaceId, portal.workspaceId), eq(portalAccounts.id, link.accountId), isNull(portalAccounts.disabledAt))) : [];
    if (!account) throw new AppError('PORTAL_LINK_INVALID', 401, { minutes: LINK_MINUTES });
    return startSession(tx, portal.ctx, account);
  });
}

/** Signs in with the account's address and password; a wrong address costs as long as a wrong password. */
export async function signInWithPassword(database: Database, portal: Portal, email: string, password: string): Promise<string> {
  return inWorkspace(database.db, portal.workspaceId, async (tx) => {
    const account = await accountByEmail(tx, portal.workspaceId, email);
    const ok = await verifyPassword(account?.passwordHash ?? DUMMY_HASH, password);
    if (!account || !account.passwordHash || !ok || account.disabledAt) throw new AppError('INVALID_CREDENTIALS', 401);
    return startSession(tx, portal.ctx, account);
  });
}

export async function signOutOfPortal(database: Database, customer: PortalCustomer): Promise<void> {
  await inWorkspace(database.db, customer.workspaceId, (tx) => tx.delete(portalSessions).where(and(eq(portalSessions.workspaceId, customer.workspaceId), eq(portalSessions.id, customer.sessionId))));
}

/** The customer sets or changes their password (being signed in proves the address, as a mailed link does). */
export async function setPortalPassword(database: Database, customer: PortalCustomer, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await inWorkspace(database.db, customer.workspaceId, async (tx) => {
    await tx.update(portalAccounts).set({ passwordHash }).where(and(eq(portalAccounts.workspaceId, customer.workspaceId), eq(portalAccounts.id, customer.account.id)));
    await recordAudit(tx, customer.ctx, { action: 'update', recordType: 'portalAccount', recordId: customer.account.id, before: { hasPassword: customer.account.passwordHash !== null }, after: { hasPassword: true } });
  });
}

// ——— Staff: a contact's access ———

export interface PortalAccess {
  account: Pick<PortalAccount, 'id' | 'email' | 'createdAt' | 'lastSignInAt' | 'disabledAt'> | null;
  portalEnabled: boolean;
  portalKey: string;
}

const accessOf = (account: PortalAccount | undefined, settings: PortalSettings): PortalAccess => ({
  account: account ? { id: account.id, email: account.email, createdAt: account.createdAt, lastSignInAt: account.lastSignInAt, disabledAt: account.disabledAt } : null,
  portalEnabled: settings.enabled,
  portalKey: settings.portalKey,
});

/** Whether a contact (the caller may read) has a portal account, and when they last signed in. */
export async function contactPortalAccess(tx: Executor, ctx: RequestContext, contactId: string): Promise<PortalAccess> {
  await getContact(tx, ctx, contactId);
  return accessOf(await accountOfContact(tx, ctx, contactId), await portalSettingsOf(tx, ctx));
}

/**
 * Staff invite a contact: their portal account (made with the contact's address) and a sign-in link mailed to
 * them. Returns the mail id to send after the commit (null: the workspace has no mail account).
 */
export async function inviteToPortal(tx: Executor, ctx: RequestContext, contactId: string, publicUrl: string): Promise<{ access: PortalAccess; mailId: string | null }> {
  const contact = await getContact(tx, ctx, contactId);
  await assertMayActOn(tx, ctx, 'update', contact.ownerId);
  const settings = await portalSettingsOf(tx, ctx);
  if (!settings.enabled) throw new AppError('PORTAL_DISABLED', 409);
  if (!contact.email) throw new AppError('PORTAL_CONTACT_NO_EMAIL', 409);
  let account = await ensureAccount(tx, ctx, contact, contact.email);
  if (account.disabledAt) {
    [account] = await tx.update(portalAccounts).set({ disabledAt: null }).where(and(eq(portalAccounts.workspaceId, ctx.workspaceId), eq(portalAccounts.id, account.id))).returning();
    await recordAudit(tx, ctx, { action: 'update', recordType: 'portalAccount', recordId: account!.id, before: { disabled: true }, after: { disabled: false } });
  }
  // Sent as the inviting member (their mail account, else the workspace's), who may read the contact.
  const mailId = await queueSignInLink(tx, ctx, settings, account!, publicUrl);
  return { access: accessOf(account, settings), mailId };
}

/** Ends a contact's portal access: the account is disabled and its sessions end. */
export async function revokePortalAccess(tx: Executor, ctx: RequestContext, contactId: string): Promise<PortalAccess> {
  const contact = await getContact(tx, ctx, contactId);
  await assertMayActOn(tx, ctx, 'update', contact.ownerId);
  const account = await accountOfContact(tx, ctx, contactId);
  if (!account) throw notFound('portalAccount');
  const [after] = await tx.update(portalAccounts).set({ disabledAt: account.disabledAt ?? new Date() }).where(and(eq(portalAccounts.workspaceId, ctx.workspaceId), eq(portalAccounts.id, account.id))).returning();
  await tx.delete(portalSessions).where(and(eq(portalSessions.workspaceId, ctx.workspaceId), eq(portalSessions.accountId, account.id)));
  await recordAudit(tx, ctx, { action: 'update', recordType: 'portalAccount', recordId: account.id, before: { disabled: account.disabledAt !== null }, after: { disabled: true } });
  return accessOf(after, await portalSettingsOf(tx, ctx));
}

/** The demo: a contact with a portal account and a known password. */
export async function givePortalAccount(tx: Executor, ctx: RequestContext, contact: Contact, password: string): Promise<PortalAccount> {
  const account = await ensureAccount(tx, ctx, contact, contact.email!);
  await tx.update(portalAccounts).set({ passwordHash: await hashPassword(password) }).where(and(eq(portalAccounts.workspaceId, ctx.workspaceId), eq(portalAccounts.id, account.id)));
  return account;
}
