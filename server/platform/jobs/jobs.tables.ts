import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/**
 * What users see of a background job: state and progress. The queue itself (pg-boss) holds delivery;
 * this row is written in the caller's transaction, so an accepted job is never lost.
 */
export const jobs = pgTable(
  'jobs',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    /** queued → running → succeeded | failed */
    state: text('state').notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    total: integer('total'),
    result: jsonb('result'),
    error: text('error'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('jobs_state_idx').on(t.state), tenantPolicy()],
).enableRLS();
