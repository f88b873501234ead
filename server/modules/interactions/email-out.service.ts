import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { uuidv7 } from 'uuidv7';
import type { Db, Executor } from '../../db/client.js';
import { inWorkspace } from '../../db/transaction.js';
import type { Locale } from '../../../contracts/roles.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors/app-error.js';
import { assertCan } from '../../platform/permissions/policy.js';
import type { Secrets } from '../../platform/secrets/secrets.js';
import { readFile } from '../../platform/files/files.service.js';
import { getMember } from '../../platform/tenancy/members.service.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { getContact, type Contact } from '../customers/index.js';
import { emailTemplates, mailAccounts, outgoingEmails } from './interactions.tables.js';
import { logInteraction } from './interactions.service.js';

/** The job that sends queued mails (`{ids, userId}`): to contacts, and task reminders to members. */
export const EMAIL_SEND_JOB = 'email.send';

export type MailAccount = typeof mailAccounts.$inferSelect;
export type EmailTemplate = typeof emailTemplates.$inferSelect;
export type OutgoingEmail = typeof outgoingEmails.$inferSelect;

export interface MailAccountInput {
  /** true: the member's own account; false: the workspace's (admins). */
  personal: boolean;
  fromName: string;
  fromAddress: string;
  host: string;
  port: number;
  secure?: boolean;
  username?: string | null;
  password?: string | null;
}

const publicAccount = ({ passwordSealed, ...account }: MailAccount) => ({ ...account, hasPassword: passwordSealed !== null });

/** Adds the workspace's SMTP account (admins) or the caller's own; the password is kept sealed. */
export async function createMailAccount(tx: Executor, ctx: RequestContext, secrets: Secrets, input: MailAccountInput) {
  if (!input.personal) assertCan(ctx, 'workspace.manage');
  if (input.personal && !ctx.userId) throw forbidden();
  const userId = input.personal ? ctx.userId : null;
  // One account per owner: a new one replaces the old.
  await tx.delete(mailAccounts).where(and(eq(mailAccounts.workspaceId, ctx.workspaceId), userId ? eq(mailAccounts.userId, userId) : isNull(mailAccounts.userId)));
  const [row] = await tx
    .insert(mailAccounts)
    .values({
      workspaceId: ctx.workspaceId,
      id: uuidv7(),
      userId,
      fromName: input.fromName.trim(),
      fromAddress: input.fromAddress.trim().toLowerCase(),
      host: input.host.trim(),
      port: input.port,
      secure: input.secure ?? input.port === 465,
      username: input.username?.trim() || null,
      passwordSealed: input.password ? secrets.encrypt(input.password) : null,
    })
    .returning();
  return publicAccount(row!);
}

/** The accounts the caller may send through: their own and the workspace's. */
export async function listMailAccounts(tx: Executor, ctx: RequestContext) {
  const rows = await tx
    .select()
    .from(mailAccounts)
    .where(and(eq(mailAccounts.workspaceId, ctx.workspaceId), or(isNull(mailAccounts.userId), ctx.userId ? eq(mailAccounts.userId, ctx.userId) : undefined)));
  return rows.map(publicAccount);
}

/** The caller's own account, else the workspace's. */
export async function senderAccount(tx: Executor, ctx: RequestContext, userId: string | null): Promise<MailAccount | null> {
  const rows = await tx
    .select()
    .from(mailAccounts)
    .where(and(eq(mailAccounts.workspaceId, ctx.workspaceId), or(isNull(mailAccounts.userId), userId ? eq(mailAccounts.userId, userId) : undefined)));
  return rows.find((r) => r.userId !== null) ?? rows[0] ?? null;
}

export async function createTemplate(tx: Executor, ctx: RequestContext, input: { name: string; subjects: Partial<Record<string, string>>; bodies: Partial<Record<string, string>> }): Promise<EmailTemplate> {
  if (ctx.role !== 'admin' && ctx.role !== 'manager' && ctx.role !== 'marketing') throw forbidden();
  const subjects = Object.fromEntries(Object.entries(input.subjects).filter((e): e is [string, string] => Boolean(e[1])));
  const bodies = Object.fromEntries(Object.entries(input.bodies).filter((e): e is [string, string] => Boolean(e[1])));
  const locales = Object.keys(subjects);
  if (locales.length === 0) throw invalidField('subjects', 'required');
  for (const locale of locales) if (!bodies[locale]) throw invalidField(`bodies.${locale}`, 'required');
  const [row] = await tx.insert(emailTemplates).values({ workspaceId: ctx.workspaceId, id: uuidv7(), name: input.name.trim(), subjects, bodies }).returning();
  return row!;
}

export function listTemplates(tx: Executor, ctx: RequestContext): Promise<EmailTemplate[]> {
  return tx.select().from(emailTemplates).where(eq(emailTemplates.workspaceId, ctx.workspaceId)).orderBy(emailTemplates.name);
}

/** Merge fields a template may use. */
export const MERGE_FIELDS = ['contact.name', 'contact.firstName', 'contact.company', 'contact.title', 'contact.email', 'user.name', 'user.email', 'workspace.name'] as const;

/**
 * Fills `{{field}}` merge fields; an unknown field is an error naming it (a typo must not reach customers),
 * a known one without a value becomes empty. Mail goes out as plain text, so nothing needs escaping.
 */
export function renderTemplate(text: string, values: MergeValues, field: string): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    if (!(MERGE_FIELDS as readonly string[]).includes(name)) throw invalidField(field, 'invalid', { reason: `unknown merge field {{${name}}}; use ${MERGE_FIELDS.join(', ')}` });
    return values[name as (typeof MERGE_FIELDS)[number]] ?? '';
  });
}

/** Given name for "Dear …": a Chinese name's given part (王小明 → 小明), else the first word. */
const firstName = (name: string) => (/^\p{Script=Han}{2,4}$/u.test(name) ? [...name].slice(name.length === 4 ? 2 : 1).join('') : name.split(/\s+/)[0]!);

export type MergeValues = Partial<Record<(typeof MERGE_FIELDS)[number], string | null>>;

/** The merge fields' values for a contact (none: its fields empty) and the member writing (mails, call scripts). */
export function mergeValuesOf(contact: Pick<Contact, 'name' | 'company' | 'title' | 'email'> | null, sender: { name: string; email: string; workspaceName: string }): MergeValues {
  return {
    'contact.name': contact?.name ?? null,
    'contact.firstName': contact ? firstName(contact.name) : null,
    'contact.company': contact?.company ?? null,
    'contact.title': contact?.title ?? null,
    'contact.email': contact?.email ?? null,
    'user.name': sender.name,
    'user.email': sender.email,
    'workspace.name': sender.workspaceName,
  };
}

export interface SendEmailInput {
  contactIds: string[];
  templateId?: string;
  /** The template's language (default: the workspace's). */
  locale?: Locale;
  subject?: string;
  body?: string;
}

/**
 * Queues a mail to each contact (rendered with their merge fields) through the caller's own SMTP account,
 * else the workspace's. Returns the queued mails; the caller dispatches the send job after the commit.
 */
export async function queueEmails(tx: Executor, ctx: RequestContext, input: SendEmailInput): Promise<OutgoingEmail[]> {
  const account = await senderAccount(tx, ctx, ctx.userId);
  const workspace = await getWorkspace(tx, ctx);
  const me = ctx.userId ? await getMember(tx, ctx, ctx.userId) : null;
  const sender = { name: me?.name ?? workspace.name, email: me?.email ?? account?.fromAddress ?? '', workspaceName: workspace.name, workspaceLocale: workspace.defaultLocale as Locale };
  if (!account) throw new AppError('CONFLICT', 409, { reason: 'no mail account' });
  let subject = input.subject ?? '';
  let body = input.body ?? '';
  if (input.templateId) {
    const [template] = await tx.select().from(emailTemplates).where(and(eq(emailTemplates.workspaceId, ctx.workspaceId), eq(emailTemplates.id, input.templateId)));
    if (!template) throw invalidField('templateId', 'invalid');
    const locale = input.locale && template.subjects[input.locale] ? input.locale : template.subjects[sender.workspaceLocale] ? sender.workspaceLocale : Object.keys(template.subjects)[0]!;
    subject = template.subjects[locale]!;
    body = template.bodies[locale]!;
  }
  if (!subject.trim()) throw invalidField('subject', 'required');
  if (!body.trim()) throw invalidField('body', 'required');
  const rows: (typeof outgoingEmails.$inferInsert)[] = [];
  for (const [i, id] of input.contactIds.entries()) {
    const contact: Contact = await getContact(tx, ctx, id).catch((err: unknown) => {
      throw err instanceof AppError && err.status === 404 ? invalidField(`contactIds.${i}`, 'invalid') : err;
    });
    if (!contact.email) throw invalidField(`contactIds.${i}`, 'invalid', { reason: 'no e-mail address' });
    const values = mergeValuesOf(contact, sender);
    rows.push({ workspaceId: ctx.workspaceId, id: uuidv7(), accountId: account.id, contactId: contact.id, toAddress: contact.email, subject: renderTemplate(subject, values, 'subject'), body: renderTemplate(body, values, 'body'), createdBy: ctx.userId });
  }
  return tx.insert(outgoingEmails).values(rows).returning();
}

/** What an SMTP account sends: one plain-text mail, with files attached (a quote's PDF). */
export interface PlainMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** Sends one mail through an SMTP account; returns the server's refusal as text, or null when it took the mail. */
export async function deliverMail(account: MailAccount, secrets: Secrets, mail: PlainMail): Promise<string | null> {
  const transport = nodemailer.createTransport({
    host: account.host,
    port: account.port,
    secure: account.secure,
    auth: account.username ? { user: account.username, pass: account.passwordSealed ? secrets.decrypt(account.passwordSealed) : '' } : undefined,
    connectionTimeout: 15_000,
  });
  try {
    await transport.sendMail({ from: { name: account.fromName, address: account.fromAddress }, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId, attachments: mail.attachments });
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    transport.close();
  }
}

/** The Message-ID a queued mail goes out with: known at queueing, so its reply can be logged before it is sent. */
export const outgoingMessageId = (mailId: string, fromAddress: string | null) => `<${mailId}@${fromAddress?.split('@')[1] ?? 'guanxi.local'}>`;

const outgoing = (ctx: RequestContext, id: string) => and(eq(outgoingEmails.workspaceId, ctx.workspaceId), eq(outgoingEmails.id, id));

/**
 * Sends a queued mail by id (the send job): claims it (`sending`, committed before the SMTP exchange, so a
 * crash or a second run never sends it twice), sends it, then marks it sent — logging a mail to a contact on
 * their timeline — or failed. Each step is its own transaction in the workspace.
 */
export async function sendQueuedEmail(db: Db, ctx: RequestContext, secrets: Secrets, id: string): Promise<OutgoingEmail> {
  const claimed = await inWorkspace(db, ctx.workspaceId, async (tx) => {
    const [mail] = await tx.update(outgoingEmails).set({ status: 'sending' }).where(and(outgoing(ctx, id), eq(outgoingEmails.status, 'queued'))).returning();
    if (!mail) {
      const [current] = await tx.select().from(outgoingEmails).where(outgoing(ctx, id));
      if (!current) throw notFound('email');
      return { mail: current, account: null, fresh: false };
    }
    const [account] = await tx.select().from(mailAccounts).where(and(eq(mailAccounts.workspaceId, ctx.workspaceId), eq(mailAccounts.id, mail.accountId)));
    const attachments = await Promise.all(mail.attachments.map(async (a) => ({ filename: a.filename, contentType: a.contentType, content: (await readFile(tx, ctx, a.fileId)).data })));
    return { mail, account: account ?? null, fresh: true, attachments };
  });
  if (!claimed.fresh) return claimed.mail;
  const { mail, account, attachments } = claimed;
  const messageId = outgoingMessageId(mail.id, account?.fromAddress ?? null);
  const error = account ? await deliverMail(account, secrets, { to: mail.toAddress, subject: mail.subject, text: mail.body, messageId, attachments }) : 'the mail account was removed';
  return inWorkspace(db, ctx.workspaceId, async (tx) => {
    if (error) {
      const [failed] = await tx.update(outgoingEmails).set({ status: 'failed', error: error.slice(0, 500) }).where(outgoing(ctx, id)).returning();
      return failed!;
    }
    const interaction = mail.contactId
      ? await logInteraction(tx, ctx, {
          type: 'email',
          channel: 'email',
          direction: 'outbound',
          subject: mail.subject,
          body: mail.body,
          externalId: messageId,
          ownerId: mail.createdBy,
          participants: [
            ...(mail.createdBy ? [{ kind: 'user' as const, id: mail.createdBy, address: account!.fromAddress, role: 'from' }] : []),
            { kind: 'contact', id: mail.contactId, address: mail.toAddress, role: 'to' },
          ],
        })
      : null;
    const [sent] = await tx
      .update(outgoingEmails)
      .set({ status: 'sent', messageId, sentAt: new Date(), interactionId: interaction?.id ?? null })
      .where(outgoing(ctx, id))
      .returning();
    return sent!;
  });
}

export function getOutgoingEmails(tx: Executor, ctx: RequestContext, ids: string[]): Promise<OutgoingEmail[]> {
  return tx.select().from(outgoingEmails).where(and(eq(outgoingEmails.workspaceId, ctx.workspaceId), inArray(outgoingEmails.id, ids)));
}
