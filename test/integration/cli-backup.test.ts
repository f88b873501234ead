import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../../server/db/client.js';
import { openTestDatabase } from '../../server/db/testing.js';
import { asSystem, inWorkspace } from '../../server/db/transaction.js';
import { signUp } from '../../server/platform/auth/auth.service.js';
import type { RequestContext } from '../../server/platform/auth/context.js';
import { exportWorkspace, type WorkspaceDump } from '../../server/platform/backup/backup.service.js';
import { workspaces } from '../../server/platform/tenancy/tenancy.tables.js';
import { createContact } from '../../server/modules/customers/index.js';
import { contacts } from '../../server/modules/customers/contacts.tables.js';

/**
 * `guanxi backup` / `guanxi restore` through the real CLI (child processes), on the embedded database
 * and, when TEST_DATABASE_URL is set, on a PostgreSQL server.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `server/cli.ts` with `args`; the database is chosen by `env` alone (DATABASE_URL else GUANXI_DATA_DIR). */
function cli(args: string[], env: { GUANXI_DATA_DIR?: string; DATABASE_URL?: string }): Promise<CliResult> {
  const { DATABASE_URL: _u, TEST_DATABASE_URL: _t, GUANXI_DATA_DIR: _d, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      cwd: root,
      env: { ...inherited, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A dump's tables as comparable data: row order (unspecified in the export) normalized. */
function tablesOf(dump: WorkspaceDump): Record<string, string[]> {
  return Object.fromEntries(dump.tables.map((t) => [t.name, t.rows.map((r) => JSON.stringify(r)).sort()]));
}

const rowCount = (dump: WorkspaceDump, table: string) => dump.tables.find((t) => t.name === table)?.rows.length ?? 0;

async function exportFromDir(dataDir: string, workspaceId: string): Promise<WorkspaceDump> {
  const database = await openPglite(dataDir);
  try {
    return await exportWorkspace(database, workspaceId);
  } finally {
    await database.close();
  }
}

describe('backup and restore through the CLI, embedded database', () => {
  const source = { GUANXI_DATA_DIR: path.join(tmp, 'source') };
  const target = { GUANXI_DATA_DIR: path.join(tmp, 'target') };
  const file = path.join(tmp, 'demo-backup.json');
  let workspaceId: string;

  it('seeds, backs up and restores the demo workspace into a fresh data directory, every row identical', async () => {
    const seeded = await cli(['seed'], source);
    expect(seeded.code, seeded.stderr).toBe(0);
    workspaceId = /demo workspace ([0-9a-f-]{36}) created/.exec(seeded.stdout)?.[1] ?? '';
    expect(workspaceId, seeded.stdout).not.toBe('');

    const backup = await cli(['backup', '--workspace', workspaceId, '--out', file], source);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`rows written to ${file}`);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);

    const restored = await cli(['restore', '--in', file], target);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(new RegExp(`workspace ${workspaceId}: \\d+ rows restored`));

    const before = await exportFromDir(source.GUANXI_DATA_DIR, workspaceId);
    const after = await exportFromDir(target.GUANXI_DATA_DIR, workspaceId);
    // The demo is not trivially empty: the comparison below compares something.
    expect(rowCount(before, 'workspaces')).toBe(1);
    // The admin, four colleagues and the Beijing station's technician.
    expect(rowCount(before, 'users')).toBe(6);
    expect(rowCount(before, 'memberships')).toBe(6);
    expect(rowCount(before, 'contacts')).toBeGreaterThanOrEqual(16);
    expect(rowCount(before, 'audit_log')).toBeGreaterThanOrEqual(16);
    expect(after.tables.map((t) => t.name)).toEqual(before.tables.map((t) => t.name));
    expect(tablesOf(after)).toEqual(tablesOf(before));
    // The file holds exactly what the database held.
    expect(tablesOf(JSON.parse(fs.readFileSync(file, 'utf8')))).toEqual(tablesOf(before));
  }, 120_000);

  it('refuses to restore over an existing workspace without --replace (exit 2, says so)', async () => {
    expect(workspaceId, 'the first test must have run').toBeTruthy();
    const again = await cli(['restore', '--in', file], target);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`workspace ${workspaceId} exists; use --replace`);
    expect(again.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  }, 60_000);

  it('refuses a JSON file that is not a backup (exit 2, says so)', async () => {
    const notBackup = path.join(tmp, 'not-a-backup.json');
    fs.writeFileSync(notBackup, JSON.stringify({ contacts: [{ name: '王伟' }] }));
    const result = await cli(['restore', '--in', notBackup], target);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a Guanxi workspace backup');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('prints usage and exits 2 on an unknown command', async () => {
    const result = await cli(['frobnicate'], target);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command frobnicate');
    expect(result.stderr).toContain('Usage: npx guanxi <command>');
    expect(result.stderr).toContain('restore --in FILE [--replace]');
  }, 60_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('backup and restore through the CLI, PostgreSQL server', () => {
  const server = { DATABASE_URL: process.env.TEST_DATABASE_URL! };
  const file = path.join(tmp, 'server-backup.json');
  let database: Database;
  let workspaceId: string;
  let original: WorkspaceDump;

  beforeAll(async () => {
    database = await openTestDatabase();
    const ids = await asSystem(database.db, (tx) =>
      signUp(tx, { workspaceName: 'Backup 备份测试', name: 'Admin 管理员', email: `backup.${process.pid}.${Date.now()}@test.guanxi.dev`, password: 'backup test password' }),
    );
    workspaceId = ids.workspaceId;
    const ctx: RequestContext = { workspaceId, userId: ids.userId, apiKeyId: null, role: 'admin', teamId: null, locale: 'zh-CN', timeZone: 'Asia/Shanghai', country: 'CN' };
    await inWorkspace(database.db, workspaceId, async (tx) => {
      for (const [name, company] of [['王伟', '华为'], ['林美玲', '台積電'], ['John Smith', null]] as const) {
        await createContact(tx, ctx, { name, company, email: `${name.length}.${company ?? 'none'}@example.cn`.toLowerCase() });
      }
    });
    original = await exportWorkspace(database, workspaceId);
  }, 120_000);
  afterAll(async () => {
    if (!database) return;
    if (workspaceId) await asSystem(database.db, (tx) => tx.delete(workspaces).where(eq(workspaces.id, workspaceId)));
    await database.close();
  });

  it('backs up the workspace from the server: the file holds every row', async () => {
    const backup = await cli(['backup', '--workspace', workspaceId, '--out', file], server);
    expect(backup.code, backup.stderr).toBe(0);
    const dump = JSON.parse(fs.readFileSync(file, 'utf8')) as WorkspaceDump;
    expect(dump.workspaceId).toBe(workspaceId);
    expect(rowCount(dump, 'contacts')).toBe(3);
    expect(tablesOf(dump)).toEqual(tablesOf(original));
  }, 60_000);

  it('refuses to restore over the existing workspace without --replace (exit 2, says so, changes nothing)', async () => {
    const result = await cli(['restore', '--in', file], server);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`workspace ${workspaceId} exists; use --replace`);
    expect(tablesOf(await exportWorkspace(database, workspaceId))).toEqual(tablesOf(original));
  }, 60_000);

  it('restores with --replace: changes made since the backup are undone, every row as backed up', async () => {
    await asSystem(database.db, async (tx) => {
      await tx.update(workspaces).set({ name: 'Renamed 改名' }).where(eq(workspaces.id, workspaceId));
      await tx.delete(contacts).where(eq(contacts.workspaceId, workspaceId));
    });
    expect(rowCount(await exportWorkspace(database, workspaceId), 'contacts')).toBe(0);

    const result = await cli(['restore', '--in', file, '--replace'], server);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`workspace ${workspaceId}: \\d+ rows restored`));
    expect(tablesOf(await exportWorkspace(database, workspaceId))).toEqual(tablesOf(original));
  }, 60_000);
});
