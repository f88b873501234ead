import { and, eq, gt, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { InteractionChannel } from '../../../contracts/interactions.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { interactions } from './interactions.tables.js';
import { linksOf, MAX_MEETING_DAYS, type LinkedInteraction } from './interactions.service.js';

export interface MeetingRange {
  from: Date;
  to: Date;
  /** Whose meetings: each as owner or attendee. */
  userIds: string[];
  /** A cap on rows (a calendar page); the newest beyond it are left out. */
  limit?: number;
}

/** `participants` holds this member as a user participant (any role). */
const hasMember = (userId: string): SQL => sql`${interactions.participants} @> ${JSON.stringify([{ kind: 'user', id: userId }])}::jsonb`;

/**
 * Meetings overlapping [from, to) that the members own or attend, earliest first. A member sees a meeting
 * they attend even outside their read scope (being invited is reason enough); other members' meetings only
 * within it. One range of interactions_meetings_idx: a meeting lasts at most MAX_MEETING_DAYS, so those
 * overlapping the range start no earlier than that before it.
 */
export async function meetingsBetween(tx: Executor, ctx: RequestContext, range: MeetingRange): Promise<LinkedInteraction[]> {
  if (range.userIds.length === 0) return [];
  const earliestStart = new Date(range.from.getTime() - MAX_MEETING_DAYS * 86_400_000);
  const whose = or(inArray(interactions.ownerId, range.userIds), ...range.userIds.map(hasMember));
  const me = ctx.userId;
  const readable = ownershipFilter(ctx, 'read', interactions.ownerId);
  const visible = readable && me ? or(readable, hasMember(me)) : readable;
  const rows = await tx
    .select()
    .from(interactions)
    .where(
      and(
        eq(interactions.workspaceId, ctx.workspaceId),
        // A literal, not a parameter: the partial index's predicate must match in generic plans too.
        sql`${interactions.type} = 'meeting'`,
        isNull(interactions.deletedAt),
        gte(interactions.occurredAt, earliestStart),
        lt(interactions.occurredAt, range.to),
        // A meeting without an end is a moment: it overlaps when it starts in the range.
        or(gt(interactions.endsAt, range.from), and(isNull(interactions.endsAt), gte(interactions.occurredAt, range.from))),
        whose,
        visible,
      ),
    )
    .orderBy(interactions.occurredAt, interactions.id)
    .limit(range.limit ?? 2000);
  const links = await linksOf(tx, ctx, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, links: links.get(r.id) ?? [] }));
}

/** Which of these external ids (an imported event's UID) the workspace already has on a channel. */
export async function knownExternalIds(tx: Executor, ctx: RequestContext, channel: InteractionChannel, externalIds: string[]): Promise<Set<string>> {
  if (externalIds.length === 0) return new Set();
  const rows = await tx
    .select({ externalId: interactions.externalId })
    .from(interactions)
    .where(and(eq(interactions.workspaceId, ctx.workspaceId), eq(interactions.channel, channel), inArray(interactions.externalId, externalIds)));
  return new Set(rows.flatMap((r) => (r.externalId ? [r.externalId] : [])));
}
