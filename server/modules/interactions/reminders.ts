import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../../../contracts/roles.js';
import type { Database, Executor } from '../../db/client.js';
import { asSystem } from '../../db/transaction.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { forbidden } from '../../platform/errors/app-error.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { JobQueue } from '../../platform/jobs/queue.js';
import type { Realtime } from '../../platform/realtime/realtime.js';
import { EMAIL_SEND_JOB } from './email-out.service.js';
import { queueMemberMail } from './member-mail.js';
import { mailAccounts, reminderPreferences, tasks } from './interactions.tables.js';

export interface ReminderDeps {
  database: Database;
  realtime: Realtime;
  jobs: JobQueue;
  /** Where links in reminder mails point (the app's public URL). */
  publicUrl: string;
}

/**
 * Sends the reminders that are due. Each open task whose remind time has come is claimed once (an atomic
 * update, so several processes never remind twice); in the same transaction a reminder mail to its owner is
 * queued in the outbox (`outgoing_emails`) with its send job, when they want mail and the workspace has a
 * mail account — so a crash either leaves the task unclaimed or the mail queued, never sent twice or lost.
 * After the commit the owner's open pages get `task.reminder` and the mails go out. Returns how many tasks.
 */
export async function sendDueReminders({ database, realtime, jobs, publicUrl }: ReminderDeps, now = new Date()): Promise<number> {
  const { rows, mailJobs } = await asSystem(database.db, async (tx) => {
    const due = (await tx.execute(sql`
      update ${tasks} set reminded_at = ${now.toISOString()}::timestamptz
       where remind_at <= ${now.toISOString()}::timestamptz and reminded_at is null and status = 'open' and deleted_at is null
       returning workspace_id, id, title, notes, due_at, owner_id, record_type, record_id`)) as unknown as { rows?: Row[] } | Row[];
    const claimed = Array.isArray(due) ? due : (due.rows ?? []);
    const queued = new Map<string, string[]>();
    for (const task of claimed) {
      const mailId = await queueReminderMail(tx, task, publicUrl);
      if (mailId) queued.set(task.workspace_id, [...(queued.get(task.workspace_id) ?? []), mailId]);
    }
    const enqueued: { workspaceId: string; jobId: string }[] = [];
    for (const [workspaceId, ids] of queued) enqueued.push({ workspaceId, jobId: await jobs.enqueue(tx, workspaceId, null, EMAIL_SEND_JOB, { ids, userId: null }) });
    return { rows: claimed, mailJobs: enqueued };
  });
  for (const task of rows) {
    if (!task.owner_id) continue;
    await realtime.publish({
      workspaceId: task.workspace_id,
      userIds: [task.owner_id],
      event: { type: 'task.reminder', taskId: task.id, title: task.title, dueAt: task.due_at ? new Date(task.due_at).toISOString() : null, recordType: task.record_type, recordId: task.record_id },
    });
  }
  for (const job of mailJobs) await jobs.dispatch(job.jobId, job.workspaceId, EMAIL_SEND_JOB);
  return rows.length;
}

/** Queues the reminder mail of a claimed task in its owner's language, or returns null when none is wanted. */
async function queueReminderMail(tx: Executor, task: Row, publicUrl: string): Promise<string | null> {
  if (!task.owner_id) return null;
  const [preference] = await tx
    .select({ byEmail: reminderPreferences.byEmail })
    .from(reminderPreferences)
    .where(and(eq(reminderPreferences.workspaceId, task.workspace_id), eq(reminderPreferences.userId, task.owner_id)));
  if (preference && !preference.byEmail) return null;
  return queueMemberMail(tx, task.workspace_id, task.owner_id, (locale, timeZone) => reminderMail(locale, timeZone, task, publicUrl));
}

/** The reminder mail's text in a language, its due time in the owner's time zone. */
export function reminderMail(locale: Locale, timeZone: string, task: Pick<Row, 'id' | 'title' | 'notes' | 'due_at'>, publicUrl: string): { subject: string; body: string } {
  const t = translator(locale);
  const due = task.due_at ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(task.due_at)) : null;
  const lines = [
    task.title,
    due ? t('tasks.reminderMail.due', { due }) : t('tasks.reminder.noDue'),
    ...(task.notes ? ['', task.notes] : []),
    '',
    t('tasks.reminderMail.open', { url: `${publicUrl}/tasks` }),
    '',
    t('tasks.reminderMail.why'),
  ];
  return { subject: t('tasks.reminderMail.subject', { title: task.title }), body: lines.join('\n') };
}

/** How the caller's reminders reach them: `email` false means in the app only. */
export async function getReminderPreference(tx: Executor, ctx: RequestContext): Promise<{ email: boolean; mailAccount: boolean }> {
  if (!ctx.userId) throw forbidden();
  const [preference] = await tx
    .select({ byEmail: reminderPreferences.byEmail })
    .from(reminderPreferences)
    .where(and(eq(reminderPreferences.workspaceId, ctx.workspaceId), eq(reminderPreferences.userId, ctx.userId)));
  const [account] = await tx.select({ id: mailAccounts.id }).from(mailAccounts).where(and(eq(mailAccounts.workspaceId, ctx.workspaceId), isNull(mailAccounts.userId)));
  return { email: preference?.byEmail ?? true, mailAccount: Boolean(account) };
}

export async function setReminderPreference(tx: Executor, ctx: RequestContext, email: boolean) {
  if (!ctx.userId) throw forbidden();
  const before = await getReminderPreference(tx, ctx);
  await tx
    .insert(reminderPreferences)
    .values({ workspaceId: ctx.workspaceId, userId: ctx.userId, byEmail: email })
    .onConflictDoUpdate({ target: [reminderPreferences.workspaceId, reminderPreferences.userId], set: { byEmail: email } });
  await recordAudit(tx, ctx, { action: 'update', recordType: 'reminder_preference', recordId: ctx.userId, before: { email: before.email }, after: { email } });
  return { ...before, email };
}

interface Row {
  workspace_id: string;
  id: string;
  title: string;
  notes: string | null;
  due_at: string | Date | null;
  owner_id: string | null;
  record_type: string | null;
  record_id: string | null;
}
