import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { attachment } from '../../platform/http/content-disposition.js';
import { requestLocale } from '../../platform/http/locale.js';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, errorResponses } from '../../platform/http/schemas.js';
import { viewableObjectTypes } from '../../platform/views/views.service.js';
import { EXPORT_CONTENT_TYPES, reportFile } from './reports.export.js';
import { CreateReportBody, DefinitionSchema, ExportQuery, ReportSchema, ResultSchema, ScopeQuery, UpdateReportBody } from './reports.schema.js';
import { createReport, deleteReport, getReport, listReports, runReport, runReportDefinition, updateReport } from './reports.service.js';

const tags = ['reports'];

/** Custom reports: saved definitions over any listed object, run as the caller, exported and mailed. */
export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/reports/objects',
    {
      schema: {
        tags,
        summary: 'Objects a report can be built over',
        description: 'Their fields, with types, are at `GET /views/fields?objectType=…` (custom fields included).',
        response: { 200: Type.Object({ data: Type.Array(Type.Object({ objectType: Type.String() })) }), ...errorResponses },
      },
    },
    async () => ({ data: viewableObjectTypes().map((objectType) => ({ objectType })) }),
  );
  app.get('/reports', { schema: { tags, summary: 'Your reports and the shared ones', response: { 200: Type.Object({ data: Type.Array(ReportSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listReports(tx, ctx)),
  }));
  app.post(
    '/reports',
    { config: { sessionOnly: true }, schema: { tags, summary: 'Save a report', body: CreateReportBody, response: { 201: ReportSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await asCaller(request, (tx, ctx) => createReport(tx, ctx, request.body))),
  );
  app.post(
    '/reports/run',
    {
      schema: {
        tags,
        summary: 'Run a report that is not saved (the builder’s preview)',
        description: 'One SQL aggregation over the object, confined to the rows the caller may read. Unknown fields are a 400 naming them.',
        body: Type.Object({ definition: DefinitionSchema, scope: Type.Optional(ScopeQuery) }, { additionalProperties: false }),
        response: { 200: ResultSchema, ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => runReportDefinition(tx, ctx, request.body.definition, request.body.scope)),
  );
  app.get('/reports/:id', { schema: { tags, summary: 'One report', params: IdParams, response: { 200: ReportSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getReport(tx, ctx, request.params.id)),
  );
  app.patch(
    '/reports/:id',
    { config: { sessionOnly: true }, schema: { tags, summary: 'Change a report (its owner; admins for shared ones)', params: IdParams, body: UpdateReportBody, response: { 200: ReportSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => updateReport(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/reports/:id', { config: { sessionOnly: true }, schema: { tags, summary: 'Delete a report', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteReport(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.get(
    '/reports/:id/run',
    {
      schema: {
        tags,
        summary: 'Run a saved report as the caller',
        description: 'A shared report shows each member only the rows their role reads. `from`/`to` narrow it to a period (over the date it groups by, else the creation date); `ownerId`/`teamId` to an owner or a team.',
        params: IdParams,
        querystring: ScopeQuery,
        response: { 200: Type.Object({ report: ReportSchema, result: ResultSchema }), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => runReport(tx, ctx, request.params.id, request.query)),
  );
  app.get(
    '/reports/:id/export',
    {
      schema: {
        tags,
        summary: 'A saved report’s rows as a CSV or XLSX file',
        description: 'Headings in the caller’s language, ids by name; CSV is UTF-8 with a BOM, cells that would run as formulas defused.',
        params: IdParams,
        querystring: ExportQuery,
        response: { 200: { description: 'The file, as an attachment named after the report.', content: Object.fromEntries(Object.values(EXPORT_CONTENT_TYPES).map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'csv';
      const { report, result } = await asCaller(request, (tx, ctx) => runReport(tx, ctx, request.params.id));
      const body = await reportFile(format, requestLocale(request), report.name, result);
      return reply
        .header('content-type', EXPORT_CONTENT_TYPES[format])
        .header('content-disposition', attachment(`${report.name}.${format}`, `report.${format}`))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
