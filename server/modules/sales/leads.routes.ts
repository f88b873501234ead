import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Page, errorResponses } from '../../platform/http/schemas.js';
import { convertLead } from './lead-conversion.service.js';
import {
  createAssignmentRule,
  createScoringRule,
  deleteAssignmentRule,
  deleteScoringRule,
  listAssignmentRules,
  listScoringRules,
  updateAssignmentRule,
  updateScoringRule,
} from './lead-rules.service.js';
import { createLead, deleteLead, getLead, listDeletedLeads, listLeads, restoreLead, updateLead } from './leads.service.js';
import {
  AssignmentRuleSchema,
  ConversionSchema,
  ConvertLeadBody,
  CreateAssignmentRuleBody,
  CreateLeadBody,
  CreateScoringRuleBody,
  DeletedLeadSchema,
  LeadListQuery,
  LeadSchema,
  ScoringRuleSchema,
  UpdateAssignmentRuleBody,
  UpdateLeadBody,
  UpdateScoringRuleBody,
} from './leads.schema.js';

export const RESCORE_JOB = 'leads.rescore';

export const leadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['leads'];
  app.get(
    '/leads',
    {
      schema: {
        tags,
        summary: 'Leads the caller may see',
        description: 'Filter: name, company, title, email, phone, industry, region, source, status, disqualifyReason, score, ownerId, createdAt, updatedAt, custom.<key>. Sort: name, score, createdAt, updatedAt.',
        querystring: LeadListQuery,
        response: { 200: Page(LeadSchema), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listLeads(tx, ctx, request.query)),
  );
  app.get('/leads/recycle-bin', { schema: { tags, summary: 'Deleted leads that can be restored', querystring: LeadListQuery, response: { 200: Page(DeletedLeadSchema), ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => listDeletedLeads(tx, ctx, request.query)),
  );
  app.post('/leads', { schema: { tags, summary: 'Create a lead (assign: route it by the assignment rules)', body: CreateLeadBody, response: { 201: LeadSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createLead(tx, ctx, request.body))),
  );
  app.get('/leads/:id', { schema: { tags, summary: 'One lead', params: IdParams, response: { 200: LeadSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getLead(tx, ctx, request.params.id)),
  );
  app.patch('/leads/:id', { schema: { tags, summary: 'Change a lead (disqualifying needs a reason)', params: IdParams, body: UpdateLeadBody, response: { 200: LeadSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateLead(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/leads/:id', { schema: { tags, summary: 'Move a lead to the recycle bin', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteLead(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.post('/leads/:id/restore', { schema: { tags, summary: 'Restore a lead from the recycle bin', params: IdParams, response: { 200: LeadSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => restoreLead(tx, ctx, request.params.id)),
  );
  app.post(
    '/leads/:id/convert',
    {
      schema: {
        tags,
        summary: 'Convert a lead into an account, a contact and optionally an opportunity',
        description: 'Reuses the account named like the lead’s company and a contact with its e-mail or phone unless ids are given; the lead’s timeline is shared with the new records. 409 when already converted.',
        params: IdParams,
        body: ConvertLeadBody,
        response: { 200: ConversionSchema, 409: Type.Ref('Problem'), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => convertLead(tx, ctx, request.params.id, request.body)),
  );
};

/** Assignment (territory, round-robin) and scoring rules; a change of scoring rules rescores every lead in a job. */
export const leadRuleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['leads'];
  const Rescored = <T extends Parameters<typeof Type.Composite>[0][number]>(item: T) => Type.Composite([item, Type.Object({ rescoreJobId: Type.Union([Type.String(), Type.Null()]) })]);

  app.get('/lead-assignment-rules', { schema: { tags, summary: 'Who gets new leads, first matching rule first', response: { 200: Type.Object({ data: Type.Array(AssignmentRuleSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listAssignmentRules(tx, ctx)),
  }));
  app.post('/lead-assignment-rules', { schema: { tags, summary: 'Add an assignment rule', body: CreateAssignmentRuleBody, response: { 201: AssignmentRuleSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createAssignmentRule(tx, ctx, request.body))),
  );
  app.patch('/lead-assignment-rules/:id', { schema: { tags, summary: 'Change an assignment rule', params: IdParams, body: UpdateAssignmentRuleBody, response: { 200: AssignmentRuleSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateAssignmentRule(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/lead-assignment-rules/:id', { schema: { tags, summary: 'Remove an assignment rule', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteAssignmentRule(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });

  /** Runs a scoring-rule change, then queues the rescoring of every lead (after the commit). */
  async function thenRescore<T>(request: Parameters<typeof asCaller>[0], change: Parameters<typeof asCaller<T>>[1]) {
    const { result, jobId, workspaceId } = await asCaller(request, async (tx, ctx) => ({
      result: await change(tx, ctx),
      jobId: await app.jobs.enqueue(tx, ctx.workspaceId, ctx.userId, RESCORE_JOB, { userId: ctx.userId }),
      workspaceId: ctx.workspaceId,
    }));
    await app.jobs.dispatch(jobId, workspaceId, RESCORE_JOB);
    return { result, rescoreJobId: jobId };
  }

  app.get('/lead-scoring-rules', { schema: { tags, summary: 'Points for lead fields and behaviour', response: { 200: Type.Object({ data: Type.Array(ScoringRuleSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listScoringRules(tx, ctx)),
  }));
  app.post('/lead-scoring-rules', { schema: { tags, summary: 'Add a scoring rule (every lead is rescored in a job)', body: CreateScoringRuleBody, response: { 201: Rescored(ScoringRuleSchema), ...errorResponses } } }, async (request, reply) => {
    const { result, rescoreJobId } = await thenRescore(request, (tx, ctx) => createScoringRule(tx, ctx, request.body));
    return reply.status(201).send({ ...result, rescoreJobId });
  });
  app.patch('/lead-scoring-rules/:id', { schema: { tags, summary: 'Change a scoring rule (every lead is rescored in a job)', params: IdParams, body: UpdateScoringRuleBody, response: { 200: Rescored(ScoringRuleSchema), ...errorResponses } } }, async (request) => {
    const { result, rescoreJobId } = await thenRescore(request, (tx, ctx) => updateScoringRule(tx, ctx, request.params.id, request.body));
    return { ...result, rescoreJobId };
  });
  // 200 with the job, not 204: the caller follows the rescoring it started, as after a create or a change.
  app.delete('/lead-scoring-rules/:id', { schema: { tags, summary: 'Remove a scoring rule (every lead is rescored in a job)', params: IdParams, response: { 200: Type.Object({ rescoreJobId: Type.String() }), ...errorResponses } } }, async (request) => {
    const { rescoreJobId } = await thenRescore(request, (tx, ctx) => deleteScoringRule(tx, ctx, request.params.id));
    return { rescoreJobId };
  });
};
