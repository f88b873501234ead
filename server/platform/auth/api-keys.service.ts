import { and, desc, eq, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { ApiKeyScope } from '../../../contracts/roles.js';
import { recordAudit } from '../audit/audit.service.js';
import { notFound } from '../errors/app-error.js';
import { assertCan } from '../permissions/policy.js';
import { apiKeys } from './auth.tables.js';
import { API_KEY_PREFIX } from './authenticate.js';
import type { RequestContext } from './context.js';
import { hashToken, newToken } from './tokens.js';

const keyColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
};

/** Creates a key; the secret is returned this once and only its hash is kept. */
export async function createApiKey(tx: Executor, ctx: RequestContext, input: { name: string; scopes: ApiKeyScope[] }) {
  assertCan(ctx, 'apiKeys.manage');
  const key = newToken(API_KEY_PREFIX);
  const [row] = await tx
    .insert(apiKeys)
    .values({
      workspaceId: ctx.workspaceId,
      id: uuidv7(),
      name: input.name.trim(),
      prefix: key.slice(0, API_KEY_PREFIX.length + 6),
      keyHash: hashToken(key),
      scopes: [...new Set(input.scopes)],
      createdBy: ctx.userId!,
    })
    .returning(keyColumns);
  await recordAudit(tx, ctx, { action: 'create', recordType: 'apiKey', recordId: row!.id, after: { name: row!.name, scopes: row!.scopes } });
  return { ...row!, key };
}

export async function listApiKeys(tx: Executor, ctx: RequestContext) {
  assertCan(ctx, 'apiKeys.manage');
  return tx
    .select(keyColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, ctx.workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.id));
}

/** Revokes a key at once: the next request with it gets a 401. */
export async function revokeApiKey(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'apiKeys.manage');
  const [revoked] = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.workspaceId, ctx.workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ name: apiKeys.name });
  if (!revoked) throw notFound('apiKey');
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'apiKey', recordId: id, before: revoked });
}
