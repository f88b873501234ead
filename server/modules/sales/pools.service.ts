import { and, asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { RECORD_GRANTS } from '../../../contracts/permissions.js';
import type { PoolRecordType } from '../../../contracts/pools.js';
import { ROLES, type Role } from '../../../contracts/roles.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { assertCan, can } from '../../platform/permissions/policy.js';
import { cleanText } from '../../platform/text.js';
import { poolClaims, poolRecords, poolRoleLimits, pools } from './pools.tables.js';

export type Pool = typeof pools.$inferSelect;
export type PoolInput = Partial<Omit<Pool, 'workspaceId' | 'id' | 'createdAt' | 'updatedAt'>>;
export interface RoleLimit {
  role: Role;
  maxHeld: number | null;
  maxDailyClaims: number | null;
}

/** Pool sizes are counted up to this many (a tab says "10000+"): a count over a million waiting records is not worth its scan. */
export const SIZE_CAP = 10_000;

/**
 * Whether the caller may see and claim from a pool: a member who may own records (read-only and API keys
 * may not), of one of its roles and teams when it names any. Those who configure sales see every pool.
 */
export function mayUsePool(ctx: RequestContext, pool: Pool): boolean {
  if (can(ctx, 'sales.configure')) return true;
  if (!ctx.userId || RECORD_GRANTS[ctx.role].create === 'none') return false;
  if (pool.roles.length > 0 && !pool.roles.includes(ctx.role)) return false;
  return pool.teamIds.length === 0 || (ctx.teamId !== null && pool.teamIds.includes(ctx.teamId));
}

const byId = (ctx: RequestContext, id: string) => and(eq(pools.workspaceId, ctx.workspaceId), eq(pools.id, id));

/** A pool the caller may use; 404 otherwise (never reveal one that is not theirs). */
export async function getPool(tx: Executor, ctx: RequestContext, id: string): Promise<Pool> {
  const [pool] = await tx.select().from(pools).where(byId(ctx, id));
  if (!pool || !mayUsePool(ctx, pool)) throw notFound('pool');
  return pool;
}

/** The pools the caller may use, by position, each with how many records wait in it (counted up to SIZE_CAP). */
export async function listPools(tx: Executor, ctx: RequestContext): Promise<(Pool & { size: number })[]> {
  const rows = await tx.select().from(pools).where(eq(pools.workspaceId, ctx.workspaceId)).orderBy(asc(pools.position), asc(pools.createdAt));
  const usable = [];
  for (const pool of rows) if (mayUsePool(ctx, pool)) usable.push({ ...pool, size: await sizeOf(tx, ctx, pool.id) });
  return usable;
}

/** How many records wait in a pool, counted up to SIZE_CAP. */
export async function sizeOf(tx: Executor, ctx: RequestContext, poolId: string): Promise<number> {
  const { rows } = (await tx.execute(sql`
    select count(*)::int as n from (select 1 from ${poolRecords} where workspace_id = ${ctx.workspaceId} and pool_id = ${poolId} limit ${SIZE_CAP}) s`)) as unknown as { rows: { n: number }[] };
  return rows[0]!.n;
}

function poolColumns(input: PoolInput): PoolInput {
  const values: PoolInput = { ...input };
  if (input.name !== undefined) values.name = input.name.trim();
  if (input.description !== undefined) values.description = cleanText(input.description) ?? null;
  if (input.roles !== undefined) values.roles = [...new Set(input.roles)];
  if (input.teamIds !== undefined) values.teamIds = [...new Set(input.teamIds)];
  return values;
}

export async function createPool(tx: Executor, ctx: RequestContext, input: PoolInput & { name: string; recordType: PoolRecordType }): Promise<Pool> {
  assertCan(ctx, 'sales.configure');
  const [row] = await tx.insert(pools).values({ ...poolColumns(input), name: input.name.trim(), recordType: input.recordType, workspaceId: ctx.workspaceId, id: uuidv7() }).returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'pool', recordId: row!.id, after: row });
  return row!;
}

/** Changes a pool's name, members or rules; what it holds (accounts or leads) stays. */
export async function updatePool(tx: Executor, ctx: RequestContext, id: string, patch: Omit<PoolInput, 'recordType'>): Promise<Pool> {
  assertCan(ctx, 'sales.configure');
  const before = await getPool(tx, ctx, id);
  const [after] = await tx.update(pools).set({ ...poolColumns(patch), updatedAt: new Date() }).where(byId(ctx, id)).returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'pool', recordId: id, before, after });
  return after!;
}

/** Removes an empty pool: one still holding records, or whose claims are still running, is a 409. */
export async function deletePool(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'sales.configure');
  const before = await getPool(tx, ctx, id);
  const [waiting] = await tx.select({ id: poolRecords.recordId }).from(poolRecords).where(and(eq(poolRecords.workspaceId, ctx.workspaceId), eq(poolRecords.poolId, id))).limit(1);
  const [held] = await tx.select({ id: poolClaims.recordId }).from(poolClaims).where(and(eq(poolClaims.workspaceId, ctx.workspaceId), eq(poolClaims.poolId, id))).limit(1);
  if (waiting || held) throw new AppError('POOL_NOT_EMPTY', 409, { name: before.name });
  await tx.delete(pools).where(byId(ctx, id));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'pool', recordId: id, before });
}

/** The first pool of a type by position (where released records go when no pool is named), or null. */
export async function defaultPoolOf(tx: Executor, ctx: RequestContext, recordType: PoolRecordType): Promise<Pool | null> {
  const [pool] = await tx
    .select()
    .from(pools)
    .where(and(eq(pools.workspaceId, ctx.workspaceId), eq(pools.recordType, recordType)))
    .orderBy(asc(pools.position), asc(pools.createdAt))
    .limit(1);
  return pool ?? null;
}

/** What each role may take from pools (every role listed; null: no limit). */
export async function listRoleLimits(tx: Executor, ctx: RequestContext): Promise<RoleLimit[]> {
  const rows = await tx.select().from(poolRoleLimits).where(eq(poolRoleLimits.workspaceId, ctx.workspaceId));
  const byRole = new Map(rows.map((r) => [r.role, r]));
  return ROLES.map((role) => ({ role, maxHeld: byRole.get(role)?.maxHeld ?? null, maxDailyClaims: byRole.get(role)?.maxDailyClaims ?? null }));
}

export async function roleLimitOf(tx: Executor, ctx: RequestContext): Promise<RoleLimit> {
  const [row] = await tx.select().from(poolRoleLimits).where(and(eq(poolRoleLimits.workspaceId, ctx.workspaceId), eq(poolRoleLimits.role, ctx.role)));
  return { role: ctx.role, maxHeld: row?.maxHeld ?? null, maxDailyClaims: row?.maxDailyClaims ?? null };
}

/** Sets the limits of the roles given (others keep theirs). */
export async function setRoleLimits(tx: Executor, ctx: RequestContext, limits: RoleLimit[]): Promise<RoleLimit[]> {
  assertCan(ctx, 'sales.configure');
  const before = await listRoleLimits(tx, ctx);
  for (const limit of limits) {
    await tx
      .insert(poolRoleLimits)
      .values({ workspaceId: ctx.workspaceId, ...limit })
      .onConflictDoUpdate({ target: [poolRoleLimits.workspaceId, poolRoleLimits.role], set: { maxHeld: limit.maxHeld, maxDailyClaims: limit.maxDailyClaims } });
  }
  const after = await listRoleLimits(tx, ctx);
  await recordAudit(tx, ctx, { action: 'update', recordType: 'pool_limits', recordId: ctx.workspaceId, before: Object.fromEntries(before.map((l) => [l.role, l])), after: Object.fromEntries(after.map((l) => [l.role, l])) });
  return after;
}
