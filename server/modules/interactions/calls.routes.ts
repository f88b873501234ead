import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { LOCALES } from '../../../contracts/roles.js';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Nullable, StringEnum, Timestamp, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { CALL_TYPE_DEFAULTS, createCallType, deleteCallType, listCallTypes, renderCallScript, updateCallType } from './call-scripts.service.js';
import { dial, dialerOf, handleCallEvent, listAgentExtensions, setAgentExtension } from './calls.service.js';
import { MERGE_FIELDS } from './email-out.service.js';

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

const byLocale = (maxLength: number, description: string) =>
  Type.Object(Object.fromEntries(LOCALES.map((locale) => [locale, Type.Optional(Type.String({ maxLength }))])), { additionalProperties: false, description });
const CallTypeFields = {
  names: byLocale(100, 'The type’s name by language: {"zh-CN": "投诉", "en": "Complaint"}.'),
  scripts: byLocale(20_000, `What the agent says, by language, with merge fields: ${MERGE_FIELDS.map((f) => `{{${f}}}`).join(', ')}.`),
  defaultFor: Type.Array(StringEnum(CALL_TYPE_DEFAULTS), { uniqueItems: true, description: 'The calls that start with this type: inbound from a known or unknown number, outbound.' }),
  position: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Order in lists.' }),
};
const CallTypeSchema = Type.Object({
  id: Uuid,
  names: Type.Record(Type.String(), Type.String()),
  scripts: Type.Record(Type.String(), Type.String()),
  defaultFor: Type.Array(Type.String()),
  position: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
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
  app.get('/calls/types', { schema: { tags, summary: 'Call types and their scripts (话术)', response: { 200: Type.Object({ data: Type.Array(CallTypeSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listCallTypes(tx, ctx)),
  }));
  app.post(
    '/calls/types',
    {
      schema: {
        tags,
        summary: 'Add a call type with its script (admin)',
        body: Type.Composite([Type.Object({ names: CallTypeFields.names, scripts: CallTypeFields.scripts }), Type.Partial(Type.Object({ defaultFor: CallTypeFields.defaultFor, position: CallTypeFields.position }))], { additionalProperties: false }),
        response: { 201: CallTypeSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await asCaller(request, (tx, ctx) => createCallType(tx, ctx, request.body))),
  );
  app.patch(
    '/calls/types/:id',
    { schema: { tags, summary: 'Change a call type or its script (admin)', params: IdParams, body: Type.Partial(Type.Object(CallTypeFields), { additionalProperties: false }), response: { 200: CallTypeSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => updateCallType(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/calls/types/:id', { schema: { tags, summary: 'Delete a call type (admin)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteCallType(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.get(
    '/calls/types/:id/script',
    {
      schema: {
        tags,
        summary: 'A call type’s script, ready to read during a call',
        description: 'In `locale` if written in it, else your language, the workspace’s, or the first written; merge fields filled from `contactId` (the caller) and you.',
        params: IdParams,
        querystring: Type.Object({ contactId: Type.Optional(Uuid), locale: Type.Optional(StringEnum(LOCALES)) }, { additionalProperties: false }),
        response: { 200: Type.Object({ locale: Nullable(Type.String()), text: Type.String() }), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => renderCallScript(tx, ctx, request.params.id, request.query)),
  );
  app.get(
    '/calls/dialer',
    {
      schema: {
        tags,
        summary: 'Whether click-to-call goes through the phone system for you',
        description: '`available`: the workspace has a PBX connection (POST /calls/dial works once you have an extension); otherwise dial with a tel: link.',
        response: { 200: Type.Object({ available: Type.Boolean(), extension: Nullable(Type.String()) }), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => dialerOf(tx, ctx)),
  );
  app.post(
    '/calls/dial',
    {
      schema: {
        tags,
        summary: 'Click-to-call: your phone rings, then the number is dialled',
        description:
          'The PBX (Asterisk: an AMI Originate) rings your extension and, when you pick up, calls `phone`; the call then pops and is logged like any other. 409 TELEPHONY_NOT_CONFIGURED without a PBX connection (use a tel: link), EXTENSION_NOT_SET when you have no extension.',
        body: Type.Object(
          { phone: Number_, recordType: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })), recordId: Type.Optional(Uuid) },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ extension: Type.String(), number: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(202).send(await asCaller(request, (tx, ctx) => dial(tx, ctx, request.body))),
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
