import { eq, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Database, Executor } from '../../db/client.js';
import { asSystem, inWorkspace } from '../../db/transaction.js';
import { workspaces } from '../tenancy/tenancy.tables.js';
import { searchKeyStats } from './key-stats.tables.js';
import type { SearchProvider } from './search.service.js';

/** Counted again after this long: common keys change only as thousands of records come and go. */
const STALE_AFTER_HOURS = 20;
/** How long a process trusts the common keys it read for a workspace; for how many workspaces at most (a big install's thousands do not all stay in memory). */
const CACHE_TTL_MS = 10 * 60_000;
const CACHE_MAX = 1000;

/** Per record type, the keys common in one workspace. */
export type CommonKeys = ReadonlyMap<string, ReadonlySet<string>>;

const cache = new LRUCache<string, CommonKeys>({ max: CACHE_MAX, ttl: CACHE_TTL_MS });

/** The workspace's common search keys by record type, as last counted (read once per process every few minutes). */
export async function commonSearchKeys(tx: Executor, workspaceId: string): Promise<CommonKeys> {
  const cached = cache.get(workspaceId);
  if (cached) return cached;
  const rows = await tx
    .select({ recordType: searchKeyStats.recordType, commonKeys: searchKeyStats.commonKeys })
    .from(searchKeyStats)
    .where(eq(searchKeyStats.workspaceId, workspaceId));
  const keys: CommonKeys = new Map(rows.map((r) => [r.recordType, new Set(r.commonKeys)]));
  cache.set(workspaceId, keys);
  return keys;
}

/** Counts the common keys of one workspace for every provider that can, and stores them. */
export async function countWorkspaceSearchKeys(tx: Executor, workspaceId: string, providers: readonly SearchProvider[]): Promise<void> {
  for (const provider of providers) {
    if (!provider.countCommonKeys) continue;
    const counted = await provider.countCommonKeys(tx, workspaceId);
    const values = { commonKeys: counted.keys, records: counted.records, sampledPercent: counted.sampledPercent, countedAt: new Date() };
    await tx
      .insert(searchKeyStats)
      .values({ workspaceId, recordType: provider.type, ...values })
      .onConflictDoUpdate({ target: [searchKeyStats.workspaceId, searchKeyStats.recordType], set: values });
  }
  cache.delete(workspaceId);
}

/**
 * The periodic sweep: every workspace whose counts are missing or older than STALE_AFTER_HOURS is counted
 * again, one transaction each. Returns the workspaces counted.
 */
export async function refreshSearchKeyStats(database: Database, providers: readonly SearchProvider[]): Promise<string[]> {
  const counting = providers.filter((p) => p.countCommonKeys).length;
  if (counting === 0) return [];
  const due = await asSystem(database.db, (tx) =>
    tx
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(
        sql`(select count(*) from ${searchKeyStats} s
              where s.workspace_id = ${workspaces.id} and s.counted_at > now() - make_interval(hours => ${STALE_AFTER_HOURS})) < ${counting}`,
      ),
  );
  for (const { id } of due) await inWorkspace(database.db, id, (tx) => countWorkspaceSearchKeys(tx, id, providers));
  return due.map((w) => w.id);
}

