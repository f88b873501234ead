import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { attachment } from '../../platform/http/content-disposition.js';
import { requestLocale } from '../../platform/http/locale.js';
import { asCaller } from '../../platform/http/route-context.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { AccountExportQuery, ContactExportQuery, VCardImportBody, VCardImportResultSchema, fileResponse } from './export.schema.js';
import { exportAccounts, exportContacts, type CallerRunner, type ExportFile } from './export.service.js';
import { importVCards } from './vcard-import.service.js';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const VCARD = 'text/vcard';

const runAs = (request: FastifyRequest): CallerRunner => (fn) => asCaller(request, fn);

function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachment(file.fileName, file.asciiFileName))
    .header('cache-control', 'no-store')
    .send(file.body);
}

/**
 * Files in and out of the customers module: list views exported as CSV/XLSX/vCard, and a vCard file read
 * into contacts. Registered before the contact and account routes (static paths win over `/:id` anyway).
 */
export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/contacts/export',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Export the contacts list as CSV, XLSX or vCard',
        description: 'Same filter, sort and scope as GET /contacts; every matching contact, streamed. Headers in the caller’s language.',
        querystring: ContactExportQuery,
        response: { 200: fileResponse([CSV, XLSX, VCARD]), ...errorResponses },
      },
    },
    async (request, reply) => sendFile(reply, await exportContacts(runAs(request), request.query, requestLocale(request))),
  );
  app.get(
    '/accounts/export',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Export the accounts list as CSV or XLSX',
        description: 'Same filter, sort and scope as GET /accounts; every matching account, streamed. Headers in the caller’s language.',
        querystring: AccountExportQuery,
        response: { 200: fileResponse([CSV, XLSX]), ...errorResponses },
      },
    },
    async (request, reply) => sendFile(reply, await exportAccounts(runAs(request), request.query, requestLocale(request))),
  );
  app.post(
    '/contacts/import/vcard',
    {
      bodyLimit: app.config.IMPORT_BODY_LIMIT,
      schema: {
        tags: ['contacts'],
        summary: 'Create contacts from a vCard file',
        description: 'vCard 2.1, 3.0 or 4.0. Cards without a name are skipped; an unreadable phone or e-mail is left out of its contact and reported.',
        body: VCardImportBody,
        response: { 200: VCardImportResultSchema, ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => importVCards(tx, ctx, request.body.text)),
  );
};
