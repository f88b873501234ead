import { and, asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../auth/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError, notFound } from '../errors/app-error.js';
import { assertCan } from '../permissions/policy.js';
import { cleanText } from '../text.js';
import { assertActiveMember } from './membership-checks.js';
import { memberships, teams } from './tenancy.tables.js';

export type Team = typeof teams.$inferSelect;
export interface TeamInput {
  name: string;
  managerId?: string | null;
  region?: string | null;
}

const byId = (ctx: RequestContext, id: string) => and(eq(teams.workspaceId, ctx.workspaceId), eq(teams.id, id));

/** Teams with how many members each has; everyone who may see members may see teams. */
export async function listTeams(tx: Executor, ctx: RequestContext): Promise<(Team & { memberCount: number })[]> {
  assertCan(ctx, 'members.read');
  return tx
    .select({
      workspaceId: teams.workspaceId,
      id: teams.id,
      name: teams.name,
      managerId: teams.managerId,
      region: teams.region,
      createdAt: teams.createdAt,
      memberCount: sql<number>`(select count(*)::int from ${memberships} m where m.workspace_id = ${teams.workspaceId} and m.team_id = ${teams.id})`,
    })
    .from(teams)
    .where(eq(teams.workspaceId, ctx.workspaceId))
    .orderBy(asc(teams.name));
}

/** The manager of the member's team (none when they have no team or it has no manager, or they manage it themselves). */
export async function managerOf(tx: Executor, ctx: RequestContext, userId: string): Promise<string | null> {
  const [row] = await tx
    .select({ managerId: teams.managerId })
    .from(memberships)
    .innerJoin(teams, and(eq(teams.workspaceId, memberships.workspaceId), eq(teams.id, memberships.teamId)))
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
  return row?.managerId && row.managerId !== userId ? row.managerId : null;
}

export async function getTeam(tx: Executor, ctx: RequestContext, id: string): Promise<Team> {
  assertCan(ctx, 'members.read');
  const [row] = await tx.select().from(teams).where(byId(ctx, id));
  if (!row) throw notFound('team');
  return row;
}

async function assertNameFree(tx: Executor, ctx: RequestContext, name: string, exceptId?: string): Promise<void> {
  const [same] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, ctx.workspaceId), sql`lower(${teams.name}) = lower(${name})`, exceptId ? sql`${teams.id} <> ${exceptId}` : undefined));
  if (same) throw new AppError('CONFLICT', 409, {}, [{ field: 'name', code: 'taken' }]);
}

export async function createTeam(tx: Executor, ctx: RequestContext, input: TeamInput): Promise<Team> {
  assertCan(ctx, 'members.manage');
  const name = input.name.trim();
  await assertNameFree(tx, ctx, name);
  await assertActiveMember(tx, ctx, input.managerId, 'managerId');
  const [row] = await tx.insert(teams).values({ workspaceId: ctx.workspaceId, id: uuidv7(), name, managerId: input.managerId ?? null, region: cleanText(input.region) ?? null }).returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'team', recordId: row!.id, after: row! });
  return row!;
}

export async function updateTeam(tx: Executor, ctx: RequestContext, id: string, patch: Partial<TeamInput>): Promise<Team> {
  assertCan(ctx, 'members.manage');
  const before = await getTeam(tx, ctx, id);
  if (patch.name !== undefined) await assertNameFree(tx, ctx, patch.name.trim(), id);
  if (patch.managerId) await assertActiveMember(tx, ctx, patch.managerId, 'managerId');
  const [after] = await tx
    .update(teams)
    .set({
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.managerId !== undefined ? { managerId: patch.managerId } : {}),
      ...(patch.region !== undefined ? { region: cleanText(patch.region) ?? null } : {}),
    })
    .where(byId(ctx, id))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'team', recordId: id, before, after: after! });
  return after!;
}

/** Removes a team; its members stay, without a team. */
export async function deleteTeam(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'members.manage');
  const before = await getTeam(tx, ctx, id);
  await tx.update(memberships).set({ teamId: null }).where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.teamId, id)));
  await tx.delete(teams).where(byId(ctx, id));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'team', recordId: id, before });
}
