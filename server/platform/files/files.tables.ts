import { customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Files kept by the product (e-mail attachments, later uploads), in the database so that the embedded and
 * the server mode keep them alike and backups hold them; object storage can take over behind the service.
 */
export const files = pgTable(
  'files',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** Hex SHA-256 of the content: the same attachment twice is stored once. */
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('files_sha256_idx').on(t.workspaceId, t.sha256), tenantPolicy()],
).enableRLS();
