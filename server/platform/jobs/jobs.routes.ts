import fs from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../http/route-context.js';
import { IdParams, Nullable, StringEnum, Timestamp, Uuid, errorResponses } from '../http/schemas.js';
import { notFound } from '../errors/app-error.js';
import { assertCan } from '../permissions/policy.js';
import { exportWorkspace } from '../backup/backup.service.js';
import { getJob } from './jobs.service.js';

const JobSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  state: StringEnum(['queued', 'running', 'succeeded', 'failed'] as const),
  progress: Type.Integer(),
  total: Nullable(Type.Integer()),
  result: Type.Unknown(),
  error: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const BACKUP_JOB = 'workspace.backup';

export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const backupDir = (workspaceId: string) => path.join(app.config.dataDir, 'backups', workspaceId);

  app.jobs.register<Record<string, never>>(BACKUP_JOB, async (job) => {
    const dump = await exportWorkspace(app.database, job.workspaceId, job.progress);
    fs.mkdirSync(backupDir(job.workspaceId), { recursive: true });
    const file = path.join(backupDir(job.workspaceId), `${job.id}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(dump));
    fs.renameSync(`${file}.tmp`, file);
    return { downloadUrl: `/api/v1/workspace/backups/${job.id}`, rows: dump.tables.reduce((n, t) => n + t.rows.length, 0) };
  });

  app.get('/jobs/:id', { schema: { tags: ['jobs'], summary: 'State and progress of a background job', params: IdParams, response: { 200: JobSchema, ...errorResponses } } }, async (request) => {
    return asCaller(request, (tx, ctx) => getJob(tx, ctx, request.params.id));
  });

  app.post(
    '/workspace/backup',
    { config: { sessionOnly: true }, schema: { tags: ['workspace'], summary: 'Start a backup of the workspace (admin)', response: { 202: Type.Object({ jobId: Uuid }), ...errorResponses } } },
    async (request, reply) => {
      const { jobId, workspaceId } = await asCaller(request, async (tx, ctx) => {
        assertCan(ctx, 'workspace.manage');
        return { jobId: await app.jobs.enqueue(tx, ctx.workspaceId, ctx.userId, BACKUP_JOB, {}), workspaceId: ctx.workspaceId };
      });
      await app.jobs.dispatch(jobId, workspaceId, BACKUP_JOB);
      return reply.status(202).send({ jobId });
    },
  );

  app.get(
    '/workspace/backups/:id',
    { config: { sessionOnly: true }, schema: { tags: ['workspace'], summary: 'Download a finished backup (admin)', params: IdParams } },
    async (request, reply) => {
      const workspaceId = await asCaller(request, async (tx, ctx) => {
        assertCan(ctx, 'workspace.manage');
        const job = await getJob(tx, ctx, request.params.id, BACKUP_JOB);
        if (job.state !== 'succeeded') throw notFound('job');
        return ctx.workspaceId;
      });
      const file = path.join(backupDir(workspaceId), `${request.params.id}.json`);
      if (!fs.existsSync(file)) throw notFound('job');
      return reply
        .type('application/json')
        .header('content-disposition', `attachment; filename="guanxi-backup-${request.params.id}.json"`)
        .send(fs.createReadStream(file));
    },
  );
};
