import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { PoolEventKind, PoolRecordType, PoolReturnRule } from '../../../contracts/pools.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, forbidden, invalidField, readReferenced } from '../../platform/errors/app-error.js';
import { planList, type ListSpec } from '../../platform/http/list-query.js';
import { assertMayActOn } from '../../platform/permissions/policy.js';
import { cleanText } from '../../platform/text.js';
import { accountsByIds, getAccount, handOverAccounts } from '../customers/index.js';
import { getLead, handOverLeads, leadsByIds } from './leads.service.js';
import { defaultPoolOf, getPool, roleLimitOf, type Pool } from './pools.service.js';
import { poolClaims, poolEvents, poolRecords, pools } from './pools.tables.js';

/** What a pool needs of the modules owning its records: read them, and move them between owners. */
interface PooledRecord {
  id: string;
  name: string;
  ownerId: string | null;
  industry: string | null;
  region: string | null;
  source: string | null;
  company?: string | null;
  status?: string;
}
const RECORDS: Record<PoolRecordType, {
  byIds(tx: Executor, ctx: RequestContext, ids: string[]): Promise<PooledRecord[]>;
  get(tx: Executor, ctx: RequestContext, id: string): Promise<PooledRecord>;
  handOver: typeof handOverAccounts;
}> = {
  account: { byIds: accountsByIds, get: getAccount, handOver: handOverAccounts },
  lead: { byIds: leadsByIds, get: getLead, handOver: handOverLeads },
};
export const pooledRecords = RECORDS;

export interface PoolEntry {
  recordType: PoolRecordType;
  recordId: string;
  name: string;
  company: string | null;
  industry: string | null;
  region: string | null;
  source: string | null;
  enteredAt: Date;
}

const entrySpec: ListSpec = {
  fields: { enteredAt: { column: poolRecords.enteredAt, type: 'timestamp', sortable: true } },
  id: poolRecords.recordId,
  defaultSort: '-enteredAt',
};

/**
 * The records waiting in a pool, newest arrivals first: one range of the pool's index, then the page's
 * records by key from their module. A record that got an owner or went to the recycle bin meanwhile is left out.
 */
export async function listPoolEntries(tx: Executor, ctx: RequestContext, poolId: string, params: { limit?: number; cursor?: string }): Promise<{ data: PoolEntry[]; nextCursor: string | null }> {
  const pool = await getPool(tx, ctx, poolId);
  const plan = planList(entrySpec, { limit: params.limit ?? 50, cursor: params.cursor });
  const rows = await tx
    // `id`: the name the plan's cursor reads the tie-breaker from.
    .select({ id: poolRecords.recordId, enteredAt: poolRecords.enteredAt })
    .from(poolRecords)
    .where(and(eq(poolRecords.workspaceId, ctx.workspaceId), eq(poolRecords.poolId, pool.id), plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit);
  const page = plan.page(rows);
  const records = new Map((await RECORDS[pool.recordType].byIds(tx, ctx, page.data.map((r) => r.id))).map((r) => [r.id, r]));
  const data = page.data.flatMap(({ id: recordId, enteredAt }) => {
    const record = records.get(recordId);
    if (!record || record.ownerId !== null) return [];
    return [{ recordType: pool.recordType, recordId, name: record.name, company: record.company ?? null, industry: record.industry, region: record.region, source: record.source, enteredAt }];
  });
  return { data, nextCursor: page.nextCursor };
}

export interface Quota {
  held: number;
  maxHeld: number | null;
  claimedToday: number;
  maxDailyClaims: number | null;
}

/** How much the caller holds from pools and claimed today (in their time zone), beside their role's limits. */
export async function quotaOf(tx: Executor, ctx: RequestContext, now = new Date()): Promise<Quota> {
  const limit = await roleLimitOf(tx, ctx);
  if (!ctx.userId) return { held: 0, claimedToday: 0, maxHeld: limit.maxHeld, maxDailyClaims: limit.maxDailyClaims };
  const { rows } = (await tx.execute(sql`
    select (select count(*)::int from ${poolClaims} where workspace_id = ${ctx.workspaceId} and user_id = ${ctx.userId}) as held,
           (select count(*)::int from ${poolEvents} where workspace_id = ${ctx.workspaceId} and user_id = ${ctx.userId} and kind = 'claimed'
               and at >= (date_trunc('day', ${now.toISOString()}::timestamptz at time zone ${ctx.timeZone}) at time zone ${ctx.timeZone})) as today`)) as unknown as { rows: { held: number; today: number }[] };
  return { held: rows[0]!.held, claimedToday: rows[0]!.today, maxHeld: limit.maxHeld, maxDailyClaims: limit.maxDailyClaims };
}

interface EventInput {
  recordType: PoolRecordType;
  recordId: string;
  poolId: string;
  kind: PoolEventKind;
  userId: string | null;
  rule?: PoolReturnRule | null;
  reason?: string | null;
  dueAt?: Date | null;
}

export async function recordPoolEvents(tx: Executor, ctx: RequestContext, events: EventInput[], now: Date): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(poolEvents).values(events.map((e) => ({ workspaceId: ctx.workspaceId, id: uuidv7(), actorUserId: ctx.userId, rule: null, reason: null, dueAt: null, ...e, at: now })));
}

/** Puts ownerless records into a pool (or moves them there when they wait in another). */
export async function enterPool(tx: Executor, ctx: RequestContext, pool: Pool, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .insert(poolRecords)
    .values(ids.map((recordId) => ({ workspaceId: ctx.workspaceId, recordType: pool.recordType, recordId, poolId: pool.id, enteredAt: now })))
    .onConflictDoUpdate({ target: [poolRecords.workspaceId, poolRecords.recordType, poolRecords.recordId], set: { poolId: pool.id, enteredAt: now } });
}

export interface ClaimResult {
  claimed: string[];
  /** Taken by someone else first, gone from the pool, or in the caller's cool-down. */
  unavailable: string[];
  quota: Quota;
}

/**
 * Claims records from a pool for the caller. Each record goes to exactly one claimer: the pool's row is
 * deleted with RETURNING, so of racing claims one gets the row and the others nothing. The caller's claims
 * are serialized (an advisory lock on the member), so two bulk claims at once cannot both slip under a limit.
 * Over the role's limit of held records or of claims today: 409 naming the limit, nothing claimed.
 */
export async function claimRecords(tx: Executor, ctx: RequestContext, poolId: string, recordIds: string[], now = new Date()): Promise<ClaimResult> {
  const pool = await getPool(tx, ctx, poolId);
  if (!ctx.userId) throw forbidden();
  const me = ctx.userId;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`pool-claim:${ctx.workspaceId}:${me}`}, 0))`);
  const wanted = [...new Set(recordIds)];
  const cooling = await coolingDown(tx, ctx, pool, wanted, now);
  const candidates = wanted.filter((id) => !cooling.has(id));
  const taken = candidates.length
    ? ((await tx
        .delete(poolRecords)
        .where(and(eq(poolRecords.workspaceId, ctx.workspaceId), eq(poolRecords.recordType, pool.recordType), eq(poolRecords.poolId, pool.id), inArray(poolRecords.recordId, candidates)))
        .returning({ id: poolRecords.recordId })) as { id: string }[])
    : [];
  // A row whose record got an owner some other way, or went to the recycle bin, is not handed over: it leaves the pool.
  const claimed = await RECORDS[pool.recordType].handOver(tx, ctx, taken.map((t) => t.id), { from: null, to: me, action: 'claim' });
  const quota = await quotaOf(tx, ctx, now);
  if (quota.maxHeld !== null && quota.held + claimed.length > quota.maxHeld) {
    throw new AppError('POOL_LIMIT_HELD', 409, { limit: quota.maxHeld, held: quota.held, wanted: claimed.length });
  }
  if (quota.maxDailyClaims !== null && quota.claimedToday + claimed.length > quota.maxDailyClaims) {
    throw new AppError('POOL_LIMIT_DAILY', 409, { limit: quota.maxDailyClaims, claimed: quota.claimedToday, wanted: claimed.length });
  }
  if (claimed.length === 0) {
    if (cooling.size > 0) throw new AppError('POOL_COOLDOWN', 409, { days: pool.cooldownDays });
    throw new AppError('POOL_RECORD_TAKEN', 409);
  }
  await tx.insert(poolClaims).values(claimed.map((recordId) => ({ workspaceId: ctx.workspaceId, recordType: pool.recordType, recordId, poolId: pool.id, userId: me, claimedAt: now })));
  await recordPoolEvents(tx, ctx, claimed.map((recordId) => ({ recordType: pool.recordType, recordId, poolId: pool.id, kind: 'claimed' as const, userId: me })), now);
  const got = new Set(claimed);
  return {
    claimed,
    unavailable: wanted.filter((id) => !got.has(id)),
    quota: { ...quota, held: quota.held + claimed.length, claimedToday: quota.claimedToday + claimed.length },
  };
}

/** Of `ids`, those the caller gave back or lost to a rule within the pool's cool-down. */
async function coolingDown(tx: Executor, ctx: RequestContext, pool: Pool, ids: string[], now: Date): Promise<Set<string>> {
  if (pool.cooldownDays <= 0 || ids.length === 0) return new Set();
  const since = new Date(now.getTime() - pool.cooldownDays * 86_400_000);
  const rows = await tx
    .select({ id: poolEvents.recordId })
    .from(poolEvents)
    .where(
      and(
        eq(poolEvents.workspaceId, ctx.workspaceId),
        eq(poolEvents.recordType, pool.recordType),
        inArray(poolEvents.recordId, ids),
        eq(poolEvents.userId, ctx.userId!),
        inArray(poolEvents.kind, ['released', 'returned']),
        gt(poolEvents.at, since),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * Gives records back to a pool by hand, with a reason: their owner does, or whoever may change them (a
 * manager moving a rep's accounts, an admin putting ownerless ones in). They go to the pool named, else the
 * pool they were claimed from, else the first pool of their type.
 */
export async function releaseRecords(
  tx: Executor,
  ctx: RequestContext,
  input: { recordType: PoolRecordType; recordIds: string[]; poolId?: string; reason: string },
  now = new Date(),
): Promise<{ released: number; poolId: string | null }> {
  const reason = cleanText(input.reason);
  if (!reason) throw invalidField('reason', 'required');
  const kind = RECORDS[input.recordType];
  const ids = [...new Set(input.recordIds)];
  const records = [];
  for (const [i, id] of ids.entries()) {
    const record = await readReferenced(() => kind.get(tx, ctx, id), `recordIds.${i}`);
    await assertMayActOn(tx, ctx, 'update', record.ownerId);
    records.push(record);
  }
  const claims = await tx
    .select()
    .from(poolClaims)
    .where(and(eq(poolClaims.workspaceId, ctx.workspaceId), eq(poolClaims.recordType, input.recordType), inArray(poolClaims.recordId, ids)));
  const claimOf = new Map(claims.map((c) => [c.recordId, c]));
  const named = input.poolId ? await readReferenced(() => getPool(tx, ctx, input.poolId!), 'poolId') : null;
  if (named && named.recordType !== input.recordType) throw invalidField('poolId', 'invalid');
  const fallback = named ?? (await defaultPoolOf(tx, ctx, input.recordType));
  let released = 0;
  let lastPool = fallback?.id ?? null;
  for (const record of records) {
    const claim = claimOf.get(record.id);
    const pool = named ?? (claim ? await getPoolAsOwner(tx, ctx, claim.poolId) : null) ?? fallback;
    if (!pool) throw invalidField('poolId', 'required');
    const moved = record.ownerId === null ? [record.id] : await kind.handOver(tx, ctx, [record.id], { from: record.ownerId, to: null, action: 'release' });
    if (moved.length === 0) continue;
    await enterPool(tx, ctx, pool, moved, now);
    if (claim) await tx.delete(poolClaims).where(and(eq(poolClaims.workspaceId, ctx.workspaceId), eq(poolClaims.recordType, input.recordType), eq(poolClaims.recordId, record.id)));
    await recordPoolEvents(tx, ctx, [{ recordType: input.recordType, recordId: record.id, poolId: pool.id, kind: record.ownerId === null ? 'added' : 'released', userId: record.ownerId, reason }], now);
    released += 1;
    lastPool = pool.id;
  }
  return { released, poolId: lastPool };
}

/** A claim's pool even when the releasing member is no longer among its members (a rule changed). */
async function getPoolAsOwner(tx: Executor, ctx: RequestContext, poolId: string): Promise<Pool | null> {
  const [pool] = await tx.select().from(pools).where(and(eq(pools.workspaceId, ctx.workspaceId), eq(pools.id, poolId)));
  return pool ?? null;
}

export type PoolEvent = typeof poolEvents.$inferSelect;

/** A record's pool history, newest first: for whoever may read the record. */
export async function poolHistory(tx: Executor, ctx: RequestContext, recordType: PoolRecordType, recordId: string): Promise<PoolEvent[]> {
  await RECORDS[recordType].get(tx, ctx, recordId);
  return tx
    .select()
    .from(poolEvents)
    .where(and(eq(poolEvents.workspaceId, ctx.workspaceId), eq(poolEvents.recordType, recordType), eq(poolEvents.recordId, recordId)))
    .orderBy(desc(poolEvents.id))
    .limit(200);
}
