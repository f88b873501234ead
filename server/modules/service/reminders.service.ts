import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Locale } from '../../../contracts/roles.js';
import type { ReminderTrigger } from '../../../contracts/service.js';
import type { Database, Executor } from '../../db/client.js';
import { asSystem, inWorkspace } from '../../db/transaction.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { contextOfIntegration } from '../../platform/auth/context-loader.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import { planList, type ListParams, type ListSpec } from '../../platform/http/list-query.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { JobQueue } from '../../platform/jobs/queue.js';
import { assertCan } from '../../platform/permissions/policy.js';
import type { RealtimeMessage } from '../../platform/realtime/realtime.js';
import { getAccount, getContact } from '../customers/index.js';
import { createTask, EMAIL_SEND_JOB, queueEmails } from '../interactions/index.js';
import { cases } from './cases.tables.js';
import { REMINDER_SOURCES, type EndingSubject } from './reminders.sources.js';
import { serviceReminderRules, serviceRemindersFired } from './reminders.tables.js';

export type ReminderRule = typeof serviceReminderRules.$inferSelect;
export type FiredReminder = typeof serviceRemindersFired.$inferSelect;
export interface ReminderRuleInput {
  name: string;
  trigger: ReminderTrigger;
  daysBefore: number;
  createTask?: boolean;
  emailCustomer?: boolean;
  notifyOwner?: boolean;
  enabled?: boolean;
}

/** Subjects read from their source per round trip. */
const PAGE = 500;
const ws = (ctx: RequestContext) => eq(serviceReminderRules.workspaceId, ctx.workspaceId);

export async function listReminderRules(tx: Executor, ctx: RequestContext): Promise<ReminderRule[]> {
  return tx.select().from(serviceReminderRules).where(ws(ctx)).orderBy(serviceReminderRules.createdAt, serviceReminderRules.id);
}

export async function getReminderRule(tx: Executor, ctx: RequestContext, id: string): Promise<ReminderRule> {
  const [row] = await tx.select().from(serviceReminderRules).where(and(ws(ctx), eq(serviceReminderRules.id, id)));
  if (!row) throw new AppError('NOT_FOUND', 404, { resource: 'reminderRule' });
  return row;
}

/** A rule that would do nothing is refused rather than kept firing into the void. */
function checkRule(rule: Pick<ReminderRule, 'name' | 'createTask' | 'emailCustomer' | 'notifyOwner'>): void {
  if (!rule.name.trim()) throw invalidField('name', 'required');
  if (!rule.createTask && !rule.emailCustomer && !rule.notifyOwner) throw invalidField('createTask', 'invalid', { reason: 'no action chosen' });
}

export async function createReminderRule(tx: Executor, ctx: RequestContext, input: ReminderRuleInput): Promise<ReminderRule> {
  assertCan(ctx, 'service.configure');
  const values = { createTask: true, emailCustomer: false, notifyOwner: true, enabled: true, ...input, name: input.name.trim() };
  checkRule(values);
  const [row] = await tx
    .insert(serviceReminderRules)
    .values({ ...values, workspaceId: ctx.workspaceId, id: uuidv7() })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'reminderRule', recordId: row!.id, before: null, after: row });
  return row!;
}

export async function updateReminderRule(tx: Executor, ctx: RequestContext, id: string, patch: Partial<ReminderRuleInput>): Promise<ReminderRule> {
  assertCan(ctx, 'service.configure');
  const before = await getReminderRule(tx, ctx, id);
  const merged = { ...before, ...patch, name: (patch.name ?? before.name).trim() };
  checkRule(merged);
  const [after] = await tx
    .update(serviceReminderRules)
    .set({ ...patch, name: merged.name, updatedAt: new Date() })
    .where(and(ws(ctx), eq(serviceReminderRules.id, id)))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'reminderRule', recordId: id, before, after });
  return after!;
}

/** Removes a rule; what it fired stays in the history. */
export async function deleteReminderRule(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'service.configure');
  const before = await getReminderRule(tx, ctx, id);
  await tx.delete(serviceReminderRules).where(and(ws(ctx), eq(serviceReminderRules.id, id)));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'reminderRule', recordId: id, before, after: null });
}

export const firedReminderListSpec: ListSpec = {
  fields: {
    ruleId: { column: serviceRemindersFired.ruleId, type: 'uuid' },
    accountId: { column: serviceRemindersFired.accountId, type: 'uuid' },
    contactId: { column: serviceRemindersFired.contactId, type: 'uuid' },
    orderId: { column: serviceRemindersFired.orderId, type: 'uuid' },
    firedAt: { column: serviceRemindersFired.firedAt, type: 'timestamp', sortable: true },
  },
  id: serviceRemindersFired.id,
  defaultSort: '-firedAt',
};

/** The reminders fired, newest first: what each rule did, for whom. */
export async function listFiredReminders(tx: Executor, ctx: RequestContext, params: ListParams) {
  const plan = planList(firedReminderListSpec, params);
  const rows = await tx
    .select()
    .from(serviceRemindersFired)
    .where(and(eq(serviceRemindersFired.workspaceId, ctx.workspaceId), plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit);
  return plan.page(rows);
}

export interface ReminderDeps {
  database: Database;
  jobs: JobQueue;
  publish: (message: RealtimeMessage) => Promise<void>;
}

/**
 * The daily sweep: fires every enabled rule for each subject ending within its window (today, in the
 * workspace's time zone, to today + N days). A day the sweep missed is caught up on the next one, since the
 * window reaches back to today. Takes an optional workspace (tests, "run now"). Returns how many fired.
 */
export async function sweepReminders(deps: ReminderDeps, now = new Date(), onlyWorkspaceId?: string): Promise<number> {
  const workspaces = await asSystem(deps.database.db, (tx) =>
    tx
      .selectDistinct({ workspaceId: serviceReminderRules.workspaceId })
      .from(serviceReminderRules)
      .where(and(eq(serviceReminderRules.enabled, true), onlyWorkspaceId ? eq(serviceReminderRules.workspaceId, onlyWorkspaceId) : undefined)),
  );
  let fired = 0;
  for (const { workspaceId } of workspaces) {
    const ctx = await contextOfIntegration(deps.database, workspaceId);
    if (ctx) fired += await sweepWorkspace(deps, ctx, now);
  }
  return fired;
}

async function sweepWorkspace(deps: ReminderDeps, ctx: RequestContext, now: Date): Promise<number> {
  const rules = (await inWorkspace(deps.database.db, ctx.workspaceId, (tx) => listReminderRules(tx, ctx))).filter((r) => r.enabled);
  let fired = 0;
  for (const rule of rules) {
    for (let offset = 0; ; offset += PAGE) {
      const due = await inWorkspace(deps.database.db, ctx.workspaceId, async (tx) => {
        const window = await windowOf(tx, ctx, rule.daysBefore, now);
        const subjects = await REMINDER_SOURCES[rule.trigger](tx, ctx, { ...window, limit: PAGE, offset });
        const done = subjects.length
          ? new Set(
              (
                await tx
                  .select({ key: serviceRemindersFired.subjectKey })
                  .from(serviceRemindersFired)
                  .where(and(eq(serviceRemindersFired.workspaceId, ctx.workspaceId), eq(serviceRemindersFired.ruleId, rule.id), inArray(serviceRemindersFired.subjectKey, subjects.map((s) => s.key))))
              ).map((r) => r.key),
            )
          : new Set<string>();
        return { subjects, pending: subjects.filter((s) => !done.has(s.key)) };
      });
      // One transaction per subject: a crash loses at most the one in flight, and it fires on the next run.
      for (const subject of due.pending) if (await fireOnce(deps, ctx, rule, subject, now)) fired += 1;
      if (due.subjects.length < PAGE) break;
    }
  }
  return fired;
}

/** Today and today + N days where the workspace is. */
async function windowOf(tx: Executor, ctx: RequestContext, days: number, now: Date): Promise<{ from: string; to: string }> {
  const { rows } = (await tx.execute(sql`
    select (${now}::timestamptz at time zone ${ctx.timeZone})::date::text as "from",
           ((${now}::timestamptz at time zone ${ctx.timeZone})::date + ${days}::int)::text as "to"`)) as unknown as { rows: { from: string; to: string }[] };
  return rows[0]!;
}

/**
 * Claims (rule, subject) by inserting its fired row, then does what the rule asks in the same transaction.
 * A concurrent sweep's insert waits on the unique key and then finds it taken: false, nothing done twice.
 */
async function fireOnce(deps: ReminderDeps, ctx: RequestContext, rule: ReminderRule, subject: EndingSubject, now: Date): Promise<boolean> {
  const outcome = await inWorkspace(deps.database.db, ctx.workspaceId, async (tx) => {
    const [claimed] = await tx
      .insert(serviceRemindersFired)
      .values({
        workspaceId: ctx.workspaceId,
        id: uuidv7(),
        ruleId: rule.id,
        subjectKey: subject.key,
        endsOn: subject.endsOn,
        productId: subject.productId,
        productName: subject.productName,
        orderId: subject.orderId,
        orderNumber: subject.orderNumber,
        accountId: subject.accountId,
        contactId: subject.contactId,
        firedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!claimed) return null;
    const account = subject.accountId ? await getAccount(tx, ctx, subject.accountId).catch(() => null) : null;
    const contact = subject.contactId ? await getContact(tx, ctx, subject.contactId).catch(() => null) : null;
    const ownerId = account?.ownerId ?? contact?.ownerId ?? subject.fallbackOwnerId;
    const language = (contact ? await customerLanguage(tx, ctx, contact.id) : null) ?? (ctx.locale as Locale);
    const params = { product: subject.productName, date: subject.endsOn, order: subject.orderNumber ?? '', name: contact?.name ?? account?.name ?? '' };
    const staff = translator(ctx.locale as Locale);
    let taskId: string | null = null;
    if (rule.createTask && ownerId) {
      const record = account ? { recordType: 'account', recordId: account.id } : contact ? { recordType: 'contact', recordId: contact.id } : {};
      const task = await createTask(tx, ctx, { title: staff(`serviceReminders.task.${rule.trigger}`, params), notes: staff('serviceReminders.task.notes', { ...params, rule: rule.name }), ownerId, ...record });
      taskId = task.id;
    }
    let emailId: string | null = null;
    let emailSkipped: string | null = null;
    if (rule.emailCustomer) {
      const mail = await mailCustomer(tx, ctx, contact, language, rule.trigger, params);
      emailId = mail.id;
      emailSkipped = mail.skipped;
    }
    const [after] = await tx
      .update(serviceRemindersFired)
      .set({ ownerId, taskId, emailId, emailSkipped, language: rule.emailCustomer ? language : null })
      .where(and(eq(serviceRemindersFired.workspaceId, ctx.workspaceId), eq(serviceRemindersFired.id, claimed.id)))
      .returning();
    await recordAudit(tx, ctx, { action: 'create', recordType: 'firedReminder', recordId: claimed.id, before: null, after });
    const job = emailId ? await deps.jobs.enqueue(tx, ctx.workspaceId, null, EMAIL_SEND_JOB, { ids: [emailId], userId: null }) : null;
    const message: RealtimeMessage | null =
      rule.notifyOwner && ownerId
        ? { workspaceId: ctx.workspaceId, userIds: [ownerId], event: { type: 'service.reminder', trigger: rule.trigger, rule: rule.name, firedId: claimed.id, taskId, ...params, accountId: subject.accountId, contactId: subject.contactId, orderId: subject.orderId } }
        : null;
    return { job, message };
  });
  if (!outcome) return false;
  if (outcome.message) await deps.publish(outcome.message);
  if (outcome.job) await deps.jobs.dispatch(outcome.job, ctx.workspaceId, EMAIL_SEND_JOB);
  return true;
}

/** The language the customer last wrote to service in (contacts keep none of their own). */
async function customerLanguage(tx: Executor, ctx: RequestContext, contactId: string): Promise<Locale | null> {
  const [row] = await tx
    .select({ language: cases.language })
    .from(cases)
    .where(and(eq(cases.workspaceId, ctx.workspaceId), eq(cases.contactId, contactId), isNotNull(cases.language)))
    .orderBy(desc(cases.createdAt))
    .limit(1);
  return row?.language ?? null;
}

/** Queues the customer's mail through the workspace's account; says why when it cannot go. */
async function mailCustomer(tx: Executor, ctx: RequestContext, contact: { id: string; email: string | null } | null, language: Locale, trigger: ReminderTrigger, params: Record<string, string>): Promise<{ id: string | null; skipped: string | null }> {
  if (!contact) return { id: null, skipped: 'no_contact' };
  if (!contact.email) return { id: null, skipped: 'no_email' };
  const t = translator(language);
  const mails = await queueEmails(tx, { ...ctx, locale: language }, { contactIds: [contact.id], subject: t(`serviceReminders.mail.${trigger}.subject`, params), body: t(`serviceReminders.mail.${trigger}.body`, params) }).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 409) return null;
    throw err;
  });
  return mails?.[0] ? { id: mails[0].id, skipped: null } : { id: null, skipped: 'no_mail_account' };
}
