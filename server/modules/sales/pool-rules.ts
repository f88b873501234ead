import { and, asc, eq, gt, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { PoolRecordType, PoolReturnRule } from '../../../contracts/pools.js';
import type { Database, Executor } from '../../db/client.js';
import { asSystem, inWorkspace } from '../../db/transaction.js';
import type { Locale } from '../../../contracts/roles.js';
import { contextOfIntegration, contextOfMember } from '../../platform/auth/context-loader.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { Realtime } from '../../platform/realtime/realtime.js';
import { createTask, lastContactOf } from '../interactions/index.js';
import { lastWonAt } from './opportunities.service.js';
import { enterPool, pooledRecords, recordPoolEvents } from './pool-claims.service.js';
import { poolClaims, pools } from './pools.tables.js';
import type { Pool } from './pools.service.js';

const DAY = 86_400_000;
type Claim = typeof poolClaims.$inferSelect;

export interface ClaimStanding {
  claim: Claim;
  name: string;
  /** Still the claimer's, live, and not yet converted: the rules apply. */
  state: 'running' | 'converted' | 'gone';
  /** When the record goes back, and by which rule; null when the pool has no rule. */
  dueAt: Date | null;
  rule: PoolReturnRule | null;
  lastContactAt: Date | null;
}

/**
 * Where claims stand against their pool's rules: the follow-up deadline is N days after the newest
 * interaction on the record's timeline (or the claim, if later); the conversion deadline M days after the
 * claim; the earlier one counts. A lead converted, or an account with a deal won since the claim, is settled.
 */
export async function standingOf(tx: Executor, ctx: RequestContext, pool: Pool, claims: Claim[]): Promise<ClaimStanding[]> {
  if (claims.length === 0) return [];
  const ids = claims.map((c) => c.recordId);
  const records = new Map((await pooledRecords[pool.recordType].byIds(tx, ctx, ids)).map((r) => [r.id, r]));
  const contacts = await lastContactOf(tx, ctx, pool.recordType, ids);
  const won = pool.recordType === 'account' ? await lastWonAt(tx, ctx, ids) : new Map<string, Date>();
  return claims.map((claim) => {
    const record = records.get(claim.recordId);
    const lastContactAt = contacts.get(claim.recordId) ?? null;
    const base = { claim, name: record?.name ?? '', lastContactAt, dueAt: null, rule: null };
    if (!record || record.ownerId !== claim.userId) return { ...base, state: 'gone' as const };
    const wonAt = won.get(claim.recordId);
    if (record.status === 'converted' || (wonAt && wonAt >= claim.claimedAt)) return { ...base, state: 'converted' as const };
    const deadlines: { at: Date; rule: PoolReturnRule }[] = [];
    if (pool.followUpDays !== null) {
      const since = lastContactAt && lastContactAt > claim.claimedAt ? lastContactAt : claim.claimedAt;
      deadlines.push({ at: new Date(since.getTime() + pool.followUpDays * DAY), rule: 'no_follow_up' });
    }
    if (pool.convertDays !== null) deadlines.push({ at: new Date(claim.claimedAt.getTime() + pool.convertDays * DAY), rule: 'not_converted' });
    const first = deadlines.sort((a, b) => a.at.getTime() - b.at.getTime())[0];
    return { ...base, state: 'running' as const, dueAt: first?.at ?? null, rule: first?.rule ?? null };
  });
}

export interface SweepNotice {
  workspaceId: string;
  userId: string;
  event: { type: 'pool.warning' | 'pool.returned'; recordType: PoolRecordType; recordId: string; name: string; rule: PoolReturnRule; dueAt: string };
}

export interface SweepOutcome {
  warned: number;
  returned: number;
  settled: number;
  notices: SweepNotice[];
}

const BATCH = 500;

/**
 * One pool's claims, a batch at a time (one transaction each): settles converted ones, returns those past
 * their deadline to the pool (owner cleared, audited as `return`, on the record's pool history), and warns
 * the owner of those within the pool's warning days — once per deadline — with a task due at the deadline
 * (reminded at once) and a notice on their open pages.
 */
async function sweepPool(database: Database, ctx: RequestContext, pool: Pool, now: Date, outcome: SweepOutcome): Promise<void> {
  // Warning tasks are titled in each holder's language: their contexts are read before the batches' transactions.
  const holders = await inWorkspace(database.db, ctx.workspaceId, (tx) => tx.selectDistinct({ userId: poolClaims.userId }).from(poolClaims).where(and(eq(poolClaims.workspaceId, ctx.workspaceId), eq(poolClaims.poolId, pool.id))));
  const locales = new Map<string, Locale>();
  for (const { userId } of holders) locales.set(userId, (await contextOfMember(database, ctx.workspaceId, userId))?.locale ?? ctx.locale);
  for (let after: string | null = null; ; ) {
    const last: string | null = await inWorkspace(database.db, ctx.workspaceId, async (tx) => {
      const claims = await tx
        .select()
        .from(poolClaims)
        .where(and(eq(poolClaims.workspaceId, ctx.workspaceId), eq(poolClaims.poolId, pool.id), after ? gt(poolClaims.recordId, after) : undefined))
        .orderBy(asc(poolClaims.recordId))
        .limit(BATCH);
      for (const standing of await standingOf(tx, ctx, pool, claims)) await apply(tx, ctx, pool, standing, now, outcome, locales.get(standing.claim.userId) ?? ctx.locale);
      return claims.length === BATCH ? claims.at(-1)!.recordId : null;
    });
    if (!last) return;
    after = last;
  }
}

async function apply(tx: Executor, ctx: RequestContext, pool: Pool, standing: ClaimStanding, now: Date, outcome: SweepOutcome, locale: Locale): Promise<void> {
  const { claim } = standing;
  const key = and(eq(poolClaims.workspaceId, ctx.workspaceId), eq(poolClaims.recordType, claim.recordType), eq(poolClaims.recordId, claim.recordId));
  const event = { recordType: claim.recordType, recordId: claim.recordId, poolId: pool.id, userId: claim.userId };
  if (standing.state !== 'running') {
    // Given to someone else, deleted, or won: the claim no longer counts against the holder's limit.
    await tx.delete(poolClaims).where(key);
    if (standing.state === 'converted') {
      await recordPoolEvents(tx, ctx, [{ ...event, kind: 'kept' }], now);
      outcome.settled += 1;
    }
    return;
  }
  if (!standing.dueAt || !standing.rule) return;
  const notice = { recordType: claim.recordType, recordId: claim.recordId, name: standing.name, rule: standing.rule, dueAt: standing.dueAt.toISOString() };
  if (now >= standing.dueAt) {
    const moved = await pooledRecords[claim.recordType].handOver(tx, ctx, [claim.recordId], { from: claim.userId, to: null, action: 'return' });
    await tx.delete(poolClaims).where(key);
    if (moved.length === 0) return;
    await enterPool(tx, ctx, pool, moved, now);
    await recordPoolEvents(tx, ctx, [{ ...event, kind: 'returned', rule: standing.rule }], now);
    outcome.returned += 1;
    outcome.notices.push({ workspaceId: ctx.workspaceId, userId: claim.userId, event: { type: 'pool.returned', ...notice } });
    return;
  }
  const warnFrom = standing.dueAt.getTime() - pool.warnDays * DAY;
  if (now.getTime() < warnFrom || claim.warnedFor?.getTime() === standing.dueAt.getTime()) return;
  await tx.update(poolClaims).set({ warnedFor: standing.dueAt }).where(key);
  await recordPoolEvents(tx, ctx, [{ ...event, kind: 'warned', rule: standing.rule, dueAt: standing.dueAt }], now);
  const t = translator(locale);
  // A deactivated owner gets no task (refused as owner); the warning and the return still happen.
  await createTask(tx, ctx, {
    title: t(`pools.warningTask.${standing.rule}`, { name: standing.name, pool: pool.name }),
    ownerId: claim.userId,
    recordType: claim.recordType,
    recordId: claim.recordId,
    dueAt: standing.dueAt,
    remindAt: now,
    priority: 'high',
  }).catch((err: unknown) => {
    if (!(err instanceof AppError)) throw err;
  });
  outcome.warned += 1;
  outcome.notices.push({ workspaceId: ctx.workspaceId, userId: claim.userId, event: { type: 'pool.warning', ...notice } });
}

/**
 * The return rules' periodic sweep over every workspace with running claims in pools with rules (or only
 * `onlyWorkspaceId`: tests on a shared database pass theirs). Notices go to the owners' open pages after
 * each batch committed. Idempotent: a second run at the same time changes nothing.
 */
export async function sweepPools(deps: { database: Database; realtime?: Realtime }, now = new Date(), onlyWorkspaceId?: string): Promise<SweepOutcome> {
  const due = await asSystem(deps.database.db, (tx) =>
    tx
      .selectDistinct({ workspaceId: pools.workspaceId })
      .from(pools)
      .where(and(or(isNotNull(pools.followUpDays), isNotNull(pools.convertDays)), onlyWorkspaceId ? eq(pools.workspaceId, onlyWorkspaceId) : undefined, sql`exists (select 1 from ${poolClaims} c where c.workspace_id = ${pools.workspaceId} and c.pool_id = ${pools.id})`)),
  );
  const outcome: SweepOutcome = { warned: 0, returned: 0, settled: 0, notices: [] };
  for (const { workspaceId } of due) {
    const ctx = await contextOfIntegration(deps.database, workspaceId);
    if (!ctx) continue;
    const list = await inWorkspace(deps.database.db, workspaceId, (tx) => tx.select().from(pools).where(eq(pools.workspaceId, workspaceId)));
    for (const pool of list) await sweepPool(deps.database, ctx, pool, now, outcome);
  }
  for (const notice of outcome.notices) await deps.realtime?.publish({ workspaceId: notice.workspaceId, userIds: [notice.userId], event: notice.event });
  return outcome;
}

/** The caller's running claims, soonest return first, with their deadlines (My day's warning card). */
export async function myClaims(tx: Executor, ctx: RequestContext): Promise<(ClaimStanding & { poolName: string })[]> {
  if (!ctx.userId) return [];
  const claims = await tx.select().from(poolClaims).where(and(eq(poolClaims.workspaceId, ctx.workspaceId), eq(poolClaims.userId, ctx.userId))).limit(1000);
  const poolIds = [...new Set(claims.map((c) => c.poolId))];
  if (poolIds.length === 0) return [];
  const list = await tx.select().from(pools).where(and(eq(pools.workspaceId, ctx.workspaceId), inArray(pools.id, poolIds)));
  const standings = [];
  for (const pool of list) {
    for (const s of await standingOf(tx, ctx, pool, claims.filter((c) => c.poolId === pool.id))) if (s.state === 'running') standings.push({ ...s, poolName: pool.name });
  }
  return standings.sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
}
