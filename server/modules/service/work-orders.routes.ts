import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Page, errorResponses } from '../../platform/http/schemas.js';
import { dispatchCandidates, dispatchWorkOrder } from './dispatch.service.js';
import { CancelBody, CandidatesSchema, CreateWorkOrderBody, DispatchBody, StationUpdateBody, WorkOrderEventSchema, WorkOrderListQuery, WorkOrderSchema } from './work-orders.schema.js';
import { cancelWorkOrder, createWorkOrder, getWorkOrder, listWorkOrders, stationUpdate, workOrderHistory, type WorkOrder } from './work-orders.service.js';

const tags = ['field service'];

/** Work orders: made from repair cases, dispatched to stations by score, worked by the stations. */
export const workOrderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** After the commit: the members concerned hear of it on their open pages. */
  const tell = async (workspaceId: string, userIds: string[], type: string, order: WorkOrder) => {
    if (userIds.length) await app.realtime.publish({ workspaceId, userIds, event: { type, workOrderId: order.id, number: order.numberText, caseId: order.caseId, status: order.status, stationName: order.stationName } });
  };

  app.get(
    '/work-orders',
    {
      schema: {
        tags,
        summary: 'Work orders the caller may see, newest first (a station member: their station’s)',
        description: 'Filter: number, status, caseId, stationId, productId, ownerId, province, dispatchedAt, doneAt, createdAt, updatedAt. Sort: number, createdAt, updatedAt.',
        querystring: WorkOrderListQuery,
        response: { 200: Page(WorkOrderSchema), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listWorkOrders(tx, ctx, request.query)),
  );
  app.post('/work-orders', { schema: { tags, summary: 'Make a work order from a repair case (409 WORK_ORDER_NOT_REPAIR otherwise)', body: CreateWorkOrderBody, response: { 201: WorkOrderSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createWorkOrder(tx, ctx, request.body))),
  );
  app.get('/work-orders/:id', { schema: { tags, summary: 'One work order', params: IdParams, response: { 200: WorkOrderSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getWorkOrder(tx, ctx, request.params.id)),
  );
  app.get('/work-orders/:id/history', { schema: { tags, summary: 'Status changes of a work order, oldest first', params: IdParams, response: { 200: Type.Object({ data: Type.Array(WorkOrderEventSchema) }), ...errorResponses } } }, (request) =>
    asCaller(request, async (tx, ctx) => ({ data: await workOrderHistory(tx, ctx, request.params.id) })),
  );
  app.get(
    '/work-orders/:id/dispatch-candidates',
    {
      schema: {
        tags,
        summary: 'Every station scored for the order, best first, with each part of its score (docs/service.md, "Field service")',
        params: IdParams,
        response: { 200: CandidatesSchema, ...errorResponses },
      },
    },
    (request) => asCaller(request, async (tx, ctx) => ({ data: (await dispatchCandidates(tx, ctx, request.params.id)).candidates })),
  );
  app.post(
    '/work-orders/:id/dispatch',
    {
      schema: {
        tags,
        summary: 'Dispatch to the best station, or to another with an override reason',
        description: 'A station that cannot take the order (inactive, full, without the skill): 409 STATION_CANNOT_TAKE. Another station than the best without overrideReason: 400.',
        params: IdParams,
        body: DispatchBody,
        response: { 200: WorkOrderSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { order, notify } = await asCaller(request, (tx, ctx) => dispatchWorkOrder(tx, ctx, request.params.id, request.body));
      await tell(request.auth!.workspaceId, notify, 'work_order.dispatched', order);
      return order;
    },
  );
  app.post(
    '/work-orders/:id/station-update',
    {
      schema: {
        tags,
        summary: 'The station accepts, declines, is on site or is done (its members only)',
        description: 'dispatched → accepted → on_site → done; dispatched or accepted → declined (back to dispatch). Done or declined: a note on the case and a message to its agent.',
        params: IdParams,
        body: StationUpdateBody,
        response: { 200: WorkOrderSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { order, notify } = await asCaller(request, (tx, ctx) => stationUpdate(tx, ctx, request.params.id, request.body));
      await tell(request.auth!.workspaceId, notify, `work_order.${order.status}`, order);
      return order;
    },
  );
  app.post('/work-orders/:id/cancel', { schema: { tags, summary: 'Cancel an order not yet done', params: IdParams, body: CancelBody, response: { 200: WorkOrderSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => cancelWorkOrder(tx, ctx, request.params.id, request.body.note ?? null)),
  );
};
