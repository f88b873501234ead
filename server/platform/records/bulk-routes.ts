import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TObject } from '@sinclair/typebox';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../auth/context.js';
import { asCaller } from '../http/route-context.js';
import { Uuid, errorResponses } from '../http/schemas.js';
import { BULK_MAX, BulkResultsSchema, bulkBody, runBulk } from './bulk.js';

/** A record type with bulk routes: its path and OpenAPI tag, bodies, and the single-record services. */
export interface BulkObject {
  path: string;
  tag: string;
  createBody: TObject;
  updateBody: TObject;
  create(tx: Executor, ctx: RequestContext, input: never): Promise<{ id: string }>;
  update(tx: Executor, ctx: RequestContext, id: string, patch: never): Promise<{ id: string }>;
  remove(tx: Executor, ctx: RequestContext, id: string): Promise<void>;
}

/**
 * POST <object>/bulk creates, PATCH <object>/bulk changes, POST <object>/bulk-delete moves to the recycle bin:
 * up to 1,000 records a call, each judged alone.
 */
export function bulkRoutes(objects: BulkObject[]): FastifyPluginAsyncTypebox {
  return async (app) => {
    for (const object of objects) {
      const UpdateItem = Type.Composite([Type.Object({ id: Uuid }), object.updateBody], { additionalProperties: false });
      app.post(
        `${object.path}/bulk`,
        {
          schema: {
            tags: [object.tag],
            summary: `Create up to ${BULK_MAX} records in one call`,
            description: 'Each item succeeds or fails alone; results[i] is what the single create would have answered.',
            body: bulkBody(object.createBody),
            response: { 200: BulkResultsSchema, ...errorResponses },
          },
        },
        (request) => asCaller(request, (tx, ctx) => runBulk(tx, ctx, request.body.items, 201, (row, item) => object.create(row, ctx, item as never))),
      );
      app.patch(
        `${object.path}/bulk`,
        {
          schema: {
            tags: [object.tag],
            summary: `Change up to ${BULK_MAX} records in one call`,
            description: 'Each item is { id, …fields to change } and succeeds or fails alone.',
            body: bulkBody(UpdateItem),
            response: { 200: BulkResultsSchema, ...errorResponses },
          },
        },
        (request) =>
          asCaller(request, (tx, ctx) =>
            runBulk(tx, ctx, request.body.items as { id: string }[], 200, (row, { id, ...patch }) => object.update(row, ctx, id, patch as never)),
          ),
      );
      app.post(
        `${object.path}/bulk-delete`,
        {
          schema: {
            tags: [object.tag],
            summary: `Move up to ${BULK_MAX} records to the recycle bin in one call`,
            description: 'Each id succeeds (204) or fails alone (404 when the caller may not see it, 403 when they may not delete it).',
            body: Type.Object({ ids: Type.Array(Uuid, { minItems: 1, maxItems: BULK_MAX, uniqueItems: true }) }, { additionalProperties: false }),
            response: { 200: BulkResultsSchema, ...errorResponses },
          },
        },
        (request) =>
          asCaller(request, (tx, ctx) =>
            runBulk(tx, ctx, request.body.ids, 204, async (row, id) => {
              await object.remove(row, ctx, id);
              return { id };
            }),
          ),
      );
    }
  };
}
