import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../auth/context.js';
import { notFound } from '../errors/app-error.js';
import { jobs } from './jobs.tables.js';

/** A job of the caller's workspace, optionally of one kind; 404 otherwise. */
export async function getJob(tx: Executor, ctx: RequestContext, id: string, name?: string) {
  const [job] = await tx
    .select()
    .from(jobs)
    .where(and(eq(jobs.workspaceId, ctx.workspaceId), eq(jobs.id, id), name ? eq(jobs.name, name) : undefined));
  if (!job) throw notFound('job');
  return job;
}
