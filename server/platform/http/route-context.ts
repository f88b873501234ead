import type { FastifyRequest } from 'fastify';
import type { Database, Tx } from '../../db/client.js';
import { asSystem, inWorkspace } from '../../db/transaction.js';
import { callerOf } from '../auth/authenticate.js';
import type { RequestContext } from '../auth/context.js';
import type { Config } from '../../config.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Realtime } from '../realtime/realtime.js';
import type { Secrets } from '../secrets/secrets.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    jobs: JobQueue;
    realtime: Realtime;
    secrets: Secrets;
  }
}

/**
 * Runs a service call for the caller of `request` inside one transaction confined to their workspace
 * (row-level security on). Routes stay thin: parse → this → present.
 */
export function asCaller<T>(request: FastifyRequest, fn: (tx: Tx, ctx: RequestContext) => Promise<T>): Promise<T> {
  const ctx = callerOf(request);
  return inWorkspace(request.server.database.db, ctx.workspaceId, (tx) => fn(tx, ctx));
}

/** Runs a service call that must cross workspaces (sign-in, sign-up, invites by token). */
export function asSystemCall<T>(request: FastifyRequest, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return asSystem(request.server.database.db, fn);
}
