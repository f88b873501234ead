import type { Locale, Role } from '../../../contracts/roles.js';
import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { pgPolicy } from 'drizzle-orm/pg-core';
import { appRole, tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/** A company using Guanxi: the tenant. Its settings are the defaults for its members. */
export const workspaces = pgTable(
  'workspaces',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    defaultCountry: text('default_country').notNull().default('CN'),
    defaultCurrency: text('default_currency').notNull().default('CNY'),
    defaultLocale: text('default_locale').$type<Locale>().notNull().default('zh-CN'),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  () => [tenantPolicy('id')],
).enableRLS();

/**
 * A person who signs in. Global (one identity across workspaces); what they may do in a workspace lives
 * in `memberships`. E-mail is stored lower-cased.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    /** null: follow the browser's language. */
    locale: text('locale').$type<Locale>(),
    /** null: the workspace's time zone. */
    timeZone: text('time_zone'),
    avatar: text('avatar'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    // The app role sees only users who are members of the current workspace.
    pgPolicy('member_of_workspace', {
      for: 'all',
      to: appRole,
      using: sql`exists (select 1 from memberships m where m.user_id = ${t.id}
        and m.workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)`,
    }),
  ],
).enableRLS();

export const teams = pgTable(
  'teams',
  {
    workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** Who leads it: forecasts, quotas and win/loss roll up to this manager. */
    managerId: uuid('manager_id'),
    /** The regional office or territory it covers (华东, Central…). */
    region: text('region'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), tenantPolicy()],
).enableRLS();

/** A user's place in a workspace: role, team and whether they may still sign in there. */
export const memberships = pgTable(
  'memberships',
  {
    workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    status: text('status').$type<'active' | 'deactivated'>().notNull().default('active'),
    teamId: uuid('team_id'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
    tenantPolicy(),
  ],
).enableRLS();

/** An invitation to join a workspace; the link carries a token of which only the hash is stored. */
export const invites = pgTable(
  'invites',
  {
    workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    role: text('role').$type<Role>().notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('invites_token_key').on(t.tokenHash),
    uniqueIndex('invites_open_email_key')
      .on(t.workspaceId, t.email)
      .where(sql`accepted_at is null`),
    tenantPolicy(),
  ],
).enableRLS();
