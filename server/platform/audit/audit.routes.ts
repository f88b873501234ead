import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../http/route-context.js';
import { ListQuery, Nullable, Page, Timestamp, Uuid, errorResponses } from '../http/schemas.js';
import { assertCan } from '../permissions/policy.js';
import { listAudit } from './audit.service.js';

const AuditEntrySchema = Type.Object({
  id: Uuid,
  actorUserId: Nullable(Uuid),
  actorApiKeyId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  recordType: Type.String(),
  recordId: Uuid,
  changes: Type.Record(Type.String(), Type.Object({ old: Type.Unknown(), new: Type.Unknown() })),
  at: Timestamp,
});

const AuditQuery = Type.Composite(
  [ListQuery, Type.Object({ recordType: Type.Optional(Type.String({ maxLength: 50 })), recordId: Type.Optional(Uuid) })],
  { additionalProperties: false },
);

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who changed what, newest first (admin, manager)',
        description: 'recordType and recordId narrow it to one record.',
        querystring: AuditQuery,
        response: { 200: Page(AuditEntrySchema), ...errorResponses },
      },
    },
    (request) =>
      asCaller(request, (tx, ctx) => {
        assertCan(ctx, 'audit.read');
        return listAudit(tx, ctx, request.query);
      }),
  );
};
