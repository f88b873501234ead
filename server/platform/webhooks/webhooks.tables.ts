import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/** Where a workspace wants its events sent: a URL, the events it takes, and the secret that signs them. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    url: text('url').notNull(),
    /** `contact.create`, `interaction.*`, `*`… */
    events: text('events').array().notNull(),
    /** HMAC-SHA256 key of the `Guanxi-Signature` header; shown once when made. */
    secret: text('secret').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), tenantPolicy()],
).enableRLS();

/**
 * One event for one endpoint, written in the transaction of the change it reports (an outbox: nothing is
 * sent that did not commit, nothing committed goes unsent), then posted and retried with back-off; the
 * attempts are the delivery log admins read.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    endpointId: uuid('endpoint_id').notNull(),
    event: text('event').notNull(),
    payload: jsonb('payload').notNull(),
    /** pending → delivered, or failed after the last attempt. */
    status: text('status').$type<'pending' | 'delivered' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('webhook_deliveries_endpoint_idx').on(t.workspaceId, t.endpointId, t.createdAt.desc()),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    tenantPolicy(),
  ],
).enableRLS();
