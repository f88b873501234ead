import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { Nullable, StringEnum, Timestamp, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { FOLLOW_UP_TYPES, getFollowUpSettings, listFollowUps, setFollowUpSettings, snoozeFollowUp } from './follow-ups.service.js';

const tags = ['tasks'];
const Settings = Type.Object({ days: Type.Integer({ minimum: 1, maximum: 3650, description: 'A record silent this many days is suggested for a follow-up.' }) }, { additionalProperties: false });
const FollowUpSchema = Type.Object({
  recordType: Type.String(),
  recordId: Uuid,
  name: Type.String(),
  lastContactAt: Nullable(Timestamp),
});

/** Follow-up suggestions ("no contact in 30 days") on My day. */
export const followUpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/follow-ups',
    {
      schema: {
        tags,
        summary: 'Your contacts and accounts not in touch for a while',
        description:
          'Your own contacts and accounts whose last interaction is older than the workspace’s `days` (or which never had one), with no open task about them and not snoozed or dismissed by you; longest silence first. Create a task about one to take it off the list.',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })), cursor: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ data: Type.Array(FollowUpSchema), nextCursor: Nullable(Type.String()), days: Type.Integer() }), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listFollowUps(tx, ctx, request.query)),
  );
  app.post(
    '/follow-ups/snooze',
    {
      schema: {
        tags,
        summary: 'Put a suggestion aside',
        description: 'Until `until` (snooze), or with `until` null until the record is in touch again (dismiss).',
        body: Type.Object({ recordType: StringEnum(FOLLOW_UP_TYPES), recordId: Uuid, until: Nullable(Timestamp) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await asCaller(request, (tx, ctx) => snoozeFollowUp(tx, ctx, request.body));
      return reply.status(204).send(null);
    },
  );
  app.get('/follow-ups/settings', { schema: { tags, summary: 'After how many silent days records are suggested', response: { 200: Settings, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getFollowUpSettings(tx, ctx)),
  );
  app.put('/follow-ups/settings', { schema: { tags, summary: 'Set after how many silent days records are suggested (admin)', body: Settings, response: { 200: Settings, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => setFollowUpSettings(tx, ctx, request.body.days)),
  );
};
