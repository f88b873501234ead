import { and, eq, inArray } from 'drizzle-orm';
import type { InteractionChannel } from '../../../contracts/interactions.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, invalidField, type FieldError } from '../../platform/errors/app-error.js';
import { mayActOn } from '../../platform/permissions/policy.js';
import { memberships, users } from '../../platform/tenancy/tenancy.tables.js';
import { getContact } from '../customers/index.js';
import {
  deleteInteraction,
  getInteraction,
  listTasks,
  logInteraction,
  meetingsBetween,
  updateInteraction,
  type LinkedInteraction,
  type Participant,
  type Task,
} from '../interactions/index.js';

/** The widest range one calendar request covers: a month view with its leading and trailing weeks, and room. */
export const MAX_RANGE_DAYS = 100;
/** Tasks in one range at most (a busy month of a whole team). */
const MAX_TASKS = 1000;

export interface Attendee {
  kind: 'user' | 'contact';
  id: string;
}

export interface MeetingInput {
  subject: string;
  startsAt: Date;
  endsAt: Date;
  allDay?: boolean;
  location?: string | null;
  notes?: string | null;
  channel?: InteractionChannel;
  attendees?: Attendee[];
  links?: { recordType: string; recordId: string }[];
  ownerId?: string | null;
}

/** A meeting as the calendar shows it; `editable` says whether the caller may change it. */
export type Meeting = LinkedInteraction & { editable: boolean };
export type CalendarTask = Task & { recordTitle: string | null };

/** Members of the workspace (active or not) by user id, with their name and address. */
export async function membersById(tx: Executor, workspaceId: string, ids: string[]): Promise<Map<string, { id: string; name: string; email: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Attendees as participants, each with the name and address it has now (the feed and the timeline show
 * them without a lookup). An unknown member or a contact the caller may not read is a 400 naming it.
 */
async function participantsOf(tx: Executor, ctx: RequestContext, attendees: Attendee[]): Promise<Participant[]> {
  const memberById = await membersById(tx, ctx.workspaceId, attendees.filter((a) => a.kind === 'user').map((a) => a.id));
  const errors: FieldError[] = [];
  const participants: Participant[] = [];
  const seen = new Set<string>();
  for (const [i, attendee] of attendees.entries()) {
    if (seen.has(`${attendee.kind}:${attendee.id}`)) continue;
    seen.add(`${attendee.kind}:${attendee.id}`);
    if (attendee.kind === 'user') {
      const member = memberById.get(attendee.id);
      if (!member) errors.push({ field: `attendees.${i}.id`, code: 'invalid' });
      else participants.push({ kind: 'user', id: member.id, name: member.name, address: member.email, role: 'attendee' });
      continue;
    }
    try {
      const contact = await getContact(tx, ctx, attendee.id);
      participants.push({ kind: 'contact', id: contact.id, name: contact.name, ...(contact.email ? { address: contact.email } : {}), role: 'attendee' });
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 404) throw err;
      errors.push({ field: `attendees.${i}.id`, code: 'invalid' });
    }
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', 400, {}, errors);
  return participants;
}

/** Whether the caller may change each meeting (asked once per owner). */
async function withEditable(tx: Executor, ctx: RequestContext, rows: LinkedInteraction[]): Promise<Meeting[]> {
  const byOwner = new Map<string | null, boolean>();
  for (const row of rows) if (!byOwner.has(row.ownerId)) byOwner.set(row.ownerId, await mayActOn(tx, ctx, 'update', row.ownerId));
  return rows.map((row) => ({ ...row, editable: byOwner.get(row.ownerId) ?? false }));
}

/** The members whose calendars show a meeting: its owner and its member attendees (told of its changes). */
export const membersOf = (meeting: LinkedInteraction): string[] => [
  ...new Set([meeting.ownerId, ...meeting.participants.filter((p) => p.kind === 'user').map((p) => p.id)].filter((id): id is string => Boolean(id))),
];

/** Schedules a meeting: on the calendars of its owner and attendees, and on the timelines of its contacts and their accounts. */
export async function createMeeting(tx: Executor, ctx: RequestContext, input: MeetingInput): Promise<Meeting> {
  const row = await logInteraction(tx, ctx, {
    type: 'meeting',
    channel: input.channel ?? 'in_person',
    subject: input.subject,
    occurredAt: input.startsAt,
    endsAt: input.endsAt,
    allDay: input.allDay ?? false,
    location: input.location ?? null,
    body: input.notes ?? null,
    participants: await participantsOf(tx, ctx, input.attendees ?? []),
    links: input.links ?? [],
    ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
  });
  return (await withEditable(tx, ctx, [row]))[0]!;
}

async function getMeeting(tx: Executor, ctx: RequestContext, id: string): Promise<LinkedInteraction> {
  const row = await getInteraction(tx, ctx, id);
  if (row.type !== 'meeting') throw new AppError('NOT_FOUND', 404, { resource: 'meeting' });
  return row;
}

/** Changes a meeting; `attendees` (when given) replaces them all. `members`: whose calendars showed it before or show it now. */
export async function updateMeeting(tx: Executor, ctx: RequestContext, id: string, patch: Partial<MeetingInput>): Promise<{ meeting: Meeting; members: string[] }> {
  const before = await getMeeting(tx, ctx, id);
  const row = await updateInteraction(tx, ctx, id, {
    ...(patch.subject !== undefined ? { subject: patch.subject } : {}),
    ...(patch.startsAt !== undefined ? { occurredAt: patch.startsAt } : {}),
    ...(patch.endsAt !== undefined ? { endsAt: patch.endsAt } : {}),
    ...(patch.allDay !== undefined ? { allDay: patch.allDay } : {}),
    ...(patch.location !== undefined ? { location: patch.location } : {}),
    ...(patch.notes !== undefined ? { body: patch.notes } : {}),
    ...(patch.channel !== undefined ? { channel: patch.channel } : {}),
    ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
    ...(patch.attendees !== undefined ? { participants: await participantsOf(tx, ctx, patch.attendees) } : {}),
    ...(patch.links !== undefined ? { links: patch.links } : {}),
  });
  return { meeting: (await withEditable(tx, ctx, [row]))[0]!, members: [...new Set([...membersOf(before), ...membersOf(row)])] };
}

/** Cancels a meeting: to the recycle bin, off every calendar and timeline. Answers whose calendars showed it. */
export async function deleteMeeting(tx: Executor, ctx: RequestContext, id: string): Promise<string[]> {
  const before = await getMeeting(tx, ctx, id);
  await deleteInteraction(tx, ctx, id);
  return membersOf(before);
}

export interface CalendarQuery {
  from: Date;
  to: Date;
  /** Whose calendars; the caller's own when none. */
  userIds?: string[];
}

/** The range is ordered and at most MAX_RANGE_DAYS long: a calendar page, not an export. */
export function assertRange(from: Date, to: Date): void {
  if (to.getTime() <= from.getTime()) throw invalidField('to', 'afterStart');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) throw invalidField('to', 'spanTooLong', { days: MAX_RANGE_DAYS });
}

/**
 * The calendars of members over [from, to): the meetings they own or attend, and their tasks due in the
 * range that are not cancelled (done ones too, to show what was done). Tasks follow the read scope.
 */
export async function calendarOf(tx: Executor, ctx: RequestContext, query: CalendarQuery): Promise<{ meetings: Meeting[]; tasks: CalendarTask[] }> {
  assertRange(query.from, query.to);
  const userIds = query.userIds?.length ? [...new Set(query.userIds)] : ctx.userId ? [ctx.userId] : [];
  if (userIds.length === 0) return { meetings: [], tasks: [] };
  const meetings = await withEditable(tx, ctx, await meetingsBetween(tx, ctx, { from: query.from, to: query.to, userIds }));
  const tasks: CalendarTask[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTasks(tx, ctx, {
      limit: 200,
      cursor,
      sort: 'dueAt',
      filter: [`ownerId:in:${userIds.join('|')}`, `dueAt:gte:${query.from.toISOString()}`, `dueAt:lt:${query.to.toISOString()}`, 'status:ne:cancelled'],
    });
    tasks.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && tasks.length < MAX_TASKS);
  return { meetings, tasks };
}
