import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

export type FieldChanges = Record<string, { old: unknown; new: unknown }>;

/** Who changed what, when: one row per create, update, delete or merge of any record. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    workspaceId: workspaceIdColumn(),
    /** UUIDv7: sorts by time. */
    id: uuid('id').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorApiKeyId: uuid('actor_api_key_id'),
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    changes: jsonb('changes').$type<FieldChanges>().notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('audit_log_record_idx').on(t.workspaceId, t.recordType, t.recordId, t.id),
    tenantPolicy(),
  ],
).enableRLS();
