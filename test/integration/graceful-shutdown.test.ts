import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../server/db/client.js';

/** SIGTERM lets in-flight requests finish and closes the embedded database cleanly. */
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('graceful shutdown', () => {
  it('finishes in-flight sign-ups on SIGTERM, exits 0, and every committed user is there after', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-shutdown-'));
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, GUANXI_DATA_DIR: dataDir, PORT: String(port), GUANXI_DEMO: 'false', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (d) => (output += d));
    server.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 300 && !output.includes('is running at'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(output).toContain('is running at');

      // Argon2 makes each sign-up take a while: these are really in flight when SIGTERM arrives.
      const signUps = Array.from({ length: 12 }, (_, i) =>
        fetch(`http://localhost:${port}/api/v1/auth/sign-up`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ workspaceName: `公司 ${i}`, name: `用户 ${i}`, email: `u${i}@shutdown.test`, password: 'long password' }),
        }).then((r) => r.status),
      );
      // Wait until the server has received all of them (it logs each), then stop it mid-work.
      const received = () => output.split('\n').filter((l) => l.includes('incoming request') && l.includes('sign-up')).length;
      for (let i = 0; i < 200 && received() < 12; i++) await new Promise((r) => setTimeout(r, 10));
      const completedBefore = output.split('\n').filter((l) => l.includes('request completed')).length;
      server.kill('SIGTERM');
      const statuses = await Promise.all(signUps);
      expect(await exited, output.slice(-1500)).toBe(0);
      expect(statuses).toEqual(Array(12).fill(201));
      expect(completedBefore, 'some sign-ups were still in flight at SIGTERM').toBeLessThan(12);
      expect(output).toContain('stopped cleanly');

      const db = await openPglite(dataDir);
      const { rows } = await db.raw.query<{ n: number }>("select count(*)::int as n from users where email like '%@shutdown.test'", []);
      await db.close();
      expect(rows[0]!.n).toBe(12);
    } finally {
      server.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
