import { primaryKey, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/**
 * A member's private iCalendar feed: calendar apps fetch `/api/v1/public/calendar/<token>.ics` without a
 * session, so the token is the only key. Only its SHA-256 is kept (as for API keys): the URL is shown once.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    workspaceId: workspaceIdColumn(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** The last time a calendar app fetched it: tells the member whether a subscription is live. */
    lastFetchedAt: timestamp('last_fetched_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), uniqueIndex('calendar_feeds_token_idx').on(t.tokenHash), tenantPolicy()],
).enableRLS();
