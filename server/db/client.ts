import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Db | Tx;

/** A raw SQL runner for libraries that bring their own SQL (the job queue, backups). */
export interface RawSql {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
  /** Runs a script of several statements (no parameters). */
  exec(text: string): Promise<void>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  raw: RawSql;
  /** Runs `fn` while holding a cluster-wide advisory lock (one process at a time). */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * PGlite starts with fsync off (its start parameter -F). We start it without -F so that PostgreSQL
 * writes its WAL at each commit as a server would. Measured: PGlite's WASM file layer turns the
 * fdatasync itself into a no-op, so a commit is in the operating system's page cache when it is
 * acknowledged — it survives the process being killed (test/integration/crash-durability.test.ts)
 * but not a power cut. Deployments that must survive those use a PostgreSQL server (docs/deploying.md).
 */
function durableStartParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return defaults.filter((p) => p !== '-F');
}

export class DatabaseInUseError extends Error {}

/**
 * One process at a time may open an embedded database: two would corrupt it. A lock file holds the
 * owner's pid; a stale one (its process is gone, e.g. after kill -9) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'guanxi.lock');
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(lockFile, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DatabaseInUseError(`the embedded database in ${dataDir} is in use by process ${owner}; stop it first (or use a PostgreSQL server)`);
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Opens the embedded database in `dataDir` (or in memory for `memory://`). */
export async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === 'memory://';
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? () => undefined : lockDataDir(dataDir);
  const client = new PGlite({
    dataDir,
    extensions: { pg_trgm, btree_gin },
    startParams: durableStartParams(),
  });
  try {
    await client.waitReady;
  } catch (err) {
    unlock();
    throw err;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    raw: {
      async query(text, values) {
        // PGlite's extended protocol takes one statement; parameterless scripts go through exec.
        if (!values || values.length === 0) {
          const results = await client.exec(text);
          return { rows: (results.at(-1)?.rows ?? []) as never[] };
        }
        const result = await client.query(text, values);
        return { rows: result.rows as never[] };
      },
      async exec(text) {
        await client.exec(text);
      },
    },
    // One embedded database has one process: nothing to serialize against.
    withLock: (_key, fn) => fn(),
    async close() {
      await client.close();
      unlock();
    },
  };
}

/** Connects to a PostgreSQL server through a pool. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  await pool.query('select 1');
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    raw: {
      async query(text, values) {
        const result = await pool.query(text, values as unknown[]);
        return { rows: result.rows };
      },
      async exec(text) {
        await pool.query(text);
      },
    },
    async withLock(key, fn) {
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [key]);
        return await fn();
      } finally {
        await lockClient.query('select pg_advisory_unlock($1)', [key]).catch(() => undefined);
        lockClient.release();
      }
    },
    close: () => pool.end(),
  };
}

export function openDatabase(opts: { url?: string; dataDir: string }): Promise<Database> {
  return opts.url ? openPostgres(opts.url) : openPglite(opts.dataDir);
}
