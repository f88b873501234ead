import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../http/route-context.js';
import { FILTER_LOGIC_MAX_LENGTH } from '../http/filter-logic.js';
import { FIELD_TYPES } from '../http/list-query.js';
import { IdParams, Nullable, StringEnum, Timestamp, Uuid, errorResponses } from '../http/schemas.js';
import { ContributedFieldSchema } from './list-extensions.js';
import { createView, deleteView, listFieldsOf, listViews, updateView } from './views.service.js';

const tags = ['views'];
const Filter = Type.String({ minLength: 3, maxLength: 500, description: 'field:operator:value, as the list API takes it' });
const fields = {
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  shared: Type.Boolean({ description: 'Everyone in the workspace sees it; else only you.' }),
  filters: Type.Array(Filter, { maxItems: 20 }),
  filterLogic: Nullable(Type.String({ maxLength: FILTER_LOGIC_MAX_LENGTH, description: 'How the filters combine: `1 AND (2 OR 3)`; null: all must hold.' })),
  sort: Nullable(Type.String({ maxLength: 100 })),
  columns: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 60 }),
};
const ViewSchema = Type.Object({ id: Uuid, objectType: Type.String(), ownerId: Uuid, ...fields, createdAt: Timestamp, updatedAt: Timestamp });
const CreateViewBody = Type.Composite(
  [Type.Object({ objectType: Type.String({ minLength: 1, maxLength: 40, description: 'contacts, accounts…' }), name: fields.name }), Type.Partial(Type.Object({ shared: fields.shared, filters: fields.filters, filterLogic: fields.filterLogic, sort: fields.sort, columns: fields.columns }))],
  { additionalProperties: false },
);
const UpdateViewBody = Type.Partial(Type.Object(fields), { additionalProperties: false });

const ObjectTypeQuery = Type.Object({ objectType: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
const ListFieldSchema = Type.Object({
  name: Type.String({ description: 'As filter and sort take it: `company`, `custom.region`.' }),
  type: StringEnum(FIELD_TYPES),
  sortable: Type.Boolean(),
  contributed: Type.Optional(ContributedFieldSchema),
});

/** Saved list views, personal and shared, for any list a module registered. */
export const viewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/views',
    { schema: { tags, summary: 'Your and shared saved views of a list', querystring: ObjectTypeQuery, response: { 200: Type.Object({ data: Type.Array(ViewSchema) }), ...errorResponses } } },
    async (request) => ({ data: await asCaller(request, (tx, ctx) => listViews(tx, ctx, request.query.objectType)) }),
  );
  app.get(
    '/views/fields',
    {
      schema: {
        tags,
        summary: 'The fields a list filters and sorts by',
        description: 'For filter builders: every field of the list with its type (custom fields as `custom.<key>`); the operators per type are in docs/api.md.',
        querystring: ObjectTypeQuery,
        response: { 200: Type.Object({ data: Type.Array(ListFieldSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ data: await asCaller(request, (tx, ctx) => listFieldsOf(tx, ctx, request.query.objectType)) }),
  );
  app.post('/views', { config: { sessionOnly: true }, schema: { tags, summary: 'Save a view', body: CreateViewBody, response: { 201: ViewSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createView(tx, ctx, request.body))),
  );
  app.patch('/views/:id', { config: { sessionOnly: true }, schema: { tags, summary: 'Change a saved view (its owner; admins for shared ones)', params: IdParams, body: UpdateViewBody, response: { 200: ViewSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateView(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/views/:id', { config: { sessionOnly: true }, schema: { tags, summary: 'Delete a saved view', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteView(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
};
