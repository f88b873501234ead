import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Locale } from '../../../contracts/roles.js';
import type { RequestContext } from '../auth/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { forbidden, notFound } from '../errors/app-error.js';
import { users } from './tenancy.tables.js';

export const profileColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  timeZone: users.timeZone,
  avatar: users.avatar,
};

export async function getProfile(tx: Executor, userId: string) {
  const [user] = await tx.select(profileColumns).from(users).where(eq(users.id, userId));
  if (!user) throw notFound('user');
  return user;
}

export interface ProfilePatch {
  name?: string;
  locale?: Locale | null;
  timeZone?: string | null;
  avatar?: string | null;
}

/** The caller's own profile: name, language, time zone, photo. Programs (API keys) have none. */
export async function updateProfile(tx: Executor, ctx: RequestContext, patch: ProfilePatch) {
  if (!ctx.userId) throw forbidden();
  const before = await getProfile(tx, ctx.userId);
  await tx
    .update(users)
    .set({ ...patch, ...(patch.name ? { name: patch.name.trim() } : {}), updatedAt: new Date() })
    .where(eq(users.id, ctx.userId));
  const after = await getProfile(tx, ctx.userId);
  // The photo is a data URL: log that it changed, not its bytes.
  const redact = (u: typeof before) => ({ ...u, avatar: u.avatar ? `[image ${u.avatar.length} bytes]` : null });
  await recordAudit(tx, ctx, { action: 'update', recordType: 'user', recordId: ctx.userId, before: redact(before), after: redact(after) });
  return after;
}
