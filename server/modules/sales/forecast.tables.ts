import { sql } from 'drizzle-orm';
import { bigint, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ForecastCategory } from '../../../contracts/sales.js';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/** What a member or a team is expected to close in a month, set by managers. Quarters add up their months. */
export const salesQuotas = pgTable(
  'sales_quotas',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    subjectType: text('subject_type').$type<'user' | 'team'>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The first day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    /** Minor units of `currency`. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('sales_quotas_subject_idx').on(t.workspaceId, t.subjectType, t.subjectId, t.month, t.currency),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * The forecast as it stood on a day (taken weekly): per owner, month of expected close and category, the
 * open or won amount and its weighted value — so that how the forecast moved over a quarter can be shown.
 */
export const forecastSnapshots = pgTable(
  'forecast_snapshots',
  {
    workspaceId: workspaceIdColumn(),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    ownerId: uuid('owner_id').notNull().default(sql`'00000000-0000-0000-0000-000000000000'`),
    month: date('month', { mode: 'string' }).notNull(),
    category: text('category').$type<ForecastCategory>().notNull(),
    currency: text('currency').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    weighted: bigint('weighted', { mode: 'number' }).notNull(),
    deals: bigint('deals', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.takenOn, t.ownerId, t.month, t.category, t.currency] }),
    index('forecast_snapshots_month_idx').on(t.workspaceId, t.month, t.takenOn),
    tenantPolicy(),
  ],
).enableRLS();
