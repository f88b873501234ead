import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { cleanText } from '../../platform/text.js';
import type { Executor } from '../../db/client.js';
import type { InteractionChannel, InteractionType } from '../../../contracts/interactions.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, invalidField, type FieldError } from '../../platform/errors/app-error.js';
import { planList, type ListParams, type ListSpec } from '../../platform/http/list-query.js';
import { linkableRecord, linkableRecordTypes } from '../../platform/records/linkable.js';
import { ownedRecords } from '../../platform/records/owned-records.js';
import { interactionLinks, interactions, type Attachment, type Participant } from './interactions.tables.js';

export type Interaction = typeof interactions.$inferSelect;
export interface RecordRef {
  recordType: string;
  recordId: string;
}
export type InteractionInput = Partial<Omit<Interaction, 'workspaceId' | 'id' | 'deletedAt' | 'deletedBy' | 'createdAt' | 'updatedAt'>> & {
  type: InteractionType;
  channel: InteractionChannel;
  /** Records it is about, beside the contacts among its participants (linked by themselves). */
  links?: RecordRef[];
};
/** An interaction with the records whose timelines show it. */
export type LinkedInteraction = Interaction & { links: RecordRef[] };

export const interactionListSpec: ListSpec = {
  fields: {
    type: { column: interactions.type, type: 'text' },
    channel: { column: interactions.channel, type: 'text' },
    direction: { column: interactions.direction, type: 'text' },
    outcome: { column: interactions.outcome, type: 'text' },
    subject: { column: interactions.subject, type: 'text' },
    ownerId: { column: interactions.ownerId, type: 'uuid' },
    threadId: { column: interactions.threadId, type: 'uuid' },
    occurredAt: { column: interactions.occurredAt, type: 'timestamp', sortable: true },
    createdAt: { column: interactions.createdAt, type: 'timestamp', sortable: true },
  },
  id: interactions.id,
  defaultSort: '-occurredAt',
};


/** Trims the subject; a blank subject or body is none. Links are not columns (interaction_links). */
async function interactionColumns(_tx: Executor, _ctx: RequestContext, input: Partial<InteractionInput>): Promise<Partial<Interaction>> {
  const { links: _links, ...columns } = input;
  return { ...columns, subject: cleanText(input.subject), location: cleanText(input.location), body: input.body === undefined ? undefined : input.body?.trim() ? input.body : null };
}

/** The longest a meeting may last: the calendar finds meetings overlapping a range by their start, this far back. */
export const MAX_MEETING_DAYS = 14;

/** A span ends after it starts, within MAX_MEETING_DAYS. */
function assertSpan(start: Date, end: Date | null | undefined): void {
  if (!end) return;
  if (end.getTime() <= start.getTime()) throw invalidField('endsAt', 'afterStart');
  if (end.getTime() - start.getTime() > MAX_MEETING_DAYS * 86_400_000) throw invalidField('endsAt', 'spanTooLong', { days: MAX_MEETING_DAYS });
}

const records = ownedRecords<Interaction, InteractionInput>({ table: interactions, recordType: 'interaction', listSpec: interactionListSpec, toColumns: interactionColumns });

/**
 * The records an interaction goes on the timeline of: those given, its contact participants, and what
 * each rolls up to (a contact's accounts) — each checked readable by the caller, a bad one a 400 naming it.
 */
async function timelineRecords(tx: Executor, ctx: RequestContext, links: RecordRef[], participants: Participant[]): Promise<RecordRef[]> {
  const given = [...links.map((l, i) => ({ ...l, field: `links.${i}.recordId` }))];
  participants.forEach((p, i) => {
    if (p.kind === 'contact' && p.id) given.push({ recordType: 'contact', recordId: p.id, field: `participants.${i}.id` });
  });
  const errors: FieldError[] = [];
  const found = new Map<string, RecordRef>();
  for (const ref of given) {
    const type = linkableRecord(ref.recordType);
    if (!type) {
      errors.push({ field: ref.field.replace(/recordId$/, 'recordType'), code: 'enum', params: { allowed: linkableRecordTypes().join(', ') } });
      continue;
    }
    try {
      await type.titleOf(tx, ctx, ref.recordId);
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 404) throw err;
      errors.push({ field: ref.field, code: 'invalid' });
      continue;
    }
    found.set(`${ref.recordType}:${ref.recordId}`, { recordType: ref.recordType, recordId: ref.recordId });
    for (const up of (await type.rollUp?.(tx, ctx, ref.recordId)) ?? []) found.set(`${up.type}:${up.id}`, { recordType: up.type, recordId: up.id });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', 400, {}, errors);
  return [...found.values()];
}

async function writeLinks(tx: Executor, ctx: RequestContext, row: Interaction, refs: RecordRef[]): Promise<void> {
  await tx.delete(interactionLinks).where(and(eq(interactionLinks.workspaceId, ctx.workspaceId), eq(interactionLinks.interactionId, row.id)));
  if (refs.length === 0) return;
  await tx.insert(interactionLinks).values(
    refs.map((ref) => ({ workspaceId: ctx.workspaceId, ...ref, interactionId: row.id, occurredAt: row.occurredAt, type: row.type, channel: row.channel, ownerId: row.ownerId })),
  );
  for (const ref of refs) await linkableRecord(ref.recordType)?.onLinked?.(tx, ctx, ref.recordId);
}

export async function linksOf(tx: Executor, ctx: RequestContext, ids: string[]): Promise<Map<string, RecordRef[]>> {
  const byInteraction = new Map<string, RecordRef[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byInteraction;
  const rows = await tx
    .select({ interactionId: interactionLinks.interactionId, recordType: interactionLinks.recordType, recordId: interactionLinks.recordId })
    .from(interactionLinks)
    .where(and(eq(interactionLinks.workspaceId, ctx.workspaceId), inArray(interactionLinks.interactionId, ids)));
  for (const r of rows) byInteraction.get(r.interactionId)?.push({ recordType: r.recordType, recordId: r.recordId });
  return byInteraction;
}

const withLinks = async (tx: Executor, ctx: RequestContext, row: Interaction): Promise<LinkedInteraction> => ({ ...row, links: (await linksOf(tx, ctx, [row.id])).get(row.id) ?? [] });

/**
 * Logs an interaction on the timelines of the records it concerns. The same external event (an e-mail's
 * Message-ID, a PBX call id) logged twice on a channel is one interaction: the second call returns the first.
 */
export async function logInteraction(tx: Executor, ctx: RequestContext, input: InteractionInput): Promise<LinkedInteraction> {
  if (input.externalId) {
    const [existing] = await tx
      .select()
      .from(interactions)
      .where(and(eq(interactions.workspaceId, ctx.workspaceId), eq(interactions.channel, input.channel), eq(interactions.externalId, input.externalId)));
    if (existing) return withLinks(tx, ctx, existing);
  }
  const occurredAt = input.occurredAt ?? new Date();
  assertSpan(occurredAt, input.endsAt);
  const refs = await timelineRecords(tx, ctx, input.links ?? [], input.participants ?? []);
  const row = await records.create(tx, ctx, { ...input, occurredAt });
  await writeLinks(tx, ctx, row, refs);
  return { ...row, links: refs };
}

export async function getInteraction(tx: Executor, ctx: RequestContext, id: string): Promise<LinkedInteraction> {
  return withLinks(tx, ctx, await records.get(tx, ctx, id));
}

/** Changes an interaction; `links` (when given) replaces the records it was logged against. */
export async function updateInteraction(tx: Executor, ctx: RequestContext, id: string, patch: Partial<InteractionInput>): Promise<LinkedInteraction> {
  const before = await records.get(tx, ctx, id);
  assertSpan(patch.occurredAt ?? before.occurredAt, patch.endsAt === undefined ? before.endsAt : patch.endsAt);
  const explicit = patch.links ?? (await explicitLinks(tx, ctx, before));
  const refs = await timelineRecords(tx, ctx, explicit, patch.participants ?? before.participants);
  const after = await records.update(tx, ctx, id, patch);
  await writeLinks(tx, ctx, after, refs);
  return { ...after, links: refs };
}

/** The links of an interaction that are neither its contacts nor roll-ups of them (what a person chose). */
async function explicitLinks(tx: Executor, ctx: RequestContext, row: Interaction): Promise<RecordRef[]> {
  const all = (await linksOf(tx, ctx, [row.id])).get(row.id) ?? [];
  const derived = new Set<string>();
  for (const p of row.participants) {
    if (p.kind !== 'contact' || !p.id) continue;
    derived.add(`contact:${p.id}`);
    for (const up of (await linkableRecord('contact')?.rollUp?.(tx, ctx, p.id).catch(() => [])) ?? []) derived.add(`${up.type}:${up.id}`);
  }
  return all.filter((l) => !derived.has(`${l.recordType}:${l.recordId}`));
}

export const deleteInteraction = records.remove;
export const restoreInteraction = records.restore;

export async function listInteractions(tx: Executor, ctx: RequestContext, params: ListParams) {
  const page = await records.list(tx, ctx, params);
  const links = await linksOf(tx, ctx, page.data.map((r) => r.id));
  return { ...page, data: page.data.map((r) => ({ ...r, links: links.get(r.id) ?? [] })) };
}

export interface TimelineQuery {
  limit?: number;
  cursor?: string;
  type?: InteractionType;
  channel?: InteractionChannel;
  ownerId?: string;
}

const timelineSpec: ListSpec = {
  fields: {
    occurredAt: { column: interactionLinks.occurredAt, type: 'timestamp', sortable: true },
    type: { column: interactionLinks.type, type: 'text' },
    channel: { column: interactionLinks.channel, type: 'text' },
    ownerId: { column: interactionLinks.ownerId, type: 'uuid' },
  },
  id: interactionLinks.interactionId,
  defaultSort: '-occurredAt',
};

/**
 * A record's timeline, newest first: everything logged against it, with it as a participant, or rolled up
 * to it. Whoever may read the record sees its whole timeline. One index range on interaction_links.
 */
export async function timelineOf(tx: Executor, ctx: RequestContext, ref: RecordRef, query: TimelineQuery): Promise<{ data: LinkedInteraction[]; nextCursor: string | null }> {
  const type = linkableRecord(ref.recordType);
  if (!type) throw invalidField('recordType', 'enum', { allowed: linkableRecordTypes().join(', ') });
  await type.titleOf(tx, ctx, ref.recordId);
  const filter = [query.type && `type:eq:${query.type}`, query.channel && `channel:eq:${query.channel}`, query.ownerId && `ownerId:eq:${query.ownerId}`].filter((f): f is string => Boolean(f));
  const plan = planList(timelineSpec, { limit: query.limit ?? 50, cursor: query.cursor, filter });
  const page = await tx
    .select({ id: interactionLinks.interactionId, occurredAt: interactionLinks.occurredAt })
    .from(interactionLinks)
    .where(and(eq(interactionLinks.workspaceId, ctx.workspaceId), eq(interactionLinks.recordType, ref.recordType), eq(interactionLinks.recordId, ref.recordId), plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit);
  const { data: keys, nextCursor } = plan.page(page);
  if (keys.length === 0) return { data: [], nextCursor };
  const rows = await tx
    .select()
    .from(interactions)
    .where(and(eq(interactions.workspaceId, ctx.workspaceId), isNull(interactions.deletedAt), inArray(interactions.id, keys.map((k) => k.id))));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const links = await linksOf(tx, ctx, rows.map((r) => r.id));
  return {
    data: keys.flatMap((k) => {
      const row = byId.get(k.id);
      return row ? [{ ...row, links: links.get(k.id) ?? [] }] : [];
    }),
    nextCursor,
  };
}

/** When the record was last in touch (its newest interaction), and how many interactions it has. */
export async function contactSummary(tx: Executor, ctx: RequestContext, ref: RecordRef): Promise<{ lastAt: Date | null; count: number }> {
  const where = and(eq(interactionLinks.workspaceId, ctx.workspaceId), eq(interactionLinks.recordType, ref.recordType), eq(interactionLinks.recordId, ref.recordId));
  const [last] = await tx.select({ at: interactionLinks.occurredAt }).from(interactionLinks).where(where).orderBy(desc(interactionLinks.occurredAt)).limit(1);
  const [{ count }] = (await tx.select({ count: sql<number>`count(*)::int` }).from(interactionLinks).where(where)) as [{ count: number }];
  return { lastAt: last?.at ?? null, count };
}

/** When each record was last in touch (its newest interaction): one timeline-index probe per record; records never in touch are absent. */
export async function lastContactOf(tx: Executor, ctx: RequestContext, recordType: string, ids: string[]): Promise<Map<string, Date>> {
  if (ids.length === 0) return new Map();
  const { rows } = (await tx.execute(sql`
    select r.id, (select l.occurred_at from ${interactionLinks} l
                   where l.workspace_id = ${ctx.workspaceId} and l.record_type = ${recordType} and l.record_id = r.id
                   order by l.occurred_at desc limit 1) as "lastAt"
      from unnest(array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]) as r(id)`)) as unknown as { rows: { id: string; lastAt: string | Date | null }[] };
  return new Map(rows.filter((r) => r.lastAt).map((r) => [r.id, new Date(r.lastAt!)]));
}

/**
 * Puts everything on one record's timeline also on others' (a converted lead's history on its new contact,
 * account and deal); the source keeps its own. Already shared items are left as they are.
 */
export async function shareTimeline(tx: Executor, ctx: RequestContext, from: RecordRef, to: RecordRef[]): Promise<void> {
  for (const target of to) {
    await tx.execute(sql`
      insert into ${interactionLinks} (workspace_id, record_type, record_id, interaction_id, occurred_at, type, channel, owner_id)
      select workspace_id, ${target.recordType}, ${target.recordId}, interaction_id, occurred_at, type, channel, owner_id
        from ${interactionLinks}
       where workspace_id = ${ctx.workspaceId} and record_type = ${from.recordType} and record_id = ${from.recordId}
      on conflict do nothing`);
  }
}

/** Merged contacts' timelines move to the surviving contact; participants point at it too. */
export async function moveTimeline(tx: Executor, ctx: RequestContext, recordType: string, primaryId: string, mergedIds: string[]): Promise<void> {
  const ws = ctx.workspaceId;
  await tx.execute(sql`
    delete from ${interactionLinks} m
     where m.workspace_id = ${ws} and m.record_type = ${recordType} and m.record_id in ${mergedIds}
       and exists (select 1 from ${interactionLinks} p where p.workspace_id = ${ws} and p.record_type = ${recordType} and p.record_id = ${primaryId} and p.interaction_id = m.interaction_id)`);
  await tx.execute(sql`update ${interactionLinks} set record_id = ${primaryId} where workspace_id = ${ws} and record_type = ${recordType} and record_id in ${mergedIds}`);
  if (recordType !== 'contact') return;
  await tx.execute(sql`
    update ${interactions} i
       set participants = (select jsonb_agg(case when p->>'kind' = 'contact' and p->>'id' in ${mergedIds} then jsonb_set(p, '{id}', to_jsonb(${primaryId}::text)) else p end)
                             from jsonb_array_elements(i.participants) p)
     where i.workspace_id = ${ws}
       and exists (select 1 from jsonb_array_elements(i.participants) p where p->>'kind' = 'contact' and p->>'id' in ${mergedIds})`);
}

/**
 * Puts existing interactions on a record's timeline too, with what the record rolls up to (a case's contact
 * and account). No permission check: the module linking them decides (mail threading into a case).
 */
export async function linkToRecord(tx: Executor, ctx: RequestContext, interactionIds: string[], ref: RecordRef): Promise<void> {
  if (interactionIds.length === 0) return;
  const type = linkableRecord(ref.recordType);
  const targets = [ref, ...((await type?.rollUp?.(tx, ctx, ref.recordId)) ?? []).map((up) => ({ recordType: up.type, recordId: up.id }))];
  for (const target of targets) {
    await tx.execute(sql`
      insert into ${interactionLinks} (workspace_id, record_type, record_id, interaction_id, occurred_at, type, channel, owner_id)
      select workspace_id, ${target.recordType}, ${target.recordId}, id, occurred_at, type, channel, owner_id
        from ${interactions}
       where workspace_id = ${ctx.workspaceId} and id in ${interactionIds}
      on conflict do nothing`);
  }
}

/** The records of a type that interactions of a thread are linked to (which case an e-mail thread belongs to). */
export async function recordsOfThread(tx: Executor, ctx: RequestContext, threadId: string, recordType: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ recordId: interactionLinks.recordId })
    .from(interactionLinks)
    .innerJoin(interactions, and(eq(interactions.workspaceId, interactionLinks.workspaceId), eq(interactions.id, interactionLinks.interactionId)))
    // A thread's first item may carry no thread id of its own: later ones take its id as theirs.
    .where(and(eq(interactionLinks.workspaceId, ctx.workspaceId), eq(interactionLinks.recordType, recordType), or(eq(interactions.threadId, threadId), eq(interactions.id, threadId))));
  return rows.map((r) => r.recordId);
}

export type { Attachment, Participant };
