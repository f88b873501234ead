import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Locale } from '../../../contracts/roles.js';
import type { Database, Executor } from '../../db/client.js';
import { asSystem, inWorkspace } from '../../db/transaction.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { contextOfIntegration } from '../../platform/auth/context-loader.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { JobQueue } from '../../platform/jobs/queue.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { getContact } from '../customers/index.js';
import { createTask, EMAIL_SEND_JOB, logInteraction, queueEmails } from '../interactions/index.js';
import { caseNumber, serviceSettingsOf } from './cases.service.js';
import { cases } from './cases.tables.js';
import { recordStationRating } from './stations.service.js';
import { caseSurveys, surveySettings } from './surveys.tables.js';
import { workOrders } from './work-orders.tables.js';

export type SurveySettings = typeof surveySettings.$inferSelect;
export type CaseSurvey = typeof caseSurveys.$inferSelect;
/** A link stays answerable this long after it was sent. */
const ANSWER_WINDOW_DAYS = 30;
const HOUR = 3_600_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function surveySettingsOf(tx: Executor, ctx: RequestContext): Promise<SurveySettings> {
  const [row] = await tx.select().from(surveySettings).where(eq(surveySettings.workspaceId, ctx.workspaceId));
  if (row) return row;
  await tx.insert(surveySettings).values({ workspaceId: ctx.workspaceId }).onConflictDoNothing();
  const [created] = await tx.select().from(surveySettings).where(eq(surveySettings.workspaceId, ctx.workspaceId));
  return created!;
}

export async function updateSurveySettings(tx: Executor, ctx: RequestContext, patch: Partial<Omit<SurveySettings, 'workspaceId' | 'updatedAt'>>): Promise<SurveySettings> {
  assertCan(ctx, 'service.configure');
  const before = await surveySettingsOf(tx, ctx);
  const [after] = await tx.update(surveySettings).set({ ...patch, updatedAt: new Date() }).where(eq(surveySettings.workspaceId, ctx.workspaceId)).returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'surveySettings', recordId: ctx.workspaceId, before, after });
  return after!;
}

/**
 * After a resolution (a case-changed listener): once per resolution, the survey to mail after the delay and
 * the agent's callback task (回访), by the workspace's rules. Nothing for a case without a contact.
 */
export async function followUpResolution(tx: Executor, ctx: RequestContext, caseId: string): Promise<void> {
  const [row] = await tx.select().from(cases).where(and(eq(cases.workspaceId, ctx.workspaceId), eq(cases.id, caseId)));
  if (!row || row.status !== 'resolved' || !row.resolvedAt || !row.contactId || row.deletedAt || row.mergedInto) return;
  const settings = await surveySettingsOf(tx, ctx);
  const [station] = await tx
    .select({ id: workOrders.stationId })
    .from(workOrders)
    .where(and(eq(workOrders.workspaceId, ctx.workspaceId), eq(workOrders.caseId, caseId), isNotNull(workOrders.stationId)))
    .orderBy(desc(workOrders.createdAt))
    .limit(1);
  const language: Locale = row.language ?? ((await getWorkspace(tx, ctx)).defaultLocale as Locale);
  const inserted = await tx
    .insert(caseSurveys)
    .values({
      workspaceId: ctx.workspaceId,
      id: uuidv7(),
      caseId,
      resolvedAt: row.resolvedAt,
      contactId: row.contactId,
      agentId: row.ownerId,
      stationId: station?.id ?? null,
      productId: row.productId,
      language,
      askNps: settings.askNps,
      sendAfter: new Date(row.resolvedAt.getTime() + settings.surveyDelayHours * HOUR),
      skippedReason: settings.surveysEnabled ? null : 'disabled',
    })
    .onConflictDoNothing()
    .returning();
  // Already followed up (the listener runs on every change of a resolved case).
  if (!inserted.length) return;
  const wantsCallback = settings.callbackAfterHours !== null && (!settings.callbackTypeIds.length || (row.typeId !== null && settings.callbackTypeIds.includes(row.typeId)));
  if (wantsCallback && row.ownerId) {
    const number = caseNumber((await serviceSettingsOf(tx, ctx)).numberPrefix, row.number);
    const t = translator(language);
    await createTask(tx, ctx, {
      title: t('surveys.callbackTitle', { number, subject: row.subject }),
      recordType: 'case',
      recordId: caseId,
      ownerId: row.ownerId,
      dueAt: new Date(row.resolvedAt.getTime() + settings.callbackAfterHours! * HOUR),
    });
  }
}

/**
 * Mails the surveys whose delay is over: a fresh link per survey (only its hash is stored), in the case's
 * language, through the workspace's SMTP account; the send jobs are dispatched after the commit. A survey
 * that cannot go (no e-mail address, no mail account) is marked with the reason instead of being retried.
 */
export async function sendDueSurveys(deps: { database: Database; jobs: JobQueue; publicUrl: string }, now = new Date(), onlyWorkspaceId?: string): Promise<number> {
  const due = await asSystem(deps.database.db, (tx) =>
    tx
      .selectDistinct({ workspaceId: caseSurveys.workspaceId })
      .from(caseSurveys)
      .where(and(isNull(caseSurveys.sentAt), isNull(caseSurveys.skippedReason), isNull(caseSurveys.answeredAt), lte(caseSurveys.sendAfter, now), onlyWorkspaceId ? eq(caseSurveys.workspaceId, onlyWorkspaceId) : undefined)),
  );
  let sent = 0;
  for (const { workspaceId } of due) {
    const ctx = await contextOfIntegration(deps.database, workspaceId);
    if (!ctx) continue;
    const job = await inWorkspace(deps.database.db, workspaceId, async (tx) => {
      const surveys = await tx
        .select()
        .from(caseSurveys)
        .where(and(eq(caseSurveys.workspaceId, workspaceId), isNull(caseSurveys.sentAt), isNull(caseSurveys.skippedReason), isNull(caseSurveys.answeredAt), lte(caseSurveys.sendAfter, now)))
        .for('update', { skipLocked: true });
      const mailIds: string[] = [];
      for (const survey of surveys) {
        const mailId = await mailSurvey(tx, ctx, survey, deps.publicUrl, now);
        if (mailId) mailIds.push(mailId);
      }
      sent += mailIds.length;
      return mailIds.length ? await deps.jobs.enqueue(tx, workspaceId, null, EMAIL_SEND_JOB, { ids: mailIds, userId: null }) : null;
    });
    if (job) await deps.jobs.dispatch(job, workspaceId, EMAIL_SEND_JOB);
  }
  return sent;
}

async function mailSurvey(tx: Executor, ctx: RequestContext, survey: CaseSurvey, publicUrl: string, now: Date): Promise<string | null> {
  const skip = async (reason: string) => {
    await tx.update(caseSurveys).set({ skippedReason: reason }).where(and(eq(caseSurveys.workspaceId, ctx.workspaceId), eq(caseSurveys.id, survey.id)));
    return null;
  };
  const contact = survey.contactId ? await getContact(tx, ctx, survey.contactId).catch(() => null) : null;
  if (!contact?.email) return skip('no_email');
  const [row] = await tx.select().from(cases).where(and(eq(cases.workspaceId, ctx.workspaceId), eq(cases.id, survey.caseId)));
  if (!row) return skip('case_gone');
  const token = randomBytes(24).toString('base64url');
  const t = translator(survey.language);
  const number = caseNumber((await serviceSettingsOf(tx, ctx)).numberPrefix, row.number);
  const link = `${publicUrl}/survey/${token}`;
  const mails = await queueEmails(tx, { ...ctx, locale: survey.language }, {
    contactIds: [contact.id],
    subject: t('surveys.mail.subject', { number }),
    body: t('surveys.mail.body', { name: contact.name, number, subject: row.subject, link }),
  }).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 409) return null;
    throw err;
  });
  if (!mails) return skip('no_mail_account');
  await tx.update(caseSurveys).set({ sentAt: now, tokenHash: hashOf(token) }).where(and(eq(caseSurveys.workspaceId, ctx.workspaceId), eq(caseSurveys.id, survey.id)));
  return mails[0]!.id;
}

/** What the survey page shows, found by the link's token alone. */
export interface PublicSurvey {
  workspaceName: string;
  caseNumber: string;
  subject: string;
  language: Locale;
  askNps: boolean;
  answered: boolean;
}

async function surveyByToken(database: Database, token: string): Promise<CaseSurvey> {
  if (!/^[\w-]{20,64}$/.test(token)) throw new AppError('NOT_FOUND', 404, { resource: 'survey' });
  const [survey] = await asSystem(database.db, (tx) => tx.select().from(caseSurveys).where(eq(caseSurveys.tokenHash, hashOf(token))));
  if (!survey) throw new AppError('NOT_FOUND', 404, { resource: 'survey' });
  return survey;
}

export async function publicSurvey(database: Database, token: string): Promise<PublicSurvey> {
  const survey = await surveyByToken(database, token);
  const ctx = (await contextOfIntegration(database, survey.workspaceId))!;
  return inWorkspace(database.db, survey.workspaceId, async (tx) => {
    const [row] = await tx.select().from(cases).where(and(eq(cases.workspaceId, survey.workspaceId), eq(cases.id, survey.caseId)));
    return {
      workspaceName: (await getWorkspace(tx, ctx)).name,
      caseNumber: caseNumber((await serviceSettingsOf(tx, ctx)).numberPrefix, row?.number ?? 0),
      subject: row?.subject ?? '',
      language: survey.language,
      askNps: survey.askNps,
      answered: survey.answeredAt !== null,
    };
  });
}

export interface SurveyAnswer {
  csat: number;
  nps?: number | null;
  comment?: string | null;
}

/** Answers the survey of a mailed link. */
export async function answerSurvey(database: Database, token: string, answer: SurveyAnswer, now = new Date()): Promise<void> {
  await recordAnswer(database, await surveyByToken(database, token), answer, now);
}

/** A resolution's survey as its customer sees it in the portal (before or after the mail went). */
export interface ContactSurvey {
  id: string;
  caseId: string;
  askNps: boolean;
  answeredAt: Date | null;
  csat: number | null;
}

/** The surveys of a contact's cases still open for an answer, and those answered: the portal asks on the case itself. */
export async function surveysOfContact(tx: Executor, workspaceId: string, contactId: string, caseIds: string[]): Promise<ContactSurvey[]> {
  if (!caseIds.length) return [];
  return tx
    .select({ id: caseSurveys.id, caseId: caseSurveys.caseId, askNps: caseSurveys.askNps, answeredAt: caseSurveys.answeredAt, csat: caseSurveys.csat })
    .from(caseSurveys)
    .where(and(eq(caseSurveys.workspaceId, workspaceId), eq(caseSurveys.contactId, contactId), inArray(caseSurveys.caseId, caseIds)))
    .orderBy(desc(caseSurveys.resolvedAt));
}

/** Answers a survey from the portal, where the signed-in contact is the customer it was made for (anyone else: 404). */
export async function answerSurveyAsContact(database: Database, workspaceId: string, contactId: string, surveyId: string, answer: SurveyAnswer, now = new Date()): Promise<void> {
  const [survey] = await inWorkspace(database.db, workspaceId, (tx) =>
    tx.select().from(caseSurveys).where(and(eq(caseSurveys.workspaceId, workspaceId), eq(caseSurveys.id, surveyId), eq(caseSurveys.contactId, contactId))),
  );
  if (!survey) throw new AppError('NOT_FOUND', 404, { resource: 'survey' });
  await recordAnswer(database, survey, answer, now);
}

/**
 * Records the customer's answer, once: on the survey (the agent's and product's figures read it), on the
 * case's timeline as an internal note, and in the rating of the station that did the repair.
 */
async function recordAnswer(database: Database, survey: CaseSurvey, answer: SurveyAnswer, now: Date): Promise<void> {
  if (survey.answeredAt) throw new AppError('SURVEY_ANSWERED', 409);
  const askedAt = survey.sentAt ?? survey.resolvedAt;
  if (now.getTime() - askedAt.getTime() > ANSWER_WINDOW_DAYS * 24 * HOUR) throw new AppError('SURVEY_EXPIRED', 410, { days: ANSWER_WINDOW_DAYS });
  if (answer.nps !== undefined && answer.nps !== null && !survey.askNps) throw invalidField('nps', 'invalid', { reason: 'not asked' });
  const comment = answer.comment?.trim() || null;
  const ctx = (await contextOfIntegration(database, survey.workspaceId))!;
  await inWorkspace(database.db, survey.workspaceId, async (tx) => {
    // The row lock makes a double submit answer once: the second sees it answered.
    const claimed = await tx
      .update(caseSurveys)
      .set({ answeredAt: now, csat: answer.csat, nps: answer.nps ?? null, comment })
      .where(and(eq(caseSurveys.workspaceId, survey.workspaceId), eq(caseSurveys.id, survey.id), isNull(caseSurveys.answeredAt)))
      .returning();
    if (!claimed.length) throw new AppError('SURVEY_ANSWERED', 409);
    const t = translator(survey.language);
    await logInteraction(tx, ctx, {
      type: 'note',
      channel: 'other',
      direction: 'internal',
      subject: t('surveys.note.subject'),
      body: [t('surveys.note.csat', { score: answer.csat }), answer.nps !== undefined && answer.nps !== null ? t('surveys.note.nps', { score: answer.nps }) : null, comment].filter(Boolean).join('\n'),
      links: [{ recordType: 'case', recordId: survey.caseId }],
      participants: survey.contactId ? [{ kind: 'contact', id: survey.contactId, role: 'from' }] : [],
    });
    if (survey.stationId) await recordStationRating(tx, ctx, survey.stationId, answer.csat);
    await recordAudit(tx, ctx, { action: 'update', recordType: 'case', recordId: survey.caseId, before: { survey: null }, after: { survey: { csat: answer.csat, nps: answer.nps ?? null } } });
  });
}

export const SATISFACTION_GROUPS = ['agent', 'station', 'product'] as const;
export type SatisfactionGroup = (typeof SATISFACTION_GROUPS)[number];
const GROUP_COLUMN: Record<SatisfactionGroup, SQL> = { agent: sql`agent_id`, station: sql`station_id`, product: sql`product_id` };

export interface SatisfactionRow {
  key: string | null;
  sent: number;
  answered: number;
  /** Average CSAT 1–5. */
  csat: number | null;
  /** Net promoter score −100…100: % of 9–10 minus % of 0–6, of those who answered the question. */
  nps: number | null;
}

/** Satisfaction of the surveys answered in [from, to), per agent, station or product. */
export async function satisfaction(tx: Executor, ctx: RequestContext, query: { from: Date; to: Date; groupBy: SatisfactionGroup }): Promise<SatisfactionRow[]> {
  if (query.to <= query.from) throw invalidField('to', 'invalid', { reason: 'not after from' });
  const { rows } = (await tx.execute(sql`
    select ${GROUP_COLUMN[query.groupBy]}::text as key,
           count(*) filter (where sent_at is not null)::int as sent,
           count(*) filter (where answered_at is not null)::int as answered,
           round(avg(csat)::numeric, 2)::float8 as csat,
           round(100.0 * (count(*) filter (where nps >= 9) - count(*) filter (where nps <= 6)) / nullif(count(nps), 0))::int as nps
      from ${caseSurveys}
     where workspace_id = ${ctx.workspaceId} and coalesce(answered_at, sent_at) >= ${query.from} and coalesce(answered_at, sent_at) < ${query.to}
     group by 1 order by 1 nulls last`)) as unknown as { rows: SatisfactionRow[] };
  return rows;
}
