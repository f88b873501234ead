import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Role } from '../../../contracts/roles.js';
import type { RequestContext } from '../auth/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError, notFound } from '../errors/app-error.js';
import { planList, type ListParams, type ListSpec } from '../http/list-query.js';
import { assertCan } from '../permissions/policy.js';
import { assertTeam } from './membership-checks.js';
import { memberships, users } from './tenancy.tables.js';

const memberColumns = {
  userId: memberships.userId,
  id: memberships.userId,
  email: users.email,
  name: users.name,
  avatar: users.avatar,
  role: memberships.role,
  status: memberships.status,
  teamId: memberships.teamId,
  createdAt: memberships.createdAt,
};


const memberListSpec: ListSpec = {
  fields: {
    name: { column: users.name, type: 'text', sortable: true },
    email: { column: users.email, type: 'text', sortable: true },
    createdAt: { column: memberships.createdAt, type: 'timestamp', sortable: true },
    role: { column: memberships.role, type: 'text' },
    status: { column: memberships.status, type: 'text' },
    teamId: { column: memberships.teamId, type: 'uuid' },
  },
  id: memberships.userId,
  defaultSort: 'createdAt',
};

export async function listMembers(tx: Executor, ctx: RequestContext, params: ListParams) {
  assertCan(ctx, 'members.read');
  const plan = planList(memberListSpec, params);
  const rows = await tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit);
  return plan.page(rows);
}

export async function getMember(tx: Executor, ctx: RequestContext, userId: string) {
  assertCan(ctx, 'members.read');
  const [member] = await tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
  if (!member) throw notFound('member');
  return member;
}

/** The workspace's active admins (those who may approve or be told what nobody else may). */
export async function activeAdminIds(tx: Executor, ctx: RequestContext): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.role, 'admin'), eq(memberships.status, 'active')));
  return rows.map((row) => row.userId);
}

/** Refuses a change that would leave the workspace without an active admin. */
async function assertAnotherActiveAdmin(tx: Executor, ctx: RequestContext, userId: string): Promise<void> {
  const [{ count }] = (await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.workspaceId, ctx.workspaceId),
        eq(memberships.role, 'admin'),
        eq(memberships.status, 'active'),
        ne(memberships.userId, userId),
      ),
    )) as [{ count: number }];
  if (count === 0) throw new AppError('LAST_ADMIN', 409);
}

async function changeMembership(
  tx: Executor,
  ctx: RequestContext,
  userId: string,
  patch: Partial<{ role: Role; teamId: string | null; status: 'active' | 'deactivated' }>,
){
  assertCan(ctx, 'members.manage');
  const before = await getMember(tx, ctx, userId);
  const losesAdmin = before.role === 'admin' && before.status === 'active' && ((patch.role && patch.role !== 'admin') || patch.status === 'deactivated');
  if (losesAdmin) await assertAnotherActiveAdmin(tx, ctx, userId);
  await tx
    .update(memberships)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
  const after = await getMember(tx, ctx, userId);
  await recordAudit(tx, ctx, { action: 'update', recordType: 'member', recordId: userId, before, after });
  return after;
}

export async function updateMember(tx: Executor, ctx: RequestContext, userId: string, patch: { role?: Role; teamId?: string | null }) {
  await assertTeam(tx, ctx, patch.teamId, 'teamId');
  return changeMembership(tx, ctx, userId, patch);
}

/** A deactivated member can no longer sign in to this workspace; their records stay. */
export function setMemberActive(tx: Executor, ctx: RequestContext, userId: string, active: boolean) {
  return changeMembership(tx, ctx, userId, { status: active ? 'active' : 'deactivated' });
}

/** Active members having one of these addresses, by lower-cased address (who in a mail is one of us). */
export async function membersByEmail(tx: Executor, ctx: RequestContext, addresses: string[]): Promise<Map<string, { userId: string; name: string }>> {
  const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({ userId: memberships.userId, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.status, 'active'), inArray(sql`lower(${users.email})`, wanted)));
  return new Map(rows.map((r) => [r.email.toLowerCase(), { userId: r.userId, name: r.name }]));
}
