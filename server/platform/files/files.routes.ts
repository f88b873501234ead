import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { attachment } from '../http/content-disposition.js';
import { asCaller } from '../http/route-context.js';
import { IdParams, errorResponses } from '../http/schemas.js';
import { readFile } from './files.service.js';

/** Files of the workspace (e-mail attachments): any member may download them. */
export const fileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/files/:id', { schema: { tags: ['files'], summary: 'Download a file (an attachment)', params: IdParams, response: { 200: { description: 'The file, as an attachment under its name.', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, ...errorResponses } } }, async (request, reply) => {
    const file = await asCaller(request, (tx, ctx) => readFile(tx, ctx, request.params.id));
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachment(file.name))
      .header('x-content-type-options', 'nosniff')
      .send(file.data);
  });
};
