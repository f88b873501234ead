import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/** A saved list view: which columns, filters and order, of which object; personal or shared. */
export const savedViews = pgTable(
  'saved_views',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    /** The list it belongs to: contacts, accounts, and the objects later modules add. */
    objectType: text('object_type').notNull(),
    name: text('name').notNull(),
    ownerId: uuid('owner_id').notNull(),
    shared: boolean('shared').notNull().default(false),
    /** `field:operator:value` terms, as the list API takes them. */
    filters: text('filters').array().notNull(),
    /** How the filters combine (`1 AND (2 OR 3)`); null: all must hold. */
    filterLogic: text('filter_logic'),
    sort: text('sort'),
    columns: text('columns').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('saved_views_object_idx').on(t.workspaceId, t.objectType), tenantPolicy()],
).enableRLS();
