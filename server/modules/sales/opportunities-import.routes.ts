import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import { AppError } from '../../platform/errors/app-error.js';
import { ENCODINGS, ImportFileError, readImportFile } from '../../platform/imports/import-files.js';
import { asCaller } from '../../platform/http/route-context.js';
import { StringEnum, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { dealRows, importDealBatch, planDealImport, type DealRow, type ImportCaches, type ImportProblem, type OpportunityImportPlan } from './opportunities-import.service.js';

export const DEAL_IMPORT_JOB = 'opportunities.import';
const BATCH = 500;
/** Problems kept in the job's result; the count says how many there were in all. */
const PROBLEMS_KEPT = 200;

export const opportunityImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.jobs.register<{ userId: string; plan: OpportunityImportPlan; rows: DealRow[] }>(DEAL_IMPORT_JOB, async (job) => {
    const ctx = await contextOfMember(app.database, job.workspaceId, job.payload.userId);
    if (!ctx) throw new Error('the member who started this import is no longer active');
    const caches: ImportCaches = { accounts: new Map(), products: new Map() };
    const totals = { created: 0, skipped: 0, problemCount: 0, problems: [] as ImportProblem[] };
    const { rows } = job.payload;
    for (let at = 0; at < rows.length; at += BATCH) {
      // A batch per transaction: a crash loses no committed batch, and a rerun skips them.
      const batch = await inWorkspace(app.database.db, job.workspaceId, (tx) => importDealBatch(tx, ctx, job.payload.plan, rows.slice(at, at + BATCH), caches));
      totals.created += batch.created;
      totals.skipped += batch.skipped;
      totals.problemCount += batch.problems.length;
      totals.problems.push(...batch.problems.slice(0, PROBLEMS_KEPT - totals.problems.length));
      await job.progress(Math.min(at + BATCH, rows.length), rows.length);
    }
    return totals;
  });

  app.post(
    '/opportunities/import',
    {
      bodyLimit: app.config.IMPORT_BODY_LIMIT,
      schema: {
        tags: ['opportunities'],
        summary: 'Import deals from a CSV or XLSX file, in a job (sales.configure)',
        description:
          'Columns by header: opportunity_id/id, name, owner/sales_agent (a member’s name or e-mail), account (found by name, made when missing unless createAccounts is false), product (by name: one line), stage/deal_stage (a stage’s name or Prospecting, Engaging, Proposal, Negotiation, Won, Lost…), engage_date/created, close_date, amount/close_value, currency, source. Rows with the id of a deal imported before are skipped. See docs/sales.md. Follow the job at GET /jobs/{jobId}; its result lists the rows refused and why.',
        body: Type.Object(
          {
            content: Type.String({ maxLength: 40_000_000, description: 'The file, base64.' }),
            encoding: Type.Optional(StringEnum(ENCODINGS)),
            pipelineId: Type.Optional(Uuid),
            currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
            createAccounts: Type.Optional(Type.Boolean({ default: true })),
          },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ jobId: Uuid, rows: Type.Integer() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      let file;
      try {
        file = await readImportFile(Buffer.from(request.body.content, 'base64'), request.body.encoding);
      } catch (err) {
        if (err instanceof ImportFileError) throw new AppError('VALIDATION_FAILED', 400, {}, [{ field: 'content', code: 'invalid', params: { reason: err.message } }]);
        throw err;
      }
      const rows = dealRows(file);
      const { jobId, workspaceId } = await asCaller(request, async (tx, ctx) => {
        const jobKey = crypto.randomUUID();
        const plan = await planDealImport(tx, ctx, request.body, `import:${jobKey}`);
        return { jobId: await app.jobs.enqueue(tx, ctx.workspaceId, ctx.userId, DEAL_IMPORT_JOB, { userId: ctx.userId, plan, rows }), workspaceId: ctx.workspaceId };
      });
      await app.jobs.dispatch(jobId, workspaceId, DEAL_IMPORT_JOB);
      return reply.status(202).send({ jobId, rows: rows.length });
    },
  );
};
