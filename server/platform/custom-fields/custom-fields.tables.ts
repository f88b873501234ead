import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';
import type { CustomFieldType } from '../../../contracts/customers.js';

export type Labels = Partial<Record<'zh-CN' | 'zh-TW' | 'en', string>>;
export interface CustomFieldOptions {
  /** single_select / multi_select */
  choices?: { value: string; label: Labels }[];
  /** lookup: the record type it points at (contact, account…) */
  lookupType?: string;
  /** currency: ISO 4217 code of the amounts */
  currency?: string;
}

/**
 * A field an admin added to an object (contacts, accounts, and every object later modules add): one
 * mechanism for all of them. Values live in the object's `custom` JSONB column, keyed by `key`.
 */
export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    objectType: text('object_type').notNull(),
    /** API name: lower snake case, unique per object; never changes once created. */
    key: text('key').notNull(),
    label: jsonb('label').$type<Labels>().notNull(),
    type: text('type').$type<CustomFieldType>().notNull(),
    options: jsonb('options').$type<CustomFieldOptions>().notNull(),
    required: boolean('required').notNull().default(false),
    position: integer('position').notNull().default(0),
    /** Archived fields keep their values but leave forms and lists. */
    archivedAt: timestamp('archived_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('custom_field_key_idx').on(t.workspaceId, t.objectType, t.key),
    index('custom_field_object_idx').on(t.workspaceId, t.objectType, t.position),
    tenantPolicy(),
  ],
).enableRLS();
