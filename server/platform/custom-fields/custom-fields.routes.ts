import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CUSTOM_FIELD_TYPES } from '../../../contracts/customers.js';
import { asCaller } from '../http/route-context.js';
import { IdParams, Nullable, StringEnum, Timestamp, Uuid, errorResponses } from '../http/schemas.js';
import { createCustomField, listCustomFields, updateCustomField } from './custom-fields.service.js';

const tags = ['custom-fields'];
const Label = Type.String({ minLength: 1, maxLength: 100 });
const LabelsSchema = Type.Object({ 'zh-CN': Type.Optional(Label), 'zh-TW': Type.Optional(Label), en: Type.Optional(Label) }, { additionalProperties: false, minProperties: 1 });
const OptionsSchema = Type.Object(
  {
    choices: Type.Optional(Type.Array(Type.Object({ value: Type.String({ minLength: 1, maxLength: 60 }), label: LabelsSchema }, { additionalProperties: false }), { maxItems: 200 })),
    lookupType: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  },
  { additionalProperties: false },
);
const DefinitionSchema = Type.Object({
  id: Uuid,
  objectType: Type.String(),
  key: Type.String(),
  label: Type.Record(Type.String(), Type.String()),
  type: StringEnum(CUSTOM_FIELD_TYPES),
  options: Type.Object({ choices: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Type.Record(Type.String(), Type.String()) }))), lookupType: Type.Optional(Type.String()), currency: Type.Optional(Type.String()) }),
  required: Type.Boolean(),
  position: Type.Integer(),
  archivedAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
const CreateBody = Type.Object(
  {
    objectType: Type.String({ minLength: 1, maxLength: 40, description: 'contacts, accounts…' }),
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'API name, lower snake case; fixed once created.' }),
    label: LabelsSchema,
    type: StringEnum(CUSTOM_FIELD_TYPES, { description: CUSTOM_FIELD_TYPES.join(', ') }),
    options: Type.Optional(OptionsSchema),
    required: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
const UpdateBody = Type.Partial(Type.Object({ label: LabelsSchema, options: OptionsSchema, required: Type.Boolean(), position: Type.Integer({ minimum: 0, maximum: 10_000 }), archived: Type.Boolean() }), { additionalProperties: false });

/** Custom field definitions: admins add fields to any customizable object; values live on the records. */
export const customFieldRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/custom-fields',
    {
      schema: {
        tags,
        summary: 'Custom fields of an object',
        querystring: Type.Object({ objectType: Type.String({ minLength: 1, maxLength: 40 }), includeArchived: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: Type.Object({ data: Type.Array(DefinitionSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ data: await asCaller(request, (tx, ctx) => listCustomFields(tx, ctx, request.query.objectType, request.query.includeArchived)) }),
  );
  app.post('/custom-fields', { config: { sessionOnly: true }, schema: { tags, summary: 'Add a custom field (admin)', body: CreateBody, response: { 201: DefinitionSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createCustomField(tx, ctx, request.body))),
  );
  app.patch(
    '/custom-fields/:id',
    { config: { sessionOnly: true }, schema: { tags, summary: 'Change or archive a custom field (admin)', params: IdParams, body: UpdateBody, response: { 200: DefinitionSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => updateCustomField(tx, ctx, request.params.id, request.body)),
  );
};
