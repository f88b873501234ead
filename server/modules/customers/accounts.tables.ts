import { sql } from 'drizzle-orm';
import { bigint, boolean, foreignKey, index, jsonb, pgTable, pgView, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';
import type { AccountSize, AccountTier, AccountType, ContactRole, CreditStatus, LifecycleStage } from '../../../contracts/customers.js';
import { contacts } from './contacts.tables.js';
import type { Address } from './addresses.js';

export type { Address };


/** An organization the workspace deals with: customer, prospect, partner, supplier or competitor. */
export const accounts = pgTable(
  'accounts',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    type: text('type').$type<AccountType>().notNull().default('prospect'),
    industry: text('industry'),
    size: text('size').$type<AccountSize>(),
    tier: text('tier').$type<AccountTier>(),
    region: text('region'),
    website: text('website'),
    /** E.164 */
    phone: text('phone'),
    email: text('email'),
    /** Parent organization, for group hierarchies. */
    parentId: uuid('parent_id'),
    creditStatus: text('credit_status').$type<CreditStatus>(),
    /** Minor units (fen, cents) of `currency`. */
    creditLimit: bigint('credit_limit', { mode: 'number' }),
    currency: text('currency'),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    source: text('source'),
    lifecycleStage: text('lifecycle_stage').$type<LifecycleStage>(),
    addresses: jsonb('addresses').$type<Address[]>().notNull().default(sql`'[]'::jsonb`),
    ownerId: uuid('owner_id'),
    /** Values of the workspace's custom fields, by key (platform/custom-fields). */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    searchKeys: text('search_keys').array().notNull().default(sql`'{}'`),
    searchText: text('search_text').notNull().default(''),
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
    deletedBy: uuid('deleted_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('accounts_name_idx').on(t.workspaceId, t.name, t.id),
    index('accounts_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('accounts_owner_idx').on(t.workspaceId, t.ownerId),
    index('accounts_parent_idx').on(t.workspaceId, t.parentId),
    index('accounts_search_keys_idx').using('gin', t.workspaceId, t.searchKeys),
    index('accounts_search_order_idx').on(t.workspaceId, sql`length(${t.name})`, t.createdAt.desc(), t.id.desc()),
    index('accounts_search_text_idx').using('gin', t.workspaceId, t.searchText.op('gin_trgm_ops')),
    tenantPolicy(),
  ],
).enableRLS();

/** The columns search reads, for the transaction's workspace only: see `contactsSearch` (migration 0013). */
export const accountsSearch = pgView('accounts_search', {
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull(),
  ownerId: uuid('owner_id'),
  deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
  name: text('name').notNull(),
  searchKeys: text('search_keys').array().notNull(),
  searchText: text('search_text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
}).existing();

/** Which contacts work at which accounts, in what role. A contact may belong to several accounts or none. */
export const accountContacts = pgTable(
  'account_contacts',
  {
    workspaceId: workspaceIdColumn(),
    accountId: uuid('account_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    role: text('role').$type<ContactRole>().notNull().default('other'),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.accountId, t.contactId] }),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
    index('account_contacts_contact_idx').on(t.workspaceId, t.contactId),
    tenantPolicy(),
  ],
).enableRLS();
