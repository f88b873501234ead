import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { Role } from '../../../contracts/roles.js';
import type { RequestContext } from '../auth/context.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError, notFound } from '../errors/app-error.js';
import { assertCan } from '../permissions/policy.js';
import { invites, memberships, users, workspaces } from './tenancy.tables.js';

const INVITE_DAYS = 14;

const inviteColumns = {
  id: invites.id,
  email: invites.email,
  role: invites.role,
  expiresAt: invites.expiresAt,
  createdAt: invites.createdAt,
};

/**
 * Invites `email` with `role`. Returns the invite with its one-time token: the link is shown to the admin
 * (so invitations work without e-mail) and can be sent by mail.
 */
export async function createInvite(tx: Executor, ctx: RequestContext, input: { email: string; role: Role }) {
  assertCan(ctx, 'members.manage');
  const email = input.email.trim().toLowerCase();
  const [existing] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(users.email, email)));
  if (existing) throw new AppError('ALREADY_MEMBER', 409, {}, [{ field: 'email', code: 'taken' }]);
  // A new invitation to the same address replaces the open one.
  await tx.delete(invites).where(and(eq(invites.workspaceId, ctx.workspaceId), eq(invites.email, email), isNull(invites.acceptedAt)));
  const token = newToken();
  const [invite] = await tx
    .insert(invites)
    .values({
      workspaceId: ctx.workspaceId,
      id: uuidv7(),
      email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: ctx.userId ?? ctx.workspaceId,
      expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000),
    })
    .returning(inviteColumns);
  await recordAudit(tx, ctx, { action: 'create', recordType: 'invite', recordId: invite!.id, after: { email, role: input.role } });
  return { ...invite!, token };
}

export async function listInvites(tx: Executor, ctx: RequestContext) {
  assertCan(ctx, 'members.manage');
  return tx
    .select(inviteColumns)
    .from(invites)
    .where(and(eq(invites.workspaceId, ctx.workspaceId), isNull(invites.acceptedAt), gt(invites.expiresAt, new Date())))
    .orderBy(desc(invites.id));
}

export async function revokeInvite(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'members.manage');
  const [deleted] = await tx
    .delete(invites)
    .where(and(eq(invites.workspaceId, ctx.workspaceId), eq(invites.id, id), isNull(invites.acceptedAt)))
    .returning({ email: invites.email, role: invites.role });
  if (!deleted) throw notFound('invite');
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'invite', recordId: id, before: deleted });
}

/** The open invitation behind a token, with its workspace's name. System transaction. */
export async function findOpenInvite(tx: Executor, token: string) {
  const [row] = await tx
    .select({ ...inviteColumns, workspaceId: invites.workspaceId, workspaceName: workspaces.name })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .where(and(eq(invites.tokenHash, hashToken(token)), isNull(invites.acceptedAt), gt(invites.expiresAt, new Date())));
  if (!row) throw new AppError('INVITE_INVALID', 404);
  return row;
}

/**
 * Accepts an invitation: creates the user, or, when an account with that e-mail exists, asks for its
 * password (the link is shown to admins too, so the token alone must not open someone's account), and
 * adds the membership. System transaction.
 */
export async function acceptInvite(tx: Executor, input: { token: string; name: string; password: string }) {
  const invite = await findOpenInvite(tx, input.token);
  const [existingUser] = await tx
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, invite.email));
  if (existingUser && !(await verifyPassword(existingUser.passwordHash, input.password))) {
    throw new AppError('INVALID_CREDENTIALS', 401, {}, [{ field: 'password', code: 'invalid' }]);
  }
  const userId = existingUser?.id ?? uuidv7();
  if (!existingUser) {
    await tx.insert(users).values({ id: userId, email: invite.email, name: input.name.trim(), passwordHash: await hashPassword(input.password) });
  }
  await tx
    .insert(memberships)
    .values({ workspaceId: invite.workspaceId, userId, role: invite.role })
    .onConflictDoNothing();
  await recordAudit(tx, { workspaceId: invite.workspaceId, userId, apiKeyId: null }, {
    action: 'create',
    recordType: 'member',
    recordId: userId,
    after: { email: invite.email, role: invite.role, inviteId: invite.id },
  });
  await tx.update(invites).set({ acceptedAt: new Date() }).where(and(eq(invites.workspaceId, invite.workspaceId), eq(invites.id, invite.id)));
  return { userId, workspaceId: invite.workspaceId };
}
