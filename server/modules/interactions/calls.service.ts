import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { InteractionOutcome } from '../../../contracts/interactions.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import { linkableRecord, linkableRecordTypes } from '../../platform/records/linkable.js';
import { assertCan, assertMayActOn } from '../../platform/permissions/policy.js';
import { toE164 } from '../../platform/phones.js';
import type { RealtimeMessage } from '../../platform/realtime/realtime.js';
import { assertActiveMember } from '../../platform/tenancy/membership-checks.js';
import { getMember } from '../../platform/tenancy/members.service.js';
import { findContactsByPhone, type Contact } from '../customers/index.js';
import { callAgents, calls } from './interactions.tables.js';
import { logInteraction } from './interactions.service.js';

export type Call = typeof calls.$inferSelect;

/** One event of a call as a PBX reports it (the generic JSON webhook, and what the AMI adapter emits). */
export interface CallEvent {
  event: 'ringing' | 'answered' | 'ended';
  /** The PBX's id of the call: its events share it. */
  callId: string;
  direction: 'inbound' | 'outbound';
  /** The customer's number (caller on inbound, callee on outbound), as the PBX writes it. */
  customerNumber: string;
  /** Our line or extension. */
  lineNumber?: string | null;
  /** The agent: a member's id, or the extension mapped to one (PUT /calls/agents/{userId}). */
  agentId?: string | null;
  agentExtension?: string | null;
  at?: Date;
  /** Why an unanswered call ended: busy, no answer, failed. */
  cause?: 'busy' | 'no_answer' | 'failed' | null;
  recordingUrl?: string | null;
}

/** A contact as the screen pop shows it. */
const card = (c: Contact) => ({ id: c.id, name: c.name, company: c.company, title: c.title, phone: c.phone, lifecycleStage: c.lifecycleStage });

async function agentOf(tx: Executor, ctx: RequestContext, event: CallEvent): Promise<string | null> {
  if (event.agentId) {
    await assertActiveMember(tx, ctx, event.agentId, 'agentId');
    return event.agentId;
  }
  if (!event.agentExtension) return null;
  const [agent] = await tx
    .select({ userId: callAgents.userId })
    .from(callAgents)
    .where(and(eq(callAgents.workspaceId, ctx.workspaceId), eq(callAgents.extension, event.agentExtension)));
  return agent?.userId ?? null;
}

const outcomeOf = (call: Call, cause: CallEvent['cause']): InteractionOutcome => (call.answeredAt ? 'connected' : (cause ?? 'no_answer'));

/**
 * Applies a call event: the call's state, and on `ended` the call logged on its contact's timeline (duration
 * from answer to hang-up, outcome, recording). Returns what to push to browsers after the commit: on
 * `ringing` the screen pop with the matching contacts (by normalized number) to the agent — or to every
 * member when the PBX names none. Events may come twice or out of order; each is applied once.
 */
export async function handleCallEvent(tx: Executor, ctx: RequestContext, event: CallEvent): Promise<{ call: Call; push: RealtimeMessage | null }> {
  await assertMayActOn(tx, ctx, 'create', ctx.userId);
  const at = event.at ?? new Date();
  const agentId = await agentOf(tx, ctx, event);
  const customerNumber = toE164(event.customerNumber, ctx.country) ?? event.customerNumber.trim();
  const where = and(eq(calls.workspaceId, ctx.workspaceId), eq(calls.externalId, event.callId));
  let [call] = await tx.select().from(calls).where(where);
  // Who is calling matters when the call first shows and for the pop; later events carry the call's contact.
  const matches = !call || event.event === 'ringing' ? await findContactsByPhone(tx, ctx, customerNumber) : [];
  if (!call) {
    [call] = await tx
      .insert(calls)
      .values({ workspaceId: ctx.workspaceId, id: uuidv7(), externalId: event.callId, direction: event.direction, customerNumber, lineNumber: event.lineNumber ?? null, agentId, status: 'ringing', contactId: matches[0]?.id ?? null, startedAt: at })
      .returning();
  }
  const current = call!;
  if (current.status === 'ended') return { call: current, push: null };
  const patch: Partial<Call> = { ...(agentId && agentId !== current.agentId ? { agentId } : {}) };
  if (event.event === 'answered' && !current.answeredAt) Object.assign(patch, { status: 'answered', answeredAt: at });
  if (event.event === 'ended') Object.assign(patch, { status: 'ended', endedAt: at, recordingUrl: event.recordingUrl ?? current.recordingUrl });
  if (Object.keys(patch).length) [call] = await tx.update(calls).set(patch).where(where).returning();
  const updated = call!;

  if (event.event === 'ended') {
    const seconds = updated.answeredAt ? Math.max(0, Math.round((at.getTime() - updated.answeredAt.getTime()) / 1000)) : 0;
    const interaction = await logInteraction(tx, ctx, {
      type: 'call',
      channel: 'phone',
      direction: updated.direction,
      occurredAt: updated.startedAt,
      durationSeconds: seconds,
      outcome: outcomeOf(updated, event.cause),
      externalId: event.callId,
      ownerId: updated.agentId ?? ctx.userId,
      participants: [
        updated.contactId ? { kind: 'contact', id: updated.contactId, role: updated.direction === 'inbound' ? 'caller' : 'callee' } : { kind: 'address', address: updated.customerNumber, role: updated.direction === 'inbound' ? 'caller' : 'callee' },
        ...(updated.agentId ? [{ kind: 'user' as const, id: updated.agentId, role: 'agent' }] : []),
      ],
      attachments: updated.recordingUrl ? [{ name: 'recording', contentType: 'audio/*', size: 0, url: updated.recordingUrl }] : [],
    });
    [call] = await tx.update(calls).set({ interactionId: interaction.id }).where(where).returning();
  }
  const final = call!;
  const recipients = final.agentId ? [final.agentId] : undefined;
  const push: RealtimeMessage = {
    workspaceId: ctx.workspaceId,
    userIds: recipients,
    event: {
      type: `call.${event.event}`,
      callId: event.callId,
      direction: final.direction,
      number: final.customerNumber,
      ...(event.event === 'ringing' ? { contacts: matches.map(card) } : {}),
      ...(event.event === 'ended' ? { interactionId: final.interactionId, contactId: final.contactId } : {}),
      at: at.toISOString(),
    },
  };
  return { call: final, push };
}

/** Maps a member to the extension their PBX events carry (admins). */
export async function setAgentExtension(tx: Executor, ctx: RequestContext, userId: string, extension: string | null): Promise<void> {
  assertCan(ctx, 'workspace.manage');
  // A member of the workspace (404 otherwise, like every id in a path), and an active one.
  await getMember(tx, ctx, userId);
  await assertActiveMember(tx, ctx, userId, 'userId');
  if (extension) {
    const [holder] = await tx.select({ userId: callAgents.userId }).from(callAgents).where(and(eq(callAgents.workspaceId, ctx.workspaceId), eq(callAgents.extension, extension)));
    if (holder && holder.userId !== userId) throw invalidField('extension', 'taken');
  }
  await tx.delete(callAgents).where(and(eq(callAgents.workspaceId, ctx.workspaceId), eq(callAgents.userId, userId)));
  if (extension) await tx.insert(callAgents).values({ workspaceId: ctx.workspaceId, userId, extension });
}

export function listAgentExtensions(tx: Executor, ctx: RequestContext) {
  return tx.select({ userId: callAgents.userId, extension: callAgents.extension }).from(callAgents).where(eq(callAgents.workspaceId, ctx.workspaceId)).orderBy(callAgents.extension);
}

/** What places a call from a member's phone: a PBX connection (the Asterisk adapter provides one). */
export interface Dialer {
  /** Rings the agent's extension, then connects it to `number`; throws when the PBX refuses or is unreachable. */
  originate(call: { extension: string; number: string }): Promise<void>;
}

const dialers = new Map<string, Dialer>();

/** Makes click-to-call go through a PBX for a workspace (integrations call this); returns its removal. */
export function provideDialer(workspaceId: string, dialer: Dialer): () => void {
  dialers.set(workspaceId, dialer);
  return () => {
    if (dialers.get(workspaceId) === dialer) dialers.delete(workspaceId);
  };
}

async function extensionOf(tx: Executor, ctx: RequestContext): Promise<string | null> {
  if (!ctx.userId) return null;
  const [agent] = await tx.select({ extension: callAgents.extension }).from(callAgents).where(and(eq(callAgents.workspaceId, ctx.workspaceId), eq(callAgents.userId, ctx.userId)));
  return agent?.extension ?? null;
}

/** Whether click-to-call goes through the PBX for the caller (else the browser's tel: link), and from which extension. */
export async function dialerOf(tx: Executor, ctx: RequestContext): Promise<{ available: boolean; extension: string | null }> {
  return { available: dialers.has(ctx.workspaceId), extension: await extensionOf(tx, ctx) };
}

/**
 * Click-to-call: the PBX rings the caller's extension, then dials `phone`; the call's events then arrive
 * as for any call (ringing, answered, ended, logged on the timeline). A record named must be one the
 * caller may read. 409 when the workspace has no PBX connection (use a tel: link) or the caller no extension.
 */
export async function dial(tx: Executor, ctx: RequestContext, input: { phone: string; recordType?: string; recordId?: string }): Promise<{ extension: string; number: string }> {
  if (Boolean(input.recordType) !== Boolean(input.recordId)) throw invalidField(input.recordType ? 'recordId' : 'recordType', 'required');
  if (input.recordType && input.recordId) {
    const type = linkableRecord(input.recordType);
    if (!type) throw invalidField('recordType', 'enum', { allowed: linkableRecordTypes().join(', ') });
    await type.titleOf(tx, ctx, input.recordId).catch((err: unknown) => {
      throw err instanceof AppError && err.status === 404 ? invalidField('recordId', 'invalid') : err;
    });
  }
  const dialer = dialers.get(ctx.workspaceId);
  if (!dialer) throw new AppError('TELEPHONY_NOT_CONFIGURED', 409);
  const extension = await extensionOf(tx, ctx);
  if (!extension) throw new AppError('EXTENSION_NOT_SET', 409);
  // What the dial plan matches: the digits as people dial them (a leading + kept), without separators.
  const number = input.phone.replace(/[^\d+*#]/g, '');
  if (!/\d/.test(number)) throw invalidField('phone', 'format', { format: 'phone' });
  await dialer.originate({ extension, number }).catch((err: unknown) => {
    throw new AppError('PBX_UNAVAILABLE', 502, { reason: err instanceof Error ? err.message : String(err) });
  });
  return { extension, number };
}
