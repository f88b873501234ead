import PgBoss from 'pg-boss';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../../db/client.js';
import { asSystem, inWorkspace } from '../../db/transaction.js';
import { jobs } from './jobs.tables.js';

export interface JobRun<P> {
  id: string;
  workspaceId: string;
  payload: P;
  /** Reports progress, shown live in the UI as a bar. */
  progress(done: number, total?: number): Promise<unknown>;
}
export type JobHandler<P = unknown> = (job: JobRun<P>) => Promise<unknown>;

/**
 * Background jobs on PostgreSQL: pg-boss delivers and retries, the `jobs` table shows state and progress.
 * A job is first a row written in the caller's transaction (so accepted work is never lost), then handed
 * to pg-boss after commit; at start, rows still queued are handed over again (pg-boss drops duplicates).
 * Handlers must be idempotent: a job interrupted by a crash runs again.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler<never>>();
  private boss: PgBoss | null = null;

  constructor(
    private readonly database: Database,
    private readonly log: FastifyBaseLogger,
  ) {}

  register<P>(name: string, handler: JobHandler<P>): void {
    this.handlers.set(name, handler as JobHandler<never>);
  }

  /** Records a job in the caller's transaction; call `dispatch` with its id after the commit. */
  async enqueue(tx: Executor, workspaceId: string, createdBy: string | null, name: string, payload: unknown): Promise<string> {
    if (!this.handlers.has(name)) throw new Error(`unknown job ${name}`);
    const id = uuidv7();
    await tx.insert(jobs).values({ workspaceId, id, name, payload, createdBy });
    return id;
  }

  /** Hands a committed job to the queue. Without a running queue it waits for the next start. */
  async dispatch(jobId: string, workspaceId: string, name: string): Promise<void> {
    await this.boss?.send(name, { jobId, workspaceId }, { singletonKey: jobId, retryLimit: 3, retryDelay: 5 });
  }

  /**
   * Starts the queue. With `work` false the process only sends jobs (for API processes when workers run
   * separately); a worker process picks them up.
   */
  async start({ work = true }: { work?: boolean } = {}): Promise<void> {
    const database = this.database;
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => database.raw.query(text, values) },
    } as never);
    this.boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
    await this.boss.start();
    for (const name of this.handlers.keys()) await this.boss.createQueue(name);
    if (!work) return;
    for (const name of this.handlers.keys()) {
      await this.boss.work<{ jobId: string; workspaceId: string }>(name, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (job) await this.run(job.data.workspaceId, job.data.jobId);
      });
    }
    const pending = await asSystem(database.db, (tx) =>
      tx.select({ id: jobs.id, workspaceId: jobs.workspaceId, name: jobs.name }).from(jobs).where(inArray(jobs.state, ['queued', 'running'])),
    );
    for (const job of pending) await this.dispatch(job.id, job.workspaceId, job.name);
  }

  async stop(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.boss = null;
  }

  private update(workspaceId: string, id: string, patch: Partial<typeof jobs.$inferInsert>) {
    return inWorkspace(this.database.db, workspaceId, (tx) =>
      tx.update(jobs).set({ ...patch, updatedAt: new Date() }).where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.id, id))),
    );
  }

  /** Runs one job by id; public so that tests and the CLI can run a job synchronously. */
  async run(workspaceId: string, id: string): Promise<void> {
    const [job] = await inWorkspace(this.database.db, workspaceId, (tx) =>
      tx.select().from(jobs).where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.id, id))),
    );
    if (!job || job.state === 'succeeded' || job.state === 'failed') return;
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    await this.update(workspaceId, id, { state: 'running' });
    try {
      const result = await handler({
        id,
        workspaceId,
        payload: job.payload as never,
        progress: (done, total) => this.update(workspaceId, id, { progress: done, ...(total === undefined ? {} : { total }) }),
      });
      await this.update(workspaceId, id, { state: 'succeeded', result: (result ?? null) as never });
    } catch (err) {
      this.log.error({ err, jobId: id }, 'job failed');
      await this.update(workspaceId, id, { state: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  }
}
