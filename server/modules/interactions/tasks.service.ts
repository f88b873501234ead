import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import rrule from 'rrule';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import type { ListParams, ListSpec } from '../../platform/http/list-query.js';
import { linkableRecord, linkableRecordTypes } from '../../platform/records/linkable.js';
import { ownedRecords } from '../../platform/records/owned-records.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { tasks } from './interactions.tables.js';

const { RRule } = rrule;

export type Task = typeof tasks.$inferSelect;
export type TaskInput = Partial<Omit<Task, 'workspaceId' | 'id' | 'doneAt' | 'deletedAt' | 'deletedBy' | 'createdAt' | 'updatedAt'>> & { title: string };

export const taskListSpec: ListSpec = {
  fields: {
    title: { column: tasks.title, type: 'text', sortable: true },
    status: { column: tasks.status, type: 'text' },
    priority: { column: tasks.priority, type: 'text' },
    // Undated tasks sort after every dated one (ascending), before them descending.
    dueAt: { column: tasks.dueAt, type: 'timestamp', sortable: true, sortBy: { expression: sql`coalesce(${tasks.dueAt}, 'infinity'::timestamptz)`, valueOf: (row) => (row.dueAt as Date | null) ?? 'infinity' } },
    recordType: { column: tasks.recordType, type: 'text' },
    recordId: { column: tasks.recordId, type: 'uuid' },
    ownerId: { column: tasks.ownerId, type: 'uuid' },
    createdAt: { column: tasks.createdAt, type: 'timestamp', sortable: true },
    updatedAt: { column: tasks.updatedAt, type: 'timestamp', sortable: true },
  },
  id: tasks.id,
  defaultSort: '-createdAt',
};

/** Parses an RFC 5545 RRULE, or says which part is wrong. */
export function parseRecurrence(rule: string): InstanceType<typeof RRule> {
  try {
    const options = RRule.parseString(rule.replace(/^RRULE:/i, ''));
    if (options.freq === undefined) throw new Error('FREQ is missing');
    return new RRule(options);
  } catch {
    throw invalidField('recurrence', 'format', { format: 'RRULE' });
  }
}

async function taskColumns(tx: Executor, ctx: RequestContext, input: Partial<TaskInput>, before: Task | null): Promise<Partial<Task>> {
  const recordType = input.recordType === undefined ? before?.recordType : input.recordType;
  const recordId = input.recordId === undefined ? before?.recordId : input.recordId;
  if (Boolean(recordType) !== Boolean(recordId)) throw invalidField(recordType ? 'recordId' : 'recordType', 'required');
  if (recordType && recordId && (input.recordType !== undefined || input.recordId !== undefined)) {
    const type = linkableRecord(recordType);
    if (!type) throw invalidField('recordType', 'enum', { allowed: linkableRecordTypes().join(', ') });
    await type.titleOf(tx, ctx, recordId).catch((err: unknown) => {
      throw err instanceof AppError && err.status === 404 ? invalidField('recordId', 'invalid') : err;
    });
  }
  const recurrence = input.recurrence === undefined ? undefined : input.recurrence?.trim() || null;
  if (recurrence) {
    parseRecurrence(recurrence);
    if (!(input.dueAt ?? before?.dueAt)) throw invalidField('dueAt', 'required');
  }
  // A new remind time reminds again.
  const remindedAt = input.remindAt !== undefined && input.remindAt?.getTime() !== before?.remindAt?.getTime() ? { remindedAt: null } : {};
  return { ...input, ...remindedAt, title: input.title?.trim(), notes: input.notes === undefined ? undefined : input.notes?.trim() || null, recurrence };
}

const records = ownedRecords<Task, TaskInput>({ table: tasks, recordType: 'task', listSpec: taskListSpec, toColumns: taskColumns });

export const createTask = records.create;
export const getTask = records.get;

/** The name of each task's record (for lists that link to it); records the caller may not read have none. */
async function withRecordTitles<T extends Task>(tx: Executor, ctx: RequestContext, rows: T[]): Promise<(T & { recordTitle: string | null })[]> {
  const titles = new Map<string, string | null>();
  for (const row of rows) {
    if (!row.recordType || !row.recordId) continue;
    const key = `${row.recordType}:${row.recordId}`;
    if (titles.has(key)) continue;
    const type = linkableRecord(row.recordType);
    titles.set(key, type ? await type.titleOf(tx, ctx, row.recordId).catch(() => null) : null);
  }
  return rows.map((row) => ({ ...row, recordTitle: row.recordType && row.recordId ? (titles.get(`${row.recordType}:${row.recordId}`) ?? null) : null }));
}

export async function listTasks(tx: Executor, ctx: RequestContext, params: ListParams) {
  const page = await records.list(tx, ctx, params);
  return { ...page, data: await withRecordTitles(tx, ctx, page.data) };
}
export const deleteTask = records.remove;
export const restoreTask = records.restore;

/**
 * Changes a task. Marking it done stamps the time; a repeating task then gets its next occurrence as a
 * new open task (same title, owner, record and rule; due at the rule's next date after this one's) — once:
 * reopening the task takes back its next occurrence while that is still open, and completing it again while
 * its next one lives creates none.
 */
export async function updateTask(tx: Executor, ctx: RequestContext, id: string, patch: Partial<TaskInput>): Promise<Task & { next: Task | null }> {
  const before = await records.get(tx, ctx, id);
  const completing = patch.status === 'done' && before.status !== 'done';
  const reopening = patch.status === 'open' && before.status === 'done';
  const after = await records.update(tx, ctx, id, patch);
  if (patch.status !== undefined && patch.status !== before.status) {
    await tx.update(tasks).set({ doneAt: patch.status === 'done' ? new Date() : null }).where(and(eq(tasks.workspaceId, ctx.workspaceId), eq(tasks.id, id)));
  }
  const occurrences = () => tx.select().from(tasks).where(and(eq(tasks.workspaceId, ctx.workspaceId), eq(tasks.repeatsFrom, id), isNull(tasks.deletedAt)));
  if (reopening) {
    for (const next of await occurrences()) if (next.status === 'open') await records.remove(tx, ctx, next.id);
  }
  let next: Task | null = null;
  if (completing && after.recurrence && after.dueAt && (await occurrences()).length === 0) {
    const rule = parseRecurrence(after.recurrence);
    const nextDue = new RRule({ ...rule.origOptions, dtstart: after.dueAt }).after(after.dueAt, false);
    if (nextDue) {
      const shift = after.remindAt ? after.dueAt.getTime() - after.remindAt.getTime() : null;
      next = await records.create(tx, ctx, {
        repeatsFrom: id,
        title: after.title,
        notes: after.notes,
        priority: after.priority,
        recurrence: after.recurrence,
        recordType: after.recordType,
        recordId: after.recordId,
        ownerId: after.ownerId,
        dueAt: nextDue,
        remindAt: shift === null ? null : new Date(nextDue.getTime() - shift),
      });
    }
  }
  return { ...(await records.get(tx, ctx, id)), next };
}

/**
 * "My day": the caller's open tasks that are overdue or due by the end of their today (in their time zone),
 * most urgent first, then those without a due date.
 */
export async function myDay(tx: Executor, ctx: RequestContext, timeZone: string, now = new Date()): Promise<(Task & { recordTitle: string | null })[]> {
  if (!ctx.userId) return [];
  const endOfToday = sql`(date_trunc('day', ${now.toISOString()}::timestamptz at time zone ${timeZone}) + interval '1 day') at time zone ${timeZone}`;
  return tx
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.workspaceId, ctx.workspaceId),
        isNull(tasks.deletedAt),
        eq(tasks.ownerId, ctx.userId),
        eq(tasks.status, 'open'),
        ownershipFilter(ctx, 'read', tasks.ownerId),
        sql`(${tasks.dueAt} is null or ${lte(tasks.dueAt, endOfToday)})`,
      ),
    )
    .orderBy(sql`${tasks.dueAt} asc nulls last`, sql`case ${tasks.priority} when 'high' then 0 when 'normal' then 1 else 2 end`, asc(tasks.createdAt))
    .limit(200)
    .then((rows) => withRecordTitles(tx, ctx, rows));
}
