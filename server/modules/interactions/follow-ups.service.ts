import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { linkableRecord } from '../../platform/records/linkable.js';
import { followUpSnoozes, interactionLinks, interactionSettings, tasks } from './interactions.tables.js';

/** The record types suggested for a follow-up, in this order on ties. */
export const FOLLOW_UP_TYPES = ['account', 'contact'] as const;
export const DEFAULT_FOLLOW_UP_DAYS = 30;

export interface FollowUp {
  recordType: string;
  recordId: string;
  name: string;
  /** The newest interaction on its timeline; null when it never had one. */
  lastContactAt: Date | null;
}

export async function getFollowUpSettings(tx: Executor, ctx: RequestContext): Promise<{ days: number }> {
  const [row] = await tx.select({ days: interactionSettings.followUpDays }).from(interactionSettings).where(eq(interactionSettings.workspaceId, ctx.workspaceId));
  return { days: row?.days ?? DEFAULT_FOLLOW_UP_DAYS };
}

/** Sets after how many silent days a record is suggested (admins). */
export async function setFollowUpSettings(tx: Executor, ctx: RequestContext, days: number): Promise<{ days: number }> {
  assertCan(ctx, 'workspace.manage');
  const before = await getFollowUpSettings(tx, ctx);
  await tx
    .insert(interactionSettings)
    .values({ workspaceId: ctx.workspaceId, followUpDays: days })
    .onConflictDoUpdate({ target: interactionSettings.workspaceId, set: { followUpDays: days } });
  await recordAudit(tx, ctx, { action: 'update', recordType: 'follow_up_settings', recordId: ctx.workspaceId, before, after: { days } });
  return { days };
}

type Cursor = [string | null, string, string];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 3 && (value[0] === null || typeof value[0] === 'string') && typeof value[1] === 'string' && typeof value[2] === 'string' && UUID.test(value[2])) return value as Cursor;
  } catch {
    // fall through
  }
  throw new AppError('INVALID_CURSOR', 400);
}
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** One owned record type's rows: the caller's live records with the time of their newest interaction. */
function candidates(ctx: RequestContext, recordType: string, userId: string): SQL | null {
  const table = linkableRecord(recordType)?.owned;
  if (!table) return null;
  // The newest interaction is the first entry of the record's timeline index: one index probe per record.
  return sql`select ${recordType}::text as record_type, ${table.id} as record_id, ${table.name} as name,
      (select l.occurred_at from ${interactionLinks} l
        where l.workspace_id = ${table.workspaceId} and l.record_type = ${recordType} and l.record_id = ${table.id}
        order by l.occurred_at desc limit 1) as last_at
    from ${table}
   where ${table.workspaceId} = ${ctx.workspaceId} and ${table.ownerId} = ${userId} and ${table.deletedAt} is null`;
}

/**
 * "No contact in N days": the caller's own contacts and accounts whose newest interaction is older than the
 * workspace's N days, or that never had one, with no open task about them and not put aside by the caller —
 * longest silence first (never contacted before all), paged by cursor. The owner filter comes first (owner
 * index), then one timeline-index probe and one task-index probe per record of that owner.
 */
export async function listFollowUps(tx: Executor, ctx: RequestContext, params: { limit?: number; cursor?: string }, now = new Date()): Promise<{ data: FollowUp[]; nextCursor: string | null; days: number }> {
  const { days } = await getFollowUpSettings(tx, ctx);
  if (!ctx.userId) return { data: [], nextCursor: null, days };
  const limit = params.limit ?? 20;
  const parts = FOLLOW_UP_TYPES.map((type) => candidates(ctx, type, ctx.userId!)).filter((part): part is SQL => part !== null);
  if (parts.length === 0) return { data: [], nextCursor: null, days };
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const after = params.cursor ? decodeCursor(params.cursor) : null;
  const silence = sql`coalesce(s.last_at, '-infinity'::timestamptz)`;
  const result = (await tx.execute(sql`
    select s.record_type, s.record_id, s.name, s.last_at from (${sql.join(parts, sql` union all `)}) s
     where (s.last_at is null or s.last_at < ${cutoff}::timestamptz)
       and not exists (select 1 from ${tasks} t where t.workspace_id = ${ctx.workspaceId} and t.record_type = s.record_type and t.record_id = s.record_id
                          and t.status = 'open' and t.deleted_at is null)
       and not exists (select 1 from ${followUpSnoozes} z where z.workspace_id = ${ctx.workspaceId} and z.user_id = ${ctx.userId}
                          and z.record_type = s.record_type and z.record_id = s.record_id
                          and (z.until > ${now.toISOString()}::timestamptz or (z.until is null and z.created_at >= ${silence})))
       ${after ? sql`and (${silence}, s.record_type, s.record_id) > (coalesce(${after[0]}::timestamptz, '-infinity'::timestamptz), ${after[1]}, ${after[2]}::uuid)` : sql``}
     order by ${silence}, s.record_type, s.record_id
     limit ${limit + 1}`)) as unknown as { rows?: Row[] } | Row[];
  const rows = Array.isArray(result) ? result : (result.rows ?? []);
  const data = rows.slice(0, limit).map((r) => ({ recordType: r.record_type, recordId: r.record_id, name: r.name, lastContactAt: r.last_at ? new Date(r.last_at) : null }));
  const last = data.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor([last.lastContactAt?.toISOString() ?? null, last.recordType, last.recordId]) : null;
  return { data, nextCursor, days };
}

/**
 * Puts a suggestion aside for the caller: until a time (snooze), or with `until` null until the record is in
 * touch again (dismiss) — a later silence suggests it anew.
 */
export async function snoozeFollowUp(tx: Executor, ctx: RequestContext, input: { recordType: string; recordId: string; until: Date | null }): Promise<void> {
  if (!ctx.userId) throw invalidField('recordId', 'invalid');
  const type = linkableRecord(input.recordType);
  if (!type?.owned) throw invalidField('recordType', 'enum', { allowed: FOLLOW_UP_TYPES.join(', ') });
  await type.titleOf(tx, ctx, input.recordId).catch((err: unknown) => {
    throw err instanceof AppError && err.status === 404 ? invalidField('recordId', 'invalid') : err;
  });
  const key = and(eq(followUpSnoozes.workspaceId, ctx.workspaceId), eq(followUpSnoozes.userId, ctx.userId), eq(followUpSnoozes.recordType, input.recordType), eq(followUpSnoozes.recordId, input.recordId));
  await tx.delete(followUpSnoozes).where(key);
  await tx.insert(followUpSnoozes).values({ workspaceId: ctx.workspaceId, userId: ctx.userId, recordType: input.recordType, recordId: input.recordId, until: input.until });
  await recordAudit(tx, ctx, { action: 'create', recordType: 'follow_up_snooze', recordId: input.recordId, after: { recordType: input.recordType, until: input.until?.toISOString() ?? null } });
}

interface Row {
  record_type: string;
  record_id: string;
  name: string;
  last_at: string | Date | null;
}
