import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../auth/context.js';
import { invalidField } from '../errors/app-error.js';
import { memberships, teams } from './tenancy.tables.js';

/**
 * Refuses (400, naming `field`) a user id that is not an active member of the caller's workspace —
 * for owner and assignee fields, so no record can be given to a stranger or to another tenant's user.
 */
export async function assertActiveMember(tx: Executor, ctx: RequestContext, userId: string | null | undefined, field: string): Promise<void> {
  if (!userId) return;
  const [row] = await tx
    .select({ status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
  if (row?.status !== 'active') throw invalidField(field, 'invalid');
}

/** Refuses (400, naming `field`) a team id that is not a team of the caller's workspace. */
export async function assertTeam(tx: Executor, ctx: RequestContext, teamId: string | null | undefined, field: string): Promise<void> {
  if (!teamId) return;
  const [row] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.workspaceId, ctx.workspaceId), eq(teams.id, teamId)));
  if (!row) throw invalidField(field, 'invalid');
}
