import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, pgView, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { HandleType, LifecycleStage } from '../../../contracts/customers.js';
import type { Address } from './addresses.js';

export interface Handle {
  type: HandleType;
  value: string;
}
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/** A person the workspace deals with: at one or more accounts (account_contacts), or an individual consumer. */
export const contacts = pgTable(
  'contacts',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    company: text('company'),
    title: text('title'),
    email: text('email'),
    /** E.164 */
    phone: text('phone'),
    /** More addresses and numbers beyond the primary ones (lower-cased e-mails; E.164 phones). */
    otherEmails: text('other_emails').array().notNull().default(sql`'{}'`),
    otherPhones: text('other_phones').array().notNull().default(sql`'{}'`),
    department: text('department'),
    /** YYYY-MM-DD */
    birthday: date('birthday', { mode: 'string' }),
    wechatId: text('wechat_id'),
    /** Other messaging and social handles: QQ, WhatsApp, LINE, LinkedIn… */
    handles: jsonb('handles').$type<Handle[]>().notNull().default(sql`'[]'::jsonb`),
    addresses: jsonb('addresses').$type<Address[]>().notNull().default(sql`'[]'::jsonb`),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    source: text('source'),
    lifecycleStage: text('lifecycle_stage').$type<LifecycleStage>(),
    ownerId: uuid('owner_id'),
    /** Values of the workspace's custom fields, by key (platform/custom-fields). */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Exact-match search keys (platform/search/search-keys.ts), written with the record. */
    searchKeys: text('search_keys').array().notNull().default(sql`'{}'`),
    /** Normalized name, company and e-mail, for typo-tolerant trigram matching. */
    searchText: text('search_text').notNull().default(''),
    /**
     * Name and company as duplicates compare them (`nameCompanyKey`, contacts.duplicates.ts); null without a
     * company. An import checks a batch's names at their companies through its index in one lookup.
     */
    identityKey: text('identity_key'),
    /** Set when moved to the recycle bin; the row stays until purged, and can be restored. */
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
    deletedBy: uuid('deleted_by'),
    /** Set (with deletedAt) when this contact was merged into another. */
    mergedInto: uuid('merged_into'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('contacts_name_idx').on(t.workspaceId, t.name, t.id),
    index('contacts_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('contacts_owner_idx').on(t.workspaceId, t.ownerId),
    index('contacts_search_keys_idx').using('gin', t.workspaceId, t.searchKeys),
    // Search ranks ties shortest name first, then newest: an order this index serves, so that a key matching
    // thousands of contacts (王) reads a few rows in order instead of sorting them all (docs/search.md).
    index('contacts_search_order_idx').on(t.workspaceId, sql`length(${t.name})`, t.createdAt.desc(), t.id.desc()),
    index('contacts_search_text_idx').using('gin', t.workspaceId, t.searchText.op('gin_trgm_ops')),
    index('contacts_phone_idx').on(t.workspaceId, t.phone),
    index('contacts_email_idx').on(t.workspaceId, t.email),
    index('contacts_identity_idx').on(t.workspaceId, t.identityKey).where(sql`${t.identityKey} is not null and ${t.deletedAt} is null`),
    // Contacts written before the identity key existed: what the start-up backfill reads (empty once it ran).
    index('contacts_identity_missing_idx').on(t.workspaceId, t.id).where(sql`${t.identityKey} is null and ${t.company} is not null`),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * The columns search reads, for the workspace of the transaction only (`app.workspace_id`, the tenant
 * policy's own condition). Search and the duplicate finder query this view instead of the table because,
 * under row-level security, PostgreSQL may not use an index for an operator that is not leakproof — `&&`
 * on the search keys and pg_trgm's `<%` are not — and falls back to reading the whole table. The view
 * belongs to the migrating role, so the table's policy does not apply through it; its own WHERE does the
 * same job, and the app role may only read it. Created in migration 0013 (hand-written: drizzle-kit
 * leaves `.existing()` views alone).
 */
export const contactsSearch = pgView('contacts_search', {
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull(),
  ownerId: uuid('owner_id'),
  deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
  name: text('name').notNull(),
  searchKeys: text('search_keys').array().notNull(),
  searchText: text('search_text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
}).existing();

/** What each merge kept and what it set aside: values of merged records that the survivor did not take. */
export const mergeHistory = pgTable(
  'merge_history',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    recordType: text('record_type').notNull(),
    primaryId: uuid('primary_id').notNull(),
    mergedIds: uuid('merged_ids').array().notNull(),
    /** { mergedId: { field: value } } — every value not kept, so nothing is lost silently. */
    setAside: jsonb('set_aside').$type<Record<string, Record<string, unknown>>>().notNull(),
    mergedBy: uuid('merged_by'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('merge_history_primary_idx').on(t.workspaceId, t.recordType, t.primaryId), tenantPolicy()],
).enableRLS();

/**
 * A group of records the duplicate scan believes are the same customer, with its best pair score and
 * reasons, until someone merges or dismisses it.
 */
export const duplicateGroups = pgTable(
  'duplicate_groups',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    recordType: text('record_type').notNull(),
    recordIds: uuid('record_ids').array().notNull(),
    score: real('score').notNull(),
    reasons: text('reasons').array().notNull(),
    /** open | merged | dismissed */
    status: text('status').notNull().default('open'),
    scanJobId: uuid('scan_job_id'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('duplicate_groups_open_idx').on(t.workspaceId, t.recordType, t.status, t.score), tenantPolicy()],
).enableRLS();
