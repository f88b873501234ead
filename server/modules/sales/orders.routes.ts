import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Nullable, Page, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { AppError } from '../../platform/errors/app-error.js';
import { getAccount, getContact } from '../customers/index.js';
import { productsOwned } from './orders-overview.js';
import { changeOrderStatus, createOrder, deleteOrder, getOrderWithLines, listDeletedOrders, listOrdersNamed, restoreOrder, updateOrder } from './orders.service.js';
import { CreateOrderBody, DeletedOrderSchema, OrderListQuery, OrderSchema, OrderStatusBody, OrderWithLinesSchema, UpdateOrderBody } from './orders.schema.js';

export const orderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['orders'];
  app.get(
    '/orders',
    {
      schema: {
        tags,
        summary: 'Orders the caller may see, newest first',
        description: 'Filter: number, status, accountId, contactId, opportunityId, quoteId, ownerId, currency, total, orderedAt, orderDate, externalRef, createdAt, updatedAt, custom.<key>. Sort: number, total, orderedAt, orderDate, createdAt, updatedAt.',
        querystring: OrderListQuery,
        response: { 200: Page(OrderSchema), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listOrdersNamed(tx, ctx, request.query)),
  );
  app.get('/orders/recycle-bin', { schema: { tags, summary: 'Deleted orders that can be restored', querystring: OrderListQuery, response: { 200: Page(DeletedOrderSchema), ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => listDeletedOrders(tx, ctx, request.query)),
  );
  app.get(
    '/orders/products-owned',
    {
      schema: {
        tags,
        summary: 'What a customer bought and still has: per product, quantity, first and last purchase day, warranty end',
        querystring: Type.Object({ accountId: Type.Optional(Uuid), contactId: Type.Optional(Uuid) }, { additionalProperties: false, description: 'One of accountId or contactId.' }),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            data: Type.Array(
              Type.Object({ productId: Uuid, sku: Type.String(), name: Type.String(), quantity: Type.Number(), firstPurchasedOn: Type.String({ format: 'date' }), lastPurchasedOn: Type.String({ format: 'date' }), warrantyEndsOn: Nullable(Type.String({ format: 'date' })) }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) =>
      asCaller(request, async (tx, ctx) => {
        const { accountId, contactId } = request.query;
        if (!accountId === !contactId) throw new AppError('VALIDATION_FAILED', 400, {}, [{ field: 'accountId', code: 'required' }]);
        if (accountId) await getAccount(tx, ctx, accountId);
        else await getContact(tx, ctx, contactId!);
        return productsOwned(tx, ctx, accountId ? 'account' : 'contact', (accountId ?? contactId)!);
      }),
  );
  app.post(
    '/orders',
    {
      schema: {
        tags,
        summary: 'Create an order (a draft unless status is confirmed); lines without a price take the catalog’s',
        body: CreateOrderBody,
        response: { 201: OrderWithLinesSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await asCaller(request, (tx, ctx) => createOrder(tx, ctx, request.body))),
  );
  app.get('/orders/:id', { schema: { tags, summary: 'One order with its lines', params: IdParams, response: { 200: OrderWithLinesSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getOrderWithLines(tx, ctx, request.params.id)),
  );
  app.patch(
    '/orders/:id',
    { schema: { tags, summary: 'Change a draft order (409 ORDER_NOT_DRAFT once confirmed)', params: IdParams, body: UpdateOrderBody, response: { 200: OrderWithLinesSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => updateOrder(tx, ctx, request.params.id, request.body)),
  );
  app.post(
    '/orders/:id/status',
    {
      schema: {
        tags,
        summary: 'Confirm, fulfil or cancel an order',
        description: 'draft → confirmed → fulfilled; draft or confirmed → cancelled. Anything else: 409 ORDER_STATUS_CHANGE.',
        params: IdParams,
        body: OrderStatusBody,
        response: { 200: OrderWithLinesSchema, ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => changeOrderStatus(tx, ctx, request.params.id, request.body.status)),
  );
  app.delete('/orders/:id', { schema: { tags, summary: 'Move a draft or cancelled order to the recycle bin', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteOrder(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.post('/orders/:id/restore', { schema: { tags, summary: 'Restore an order from the recycle bin', params: IdParams, response: { 200: OrderSchema, ...errorResponses } } }, async (request) => {
    const order = await asCaller(request, (tx, ctx) => restoreOrder(tx, ctx, request.params.id));
    return { ...order, name: order.number, customerName: null };
  });
};
