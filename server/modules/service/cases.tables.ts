import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, pgView, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Locale } from '../../../contracts/roles.js';
import { ACTIVE_CASE_STATUSES, type CaseChannel, type CasePriority, type CaseStatus } from '../../../contracts/service.js';
import { sqlLiterals } from '../../db/sql-arrays.js';
import { ownedRecordColumns, tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/** One agent's standing when a case was routed: why they got it, or why not. */
export interface RoutingCandidate {
  userId: string;
  score: number;
  skillsMatched: string[];
  skillsMissing: string[];
  openCases: number;
  /** Why the agent could not take it: away, or at capacity. */
  excluded?: 'away' | 'at_capacity';
}

/** How a case was routed: the rule that chose the queue, the agent chosen and every candidate's score. */
export interface RoutingDecision {
  at: string;
  ruleId: string | null;
  queueId: string | null;
  agentId: string | null;
  skillsWanted: string[];
  candidates: RoutingCandidate[];
}

/** Live cases still being worked (their statuses are constants: a partial index's predicate cannot take parameters). */
const activeCase = (t: { status: AnyPgColumn; deletedAt: AnyPgColumn }) => sql`${t.status} in (${sqlLiterals(ACTIVE_CASE_STATUSES)}) and ${t.deletedAt} is null`;

/** A customer's request to the service centre: an inquiry, a repair, a complaint… worked until closed. */
export const cases = pgTable(
  'cases',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    /** Per workspace, from 1: shown with the workspace's prefix (CS-000123), quoted in mail subjects. */
    number: integer('number').notNull(),
    subject: text('subject').notNull(),
    description: text('description'),
    typeId: uuid('type_id'),
    channel: text('channel').$type<CaseChannel>().notNull(),
    priority: text('priority').$type<CasePriority>().notNull().default('normal'),
    status: text('status').$type<CaseStatus>().notNull().default('new'),
    /** The customer's language, for routing to agents who speak it. */
    language: text('language').$type<Locale>(),
    queueId: uuid('queue_id'),
    contactId: uuid('contact_id'),
    accountId: uuid('account_id'),
    productId: uuid('product_id'),
    /** An order of the orders module (no foreign key: modules reference each other by id). */
    orderId: uuid('order_id'),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true, precision: 3 }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, precision: 3 }),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** A duplicate merged into another case: closed, pointing at the survivor. */
    mergedInto: uuid('merged_into'),
    routing: jsonb('routing').$type<RoutingDecision>(),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    searchKeys: text('search_keys').array().notNull().default(sql`'{}'`),
    searchText: text('search_text').notNull().default(''),
    ...ownedRecordColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('cases_number_idx').on(t.workspaceId, t.number),
    index('cases_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('cases_status_idx').on(t.workspaceId, t.status, t.createdAt),
    index('cases_owner_idx').on(t.workspaceId, t.ownerId, t.status),
    index('cases_queue_idx').on(t.workspaceId, t.queueId, t.status),
    // Cases being worked, newest first, by queue, by agent or all: a few percent of the table, read by every queue
    // page. Without them each page of a queue sorts all its open cases, and a filter on other fields walks the
    // newest cases of the workspace, nearly all closed (bench/README.md, "Service").
    index('cases_active_queue_idx').on(t.workspaceId, t.queueId, t.createdAt, t.id).where(activeCase(t)),
    index('cases_active_owner_idx').on(t.workspaceId, t.ownerId, t.createdAt, t.id).where(activeCase(t)),
    index('cases_active_created_idx').on(t.workspaceId, t.createdAt, t.id).where(activeCase(t)),
    index('cases_contact_idx').on(t.workspaceId, t.contactId),
    index('cases_account_idx').on(t.workspaceId, t.accountId),
    index('cases_search_keys_idx').using('gin', t.workspaceId, t.searchKeys),
    index('cases_search_order_idx').on(t.workspaceId, sql`length(${t.subject})`, t.createdAt.desc(), t.id.desc()),
    index('cases_search_text_idx').using('gin', t.workspaceId, t.searchText.op('gin_trgm_ops')),
    tenantPolicy(),
  ],
).enableRLS();

/** The columns search reads, for the transaction's workspace only (see `contactsSearch`); created by hand in the migration. */
export const casesSearch = pgView('cases_search', {
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull(),
  ownerId: uuid('owner_id'),
  deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
  name: text('name').notNull(),
  searchKeys: text('search_keys').array().notNull(),
  searchText: text('search_text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
}).existing();

/**
 * Every status a case went through, with when and who: first-response, resolution and SLA durations
 * (time spent pending the customer included) are computed from it.
 */
export const caseStatusChanges = pgTable(
  'case_status_changes',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** null: the case was created with `toStatus`. */
    fromStatus: text('from_status').$type<CaseStatus>(),
    toStatus: text('to_status').$type<CaseStatus>().notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** null: done by the system (an e-mail from the customer reopening it). */
    changedBy: uuid('changed_by'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('case_status_changes_case_idx').on(t.workspaceId, t.caseId, t.changedAt),
    // The backlog over time (service reports): changes since a day, whatever the case.
    index('case_status_changes_at_idx').on(t.workspaceId, t.changedAt),
    tenantPolicy(),
  ],
).enableRLS();

/** The workspace's kinds of case; built-ins (`key`) are shown in the reader's language until `name` is set. */
export const caseTypes = pgTable(
  'case_types',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    key: text('key'),
    name: text('name'),
    position: integer('position').notNull().default(0),
    /** An inactive type is kept on old cases but offered for no new one. */
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('case_types_key_idx').on(t.workspaceId, t.key), tenantPolicy()],
).enableRLS();

/** A group of agents working one kind of case (repairs, VIP customers, English mail…). */
export const caseQueues = pgTable(
  'case_queues',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** Skills every case of the queue wants from its agent. */
    skills: text('skills').array().notNull().default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), tenantPolicy()],
).enableRLS();

export const caseQueueMembers = pgTable(
  'case_queue_members',
  {
    workspaceId: workspaceIdColumn(),
    queueId: uuid('queue_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.queueId, t.userId] }), index('case_queue_members_user_idx').on(t.workspaceId, t.userId), tenantPolicy()],
).enableRLS();

/** An agent's skills and availability for routing; no row: no skills, available, no cap. */
export const caseAgents = pgTable(
  'case_agents',
  {
    workspaceId: workspaceIdColumn(),
    userId: uuid('user_id').notNull(),
    skills: text('skills').array().notNull().default(sql`'{}'`),
    /** Away agents get no new cases (their open ones stay theirs). */
    away: boolean('away').notNull().default(false),
    /** The most open cases routing gives them; null: no cap. */
    capacity: integer('capacity'),
    /** When routing last gave them a case: equal scores go to who waited longest. */
    lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), tenantPolicy()],
).enableRLS();

/** What a routing rule matches; each list given must contain the case's value, absent lists match anything. */
export interface RoutingConditions {
  typeIds?: string[];
  productIds?: string[];
  languages?: Locale[];
  tiers?: string[];
  channels?: CaseChannel[];
}

/** Which queue a new case goes to: the first active rule (by position) whose conditions all hold. */
export const caseRoutingRules = pgTable(
  'case_routing_rules',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    conditions: jsonb('conditions').$type<RoutingConditions>().notNull().default(sql`'{}'::jsonb`),
    queueId: uuid('queue_id').notNull(),
    /** Skills the cases this rule matches want, beside their queue's. */
    skills: text('skills').array().notNull().default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), tenantPolicy()],
).enableRLS();

/** Service settings of a workspace; the row also holds the case number counter. */
export const serviceSettings = pgTable(
  'service_settings',
  {
    workspaceId: workspaceIdColumn(),
    numberPrefix: text('number_prefix').notNull().default('CS'),
    lastNumber: integer('last_number').notNull().default(0),
    /** Mail to these addresses (To or Cc) opens cases or threads into them. */
    supportAddresses: text('support_addresses').array().notNull().default(sql`'{}'`),
  },
  (t) => [primaryKey({ columns: [t.workspaceId] }), tenantPolicy()],
).enableRLS();
