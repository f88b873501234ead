import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Timestamp, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { ContactSchema } from './contacts.schema.js';
import { dismissDuplicateGroup, listDuplicateGroups, scanContactDuplicates } from './duplicate-scan.js';

export const DUPLICATE_SCAN_JOB = 'customers.duplicate-scan';
const tags = ['contacts'];

const GroupSchema = Type.Object({
  id: Uuid,
  score: Type.Number({ description: 'Best pair score in the group, 0–1.' }),
  reasons: Type.Array(Type.String(), { description: 'email, phone, name_company, similar_name_company, name' }),
  createdAt: Timestamp,
  contacts: Type.Array(ContactSchema),
});

export const duplicateScanRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.jobs.register<{ userId: string }>(DUPLICATE_SCAN_JOB, async (job) => {
    const ctx = await contextOfMember(app.database, job.workspaceId, job.payload.userId);
    if (!ctx) throw new Error('the member who started this scan is no longer active');
    return scanContactDuplicates(app.database, ctx, job.id, job.progress);
  });

  app.post(
    '/contacts/duplicate-scan',
    { schema: { tags, summary: 'Scan all contacts for duplicate groups (background job)', response: { 202: Type.Object({ jobId: Uuid }), ...errorResponses } } },
    async (request, reply) => {
      const { jobId, workspaceId } = await asCaller(request, async (tx, ctx) => {
        assertCan(ctx, 'records.dedupe');
        return { jobId: await app.jobs.enqueue(tx, ctx.workspaceId, ctx.userId, DUPLICATE_SCAN_JOB, { userId: ctx.userId }), workspaceId: ctx.workspaceId };
      });
      await app.jobs.dispatch(jobId, workspaceId, DUPLICATE_SCAN_JOB);
      return reply.status(202).send({ jobId });
    },
  );
  app.get('/contacts/duplicate-groups', { schema: { tags, summary: 'Open duplicate groups from the last scan, best first', response: { 200: Type.Object({ data: Type.Array(GroupSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listDuplicateGroups(tx, ctx)),
  }));
  app.post(
    '/contacts/duplicate-groups/:id/dismiss',
    { schema: { tags, summary: 'Not duplicates: dismiss a group', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await asCaller(request, (tx, ctx) => dismissDuplicateGroup(tx, ctx, request.params.id));
      return reply.status(204).send(null);
    },
  );
};
