import { integer, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/**
 * The search keys common in a workspace's records of one type (estimated from a sample, refreshed daily): a
 * query class with such a key walks the order index straight away instead of probing thousands of matches
 * to find out (platform/search/key-stats.ts).
 */
export const searchKeyStats = pgTable(
  'search_key_stats',
  {
    workspaceId: workspaceIdColumn(),
    /** The search provider's record type: contact, account, … */
    recordType: text('record_type').notNull(),
    /** Keys with at least the provider's probe limit of matching records, by the estimate. */
    commonKeys: text('common_keys').array().notNull(),
    /** Records of the workspace counted in (after the recycle bin), and the share of them sampled. */
    records: integer('records').notNull(),
    sampledPercent: real('sampled_percent').notNull(),
    countedAt: timestamp('counted_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.recordType] }), tenantPolicy()],
).enableRLS();
