import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, ListQuery, Page, errorResponses } from '../../platform/http/schemas.js';
import { CreateInteractionBody, InteractionSchema, TimelineQuery, UpdateInteractionBody } from './interactions.schema.js';
import { deleteInteraction, getInteraction, listInteractions, logInteraction, restoreInteraction, timelineOf, updateInteraction } from './interactions.service.js';

const tags = ['interactions'];

/** Interactions (calls, e-mails, meetings, notes, messages, visits) and the timeline of any record. */
export const interactionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/timeline',
    {
      schema: {
        tags,
        summary: "A record's timeline, newest first",
        description: 'Everything logged against the record, with it as a participant, or rolled up to it (a contact’s calls on its accounts). Whoever may read the record sees its timeline.',
        querystring: TimelineQuery,
        response: { 200: Page(InteractionSchema), ...errorResponses },
      },
    },
    (request) => {
      const { recordType, recordId, ...query } = request.query;
      return asCaller(request, (tx, ctx) => timelineOf(tx, ctx, { recordType, recordId }, query));
    },
  );
  app.get(
    '/interactions',
    {
      schema: {
        tags,
        summary: 'Interactions the caller may see',
        description: 'Filter: type, channel, direction, outcome, subject, ownerId, threadId, occurredAt, createdAt. Sort: occurredAt, createdAt.',
        querystring: ListQuery,
        response: { 200: Page(InteractionSchema), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listInteractions(tx, ctx, request.query)),
  );
  app.post(
    '/interactions',
    {
      schema: {
        tags,
        summary: 'Log an interaction',
        description: 'On the timelines of its links and contact participants. The same `externalId` on the same channel twice is one interaction: the second call answers with the first.',
        body: CreateInteractionBody,
        response: { 201: InteractionSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await asCaller(request, (tx, ctx) => logInteraction(tx, ctx, request.body))),
  );
  app.get('/interactions/:id', { schema: { tags, summary: 'One interaction', params: IdParams, response: { 200: InteractionSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getInteraction(tx, ctx, request.params.id)),
  );
  app.patch('/interactions/:id', { schema: { tags, summary: 'Change an interaction', params: IdParams, body: UpdateInteractionBody, response: { 200: InteractionSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateInteraction(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/interactions/:id', { schema: { tags, summary: 'Move an interaction to the recycle bin', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteInteraction(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.post('/interactions/:id/restore', { schema: { tags, summary: 'Restore an interaction from the recycle bin', params: IdParams, response: { 200: InteractionSchema, ...errorResponses } } }, (request) =>
    asCaller(request, async (tx, ctx) => {
      await restoreInteraction(tx, ctx, request.params.id);
      return getInteraction(tx, ctx, request.params.id);
    }),
  );
};
