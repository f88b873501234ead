import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TObject } from '@sinclair/typebox';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { asCaller } from '../../platform/http/route-context.js';
import { Uuid, errorResponses } from '../../platform/http/schemas.js';
import { BULK_MAX, BulkResultsSchema, bulkBody, runBulk } from '../../platform/records/bulk.js';
import { CreateAccountBody, UpdateAccountBody } from './accounts.schema.js';
import { createAccount, deleteAccount, updateAccount } from './accounts.service.js';
import { CreateContactBody, UpdateContactBody } from './contacts.schema.js';
import { createContact, deleteContact, updateContact } from './contacts.service.js';

interface BulkObject {
  path: string;
  tag: string;
  createBody: TObject;
  updateBody: TObject;
  create(tx: Executor, ctx: RequestContext, input: never): Promise<{ id: string }>;
  update(tx: Executor, ctx: RequestContext, id: string, patch: never): Promise<{ id: string }>;
  remove(tx: Executor, ctx: RequestContext, id: string): Promise<void>;
}

const OBJECTS: BulkObject[] = [
  { path: '/contacts', tag: 'contacts', createBody: CreateContactBody, updateBody: UpdateContactBody, create: createContact, update: updateContact, remove: deleteContact },
  { path: '/accounts', tag: 'accounts', createBody: CreateAccountBody, updateBody: UpdateAccountBody, create: createAccount, update: updateAccount, remove: deleteAccount },
];

/**
 * POST <object>/bulk creates, PATCH <object>/bulk changes, POST <object>/bulk-delete moves to the recycle bin:
 * up to 1,000 records a call, each judged alone.
 */
export const bulkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const object of OBJECTS) {
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
