import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Nullable, StringEnum, errorResponses } from '../../platform/http/schemas.js';
import { collectOverview } from '../../platform/records/overview.js';
import { AccountSchema } from './accounts.schema.js';
import { getAccount } from './accounts.service.js';
import { ContactSchema } from './contacts.schema.js';
import { getContact } from './contacts.service.js';
import './overview.js';

const FigureSchema = Type.Object({
  key: Type.String(),
  value: Nullable(Type.Union([Type.Number(), Type.String()])),
  format: StringEnum(['count', 'money', 'date'] as const),
  currency: Type.Optional(Type.String()),
});
const PanelSchema = Type.Object({
  key: Type.String(),
  recordType: Type.String(),
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      subtitle: Nullable(Type.String()),
      at: Type.Optional(Nullable(Type.String())),
      status: Type.Optional(Type.String({ description: 'A status key of the record type; clients translate it' })),
      amount: Type.Optional(Type.Object({ value: Type.Integer({ description: 'Minor units' }), currency: Type.String() })),
    }),
  ),
});
const overviewOf = (name: string, record: TSchema) => Type.Object({ [name]: record, figures: Type.Array(FigureSchema), panels: Type.Array(PanelSchema) });

/** The 360-degree views: the record, key figures and panels that every module contributes. */
export const overviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/contacts/:id/overview',
    { schema: { tags: ['contacts'], summary: '360-degree view of a contact: key figures and related panels', params: IdParams, response: { 200: overviewOf('contact', ContactSchema), ...errorResponses } } },
    (request) =>
      asCaller(request, async (tx, ctx) => ({ contact: await getContact(tx, ctx, request.params.id), ...(await collectOverview(tx, ctx, 'contact', request.params.id)) })),
  );
  app.get(
    '/accounts/:id/overview',
    { schema: { tags: ['accounts'], summary: '360-degree view of an account: key figures and related panels', params: IdParams, response: { 200: overviewOf('account', AccountSchema), ...errorResponses } } },
    (request) =>
      asCaller(request, async (tx, ctx) => ({ account: await getAccount(tx, ctx, request.params.id), ...(await collectOverview(tx, ctx, 'account', request.params.id)) })),
  );
};
