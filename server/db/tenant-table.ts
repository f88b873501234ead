import { sql } from 'drizzle-orm';
import { pgPolicy, pgRole, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The role tenant requests run as (SET LOCAL ROLE). Row-level security policies apply to it, so a query
 * that forgot its workspace filter still cannot read another tenant's rows. Created by migration 0000.
 */
export const appRole = pgRole('guanxi_app').existing();

const currentWorkspace = sql`nullif(current_setting('app.workspace_id', true), '')::uuid`;

/** `workspace_id` column: the first column of every business table and of its primary key. */
export const workspaceIdColumn = () => uuid('workspace_id').notNull();

/** RLS policy limiting the app role to the rows of the workspace set for the transaction. */
export function tenantPolicy(column = 'workspace_id') {
  const check = sql`${sql.identifier(column)} = ${currentWorkspace}`;
  return pgPolicy('tenant_isolation', { as: 'permissive', for: 'all', to: appRole, using: check, withCheck: check });
}

/**
 * The columns of an owned business record (platform/records/owned-records.ts): its owner, the recycle bin,
 * and when it was made and last changed.
 */
export const ownedRecordColumns = () => ({
  ownerId: uuid('owner_id'),
  deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
  deletedBy: uuid('deleted_by'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
