import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { inWorkspace } from '../../db/transaction.js';
import { JobQueue } from './queue.js';
import { BACKUP_JOB } from './jobs.routes.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
});
afterAll(() => t.close());

const getJob = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${id}`, headers: { cookie: admin.cookie } })).json();

async function waitFor<T>(probe: () => Promise<T>, done: (v: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('background jobs', () => {
  it('a job accepted while no worker runs survives until a queue starts, then runs with progress', async () => {
    // No queue is running: the job is only a committed row, as after a crash or restart.
    const started = await t.app.inject({ method: 'POST', url: '/api/v1/workspace/backup', headers: { cookie: admin.cookie } });
    expect(started.statusCode).toBe(202);
    const { jobId } = started.json();
    expect((await getJob(jobId)).state).toBe('queued');

    // A fresh queue on the same database (a restarted process) finds and runs it.
    const progressSeen: number[] = [];
    const queue = new JobQueue(t.database, t.app.log);
    queue.register(BACKUP_JOB, async (job) => {
      for (let i = 1; i <= 4; i++) {
        await job.progress(i, 4);
        progressSeen.push(i);
      }
      return { downloadUrl: 'x' };
    });
    await queue.start();
    try {
      const job = await waitFor(() => getJob(jobId), (j) => j.state === 'succeeded');
      expect(job).toMatchObject({ state: 'succeeded', progress: 4, total: 4, result: { downloadUrl: 'x' } });
      expect(progressSeen).toEqual([1, 2, 3, 4]);
    } finally {
      await queue.stop();
    }
  });

  it('a backup job produces a downloadable copy of the workspace', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: admin.cookie }, payload: { name: '备份测试' } });
    const { jobId } = (await t.app.inject({ method: 'POST', url: '/api/v1/workspace/backup', headers: { cookie: admin.cookie } })).json();
    await t.app.jobs.run(admin.workspaceId, jobId);
    const job = await getJob(jobId);
    expect(job.state).toBe('succeeded');
    expect(job.progress).toBe(job.total);
    const file = await t.app.inject({ method: 'GET', url: job.result.downloadUrl, headers: { cookie: admin.cookie } });
    expect(file.statusCode).toBe(200);
    const dump = file.json();
    expect(dump.workspaceId).toBe(admin.workspaceId);
    const contacts = dump.tables.find((x: { name: string }) => x.name === 'contacts').rows;
    expect(contacts.map((c: { name: string }) => c.name)).toContain('备份测试');
  });

  it('records a failing job as failed with its error, without retrying forever', async () => {
    const queue = new JobQueue(t.database, t.app.log);
    queue.register('test.fail', async () => {
      throw new Error('disk full');
    });
    const id = await inWorkspace(t.database.db, admin.workspaceId, (tx) => queue.enqueue(tx, admin.workspaceId, admin.userId, 'test.fail', {}));
    await queue.run(admin.workspaceId, id);
    const job = await getJob(id);
    expect(job).toMatchObject({ state: 'failed', error: 'disk full' });
  });
});
