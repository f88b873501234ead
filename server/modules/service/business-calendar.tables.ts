import { sql } from 'drizzle-orm';
import { boolean, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';
import type { CalendarDay, TimeRange } from './business-calendar.js';

/**
 * A workspace's business hours: weekly ranges in a time zone, holidays and make-up working days. One per
 * workspace (SLA policies choose between it and around the clock); without a row the workspace works Monday
 * to Friday 09:00–18:00 in its own time zone. Days live in the row: a calendar is read whole for every clock.
 */
export const businessCalendars = pgTable(
  'business_calendars',
  {
    workspaceId: workspaceIdColumn(),
    timeZone: text('time_zone').notNull(),
    alwaysOpen: boolean('always_open').notNull().default(false),
    /** Seven lists of ranges, Monday first. */
    week: jsonb('week').$type<TimeRange[][]>().notNull(),
    /** Holidays and make-up working days, by date. */
    days: jsonb('days').$type<CalendarDay[]>().notNull().default(sql`'[]'`),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId] }), tenantPolicy()],
).enableRLS();
