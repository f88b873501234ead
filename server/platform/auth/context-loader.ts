import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { asSystem } from '../../db/transaction.js';
import { isLocale } from '../i18n/i18n.js';
import { memberships, users, workspaces } from '../tenancy/tenancy.tables.js';
import type { RequestContext } from './context.js';

/**
 * The context of a member acting outside a request — a background job started by them acts with their
 * role and scope, as the request that started it would have. Null when they are no longer an active member.
 */
export async function contextOfMember(database: Database, workspaceId: string, userId: string): Promise<RequestContext | null> {
  const [row] = await asSystem(database.db, (tx) =>
    tx
      .select({ role: memberships.role, status: memberships.status, teamId: memberships.teamId, locale: users.locale, userTimeZone: users.timeZone, workspaceLocale: workspaces.defaultLocale, timeZone: workspaces.timeZone, country: workspaces.defaultCountry })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))),
  );
  if (!row || row.status !== 'active') return null;
  return {
    workspaceId,
    userId,
    apiKeyId: null,
    role: row.role,
    teamId: row.teamId,
    locale: isLocale(row.locale) ? row.locale : row.workspaceLocale,
    timeZone: row.userTimeZone ?? row.timeZone,
    country: row.country,
  };
}

/**
 * The context of the product itself acting in a workspace for an outside system (mail arriving at its
 * address, a PBX's events): the role an API key of write scope has, no user. Null for an unknown workspace.
 */
export async function contextOfIntegration(database: Database, workspaceId: string): Promise<RequestContext | null> {
  const [row] = await asSystem(database.db, (tx) =>
    tx.select({ locale: workspaces.defaultLocale, timeZone: workspaces.timeZone, country: workspaces.defaultCountry }).from(workspaces).where(eq(workspaces.id, workspaceId)),
  );
  if (!row) return null;
  return { workspaceId, userId: null, apiKeyId: null, role: 'manager', teamId: null, locale: row.locale, timeZone: row.timeZone, country: row.country };
}
