import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/**
 * The customer self-service portal of a workspace: whether it is open, how it looks, what customers may
 * open. `portalKey` is the portal's public name in its address (/portal/<key>): workspaces have no slug, and
 * a random key reveals nothing about the workspace id.
 */
export const portalSettings = pgTable(
  'portal_settings',
  {
    workspaceId: workspaceIdColumn(),
    /** Customers may sign in at all. */
    enabled: boolean('enabled').notNull().default(false),
    /** Lower-case letters and digits; found before the workspace is known, hence unique across workspaces. */
    portalKey: text('portal_key').notNull(),
    /** The brand colour, `#rrggbb`. */
    color: text('color').notNull().default('#1677ff'),
    /** Shown above the sign-in form and on the portal's home. */
    welcomeText: text('welcome_text'),
    /** Case types customers may open (empty: every active type). */
    caseTypeIds: uuid('case_type_ids').array().notNull().default(sql`'{}'`),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId] }), uniqueIndex('portal_settings_key_idx').on(t.portalKey), tenantPolicy()],
).enableRLS();

/**
 * A customer's sign-in to the portal, tied to one contact of one workspace: everything they see is that
 * contact's. Not a member: staff users, sessions and roles are a separate world.
 */
export const portalAccounts = pgTable(
  'portal_accounts',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    contactId: uuid('contact_id').notNull(),
    /** The sign-in address, lower-case (the contact's e-mail when the account was made). */
    email: text('email').notNull(),
    /** Argon2id; null: the customer signs in by mailed link only. */
    passwordHash: text('password_hash'),
    /** A disabled account signs in no more (its sessions end with it). */
    disabledAt: timestamp('disabled_at', { withTimezone: true, precision: 3 }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('portal_accounts_email_idx').on(t.workspaceId, t.email),
    uniqueIndex('portal_accounts_contact_idx').on(t.workspaceId, t.contactId),
    tenantPolicy(),
  ],
).enableRLS();

/** A mailed sign-in link: only the token's hash is kept; it works once, for a quarter of an hour. */
export const portalLinks = pgTable(
  'portal_links',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('portal_links_token_idx').on(t.workspaceId, t.tokenHash), index('portal_links_account_idx').on(t.workspaceId, t.accountId), tenantPolicy()],
).enableRLS();

/** A customer's browser session in one workspace's portal (cookie `guanxi_portal`, token stored hashed). */
export const portalSessions = pgTable(
  'portal_sessions',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('portal_sessions_token_idx').on(t.workspaceId, t.tokenHash), index('portal_sessions_account_idx').on(t.workspaceId, t.accountId), tenantPolicy()],
).enableRLS();
