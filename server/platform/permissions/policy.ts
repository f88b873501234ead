import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { RECORD_GRANTS, roleCan, type RecordAction, type Scope, type WorkspaceAction } from '../../../contracts/permissions.js';

export type { RecordAction, Scope, WorkspaceAction };
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../auth/context.js';
import { forbidden } from '../errors/app-error.js';
import { memberships } from '../tenancy/tenancy.tables.js';

export function can(ctx: RequestContext, action: WorkspaceAction): boolean {
  return roleCan(ctx.role, action);
}

/** Throws 403 unless the caller's role grants the workspace action. */
export function assertCan(ctx: RequestContext, action: WorkspaceAction): void {
  if (!can(ctx, action)) throw forbidden();
}

export function scopeOf(ctx: RequestContext, action: RecordAction): Scope {
  return RECORD_GRANTS[ctx.role][action];
}

/**
 * SQL condition restricting an owned table to the rows the caller may `action`, or undefined when all
 * rows are allowed. Throws 403 when the role has no scope for the action at all.
 */
export function ownershipFilter(ctx: RequestContext, action: RecordAction, ownerColumn: PgColumn | SQL): SQL | undefined {
  const scope = scopeOf(ctx, action);
  if (scope === 'none') throw forbidden();
  if (scope === 'all') return undefined;
  const me = ctx.userId ?? '00000000-0000-0000-0000-000000000000';
  if (scope === 'own' || !ctx.teamId) return sql`${ownerColumn} = ${me}`;
  return sql`(${ownerColumn} = ${me} or ${ownerColumn} in (select ${memberships.userId} from ${memberships}
    where ${memberships.workspaceId} = ${ctx.workspaceId} and ${memberships.teamId} = ${ctx.teamId}))`;
}

/**
 * Whether the caller may `action` a record owned by `ownerId`. For reads a false should become a 404
 * (never reveal that the record exists); for writes on a readable record, a 403.
 */
export async function mayActOn(tx: Executor, ctx: RequestContext, action: RecordAction, ownerId: string | null): Promise<boolean> {
  const scope = scopeOf(ctx, action);
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  if (ownerId !== null && ownerId === ctx.userId) return true;
  if (scope === 'own' || !ctx.teamId || ownerId === null) return false;
  const [owner] = await tx
    .select({ teamId: memberships.teamId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, ownerId)));
  return owner?.teamId === ctx.teamId;
}

/** Throws 403 unless the caller may `action` a record owned by `ownerId`. */
export async function assertMayActOn(tx: Executor, ctx: RequestContext, action: RecordAction, ownerId: string | null): Promise<void> {
  if (!(await mayActOn(tx, ctx, action, ownerId))) throw forbidden();
}
