import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../server/db/client.js';
import { runMigrations } from '../../server/db/migrate.js';
import { inWorkspace } from '../../server/db/transaction.js';
import { contacts } from '../../server/modules/customers/contacts.tables.js';

/**
 * The embedded database loses no acknowledged commit when its process is killed mid-write: a child
 * commits one contact per transaction and prints the count after each commit; we SIGKILL it while it is
 * writing, reopen the same data directory here and count. (Only a process kill: an OS crash or power cut
 * is not simulated.) About the embedded database only, so skipped when tests run on a server.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const writer = path.join(root, 'test/integration/fixtures/crash-writer.ts');
const ACKS_BEFORE_KILL = 200;

interface Run {
  workspaceId: string;
  /** The last count the child printed: commits it saw acknowledged. */
  lastAck: number;
  signal: NodeJS.Signals | null;
}

/** Runs the writer on `dataDir` until it has acknowledged `acks` commits, then kills it with SIGKILL. */
function writeThenKill(dataDir: string, acks: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let workspaceId = '';
    let lastAck = 0;
    let pending = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!; // a partial last line is not yet an acknowledgement
      for (const line of lines) {
        if (line.startsWith('workspace ')) workspaceId = line.slice('workspace '.length);
        else if (/^\d+$/.test(line)) lastAck = Math.max(lastAck, Number(line));
      }
      if (!killed && lastAck >= acks) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    // 'close': the process is gone and its stdout drained, so lastAck counts every line it wrote.
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (!killed) reject(new Error(`writer stopped after ${lastAck} commits without being killed (signal ${signal}):\n${stderr}`));
      else resolve({ workspaceId, lastAck, signal });
    });
  });
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('embedded database after kill -9', () => {
  let tmp: string;
  let dataDir: string;
  let run: Run;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-crash-'));
    dataDir = path.join(tmp, 'data');
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the writer was killed mid-stream after acknowledging commits', async () => {
    run = await writeThenKill(dataDir, ACKS_BEFORE_KILL);
    expect(run.signal).toBe('SIGKILL');
    expect(run.workspaceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(run.lastAck).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
  }, 90_000);

  it('reopens with every acknowledged row, and accepts writes again', async () => {
    expect(run, 'the first test must have run').toBeDefined();
    const database = await openPglite(dataDir);
    try {
      await runMigrations(database); // a no-op on a migrated directory; must not fail after the crash
      const count = async () =>
        (await database.raw.query<{ n: number }>('select count(*)::int as n from contacts where workspace_id = $1', [run.workspaceId])).rows[0]!.n;
      const n = await count();
      expect(n).toBeGreaterThanOrEqual(run.lastAck);
      // At most the one commit in flight at the kill may be there unacknowledged.
      expect(n).toBeLessThanOrEqual(run.lastAck + 1);
      // Every committed row is whole and readable (the numbers are 1..n with none missing).
      const { rows } = await database.raw.query<{ k: number }>(
        `select count(distinct name)::int as k from contacts where workspace_id = $1 and name ~ '^联系人 Contact [0-9]+$'`,
        [run.workspaceId],
      );
      expect(rows[0]!.k).toBe(n);

      await inWorkspace(database.db, run.workspaceId, (tx) =>
        tx.insert(contacts).values({ workspaceId: run.workspaceId, id: uuidv7(), name: 'after the crash 崩溃之后' }),
      );
      expect(await count()).toBe(n + 1);
    } finally {
      await database.close();
    }
  }, 60_000);
});
