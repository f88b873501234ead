import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { invalidField } from '../../platform/errors/app-error.js';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, errorResponses } from '../../platform/http/schemas.js';
import { CreateDashboardBody, DashboardSchema, PinBody, RunTileBody, StandardDashboardSchema, TileRunSchema, UpdateDashboardBody } from './dashboards.schema.js';
import { createDashboard, deleteDashboard, getDashboard, listDashboards, pinReport, runTile, updateDashboard } from './dashboards.service.js';
import { STANDARD_DASHBOARDS } from './dashboards.standard.js';

const tags = ['dashboards'];

/** Dashboards: grids of saved reports and built-in figures, personal or shared, under one set of filters. */
export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dashboards/standard',
    { schema: { tags, summary: 'The built-in dashboards: sales, customers, service', response: { 200: Type.Object({ data: Type.Array(StandardDashboardSchema) }), ...errorResponses } } },
    async () => ({ data: STANDARD_DASHBOARDS }),
  );
  app.post(
    '/dashboards/tiles/run',
    {
      schema: {
        tags,
        summary: 'Run one tile under the dashboard’s filters',
        description: 'A saved report (`reportId`) or a built-in tile (`builtin`), as the caller. A built-in tile whose module has nothing yet answers `result: null`.',
        body: RunTileBody,
        response: { 200: TileRunSchema, ...errorResponses },
      },
    },
    (request) => {
      const { filters, ...tile } = request.body;
      if (Boolean(tile.reportId) === Boolean(tile.builtin)) throw invalidField('reportId', 'invalid');
      return asCaller(request, (tx, ctx) => runTile(tx, ctx, tile, filters ?? {}));
    },
  );
  app.get('/dashboards', { schema: { tags, summary: 'Your dashboards and the shared ones', response: { 200: Type.Object({ data: Type.Array(DashboardSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listDashboards(tx, ctx)),
  }));
  app.post(
    '/dashboards',
    { config: { sessionOnly: true }, schema: { tags, summary: 'Make a dashboard', body: CreateDashboardBody, response: { 201: DashboardSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await asCaller(request, (tx, ctx) => createDashboard(tx, ctx, request.body))),
  );
  app.get('/dashboards/:id', { schema: { tags, summary: 'One dashboard', params: IdParams, response: { 200: DashboardSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getDashboard(tx, ctx, request.params.id)),
  );
  app.patch(
    '/dashboards/:id',
    { config: { sessionOnly: true }, schema: { tags, summary: 'Change a dashboard: name, sharing, tiles and their layout, filters', params: IdParams, body: UpdateDashboardBody, response: { 200: DashboardSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => updateDashboard(tx, ctx, request.params.id, request.body)),
  );
  app.post(
    '/dashboards/:id/tiles',
    { config: { sessionOnly: true }, schema: { tags, summary: 'Pin a saved report to the dashboard (a tile at the bottom)', params: IdParams, body: PinBody, response: { 200: DashboardSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => pinReport(tx, ctx, request.params.id, request.body.reportId)),
  );
  app.delete('/dashboards/:id', { config: { sessionOnly: true }, schema: { tags, summary: 'Delete a dashboard', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteDashboard(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
};
