import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';
import type { ReportDefinition } from './reports.query.js';

export const REPORT_CHARTS = ['table', 'bar', 'line', 'pie', 'funnel', 'pivot', 'figure'] as const;
export type ReportChart = (typeof REPORT_CHARTS)[number];
export const SCHEDULE_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type ScheduleFrequency = (typeof SCHEDULE_FREQUENCIES)[number];

/** Mailing a report: how often, to which members (each gets it run under their own permissions). */
export interface ReportSchedule {
  frequency: ScheduleFrequency;
  recipientIds: string[];
  /** The whole report attached as a file (CSV or XLSX); absent or null: the rows in the mail only. */
  attachment?: 'csv' | 'xlsx' | null;
}

/** A saved report: a definition over one object, how it is drawn, who sees it, and its mailing. */
export const reports = pgTable(
  'reports',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Everyone in the workspace sees it (and runs it under their own permissions). */
    shared: boolean('shared').notNull().default(false),
    definition: jsonb('definition').$type<ReportDefinition>().notNull(),
    chart: text('chart').$type<ReportChart>().notNull().default('table'),
    schedule: jsonb('schedule').$type<ReportSchedule>(),
    /** When the scheduled mail goes next (08:00 workspace time); null: not scheduled. */
    nextSendAt: timestamp('next_send_at', { withTimezone: true, precision: 3 }),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('reports_owner_idx').on(t.workspaceId, t.ownerId),
    // The mailing sweep reads only the due ones, across workspaces.
    index('reports_next_send_idx').on(t.nextSendAt).where(sql`next_send_at is not null`),
    tenantPolicy(),
  ],
).enableRLS();
