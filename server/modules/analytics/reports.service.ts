import { and, asc, eq, or, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { forbidden, invalidField, notFound } from '../../platform/errors/app-error.js';
import { assertActiveMember } from '../../platform/tenancy/membership-checks.js';
import { runDefinition, validateDefinition, type ReportDefinition, type ReportResult, type ReportScope } from './reports.query.js';
import { labelsOf } from './reports.labels.js';
import { reports, type ReportChart, type ReportSchedule } from './reports.tables.js';

export type Report = typeof reports.$inferSelect;

export interface ReportInput {
  name: string;
  description?: string | null;
  shared?: boolean;
  definition: ReportDefinition;
  chart?: ReportChart;
  schedule?: ReportSchedule | null;
}

/** A run's rows with readable names for the ids it groups by (owners, stages, accounts…). */
export type LabelledResult = ReportResult & { labels: Record<string, Record<string, string>> };

/** Runs a definition and names the ids in it, as the caller may read them. */
export async function runReportDefinition(tx: Executor, ctx: RequestContext, definition: ReportDefinition, scope: ReportScope = {}): Promise<LabelledResult> {
  const result = await runDefinition(tx, ctx, definition, scope);
  return { ...result, labels: await labelsOf(tx, ctx, result) };
}

/** The reports the caller sees: their own and the shared ones, by name. */
export function listReports(tx: Executor, ctx: RequestContext): Promise<Report[]> {
  return tx
    .select()
    .from(reports)
    .where(and(eq(reports.workspaceId, ctx.workspaceId), or(eq(reports.ownerId, ctx.userId ?? ctx.workspaceId), eq(reports.shared, true))))
    .orderBy(asc(reports.name), asc(reports.id));
}

/** A report the caller sees (theirs or shared); 404 otherwise. */
export async function getReport(tx: Executor, ctx: RequestContext, id: string): Promise<Report> {
  const [report] = await tx.select().from(reports).where(and(eq(reports.workspaceId, ctx.workspaceId), eq(reports.id, id)));
  if (!report || (report.ownerId !== ctx.userId && !report.shared)) throw notFound('report');
  return report;
}

/** Runs a saved report as the caller: a shared report shows each member only the rows they may read. */
export async function runReport(tx: Executor, ctx: RequestContext, id: string, scope: ReportScope = {}): Promise<{ report: Report; result: LabelledResult }> {
  const report = await getReport(tx, ctx, id);
  return { report, result: await runReportDefinition(tx, ctx, report.definition, scope) };
}

/** Shared reports are set up by those who lead (admins, managers), as shared list views are. */
function assertMayShare(ctx: RequestContext, shared: boolean | undefined): void {
  if (shared && ctx.role !== 'admin' && ctx.role !== 'manager') throw forbidden();
}

function assertMayEdit(ctx: RequestContext, report: Report): void {
  if (report.ownerId !== ctx.userId && !(report.shared && ctx.role === 'admin')) throw forbidden();
}

/**
 * Recipients must be active members; a personal report is mailed to its owner only (others could not open
 * it). Each recipient gets the rows their own role reads.
 */
async function checkSchedule(tx: Executor, ctx: RequestContext, schedule: ReportSchedule | null | undefined, shared: boolean, ownerId: string): Promise<void> {
  if (!schedule) return;
  const recipients = [...new Set(schedule.recipientIds)];
  for (const [i, id] of recipients.entries()) {
    await assertActiveMember(tx, ctx, id, `schedule.recipientIds.${i}`);
    if (!shared && id !== ownerId) throw invalidField(`schedule.recipientIds.${i}`, 'invalid');
  }
}

/** The next 08:00 in the workspace's time zone that starts a day, a week (Monday) or a month after `now`. */
export async function nextSendAt(tx: Executor, ctx: Pick<RequestContext, 'workspaceId'>, schedule: ReportSchedule | null, now: Date): Promise<Date | null> {
  if (!schedule) return null;
  const unit = { daily: 'day', weekly: 'week', monthly: 'month' }[schedule.frequency];
  const { rows } = (await tx.execute(sql`
    select ((date_trunc(${unit}, ${now.toISOString()}::timestamptz at time zone w.time_zone) + ${`1 ${unit}`}::interval + interval '8 hours') at time zone w.time_zone) as at
      from workspaces w where w.id = ${ctx.workspaceId}`)) as unknown as { rows: { at: Date | string }[] };
  return new Date(rows[0]!.at);
}

export async function createReport(tx: Executor, ctx: RequestContext, input: ReportInput): Promise<Report> {
  if (!ctx.userId) throw forbidden();
  assertMayShare(ctx, input.shared);
  await validateDefinition(tx, ctx, input.definition);
  await checkSchedule(tx, ctx, input.schedule, input.shared ?? false, ctx.userId);
  const [created] = await tx
    .insert(reports)
    .values({
      workspaceId: ctx.workspaceId,
      id: uuidv7(),
      ownerId: ctx.userId,
      name: input.name.trim(),
      description: input.description?.trim() || null,
      shared: input.shared ?? false,
      definition: input.definition,
      chart: input.chart ?? 'table',
      schedule: input.schedule ?? null,
      nextSendAt: await nextSendAt(tx, ctx, input.schedule ?? null, new Date()),
    })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'report', recordId: created!.id, after: created });
  return created!;
}

export async function updateReport(tx: Executor, ctx: RequestContext, id: string, patch: Partial<ReportInput>): Promise<Report> {
  const before = await getReport(tx, ctx, id);
  assertMayEdit(ctx, before);
  assertMayShare(ctx, patch.shared);
  if (patch.definition) await validateDefinition(tx, ctx, patch.definition);
  const schedule = patch.schedule === undefined ? before.schedule : patch.schedule;
  await checkSchedule(tx, ctx, schedule, patch.shared ?? before.shared, before.ownerId);
  const { name, description, ...rest } = patch;
  const [after] = await tx
    .update(reports)
    .set({
      ...rest,
      ...(name === undefined ? {} : { name: name.trim() }),
      ...(description === undefined ? {} : { description: description?.trim() || null }),
      ...(patch.schedule === undefined ? {} : { nextSendAt: await nextSendAt(tx, ctx, schedule, new Date()) }),
      updatedAt: new Date(),
    })
    .where(and(eq(reports.workspaceId, ctx.workspaceId), eq(reports.id, id)))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'report', recordId: id, before, after });
  return after!;
}

export async function deleteReport(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  const before = await getReport(tx, ctx, id);
  assertMayEdit(ctx, before);
  await tx.delete(reports).where(and(eq(reports.workspaceId, ctx.workspaceId), eq(reports.id, id)));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'report', recordId: id, before });
}
