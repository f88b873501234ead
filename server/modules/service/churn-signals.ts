// What service knows about a customer about to leave, fed to analytics' churn risk: complaints still open,
// and recent satisfaction answers that were poor. A case counts for its account when it has one (the account
// is the customer who buys), otherwise for its contact (an individual consumer).

import { and, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { ACTIVE_CASE_STATUSES } from '../../../contracts/service.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import type { ChurnSignal } from '../analytics/index.js';
import { cases, caseTypes } from './cases.tables.js';
import { caseSurveys } from './surveys.tables.js';

const POINTS_PER_OPEN_COMPLAINT = 15;
const MAX_COMPLAINT_POINTS = 30;
/** Surveys answered in this window count; an old bad experience that was followed by good ones does not. */
const SATISFACTION_WINDOW_DAYS = 180;
/** A mean CSAT at or below this (on 1–5) is a signal: 2 → 20 points, 1 → 30. */
const LOW_CSAT = 2;

const DAY = 86_400_000;
const customerType = sql<'account' | 'contact'>`case when ${cases.accountId} is not null then 'account' else 'contact' end`;
const customerId = sql<string>`coalesce(${cases.accountId}, ${cases.contactId})`;

/** Open complaints per customer (created on or before the reference date): 15 points each, at most 30. */
async function openComplaints(tx: Executor, ctx: RequestContext, referenceDate: Date): Promise<ChurnSignal[]> {
  const rows = await tx
    .select({ customerType, customerId, count: sql<number>`count(*)::int` })
    .from(cases)
    .innerJoin(caseTypes, and(eq(caseTypes.workspaceId, cases.workspaceId), eq(caseTypes.id, cases.typeId)))
    .where(
      and(
        eq(cases.workspaceId, ctx.workspaceId),
        eq(caseTypes.key, 'complaint'),
        inArray(cases.status, [...ACTIVE_CASE_STATUSES]),
        isNull(cases.deletedAt),
        isNull(cases.mergedInto),
        lte(cases.createdAt, referenceDate),
        sql`coalesce(${cases.accountId}, ${cases.contactId}) is not null`,
      ),
    )
    .groupBy(customerType, customerId);
  return rows.map((row) => ({
    customerType: row.customerType,
    customerId: row.customerId,
    code: 'openComplaints',
    points: Math.min(MAX_COMPLAINT_POINTS, row.count * POINTS_PER_OPEN_COMPLAINT),
    params: { count: row.count },
  }));
}

/** A poor mean CSAT over the customer's surveys answered in the last half-year: (3 − mean) × 10 + 10 points. */
async function lowSatisfaction(tx: Executor, ctx: RequestContext, referenceDate: Date): Promise<ChurnSignal[]> {
  const rows = await tx
    .select({ customerType, customerId, mean: sql<string>`avg(${caseSurveys.csat})`, answers: sql<number>`count(*)::int` })
    .from(caseSurveys)
    .innerJoin(cases, and(eq(cases.workspaceId, caseSurveys.workspaceId), eq(cases.id, caseSurveys.caseId)))
    .where(
      and(
        eq(caseSurveys.workspaceId, ctx.workspaceId),
        isNotNull(caseSurveys.csat),
        gte(caseSurveys.answeredAt, new Date(referenceDate.getTime() - SATISFACTION_WINDOW_DAYS * DAY)),
        lte(caseSurveys.answeredAt, referenceDate),
        sql`coalesce(${cases.accountId}, ${cases.contactId}) is not null`,
      ),
    )
    .groupBy(customerType, customerId)
    .having(sql`avg(${caseSurveys.csat}) <= ${LOW_CSAT}`);
  return rows.map((row) => {
    const mean = Number(row.mean);
    return {
      customerType: row.customerType,
      customerId: row.customerId,
      code: 'lowSatisfaction',
      points: Math.round((3 - mean) * 10 + 10),
      params: { csat: Math.round(mean * 10) / 10, answers: row.answers },
    };
  });
}

export async function serviceChurnSignals(tx: Executor, ctx: RequestContext, referenceDate: Date): Promise<ChurnSignal[]> {
  return [...(await openComplaints(tx, ctx, referenceDate)), ...(await lowSatisfaction(tx, ctx, referenceDate))];
}
