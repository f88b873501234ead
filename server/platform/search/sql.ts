import type { Executor } from '../../db/client.js';
import { sql } from 'drizzle-orm';

/** `array[$1, $2, …]::text[]`: values the planner sees one by one, so that it can weigh each key by its statistics. */
export const textArray = (values: string[]) => sql`array[${sql.join(
  values.map((v) => sql`${v}`),
  sql`, `,
)}]::text[]`;

/**
 * Runs `lookup` with sequential scans off, then turns them back on for the rest of the transaction. Key
 * lookups (`keys && array[…]`) with a LIMIT fall in a planner trap: PostgreSQL cannot tell a rare key from a
 * common one it has no statistics for, guesses thousands of matches, and expects a sequential scan to find
 * the first few soon — for a key that matches one row in a million, that read the whole table (13 s
 * measured at 1M contacts). The GIN index is always the right path for these lookups.
 */
export async function withIndexScans<T>(tx: Executor, lookup: () => Promise<T>): Promise<T> {
  await tx.execute(sql`set local enable_seqscan = off`);
  try {
    return await lookup();
  } finally {
    await tx.execute(sql`set local enable_seqscan = on`);
  }
}

/**
 * Runs `lookup` reading through bitmap index scans only. For a probe with a LIMIT, a plain index scan is the
 * other way to "stop early" when sequential scans are off: walking a btree in order and filtering each row,
 * which for a key the planner wrongly thinks common reads the whole table (seconds at a million rows). A
 * bitmap scan reads the key's posting list (small for a rare key, compressed for a common one) and stops
 * after LIMIT rows.
 */
export async function withBitmapScans<T>(tx: Executor, lookup: () => Promise<T>): Promise<T> {
  await tx.execute(sql`set local enable_indexscan = off`);
  try {
    return await lookup();
  } finally {
    await tx.execute(sql`set local enable_indexscan = on`);
  }
}
