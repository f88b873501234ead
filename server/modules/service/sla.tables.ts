import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CaseChannel, CasePriority } from '../../../contracts/service.js';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';
import type { SlaMetric, SlaTargets } from './sla.clocks.js';

/** Which cases a policy covers; each list given must contain the case's value, absent lists match anything. */
export interface SlaConditions {
  priorities?: CasePriority[];
  /** The case account's tier (A, B, C…). */
  tiers?: string[];
  typeIds?: string[];
  channels?: CaseChannel[];
}

/** What happens when a clock breaches, beside the breach being recorded. */
export interface SlaEscalation {
  /** Notify the case's assignee (also warned before the breach). */
  notifyAssignee: boolean;
  /** Notify the managers of the assignee's teams. */
  notifyManagers: boolean;
  /** Raise the case's priority one step (normal → high → urgent). */
  raisePriority: boolean;
}

/**
 * Response and resolution targets for the cases that match: the first active policy by position applies.
 * Targets are business minutes per priority (the workspace's business calendar, or around the clock).
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    conditions: jsonb('conditions').$type<SlaConditions>().notNull().default(sql`'{}'::jsonb`),
    targets: jsonb('targets').$type<Record<CasePriority, SlaTargets>>().notNull(),
    /** false: clocks run around the clock (24×7) whatever the workspace's business hours. */
    businessHours: boolean('business_hours').notNull().default(true),
    /** Warn the assignee this many business minutes before a breach; 0: no warning. */
    warnBeforeMinutes: integer('warn_before_minutes').notNull().default(30),
    escalation: jsonb('escalation').$type<SlaEscalation>().notNull().default(sql`'{"notifyAssignee":true,"notifyManagers":true,"raisePriority":false}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), tenantPolicy()],
).enableRLS();

/**
 * The SLA clocks of each case as last computed (see sla.clocks.ts): what lists, the case page and the
 * attainment report read, and what the sweep scans for warnings and breaches (by due time).
 */
export const caseSlaClocks = pgTable(
  'case_sla_clocks',
  {
    workspaceId: workspaceIdColumn(),
    caseId: uuid('case_id').notNull(),
    metric: text('metric').$type<SlaMetric>().notNull(),
    cycle: integer('cycle').notNull(),
    policyId: uuid('policy_id').notNull(),
    targetMinutes: integer('target_minutes').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }).notNull(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true, precision: 3 }),
    paused: boolean('paused').notNull().default(false),
    elapsedMinutes: integer('elapsed_minutes').notNull(),
    breached: boolean('breached').notNull().default(false),
    /** When the assignee was warned of the coming breach (once per clock). */
    warnedAt: timestamp('warned_at', { withTimezone: true, precision: 3 }),
    /** When the breach was escalated (once per clock). */
    escalatedAt: timestamp('escalated_at', { withTimezone: true, precision: 3 }),
    computedAt: timestamp('computed_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.caseId, t.metric, t.cycle] }),
    // The sweep: running clocks by due time.
    index('case_sla_clocks_running_idx').on(t.workspaceId, t.dueAt).where(sql`stopped_at is null and not paused`),
    // Attainment over a period.
    index('case_sla_clocks_started_idx').on(t.workspaceId, t.startedAt),
    tenantPolicy(),
  ],
).enableRLS();
