import { and, eq, inArray, sql } from 'drizzle-orm';
import type { InteractionChannel } from '../../../contracts/interactions.js';
import type { CaseChannel, CaseMessageKind } from '../../../contracts/service.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import { assertActiveMember } from '../../platform/tenancy/membership-checks.js';
import { getContact } from '../customers/index.js';
import { listMailAccounts, logInteraction, moveTimeline, outgoingMessageId, queueEmails, timelineOf, type LinkedInteraction } from '../interactions/index.js';
import { cases } from './cases.tables.js';
import { applyStatus, assertMayWork, caseChanged, caseNumber, createCaseRecord, getCase, noteResponse, serviceSettingsOf, type Case, type CaseInput } from './cases.service.js';
import { routeCase } from './routing.service.js';

/** A new case; `assign` routes it (queue by the rules unless given, agent by score unless an owner is given). */
export async function createCase(tx: Executor, ctx: RequestContext, input: CaseInput & { assign?: boolean }): Promise<Case> {
  const { assign, ...fields } = input;
  const created = await createCaseRecord(tx, ctx, fields);
  if (!assign) return created;
  return routeCase(tx, ctx, created, { keepQueue: fields.queueId !== undefined && fields.queueId !== null, keepOwner: fields.ownerId !== undefined });
}

export interface CaseBatchInput {
  /** The customer all the cases are for (each case may still name another account, product, order…). */
  contactId?: string | null;
  accountId?: string | null;
  channel: CaseChannel;
  language?: CaseInput['language'];
  assign?: boolean;
  cases: Omit<CaseInput, 'contactId' | 'channel'>[];
}

/**
 * Several requests of one customer as several cases, created together: all or none (one transaction), a
 * refusal naming the case it concerns (`cases.1.subject`).
 */
export async function createCases(tx: Executor, ctx: RequestContext, input: CaseBatchInput): Promise<Case[]> {
  const created: Case[] = [];
  for (const [i, item] of input.cases.entries()) {
    try {
      created.push(
        await createCase(tx, ctx, {
          language: input.language,
          accountId: input.accountId,
          ...item,
          contactId: input.contactId ?? null,
          channel: input.channel,
          assign: input.assign,
        }),
      );
    } catch (err) {
      if (err instanceof AppError && err.fieldErrors.length) {
        const shared = new Set(['contactId', 'channel']);
        throw new AppError(err.code, err.status, err.params, err.fieldErrors.map((f) => ({ ...f, field: shared.has(f.field) ? f.field : `cases.${i}.${f.field}` })));
      }
      throw err;
    }
  }
  return created;
}

/** Gives a case to a member (null: back to its queue's pool), or takes it (`userId` = the caller). */
export async function assignCase(tx: Executor, ctx: RequestContext, id: string, userId: string | null): Promise<Case> {
  const before = await getCase(tx, ctx, id);
  await assertMayWork(tx, ctx, before);
  if (userId) await assertActiveMember(tx, ctx, userId, 'userId');
  const [after] = await tx.update(cases).set({ ownerId: userId, updatedAt: new Date() }).where(and(eq(cases.workspaceId, ctx.workspaceId), eq(cases.id, id))).returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'case', recordId: id, before: { ownerId: before.ownerId }, after: { ownerId: userId } });
  return after!;
}

/** Routes a case again by the rules and scores (a rule changed, its agent went away). */
export async function rerouteCase(tx: Executor, ctx: RequestContext, id: string): Promise<Case> {
  const before = await getCase(tx, ctx, id);
  await assertMayWork(tx, ctx, before);
  return routeCase(tx, ctx, { ...before, ownerId: null });
}

/**
 * Merges duplicates into `primaryId`: their messages move to it, each closes with a pointer to it
 * (`mergedInto`), and the merge is audited on every case concerned. The caller must be able to work them all.
 */
export async function mergeCases(tx: Executor, ctx: RequestContext, primaryId: string, mergedIds: string[]): Promise<Case> {
  const ids = [...new Set(mergedIds)].filter((id) => id !== primaryId);
  if (ids.length === 0) throw invalidField('mergedIds', 'minItems', { limit: 1 });
  const primary = await getCase(tx, ctx, primaryId);
  if (primary.mergedInto) throw new AppError('CASE_MERGED', 409, { caseId: primary.mergedInto });
  await assertMayWork(tx, ctx, primary);
  const merged: Case[] = [];
  for (const [i, id] of ids.entries()) {
    const row = await getCase(tx, ctx, id).catch((err: unknown) => {
      throw err instanceof AppError && err.status === 404 ? invalidField(`mergedIds.${i}`, 'invalid') : err;
    });
    if (row.mergedInto) throw invalidField(`mergedIds.${i}`, 'invalid');
    await assertMayWork(tx, ctx, row);
    merged.push(row);
  }
  await moveTimeline(tx, ctx, 'case', primaryId, ids);
  for (const row of merged) {
    const closed = row.status === 'closed' ? row : await applyStatus(tx, ctx, row, 'closed');
    await tx.update(cases).set({ mergedInto: primaryId, updatedAt: new Date() }).where(and(eq(cases.workspaceId, ctx.workspaceId), eq(cases.id, row.id)));
    await recordAudit(tx, ctx, { action: 'merge', recordType: 'case', recordId: row.id, before: { status: row.status, mergedInto: null }, after: { status: closed.status, mergedInto: primaryId } });
  }
  // The survivor takes the earliest first response of the duplicates: the customer was answered then.
  const firstResponses = [primary, ...merged].map((c) => c.firstResponseAt?.getTime()).filter((t): t is number => t !== undefined);
  const [after] = await tx
    .update(cases)
    .set({ firstResponseAt: firstResponses.length ? new Date(Math.min(...firstResponses)) : null, updatedAt: new Date() })
    .where(and(eq(cases.workspaceId, ctx.workspaceId), eq(cases.id, primaryId)))
    .returning();
  await recordAudit(tx, ctx, { action: 'merge', recordType: 'case', recordId: primaryId, before: { mergedIds: [] }, after: { mergedIds: ids } });
  return after!;
}

/** A case's conversation and notes, newest first: the interactions on its timeline (notes are the internal ones). */
export async function caseMessages(tx: Executor, ctx: RequestContext, id: string, query: { limit?: number; cursor?: string }) {
  await getCase(tx, ctx, id);
  return timelineOf(tx, ctx, { recordType: 'case', recordId: id }, query);
}

/** The timeline channel of a case's channel. */
const TIMELINE_CHANNEL: Record<CaseChannel, InteractionChannel> = { phone: 'phone', email: 'email', portal: 'portal', wechat: 'wechat', walk_in: 'in_person', web: 'web' };

export interface CaseMessageInput {
  kind: CaseMessageKind;
  body: string;
  /** A reply by e-mail to the case's contact (default: when the case came by e-mail). */
  email?: boolean;
}

/**
 * Adds to a case's conversation. A note is internal (a `note` on the timeline). A reply is what the customer
 * gets: by e-mail — queued through the caller's or the workspace's SMTP account with the case number in the
 * subject, logged at once under the Message-ID it will carry, so the customer's answer threads back — or,
 * on other channels, logged as a message sent there. The first reply stamps the first response and opens a
 * new case. Returns the queued mail's id when there is one; the caller dispatches the send job after commit.
 */
export async function addCaseMessage(tx: Executor, ctx: RequestContext, id: string, input: CaseMessageInput): Promise<{ message: LinkedInteraction; case: Case; emailId: string | null }> {
  const row = await getCase(tx, ctx, id);
  await assertMayWork(tx, ctx, row);
  const body = input.body.trim();
  if (!body) throw invalidField('body', 'required');
  const links = [{ recordType: 'case', recordId: id }];
  const me = ctx.userId ? [{ kind: 'user' as const, id: ctx.userId, role: 'from' }] : [];
  if (input.kind === 'note') {
    const message = await logInteraction(tx, ctx, { type: 'note', channel: 'other', direction: 'internal', body, links, participants: me, ownerId: ctx.userId });
    return { message, case: row, emailId: null };
  }
  if (!row.contactId) throw invalidField('kind', 'invalid', { reason: 'the case has no contact to reply to' });
  const contact = await getContact(tx, ctx, row.contactId);
  const byEmail = input.email ?? row.channel === 'email';
  const number = caseNumber((await serviceSettingsOf(tx, ctx)).numberPrefix, row.number);
  let message: LinkedInteraction;
  let emailId: string | null = null;
  if (byEmail) {
    if (!contact.email) throw invalidField('email', 'invalid', { reason: 'the contact has no e-mail address' });
    const subject = `Re: ${row.subject} [${number}]`;
    const [mail] = await queueEmails(tx, ctx, { contactIds: [contact.id], subject, body });
    const account = (await listMailAccounts(tx, ctx)).find((a) => a.id === mail!.accountId);
    message = await logInteraction(tx, ctx, {
      type: 'email',
      channel: 'email',
      direction: 'outbound',
      subject: mail!.subject,
      body: mail!.body,
      externalId: outgoingMessageId(mail!.id, account?.fromAddress ?? null),
      links,
      participants: [...me.map((p) => ({ ...p, address: account?.fromAddress })), { kind: 'contact', id: contact.id, address: contact.email, role: 'to' }],
      ownerId: ctx.userId,
    });
    emailId = mail!.id;
  } else {
    message = await logInteraction(tx, ctx, {
      type: 'message',
      channel: TIMELINE_CHANNEL[row.channel],
      direction: 'outbound',
      subject: `${row.subject} [${number}]`,
      body,
      links,
      participants: [...me, { kind: 'contact', id: contact.id, role: 'to' }],
      ownerId: ctx.userId,
    });
  }
  const answered = await noteResponse(tx, ctx, row, message.occurredAt);
  await caseChanged(tx, ctx, id);
  return { message, case: answered, emailId };
}

/** Cases of contacts or accounts merged into another now belong to the survivor. */
export async function moveCasesOf(tx: Executor, ctx: RequestContext, column: 'contact_id' | 'account_id', primaryId: string, mergedIds: string[]): Promise<void> {
  await tx.execute(sql`update ${cases} set ${sql.identifier(column)} = ${primaryId} where workspace_id = ${ctx.workspaceId} and ${sql.identifier(column)} in ${mergedIds}`);
}

/** Live cases' numbers, for showing them (`CS-000123`) where only ids are known. */
export async function numbersOf(tx: Executor, ctx: RequestContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const prefix = (await serviceSettingsOf(tx, ctx)).numberPrefix;
  const rows = await tx.select({ id: cases.id, number: cases.number }).from(cases).where(and(eq(cases.workspaceId, ctx.workspaceId), inArray(cases.id, ids)));
  return new Map(rows.map((r) => [r.id, caseNumber(prefix, r.number)]));
}
