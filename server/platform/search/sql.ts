import type { Executor } from '../../db/client.js';
import { sql } from 'drizzle-orm';
import { sqlArray } from '../../db/sql-arrays.js';

/** Search keys as an SQL array parameter by parameter (db/sql-arrays.ts). */
export const textArray = (values: string[]) => sqlArray(values, 'text');

/**
 * Runs `lookup` with sequential scans off, then turns them back on for the rest of the transaction. Key
 * lookups (`keys && array[…]`) with a LIMIT fall in a planner trap: PostgreSQL cannot tell a rare key from a
 * common one it has no statistics for, guesses thousands of matches, and expects a sequential scan to find
 * the first few soon — for a key that matches one row in a million, that read the whole table (13 s
 * measured at 1M contacts). The GIN index is always the right path for these lookups.
 */
export const withIndexScans = <T>(tx: Executor, lookup: () => Promise<T>) => withPlanner(tx, ['enable_seqscan'], 'off', lookup);

/**
 * Runs `lookup` reading through bitmap index scans only (inside `withIndexScans`). For a probe with a LIMIT, a
 * plain index scan is the other way to "stop early": walking a btree in order and filtering each row, which for
 * a key the planner wrongly thinks common reads the whole table (11 s tails at 1M). A bitmap scan reads the
 * key's posting list and stops after LIMIT rows.
 */
export const withBitmapScans = <T>(tx: Executor, lookup: () => Promise<T>) => withPlanner(tx, ['enable_indexscan'], 'off', lookup);

/**
 * `withIndexScans` and `withBitmapScans` at once, in one statement each way: a search provider runs a few
 * lookups, and on a busy server every round trip costs as much as a probe (searching 1M contacts spent
 * most of its time on the two `set local` around each of them).
 */
export const withBitmapIndexScans = <T>(tx: Executor, lookup: () => Promise<T>) => withPlanner(tx, ['enable_seqscan', 'enable_indexscan'], 'off', lookup);

/** Inside `withBitmapIndexScans`: plain index scans again, for a walk in an index's order. */
export const withOrderedIndexScans = <T>(tx: Executor, lookup: () => Promise<T>) => withPlanner(tx, ['enable_indexscan'], 'on', lookup);

type PlannerSetting = 'enable_seqscan' | 'enable_indexscan';

async function withPlanner<T>(tx: Executor, settings: PlannerSetting[], value: 'on' | 'off', lookup: () => Promise<T>): Promise<T> {
  const set = (to: 'on' | 'off') => tx.execute(sql`select ${sql.join(settings.map((s) => sql`set_config(${s}, ${to}, true)`), sql`, `)}`);
  await set(value);
  try {
    return await lookup();
  } finally {
    await set(value === 'off' ? 'on' : 'off');
  }
}
