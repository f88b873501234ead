import { and, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.js';
import { asSystem } from '../../db/transaction.js';
import { AppError, forbidden, unauthenticated } from '../errors/app-error.js';
import { localeFromAcceptLanguage, isLocale } from '../i18n/i18n.js';
import { memberships, users, workspaces } from '../tenancy/tenancy.tables.js';
import { apiKeys, sessions } from './auth.tables.js';
import type { RequestContext } from './context.js';
import { hashToken } from './tokens.js';

export const SESSION_COOKIE = 'guanxi_session';
export const API_KEY_PREFIX = 'gx_';

async function contextFromSession(database: Database, token: string, request: FastifyRequest): Promise<RequestContext | null> {
  const [row] = await asSystem(database.db, (tx) =>
    tx
      .select({
        workspaceId: sessions.workspaceId,
        userId: sessions.userId,
        role: memberships.role,
        status: memberships.status,
        teamId: memberships.teamId,
        userLocale: users.locale,
        userTimeZone: users.timeZone,
        workspaceLocale: workspaces.defaultLocale,
        workspaceTimeZone: workspaces.timeZone,
        country: workspaces.defaultCountry,
      })
      .from(sessions)
      .innerJoin(memberships, and(eq(memberships.workspaceId, sessions.workspaceId), eq(memberships.userId, sessions.userId)))
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(workspaces, eq(workspaces.id, sessions.workspaceId))
      .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date()))),
  );
  if (!row || row.status !== 'active') return null;
  return {
    workspaceId: row.workspaceId,
    userId: row.userId,
    apiKeyId: null,
    role: row.role as RequestContext['role'],
    teamId: row.teamId,
    locale: (isLocale(row.userLocale) && row.userLocale) || localeFromAcceptLanguage(request.headers['accept-language']) || (row.workspaceLocale as RequestContext['locale']),
    timeZone: row.userTimeZone ?? row.workspaceTimeZone,
    country: row.country,
  };
}

async function contextFromApiKey(database: Database, key: string, request: FastifyRequest): Promise<RequestContext | null> {
  const keyHash = hashToken(key);
  const found = await asSystem(database.db, async (tx) => {
    const [row] = await tx
      .select({ id: apiKeys.id, workspaceId: apiKeys.workspaceId, scopes: apiKeys.scopes, locale: workspaces.defaultLocale, timeZone: workspaces.timeZone, country: workspaces.defaultCountry })
      .from(apiKeys)
      .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
      .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
    if (row) await tx.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.keyHash, keyHash));
    return row;
  });
  if (!found) return null;
  return {
    workspaceId: found.workspaceId,
    userId: null,
    apiKeyId: found.id,
    // A key acts with a fixed role: `write` may change any record, `read` only read. Neither manages the workspace.
    role: found.scopes.includes('write') ? 'manager' : 'read_only',
    teamId: null,
    locale: localeFromAcceptLanguage(request.headers['accept-language']) ?? (found.locale as RequestContext['locale']),
    timeZone: found.timeZone,
    country: found.country,
  };
}

/**
 * Resolves the caller from the session cookie or an `Authorization: Bearer gx_…` API key, and refuses
 * anonymous calls to non-public routes (401), and API keys on session-only routes (403).
 */
export function registerAuthentication(app: FastifyInstance, database: Database): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('preValidation', async (request) => {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const key = authorization.slice(7).trim();
      request.auth = key.startsWith(API_KEY_PREFIX) ? await contextFromApiKey(database, key, request) : null;
      if (!request.auth) throw unauthenticated();
      if (request.routeOptions.config.sessionOnly) throw forbidden();
      if (request.auth.role === 'read_only' && request.method !== 'GET' && request.method !== 'HEAD') throw forbidden();
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        request.auth = await contextFromSession(database, token, request);
        request.sessionToken = request.auth ? token : null;
      }
    }
    // Only the API needs a caller; the web app, its assets, the docs and health checks are public.
    const isApi = request.url.startsWith('/api/v1/') && request.routeOptions.url !== undefined;
    if (!request.auth && isApi && !request.routeOptions.config.public) throw unauthenticated();
  });
}

/** The caller of an authenticated route (the hook guarantees it). */
export function callerOf(request: FastifyRequest): RequestContext {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', 401);
  return request.auth;
}
