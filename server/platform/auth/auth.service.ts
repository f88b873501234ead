import { and, eq, gt, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { Locale } from '../../../contracts/roles.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../errors/app-error.js';
import { createWorkspace } from '../tenancy/workspaces.service.js';
import { profileColumns } from '../tenancy/profile.service.js';
import { memberships, users, workspaces } from '../tenancy/tenancy.tables.js';
import { passwordResets, sessions } from './auth.tables.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';
import { hashToken, newToken } from './tokens.js';

// Every function here runs in a system transaction: sign-in happens before a workspace is chosen.

export const SESSION_DAYS = 30;
const RESET_MINUTES = 60;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Opens a session for the user in the workspace; returns the cookie token (only its hash is stored). */
export async function createSession(tx: Executor, userId: string, workspaceId: string): Promise<string> {
  const token = newToken();
  await tx.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    workspaceId,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  });
  return token;
}

export async function endSession(tx: Executor, token: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Creates a user and their workspace, the user as its admin. */
export async function signUp(
  tx: Executor,
  input: { workspaceName: string; name: string; email: string; password: string; locale?: Locale },
): Promise<{ userId: string; workspaceId: string }> {
  const email = normalizeEmail(input.email);
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (taken) throw new AppError('EMAIL_TAKEN', 409, {}, [{ field: 'email', code: 'taken' }]);
  const userId = uuidv7();
  await tx.insert(users).values({
    id: userId,
    email,
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password),
    locale: input.locale ?? null,
  });
  const workspace = await createWorkspace(tx, userId, {
    name: input.workspaceName.trim(),
    ...(input.locale ? { defaultLocale: input.locale } : {}),
  });
  await recordAudit(tx, { workspaceId: workspace.id, userId, apiKeyId: null }, { action: 'create', recordType: 'workspace', recordId: workspace.id, after: workspace });
  return { userId, workspaceId: workspace.id };
}

/**
 * Checks e-mail and password and picks the workspace: the one asked for, else the most recently joined
 * active membership. Wrong e-mail and wrong password answer alike, in the same time.
 */
export async function signIn(
  tx: Executor,
  input: { email: string; password: string; workspaceId?: string },
): Promise<{ userId: string; workspaceId: string }> {
  const [user] = await tx.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, normalizeEmail(input.email)));
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !valid) throw new AppError('INVALID_CREDENTIALS', 401);
  const rows = await tx
    .select({ workspaceId: memberships.workspaceId, status: memberships.status })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(memberships.createdAt);
  const candidates = input.workspaceId ? rows.filter((r) => r.workspaceId === input.workspaceId) : rows;
  const active = candidates.filter((r) => r.status === 'active');
  if (active.length === 0) throw new AppError(candidates.length ? 'ACCOUNT_DEACTIVATED' : 'INVALID_CREDENTIALS', 401);
  return { userId: user.id, workspaceId: active.at(-1)!.workspaceId };
}

/** The signed-in user, their current workspace and membership, and every workspace they may switch to. */
export async function describeSession(tx: Executor, userId: string, workspaceId: string) {
  const [user] = await tx.select(profileColumns).from(users).where(eq(users.id, userId));
  const [workspace] = await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  const all = await tx
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role, status: memberships.status, teamId: memberships.teamId })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(workspaces.name);
  const current = all.find((w) => w.id === workspaceId)!;
  return {
    user: user!,
    workspace: workspace!,
    membership: { role: current.role, status: current.status, teamId: current.teamId },
    workspaces: all.filter((w) => w.status === 'active').map(({ id, name, role }) => ({ id, name, role })),
  };
}

/** Moves a session to another workspace the user is an active member of. */
export async function switchWorkspace(tx: Executor, token: string, userId: string, workspaceId: string): Promise<void> {
  const [membership] = await tx
    .select({ status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)));
  if (!membership || membership.status !== 'active') throw new AppError('NOT_FOUND', 404, { resource: 'workspace' });
  await tx.update(sessions).set({ workspaceId }).where(eq(sessions.tokenHash, hashToken(token)));
}

/**
 * Starts a password reset. Returns the token to mail, or null for an unknown e-mail — the caller answers
 * the same either way, so the route cannot be used to probe which e-mails have accounts.
 */
export async function requestPasswordReset(tx: Executor, email: string): Promise<{ token: string; userId: string } | null> {
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email)));
  if (!user) return null;
  const token = newToken();
  await tx.insert(passwordResets).values({
    tokenHash: hashToken(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
  });
  return { token, userId: user.id };
}

/** Sets a new password with a reset token; the token is spent and every session of the user ends. */
export async function confirmPasswordReset(tx: Executor, token: string, password: string): Promise<void> {
  const [reset] = await tx
    .update(passwordResets)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
    .returning({ userId: passwordResets.userId });
  if (!reset) throw new AppError('RESET_TOKEN_INVALID', 400, {}, [{ field: 'token', code: 'invalid' }]);
  await tx.update(users).set({ passwordHash: await hashPassword(password), updatedAt: new Date() }).where(eq(users.id, reset.userId));
  await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
}
