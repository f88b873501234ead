import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { Nullable, StringEnum, Timestamp, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { handleCallEvent, listAgentExtensions, setAgentExtension } from './calls.service.js';

const tags = ['calls'];
const Number_ = Type.String({ minLength: 1, maxLength: 40, pattern: '^[+0-9()\\-\\s.*#]+$' });

const CallEventBody = Type.Object(
  {
    event: StringEnum(['ringing', 'answered', 'ended'] as const),
    callId: Type.String({ minLength: 1, maxLength: 200, description: 'The PBX’s id of the call; its events share it.' }),
    direction: StringEnum(['inbound', 'outbound'] as const),
    customerNumber: { ...Number_, description: 'Caller on inbound calls, callee on outbound, as the PBX writes it.' },
    lineNumber: Type.Optional(Nullable(Number_)),
    agentId: Type.Optional(Nullable(Uuid)),
    agentExtension: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
    at: Type.Optional(Timestamp),
    cause: Type.Optional(Nullable(StringEnum(['busy', 'no_answer', 'failed'] as const))),
    recordingUrl: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
const CallSchema = Type.Object({
  id: Uuid,
  externalId: Type.String(),
  direction: Type.String(),
  customerNumber: Type.String(),
  lineNumber: Nullable(Type.String()),
  agentId: Nullable(Uuid),
  status: Type.String(),
  contactId: Nullable(Uuid),
  startedAt: Timestamp,
  answeredAt: Nullable(Timestamp),
  endedAt: Nullable(Timestamp),
  recordingUrl: Nullable(Type.String()),
  interactionId: Nullable(Uuid),
});

/** Telephony (CTI): call events from a PBX or softphone, the incoming-call screen pop, agents' extensions. */
export const callRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/calls/events',
    {
      schema: {
        tags,
        summary: 'Report a call event (ringing, answered, ended)',
        description:
          'The generic CTI webhook, for a PBX or softphone (with an API key of write scope). On `ringing` the agent’s open pages get the screen pop over the realtime WebSocket; on `ended` the call is logged on the contact’s timeline. Events may repeat: each call is logged once.',
        body: CallEventBody,
        response: { 200: CallSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { call, push } = await asCaller(request, (tx, ctx) => handleCallEvent(tx, ctx, request.body));
      // After the commit: the pop never shows a call the database does not have.
      if (push) await app.realtime.publish(push);
      return call;
    },
  );
  app.get(
    '/calls/agents',
    { schema: { tags, summary: 'Members’ phone extensions', response: { 200: Type.Object({ data: Type.Array(Type.Object({ userId: Uuid, extension: Type.String() })) }), ...errorResponses } } },
    async (request) => ({ data: await asCaller(request, (tx, ctx) => listAgentExtensions(tx, ctx)) }),
  );
  app.put(
    '/calls/agents/:userId',
    {
      schema: {
        tags,
        summary: 'Set or clear a member’s extension (admin)',
        params: Type.Object({ userId: Uuid }, { additionalProperties: false }),
        body: Type.Object({ extension: Nullable(Type.String({ minLength: 1, maxLength: 40 })) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await asCaller(request, (tx, ctx) => setAgentExtension(tx, ctx, request.params.userId, request.body.extension));
      return reply.status(204).send(null);
    },
  );
};
