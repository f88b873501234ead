import { and, eq, lte, isNotNull, sql } from 'drizzle-orm';
import { moneyText } from '../../../contracts/money.js';
import type { Locale } from '../../../contracts/roles.js';
import type { Database, Executor } from '../../db/client.js';
import { asSystem, inWorkspace } from '../../db/transaction.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import { storeFile } from '../../platform/files/files.service.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { JobQueue } from '../../platform/jobs/queue.js';
import { EMAIL_SEND_JOB, queueMemberMail } from '../interactions/index.js';
import { columnHeader, displayRows, EXPORT_CONTENT_TYPES, reportFile, type ReportExportFormat } from './reports.export.js';
import { nextSendAt, runReportDefinition, type LabelledResult, type Report } from './reports.service.js';
import { reports } from './reports.tables.js';

export interface ScheduleDeps {
  database: Database;
  jobs: JobQueue;
  /** Where the mail's link points (the app's public URL). */
  publicUrl: string;
}

/** Rows in a mail; the whole report is one click away. */
const MAIL_ROWS = 50;

/** The report as plain text: a heading, the first rows as `a · b · c` lines, and the link to the whole. */
export function reportMail(locale: Locale, report: Pick<Report, 'id' | 'name'>, result: LabelledResult, publicUrl: string): { subject: string; body: string } {
  const t = translator(locale);
  const lines = displayRows(result, (minor, currency) => moneyText(minor, currency, locale))
    .slice(0, MAIL_ROWS)
    .map((row) => row.map((v) => (v === null ? '—' : typeof v === 'number' ? v.toLocaleString(locale) : String(v))).join(' · '));
  return {
    subject: t('reports.mail.subject', { name: report.name }),
    body: [
      report.name,
      '',
      result.columns.map((c) => columnHeader(locale, c)).join(' · '),
      ...(lines.length ? lines : [t('reports.mail.empty')]),
      ...(result.rows.length > MAIL_ROWS || result.truncated ? ['…'] : []),
      '',
      t('reports.mail.open', { url: `${publicUrl}/reports/${report.id}` }),
      t('reports.mail.why'),
    ].join('\n'),
  };
}

/**
 * Mails the reports whose time has come. Each due report is claimed once (its next time moved forward in
 * an atomic update, so two processes never mail it twice); then it is run for each recipient under their
 * own role — nobody receives rows they could not read in the app — and their mail is queued in the same
 * transaction as the claim, with its send job. `onlyWorkspaceId` confines the sweep (tests on a shared
 * database). Returns how many reports went out.
 */
export async function sendDueReports({ database, jobs, publicUrl }: ScheduleDeps, now = new Date(), onlyWorkspaceId?: string): Promise<number> {
  const due = await asSystem(database.db, (tx) =>
    tx
      .select({ workspaceId: reports.workspaceId, id: reports.id, schedule: reports.schedule })
      .from(reports)
      .where(and(isNotNull(reports.nextSendAt), lte(reports.nextSendAt, now), onlyWorkspaceId ? eq(reports.workspaceId, onlyWorkspaceId) : undefined))
      .limit(500),
  );
  let sent = 0;
  for (const { workspaceId, id, schedule } of due) {
    // Each recipient as a member acting (their role and scope), read before the report's transaction opens.
    const recipients: RequestContext[] = [];
    for (const userId of schedule?.recipientIds ?? []) {
      const ctx = await contextOfMember(database, workspaceId, userId);
      if (ctx) recipients.push(ctx);
    }
    const jobId = await inWorkspace(database.db, workspaceId, async (tx) => {
      const report = await claim(tx, workspaceId, id, now);
      if (!report?.schedule) return null;
      const mailIds: string[] = [];
      for (const ctx of recipients) {
        if (!report.schedule.recipientIds.includes(ctx.userId!)) continue;
        const result = await runReportDefinition(tx, ctx, report.definition);
        const format = report.schedule.attachment;
        const mailId = await queueMemberMail(tx, workspaceId, ctx.userId!, async (locale) => ({
          ...reportMail(locale, report, result, publicUrl),
          ...(format ? { attachments: [await attachedFile(tx, ctx, format, locale, report.name, result)] } : {}),
        }));
        if (mailId) mailIds.push(mailId);
      }
      sent += 1;
      return mailIds.length ? jobs.enqueue(tx, workspaceId, null, EMAIL_SEND_JOB, { ids: mailIds, userId: null }) : null;
    });
    if (jobId) await jobs.dispatch(jobId, workspaceId, EMAIL_SEND_JOB);
  }
  return sent;
}

/** The whole report as a file in the recipient's language, stored in the workspace until the mail goes. */
async function attachedFile(tx: Executor, ctx: RequestContext, format: ReportExportFormat, locale: Locale, name: string, result: LabelledResult) {
  const contentType = EXPORT_CONTENT_TYPES[format];
  const filename = `${name}.${format}`;
  const file = await storeFile(tx, ctx, { name: filename, contentType, data: await reportFile(format, locale, name, result) });
  return { fileId: file.id, filename, contentType };
}

/** Moves a due report's next time forward, unless another process just did; returns it when claimed. */
async function claim(tx: Executor, workspaceId: string, id: string, now: Date): Promise<Report | null> {
  const [report] = await tx
    .select()
    .from(reports)
    .where(and(eq(reports.workspaceId, workspaceId), eq(reports.id, id), lte(reports.nextSendAt, now)))
    .for('update', { skipLocked: true });
  if (!report) return null;
  const next = await nextSendAt(tx, { workspaceId }, report.schedule, now);
  await tx.update(reports).set({ nextSendAt: next, lastSentAt: sql`${now.toISOString()}::timestamptz` }).where(and(eq(reports.workspaceId, workspaceId), eq(reports.id, id)));
  return report;
}
