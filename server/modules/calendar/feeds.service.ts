import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { asSystem, inWorkspace } from '../../db/transaction.js';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { forbidden, notFound } from '../../platform/errors/app-error.js';
import { workspaces } from '../../platform/tenancy/tenancy.tables.js';
import { listTasks, meetingsBetween, type Task } from '../interactions/index.js';
import { calendarFeeds } from './calendar.tables.js';
import { membersById } from './calendar.service.js';
import { toICalendar } from './ics.presenter.js';

/** What a feed carries: meetings from this far back, and meetings and tasks up to this far ahead. */
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 400;

/** The public address of a feed token. */
export const feedUrl = (publicUrl: string, token: string) => `${publicUrl}/api/v1/public/calendar/${token}.ics`;

/** Whether the caller has a feed, since when, and when an app last fetched it; never its token. */
export async function feedStatus(tx: Executor, ctx: RequestContext) {
  if (!ctx.userId) throw forbidden();
  const [row] = await tx
    .select({ createdAt: calendarFeeds.createdAt, lastFetchedAt: calendarFeeds.lastFetchedAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, ctx.workspaceId), eq(calendarFeeds.userId, ctx.userId)));
  return { active: Boolean(row), createdAt: row?.createdAt ?? null, lastFetchedAt: row?.lastFetchedAt ?? null };
}

/**
 * Gives the caller a new feed token, returned this once (only its hash is kept); the previous URL stops
 * working at once. A member's own feed: an API key has no calendar.
 */
export async function regenerateFeed(tx: Executor, ctx: RequestContext): Promise<{ token: string; createdAt: Date }> {
  if (!ctx.userId) throw forbidden();
  const token = newToken('cal_');
  const createdAt = new Date();
  const values = { workspaceId: ctx.workspaceId, userId: ctx.userId, tokenHash: hashToken(token), createdAt, lastFetchedAt: null };
  await tx.insert(calendarFeeds).values(values).onConflictDoUpdate({ target: [calendarFeeds.workspaceId, calendarFeeds.userId], set: { tokenHash: values.tokenHash, createdAt, lastFetchedAt: null } });
  await recordAudit(tx, ctx, { action: 'create', recordType: 'calendarFeed', recordId: ctx.userId, after: { createdAt } });
  return { token, createdAt };
}

/** Stops the caller's feed: calendar apps get 404 from then on. */
export async function revokeFeed(tx: Executor, ctx: RequestContext): Promise<void> {
  if (!ctx.userId) throw forbidden();
  const [row] = await tx
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, ctx.workspaceId), eq(calendarFeeds.userId, ctx.userId)))
    .returning({ createdAt: calendarFeeds.createdAt });
  if (!row) throw notFound('calendarFeed');
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'calendarFeed', recordId: ctx.userId, before: row });
}

/**
 * The .ics of a feed token, or null when no feed has it (never made, regenerated, revoked) or its member
 * left. Only the token lookup crosses workspaces; the rest runs as that member, row-level security on,
 * so the feed shows exactly what they would see in the app.
 */
export async function feedCalendar(database: Database, token: string, appUrl: string, now = new Date()): Promise<string | null> {
  const [feed] = await asSystem(database.db, (tx) =>
    tx
      .select({ workspaceId: calendarFeeds.workspaceId, userId: calendarFeeds.userId, workspaceName: workspaces.name })
      .from(calendarFeeds)
      .innerJoin(workspaces, eq(workspaces.id, calendarFeeds.workspaceId))
      .where(eq(calendarFeeds.tokenHash, hashToken(token))),
  );
  if (!feed) return null;
  const ctx = await contextOfMember(database, feed.workspaceId, feed.userId);
  if (!ctx) return null;
  const me = feed.userId;
  return inWorkspace(database.db, feed.workspaceId, async (tx) => {
    const from = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
    const to = new Date(now.getTime() + FEED_FUTURE_DAYS * 86_400_000);
    const meetings = await meetingsBetween(tx, ctx, { from, to, userIds: [me], limit: 5000 });
    const tasks: Task[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTasks(tx, ctx, { limit: 200, cursor, sort: 'dueAt', filter: [`ownerId:eq:${me}`, 'status:eq:open', `dueAt:gte:${from.toISOString()}`, `dueAt:lt:${to.toISOString()}`] });
      tasks.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && tasks.length < 2000);
    const organizers = await membersById(tx, feed.workspaceId, [...new Set(meetings.flatMap((m) => (m.ownerId ? [m.ownerId] : [])))]);
    await tx.update(calendarFeeds).set({ lastFetchedAt: now }).where(and(eq(calendarFeeds.workspaceId, feed.workspaceId), eq(calendarFeeds.userId, me)));
    return toICalendar({ name: `${feed.workspaceName} · Guanxi`, timeZone: ctx.timeZone, meetings, tasks, organizers, appUrl });
  });
}
