import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import { inWorkspace } from '../../db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Nullable, StringEnum, Timestamp, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { csvText } from './csv.js';
import { ENCODINGS, ImportFileError, readImportFile } from '../../platform/imports/import-files.js';
import { IMPORT_OBJECTS, type ImportObject } from './import-mapping.js';
import {
  configureImport,
  createImport,
  DUPLICATE_POLICIES,
  getImport,
  importNextBatch,
  importProblems,
  linkImportedParents,
  markImportStarted,
  previewImport,
  type Import,
} from './imports.service.js';

export const IMPORT_JOB = 'customers.import';
const tags = ['imports'];

const ProblemSchema = Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() });
const ImportSchema = Type.Object({
  id: Uuid,
  objectType: StringEnum(IMPORT_OBJECTS),
  fileName: Type.String(),
  format: Type.String({ description: 'csv or xlsx' }),
  encoding: Nullable(Type.String({ description: 'utf-8, gb18030 or big5 (CSV)' })),
  headers: Type.Array(Type.String()),
  mapping: Type.Array(Nullable(Type.String()), { description: 'Target field per column; null: not imported.' }),
  duplicatePolicy: StringEnum(DUPLICATE_POLICIES),
  status: Type.String({ description: 'uploaded, running, done, failed' }),
  totalRows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  skipped: Type.Integer(),
  failed: Type.Integer(),
  jobId: Nullable(Uuid),
  createdAt: Timestamp,
  preview: Type.Array(Type.Object({ rowNo: Type.Integer(), values: Type.Record(Type.String(), Type.String()), problems: Type.Array(ProblemSchema) })),
});

const UploadBody = Type.Object(
  {
    objectType: StringEnum(IMPORT_OBJECTS),
    fileName: Type.String({ minLength: 1, maxLength: 255 }),
    /** The file's bytes, base64-encoded. */
    content: Type.String({ minLength: 1, pattern: '^[A-Za-z0-9+/=\\s]+$', description: 'The file, base64.' }),
    encoding: Type.Optional(StringEnum(ENCODINGS, { description: 'Force a CSV encoding instead of detecting it.' })),
  },
  { additionalProperties: false },
);
const ConfigureBody = Type.Object(
  {
    mapping: Type.Optional(Type.Array(Nullable(Type.String({ maxLength: 40 })), { maxItems: 500 })),
    duplicatePolicy: Type.Optional(StringEnum(DUPLICATE_POLICIES, { description: 'skip, update or create' })),
  },
  { additionalProperties: false },
);

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.jobs.register<{ importId: string; userId: string }>(IMPORT_JOB, async (job) => {
    const ctx = await contextOfMember(app.database, job.workspaceId, job.payload.userId);
    if (!ctx) throw new Error('the member who started this import is no longer active');
    for (;;) {
      const { done, total, finished } = await inWorkspace(app.database.db, ctx.workspaceId, (tx) => importNextBatch(tx, ctx, job.payload.importId));
      await job.progress(done, total);
      if (finished) break;
    }
    await inWorkspace(app.database.db, ctx.workspaceId, (tx) => linkImportedParents(tx, ctx, job.payload.importId));
    return { importId: job.payload.importId };
  });

  const present = (request: Parameters<typeof asCaller>[0], current: Import) =>
    asCaller(request, async (tx, ctx) => ({ ...current, preview: await previewImport(tx, ctx, current) }));

  app.post(
    '/imports',
    {
      bodyLimit: app.config.IMPORT_BODY_LIMIT,
      schema: { tags, summary: 'Upload a CSV or XLSX file to import contacts or accounts', description: 'Answers the detected columns, a suggested mapping and a preview; nothing is imported until start.', body: UploadBody, response: { 201: ImportSchema, ...errorResponses } },
    },
    async (request, reply) => {
      let file;
      try {
        file = await readImportFile(Buffer.from(request.body.content, 'base64'), request.body.encoding);
      } catch (err) {
        if (err instanceof ImportFileError) throw new AppError('VALIDATION_FAILED', 400, {}, [{ field: 'content', code: 'invalid', params: { reason: err.message } }]);
        throw err;
      }
      const created = await asCaller(request, (tx, ctx) => createImport(tx, ctx, { objectType: request.body.objectType as ImportObject, fileName: request.body.fileName, file }));
      return reply.status(201).send(await present(request, created));
    },
  );
  app.get('/imports/:id', { schema: { tags, summary: 'An import: mapping, preview and progress', params: IdParams, response: { 200: ImportSchema, ...errorResponses } } }, async (request) =>
    present(request, await asCaller(request, (tx, ctx) => getImport(tx, ctx, request.params.id))),
  );
  app.patch(
    '/imports/:id',
    { schema: { tags, summary: 'Change the column mapping or duplicate policy before starting', params: IdParams, body: ConfigureBody, response: { 200: ImportSchema, ...errorResponses } } },
    async (request) => present(request, await asCaller(request, (tx, ctx) => configureImport(tx, ctx, request.params.id, request.body))),
  );
  app.post(
    '/imports/:id/start',
    { schema: { tags, summary: 'Start importing (a background job with progress)', params: IdParams, response: { 202: Type.Object({ jobId: Uuid }), ...errorResponses } } },
    async (request, reply) => {
      const { jobId, workspaceId } = await asCaller(request, async (tx, ctx) => {
        const jobId = await app.jobs.enqueue(tx, ctx.workspaceId, ctx.userId, IMPORT_JOB, { importId: request.params.id, userId: ctx.userId });
        await markImportStarted(tx, ctx, request.params.id, jobId);
        return { jobId, workspaceId: ctx.workspaceId };
      });
      await app.jobs.dispatch(jobId, workspaceId, IMPORT_JOB);
      return reply.status(202).send({ jobId });
    },
  );
  app.get(
    '/imports/:id/problems',
    { schema: { tags, summary: 'Skipped and failed rows with the reasons, as CSV', params: IdParams } },
    async (request, reply) => {
      const report = await asCaller(request, (tx, ctx) => importProblems(tx, ctx, request.params.id));
      const lines = [[`#`, ...report.headers, 'status', 'problems'], ...report.rows.map((r) => [String(r.rowNo), ...r.cells, r.status, r.messages.join(' ')])];
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-problems-${request.params.id}.csv"`)
        .send(csvText(lines));
    },
  );
};
