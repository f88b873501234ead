import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { storeFile } from '../../platform/files/files.service.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { membersByEmail } from '../../platform/tenancy/members.service.js';
import { createContact, findContactsByEmail, type Contact } from '../customers/index.js';
import { interactions, mailInboxes, type Attachment, type Participant } from './interactions.tables.js';
import { logInteraction, type LinkedInteraction } from './interactions.service.js';

/** A received e-mail as the mail parser gives it, reduced to what the timeline keeps. */
export interface InboundEmail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string | null;
  date: Date | null;
  from: Address[];
  to: Address[];
  cc: Address[];
  text: string | null;
  attachments: { filename: string | null; contentType: string; content: Buffer }[];
  /** The raw message, to make an id for mail without a Message-ID. */
  raw: Buffer;
}
export interface Address {
  address: string;
  name: string;
}

/** Attachments bigger than this are listed but not kept. */
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const BODY_MAX = 100_000;

/**
 * A module that takes some inbound mail further (service: mail to a support address opens or continues a
 * case). `claims` decides from the mail alone; a claimed mail from an unknown sender always gets a contact,
 * and `handle` then runs in the same transaction with the logged interaction — again for a mail received
 * twice, so it must be idempotent.
 */
export interface InboundEmailHandler {
  claims(tx: Executor, ctx: RequestContext, mail: InboundEmail): Promise<boolean>;
  handle(tx: Executor, ctx: RequestContext, mail: InboundEmail, logged: LinkedInteraction): Promise<void>;
}
const inboundHandlers: InboundEmailHandler[] = [];
export function onInboundEmail(handler: InboundEmailHandler): void {
  inboundHandlers.push(handler);
}

export interface IngestOptions {
  createContacts: boolean;
  ownDomain?: string;
  /** Sent by us (read from a mailbox's Sent folder or written from its address): outbound, and its sender is never made a contact. */
  outbound?: boolean;
}

/**
 * Logs an e-mail on the timelines of the contacts whose addresses it carries (from, to, cc), creating a
 * contact for an unknown external sender when asked. Inbound when a contact wrote it, outbound when a member
 * did (a copy sent to the workspace's BCC address). Replies join their thread (In-Reply-To, References);
 * attachments are kept as files. The same Message-ID twice is one interaction.
 */
export async function ingestEmail(tx: Executor, ctx: RequestContext, mail: InboundEmail, options: IngestOptions): Promise<LinkedInteraction | null> {
  const externalId = mail.messageId?.trim() || `<sha256-${createHash('sha256').update(mail.raw).digest('hex')}@guanxi>`;
  // The workspace's own forwarding address is how the mail came in, not somebody in it.
  const ours = (a: Address) => Boolean(options.ownDomain) && a.address.toLowerCase().endsWith(`@${options.ownDomain!.toLowerCase()}`);
  const roles: [Address[], string][] = [
    [mail.from.filter((a) => !ours(a)), 'from'],
    [mail.to.filter((a) => !ours(a)), 'to'],
    [mail.cc.filter((a) => !ours(a)), 'cc'],
  ];
  const everyone = roles.flatMap(([list]) => list.map((a) => a.address.trim().toLowerCase())).filter(Boolean);
  const members = await membersByEmail(tx, ctx, everyone);
  const contacts = await findContactsByEmail(tx, ctx, everyone);
  const sender = mail.from[0];
  const senderAddress = sender?.address.trim().toLowerCase();
  const claimedBy: InboundEmailHandler[] = [];
  for (const handler of options.outbound ? [] : inboundHandlers) if (await handler.claims(tx, ctx, mail)) claimedBy.push(handler);
  if ((options.createContacts || claimedBy.length > 0) && !options.outbound && sender && senderAddress && !members.has(senderAddress) && !contacts.has(senderAddress)) {
    contacts.set(senderAddress, await createContact(tx, ctx, { name: sender.name.trim() || senderAddress, email: senderAddress, source: 'email' }));
  }
  const participants: Participant[] = [];
  const seen = new Set<string>();
  for (const [list, role] of roles) {
    for (const a of list) {
      const address = a.address.trim().toLowerCase();
      if (!address || seen.has(`${role}:${address}`)) continue;
      seen.add(`${role}:${address}`);
      const member = members.get(address);
      const contact: Contact | undefined = contacts.get(address);
      if (member) participants.push({ kind: 'user', id: member.userId, address, name: a.name || member.name, role });
      else if (contact) participants.push({ kind: 'contact', id: contact.id, address, name: a.name || contact.name, role });
      else participants.push({ kind: 'address', address, ...(a.name ? { name: a.name } : {}), role });
    }
  }
  if (!participants.some((p) => p.kind === 'contact')) return null;

  const attachments: Attachment[] = [];
  for (const file of mail.attachments) {
    const name = file.filename?.trim() || 'attachment';
    if (file.content.length > MAX_ATTACHMENT_BYTES) {
      attachments.push({ name, contentType: file.contentType, size: file.content.length });
      continue;
    }
    const stored = await storeFile(tx, ctx, { name, contentType: file.contentType, data: file.content });
    attachments.push({ name: stored.name, contentType: stored.contentType, size: stored.size, fileId: stored.id });
  }
  const fromMember = senderAddress ? members.get(senderAddress) : undefined;
  const logged = await logInteraction(tx, ctx, {
    type: 'email',
    channel: 'email',
    direction: fromMember || options.outbound ? 'outbound' : 'inbound',
    occurredAt: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : new Date(),
    subject: mail.subject?.slice(0, 500) ?? null,
    body: mail.text?.slice(0, BODY_MAX) ?? null,
    participants,
    attachments,
    externalId,
    threadId: await threadOf(tx, ctx, [mail.inReplyTo, ...mail.references].filter((r): r is string => Boolean(r))),
    // The member who wrote it, else the owner of the first contact in it: someone's, so scopes apply.
    ownerId: fromMember?.userId ?? [...contacts.values()].find((c) => participants.some((p) => p.id === c.id))?.ownerId ?? null,
  });
  for (const handler of claimedBy) await handler.handle(tx, ctx, mail, logged);
  return logged;
}

/** The thread of the mail this one answers (any of its references already logged), else a new thread. */
async function threadOf(tx: Executor, ctx: RequestContext, references: string[]): Promise<string> {
  if (references.length === 0) return uuidv7();
  const [earlier] = await tx
    .select({ threadId: interactions.threadId, id: interactions.id })
    .from(interactions)
    .where(and(eq(interactions.workspaceId, ctx.workspaceId), eq(interactions.channel, 'email'), inArray(interactions.externalId, references)))
    .limit(1);
  return earlier?.threadId ?? earlier?.id ?? uuidv7();
}

/** The workspace's address for forwarded and BCC'd mail (`<token>@<domain>`), made on first use. */
export async function inboxOf(tx: Executor, ctx: RequestContext): Promise<{ token: string; createContacts: boolean }> {
  const [existing] = await tx.select().from(mailInboxes).where(eq(mailInboxes.workspaceId, ctx.workspaceId));
  if (existing) return existing;
  const [created] = await tx
    .insert(mailInboxes)
    .values({ workspaceId: ctx.workspaceId, token: randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x') })
    .returning();
  return created!;
}

export async function setInboxOptions(tx: Executor, ctx: RequestContext, options: { createContacts: boolean }): Promise<{ token: string; createContacts: boolean }> {
  assertCan(ctx, 'workspace.manage');
  await inboxOf(tx, ctx);
  const [row] = await tx.update(mailInboxes).set(options).where(eq(mailInboxes.workspaceId, ctx.workspaceId)).returning();
  return row!;
}

/** Which workspace a token address belongs to (a system lookup: mail arrives before anyone is known). */
export async function workspaceOfInbox(tx: Executor, token: string): Promise<{ workspaceId: string; createContacts: boolean } | null> {
  const [row] = await tx.select({ workspaceId: mailInboxes.workspaceId, createContacts: mailInboxes.createContacts }).from(mailInboxes).where(eq(mailInboxes.token, token.toLowerCase()));
  return row ?? null;
}
