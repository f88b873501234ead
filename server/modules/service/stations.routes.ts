import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, errorResponses } from '../../platform/http/schemas.js';
import { stationDashboard } from './stations.dashboard.js';
import { CreateStationBody, DashboardQuery, DashboardSchema, FieldSettingsBody, FieldSettingsSchema, StationSchema, TechnicianBody, TechnicianParams, UpdateStationBody } from './stations.schema.js';
import { addTechnician, createStation, fieldServiceSettingsOf, getStation, listStations, removeTechnician, updateFieldServiceSettings, updateStation } from './stations.service.js';

const tags = ['field service'];

/** Service stations, their technicians, the dispatch settings and the stations dashboard. */
export const stationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/service-stations', { schema: { tags, summary: 'Service stations by name (a station member: their own)', response: { 200: Type.Object({ data: Type.Array(StationSchema) }), ...errorResponses } } }, (request) =>
    asCaller(request, async (tx, ctx) => ({ data: await listStations(tx, ctx) })),
  );
  app.post('/service-stations', { schema: { tags, summary: 'Add a service station (service configuration)', body: CreateStationBody, response: { 201: StationSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createStation(tx, ctx, request.body))),
  );
  app.get('/service-stations/settings', { schema: { tags, summary: 'Dispatch weights and rating thresholds', response: { 200: FieldSettingsSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => fieldServiceSettingsOf(tx, ctx)),
  );
  app.patch('/service-stations/settings', { schema: { tags, summary: 'Change the dispatch weights and rating thresholds', body: FieldSettingsBody, response: { 200: FieldSettingsSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateFieldServiceSettings(tx, ctx, request.body)),
  );
  app.get(
    '/service-stations/dashboard',
    { schema: { tags, summary: 'Per station: volume, median time to done, rating, open load; poorly rated stations flagged', querystring: DashboardQuery, response: { 200: DashboardSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => stationDashboard(tx, ctx, request.query.days ?? 90)),
  );
  app.get('/service-stations/:id', { schema: { tags, summary: 'One service station with its technicians', params: IdParams, response: { 200: StationSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getStation(tx, ctx, request.params.id)),
  );
  app.patch('/service-stations/:id', { schema: { tags, summary: 'Change a service station (deactivate it with active: false)', params: IdParams, body: UpdateStationBody, response: { 200: StationSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateStation(tx, ctx, request.params.id, request.body)),
  );
  app.post(
    '/service-stations/:id/technicians',
    { schema: { tags, summary: 'Tie a member to the station as a technician (409 when at another station)', params: IdParams, body: TechnicianBody, response: { 200: StationSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => addTechnician(tx, ctx, request.params.id, request.body.userId)),
  );
  app.delete('/service-stations/:id/technicians/:userId', { schema: { tags, summary: 'Untie a technician from the station', params: TechnicianParams, response: { 200: StationSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => removeTechnician(tx, ctx, request.params.id, request.params.userId)),
  );
};
