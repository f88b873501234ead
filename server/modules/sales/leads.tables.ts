import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DisqualifyReason, LeadBehaviour, LeadRuleField, LeadRuleOperator, LeadStatus } from '../../../contracts/sales.js';
import { ownedRecordColumns, tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/** Why a lead has the score it has: one line per rule that gave points. */
export interface ScoreReason {
  ruleId: string;
  points: number;
  /** For behaviour rules: how many times it happened (capped by the rule). */
  times?: number;
}

/** Someone who might buy, not yet qualified: worked, scored and finally converted into customer records and a deal. */
export const leads = pgTable(
  'leads',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    company: text('company'),
    title: text('title'),
    email: text('email'),
    /** E.164 */
    phone: text('phone'),
    wechatId: text('wechat_id'),
    industry: text('industry'),
    region: text('region'),
    source: text('source'),
    description: text('description'),
    status: text('status').$type<LeadStatus>().notNull().default('new'),
    disqualifyReason: text('disqualify_reason').$type<DisqualifyReason>(),
    score: integer('score').notNull().default(0),
    scoreReasons: jsonb('score_reasons').$type<ScoreReason[]>().notNull().default(sql`'[]'::jsonb`),
    convertedAt: timestamp('converted_at', { withTimezone: true, precision: 3 }),
    convertedAccountId: uuid('converted_account_id'),
    convertedContactId: uuid('converted_contact_id'),
    convertedOpportunityId: uuid('converted_opportunity_id'),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    ...ownedRecordColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('leads_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('leads_owner_idx').on(t.workspaceId, t.ownerId, t.status),
    index('leads_score_idx').on(t.workspaceId, t.score, t.id),
    index('leads_email_idx').on(t.workspaceId, t.email),
    index('leads_phone_idx').on(t.workspaceId, t.phone),
    tenantPolicy(),
  ],
).enableRLS();

export interface RuleCondition {
  field: LeadRuleField;
  operator: LeadRuleOperator;
  /** Compared case-insensitively; unused by isSet. */
  values: string[];
}

/**
 * Who gets new leads: the first active rule (by position) whose conditions all hold hands the lead to its
 * members in turn (round-robin). A rule without conditions catches every lead: a territory of last resort.
 */
export const leadAssignmentRules = pgTable(
  'lead_assignment_rules',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    active: boolean('active').notNull().default(true),
    conditions: jsonb('conditions').$type<RuleCondition[]>().notNull().default(sql`'[]'::jsonb`),
    assignees: uuid('assignees').array().notNull(),
    /** How many leads the rule has handed out: the next goes to assignees[turns mod n]. */
    turns: integer('turns').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), tenantPolicy()],
).enableRLS();

/**
 * Points for a lead: a field rule gives `points` when its condition holds; a behaviour rule gives `points`
 * per interaction of its kind logged on the lead, at most `maxTimes` times.
 */
export const leadScoringRules = pgTable(
  'lead_scoring_rules',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    condition: jsonb('condition').$type<RuleCondition>(),
    behaviour: text('behaviour').$type<LeadBehaviour>(),
    points: integer('points').notNull(),
    maxTimes: integer('max_times').notNull().default(1),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), tenantPolicy()],
).enableRLS();
