import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../http/route-context.js';
import { IdParams, Nullable, Timestamp, Uuid, errorResponses } from '../http/schemas.js';
import { createWebhookEndpoint, deleteWebhookEndpoint, deliverDueWebhooks, listDeliveries, listWebhookEndpoints, updateWebhookEndpoint } from './webhooks.service.js';
import { runPeriodically } from '../jobs/periodic.js';

const tags = ['webhooks'];
const config = { sessionOnly: true };
const Events = Type.Array(Type.String({ minLength: 1, maxLength: 80, pattern: '^(\\*|[a-z_]+\\.(\\*|[a-z_]+))$', description: '`contact.create`, `interaction.*` or `*`' }), { minItems: 1, maxItems: 50 });
const Url = Type.String({ format: 'uri', maxLength: 2000 });
const EndpointSchema = Type.Object({ id: Uuid, url: Type.String(), events: Type.Array(Type.String()), active: Type.Boolean(), createdAt: Timestamp });
const DeliverySchema = Type.Object({
  id: Uuid,
  event: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Timestamp,
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  createdAt: Timestamp,
  deliveredAt: Nullable(Timestamp),
});

/** Outbound webhooks (admins): endpoints, their one-time secret, and the delivery log. */
export const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/webhooks', { config, schema: { tags, summary: 'Webhook endpoints (admin)', response: { 200: Type.Object({ data: Type.Array(EndpointSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listWebhookEndpoints(tx, ctx)),
  }));
  app.post(
    '/webhooks',
    {
      config,
      schema: {
        tags,
        summary: 'Add a webhook endpoint (admin)',
        description: 'The answer carries `secret`, shown this once: receivers check `Guanxi-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with it.',
        body: Type.Object({ url: Url, events: Events }, { additionalProperties: false }),
        response: { 201: Type.Composite([EndpointSchema, Type.Object({ secret: Type.String() })]), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await asCaller(request, (tx, ctx) => createWebhookEndpoint(tx, ctx, request.body))),
  );
  app.patch(
    '/webhooks/:id',
    { config, schema: { tags, summary: 'Change a webhook endpoint (admin)', params: IdParams, body: Type.Partial(Type.Object({ url: Url, events: Events, active: Type.Boolean() }), { additionalProperties: false }), response: { 200: EndpointSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => updateWebhookEndpoint(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/webhooks/:id', { config, schema: { tags, summary: 'Remove a webhook endpoint and its log (admin)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteWebhookEndpoint(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.get('/webhooks/:id/deliveries', { config, schema: { tags, summary: 'The delivery log of an endpoint, newest first (admin)', params: IdParams, response: { 200: Type.Object({ data: Type.Array(DeliverySchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listDeliveries(tx, ctx, request.params.id)),
  }));
  runPeriodically(app, 'webhook delivery', 5_000, () => deliverDueWebhooks(app.database));
};
