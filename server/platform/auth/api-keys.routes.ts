import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../http/route-context.js';
import { IdParams, errorResponses } from '../http/schemas.js';
import { ApiKeySchema, CreateApiKeyBody, CreatedApiKeySchema } from './auth.schema.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';

const tags = ['api-keys'];
const config = { sessionOnly: true };

export const apiKeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api-keys', { config, schema: { tags, summary: 'Active API keys', response: { 200: Type.Object({ data: Type.Array(ApiKeySchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listApiKeys(tx, ctx)),
  }));

  app.post(
    '/api-keys',
    { config, schema: { tags, summary: 'Create an API key (the key is shown once)', body: CreateApiKeyBody, response: { 201: CreatedApiKeySchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await asCaller(request, (tx, ctx) => createApiKey(tx, ctx, request.body))),
  );

  app.delete(
    '/api-keys/:id',
    { config, schema: { tags, summary: 'Revoke an API key', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await asCaller(request, (tx, ctx) => revokeApiKey(tx, ctx, request.params.id));
      return reply.status(204).send(null);
    },
  );
};
