import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Locale } from '../../../contracts/roles.js';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/** What happens after a case is resolved: a callback task (回访) for its agent, and a satisfaction survey to the customer. */
export const surveySettings = pgTable(
  'survey_settings',
  {
    workspaceId: workspaceIdColumn(),
    /** Send the survey at all. */
    surveysEnabled: boolean('surveys_enabled').notNull().default(true),
    /** Wait this long after the resolution before mailing the survey (the fix has had time to prove itself). */
    surveyDelayHours: integer('survey_delay_hours').notNull().default(2),
    /** Also ask the 0–10 "would you recommend us" question. */
    askNps: boolean('ask_nps').notNull().default(true),
    /** Give the agent a callback task this many hours after the resolution; null: no callback. */
    callbackAfterHours: integer('callback_after_hours').default(24),
    /** Only cases of these types get a callback (empty: every type). */
    callbackTypeIds: uuid('callback_type_ids').array().notNull().default(sql`'{}'`),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId] }), tenantPolicy()],
).enableRLS();

/**
 * One satisfaction survey of one resolution of a case: created when the case is resolved, mailed by the
 * sweep after the delay (the link's token is made then; only its hash is kept), answered once.
 */
export const caseSurveys = pgTable(
  'case_surveys',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** The resolution this survey is about: a reopened and resolved-again case gets a new survey. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true, precision: 3 }).notNull(),
    contactId: uuid('contact_id'),
    /** The agent who had the case when it was resolved. */
    agentId: uuid('agent_id'),
    /** The service station that did the repair, when a work order went to one. */
    stationId: uuid('station_id'),
    productId: uuid('product_id'),
    language: text('language').$type<Locale>().notNull(),
    askNps: boolean('ask_nps').notNull(),
    sendAfter: timestamp('send_after', { withTimezone: true, precision: 3 }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
    /** Why it could not be sent (the contact has no e-mail address, no mail account): shown, never retried blindly. */
    skippedReason: text('skipped_reason'),
    tokenHash: text('token_hash'),
    answeredAt: timestamp('answered_at', { withTimezone: true, precision: 3 }),
    csat: integer('csat'),
    nps: integer('nps'),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('case_surveys_resolution_idx').on(t.workspaceId, t.caseId, t.resolvedAt),
    // The public link finds its survey by the hash alone (the workspace is not known yet).
    uniqueIndex('case_surveys_token_idx').on(t.tokenHash),
    index('case_surveys_due_idx').on(t.sendAfter).where(sql`sent_at is null and skipped_reason is null`),
    index('case_surveys_answered_idx').on(t.workspaceId, t.answeredAt),
    tenantPolicy(),
  ],
).enableRLS();
