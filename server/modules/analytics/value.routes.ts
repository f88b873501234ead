import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { asSystem, inWorkspace } from '../../db/transaction.js';
import { contextOfIntegration, contextOfMember } from '../../platform/auth/context-loader.js';
import type { JobQueue, JobRun } from '../../platform/jobs/queue.js';
import { jobs } from '../../platform/jobs/jobs.tables.js';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, ListQuery, Page, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { runPeriodically } from '../../platform/jobs/periodic.js';
import { BulkResultsSchema, runBulk } from '../../platform/records/bulk.js';
import { linkableRecord } from '../../platform/records/linkable.js';
import { purchaseLines } from '../sales/index.js';
import { ChurnTasksBody, CustomerAnalysisSchema, CustomerValueSchema, RfmCellSchema, RunBody, ThresholdsBody, ValueOverviewSchema } from './value.schema.js';
import { createChurnTask, listCustomerValues, offersOfCustomer, recomputeCustomerValue, recomputeOffers, rfmGrid, updateThresholds, valueOverview } from './value.service.js';

export const VALUE_JOB = 'analytics.customer-value';
const tags = ['analytics'];

export interface ValueJobPayload {
  /** Who asked; null for the scheduled run (it acts as the workspace's integration context). */
  userId: string | null;
  referenceDate?: string;
}

/** Customer value, Pareto/ABC, RFM, next best offers and churn risk: read from the last run; runs as a job. */
export const valueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.jobs.register<ValueJobPayload>(VALUE_JOB, (job) => runValueJob(app.database, job));
  runPeriodically(app, 'customer value runs', 3_600_000, () => queueDueValueRuns(app.database, app.jobs));

  app.get('/analytics/value', { schema: { tags, summary: 'Customer value: the last run (Pareto, Lorenz, tiers) and the tier thresholds', response: { 200: ValueOverviewSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => valueOverview(tx, ctx)),
  );
  app.put(
    '/analytics/value/thresholds',
    { schema: { tags, summary: 'Set the A/B tier thresholds (admins, managers); the next run applies them', body: ThresholdsBody, response: { 200: ValueOverviewSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => updateThresholds(tx, ctx, request.body)),
  );
  app.post(
    '/analytics/value/runs',
    {
      schema: {
        tags,
        summary: 'Recompute customer value, tiers, RFM, churn risk and next best offers (background job; admins, managers)',
        description: 'Follow the job at /jobs/{jobId}. Also runs daily by itself.',
        body: RunBody,
        response: { 202: Type.Object({ jobId: Uuid }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { jobId, workspaceId } = await asCaller(request, async (tx, ctx) => {
        assertCan(ctx, 'sales.configure');
        const payload: ValueJobPayload = { userId: ctx.userId, ...(request.body.referenceDate ? { referenceDate: request.body.referenceDate } : {}) };
        return { jobId: await app.jobs.enqueue(tx, ctx.workspaceId, ctx.userId, VALUE_JOB, payload), workspaceId: ctx.workspaceId };
      });
      await app.jobs.dispatch(jobId, workspaceId, VALUE_JOB);
      return reply.status(202).send({ jobId });
    },
  );
  app.get('/analytics/rfm', { schema: { tags, summary: 'The RFM grid: customers and revenue per R × FM cell, with its segment', response: { 200: Type.Object({ data: Type.Array(RfmCellSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => rfmGrid(tx, ctx)),
  }));
  app.get(
    '/analytics/customer-values',
    {
      schema: {
        tags,
        summary: 'Customers with their value, tier, RFM scores and churn risk (those the caller may read)',
        description:
          'Filters: r, f, m, fm, segment, abcTier, customerType, churnScore, revenue, lifetimeValue, orders, recencyDays, lastPurchaseAt, ownerId. An RFM cell: `filter=r:eq:5&filter=fm:eq:4`; the at-risk list: `sort=-churnScore&filter=churnScore:gte:50`.',
        querystring: ListQuery,
        response: { 200: Page(CustomerValueSchema), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listCustomerValues(tx, ctx, request.query)),
  );
  for (const customerType of ['account', 'contact'] as const) {
    app.get(
      `/analytics/${customerType}s/:id`,
      { schema: { tags, summary: `One ${customerType}'s value figures (null before it bought) and next best offers with their evidence`, params: IdParams, response: { 200: CustomerAnalysisSchema, ...errorResponses } } },
      (request) =>
        asCaller(request, async (tx, ctx) => {
          const { id } = request.params;
          // Reading the customer first: outside the caller's scope it is a 404, as on the customer's own page.
          await linkableRecord(customerType)!.titleOf(tx, ctx, id);
          const [value] = (await listCustomerValues(tx, ctx, { filter: [`customerType:eq:${customerType}`, `id:eq:${id}`], limit: 1 })).data;
          return { value: value ?? null, offers: await offersOfCustomer(tx, ctx, customerType, id) };
        }),
    );
  }
  app.post(
    '/analytics/churn/tasks',
    { schema: { tags, summary: "Follow-up tasks for at-risk customers, each for the customer's owner", body: ChurnTasksBody, response: { 200: BulkResultsSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => runBulk(tx, ctx, request.body.items, 201, (row, item) => createChurnTask(row, ctx, item))),
  );
};

/** One run: value rows in one transaction, next best offers in a second, progress between them. */
async function runValueJob(database: Database, job: JobRun<ValueJobPayload>) {
  const ctx = job.payload.userId ? await contextOfMember(database, job.workspaceId, job.payload.userId) : await contextOfIntegration(database, job.workspaceId);
  if (!ctx) throw new Error('the member who started this run is no longer active');
  const referenceDate = job.payload.referenceDate ? new Date(`${job.payload.referenceDate}T23:59:59.999Z`) : new Date();
  await job.progress(0, 2);
  const summary = await inWorkspace(database.db, job.workspaceId, (tx) => recomputeCustomerValue(tx, ctx, purchaseLines(ctx), { referenceDate }));
  await job.progress(1, 2);
  const offers = await inWorkspace(database.db, job.workspaceId, (tx) => recomputeOffers(tx, ctx, purchaseLines(ctx), referenceDate));
  await job.progress(2, 2);
  return { customers: summary.customers, ...offers };
}

/** How old the last run may be before the schedule queues another. */
const STALE_AFTER_HOURS = 20;

/**
 * The schedule: queues a run for each workspace that has purchases and whose last run is older than 20 hours
 * (or that never ran), unless one is already queued or running. `onlyWorkspaceId` confines it (tests).
 */
export async function queueDueValueRuns(database: Database, queue: JobQueue, onlyWorkspaceId?: string): Promise<string[]> {
  const candidates = await asSystem(database.db, async (tx) => {
    const { rows } = (await tx.execute(sql`
      select w.id from workspaces w
        left join value_analyses v on v.workspace_id = w.id
       where (v.computed_at is null or v.computed_at < now() - make_interval(hours => ${STALE_AFTER_HOURS}))
         and not exists (select 1 from ${jobs} j where j.workspace_id = w.id and j.name = ${VALUE_JOB} and j.state in ('queued', 'running'))
         ${onlyWorkspaceId ? sql`and w.id = ${onlyWorkspaceId}` : sql``}`)) as unknown as { rows: { id: string }[] };
    return rows.map((r) => r.id);
  });
  const queued: { jobId: string; workspaceId: string }[] = [];
  for (const workspaceId of candidates) {
    const jobId = await inWorkspace(database.db, workspaceId, async (tx) => {
      const { rows } = (await tx.execute(sql`select exists (select 1 from ${purchaseLines({ workspaceId })} p) as any`)) as unknown as { rows: { any: boolean }[] };
      return rows[0]?.any ? queue.enqueue(tx, workspaceId, null, VALUE_JOB, { userId: null } satisfies ValueJobPayload) : null;
    });
    if (jobId) queued.push({ jobId, workspaceId });
  }
  for (const { jobId, workspaceId } of queued) await queue.dispatch(jobId, workspaceId, VALUE_JOB);
  return queued.map((q) => q.jobId);
}
