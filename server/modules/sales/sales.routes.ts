import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Page, errorResponses } from '../../platform/http/schemas.js';
import { pipelineBoard } from './board.service.js';
import {
  createOpportunity,
  deleteOpportunity,
  getOpportunity,
  listDealContacts,
  listDeletedOpportunities,
  listOpportunities,
  removeDealContact,
  restoreOpportunity,
  setDealContact,
  stageHistory,
  updateOpportunity,
} from './opportunities.service.js';
import { listLines, replaceLines } from './opportunity-lines.service.js';
import { createCloseReason, createPipeline, getPipeline, listCloseReasons, listPipelines, replaceStages, updateCloseReason, updatePipeline } from './pipelines.service.js';
import {
  BoardQuery,
  BoardSchema,
  CloseReasonListQuery,
  CloseReasonSchema,
  CreateCloseReasonBody,
  CreateOpportunityBody,
  CreatePipelineBody,
  DealContactBody,
  DealContactParams,
  DealContactSchema,
  DeletedOpportunitySchema,
  OpportunityListQuery,
  OpportunitySchema,
  PipelineListQuery,
  LineSchema,
  ReplaceLinesBody,
  PipelineSchema,
  ReplaceStagesBody,
  StageVisitSchema,
  UpdateCloseReasonBody,
  UpdateOpportunityBody,
  UpdatePipelineBody,
} from './sales.schema.js';

const List = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Object({ data: Type.Array(item) });

export const pipelineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['pipelines'];
  app.get('/pipelines', { schema: { tags, summary: 'Pipelines with their stages (the first use creates the default one)', querystring: PipelineListQuery, response: { 200: List(PipelineSchema), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listPipelines(tx, ctx, request.query)),
  }));
  app.post('/pipelines', { schema: { tags, summary: 'Create a pipeline (built-in stages unless given)', body: CreatePipelineBody, response: { 201: PipelineSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createPipeline(tx, ctx, request.body))),
  );
  app.get('/pipelines/:id', { schema: { tags, summary: 'One pipeline', params: IdParams, response: { 200: PipelineSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getPipeline(tx, ctx, request.params.id)),
  );
  app.patch('/pipelines/:id', { schema: { tags, summary: 'Rename, reorder, archive or make default', params: IdParams, body: UpdatePipelineBody, response: { 200: PipelineSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updatePipeline(tx, ctx, request.params.id, request.body)),
  );
  app.put(
    '/pipelines/:id/stages',
    {
      schema: {
        tags,
        summary: 'Set the stages, in order',
        description: 'Listed ids are kept, new entries added, unlisted stages removed (409 STAGE_IN_USE while deals are in them). Needs an open, a won and a lost stage.',
        params: IdParams,
        body: ReplaceStagesBody,
        response: { 200: PipelineSchema, ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => replaceStages(tx, ctx, request.params.id, request.body.stages)),
  );
  app.get('/pipelines/:id/board', { schema: { tags, summary: 'The pipeline as a kanban: counts, sums and first cards per stage', params: IdParams, querystring: BoardQuery, response: { 200: BoardSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => pipelineBoard(tx, ctx, request.params.id, request.query)),
  );

  app.get('/close-reasons', { schema: { tags, summary: 'Why deals are won or lost', querystring: CloseReasonListQuery, response: { 200: List(CloseReasonSchema), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listCloseReasons(tx, ctx, request.query)),
  }));
  app.post('/close-reasons', { schema: { tags, summary: 'Add a win or loss reason', body: CreateCloseReasonBody, response: { 201: CloseReasonSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createCloseReason(tx, ctx, request.body))),
  );
  app.patch('/close-reasons/:id', { schema: { tags, summary: 'Rename, reorder or retire a reason', params: IdParams, body: UpdateCloseReasonBody, response: { 200: CloseReasonSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateCloseReason(tx, ctx, request.params.id, request.body)),
  );
};

export const opportunityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['opportunities'];
  app.get(
    '/opportunities',
    {
      schema: {
        tags,
        summary: 'Opportunities the caller may see',
        description: 'Filter: name, pipelineId, stageId, status, amount, currency, closeDate, probability, forecastCategory, accountId, contactId, source, closeReasonId, ownerId, stageEnteredAt, createdAt, updatedAt, custom.<key>. Sort: name, amount, closeDate, probability, stageEnteredAt, createdAt, updatedAt.',
        querystring: OpportunityListQuery,
        response: { 200: Page(OpportunitySchema), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listOpportunities(tx, ctx, request.query)),
  );
  app.get('/opportunities/recycle-bin', { schema: { tags, summary: 'Deleted opportunities that can be restored', querystring: OpportunityListQuery, response: { 200: Page(DeletedOpportunitySchema), ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => listDeletedOpportunities(tx, ctx, request.query)),
  );
  app.post(
    '/opportunities',
    { schema: { tags, summary: 'Create an opportunity (default pipeline, first stage unless given)', body: CreateOpportunityBody, response: { 201: OpportunitySchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await asCaller(request, (tx, ctx) => createOpportunity(tx, ctx, request.body))),
  );
  app.get('/opportunities/:id', { schema: { tags, summary: 'One opportunity', params: IdParams, response: { 200: OpportunitySchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getOpportunity(tx, ctx, request.params.id)),
  );
  app.patch(
    '/opportunities/:id',
    {
      schema: {
        tags,
        summary: 'Change an opportunity; a new stageId moves it (and is kept in its stage history)',
        description: 'Moving to a lost stage needs closeReasonId when the workspace has loss reasons.',
        params: IdParams,
        body: UpdateOpportunityBody,
        response: { 200: OpportunitySchema, ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => updateOpportunity(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/opportunities/:id', { schema: { tags, summary: 'Move an opportunity to the recycle bin', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteOpportunity(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.post('/opportunities/:id/restore', { schema: { tags, summary: 'Restore an opportunity from the recycle bin', params: IdParams, response: { 200: OpportunitySchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => restoreOpportunity(tx, ctx, request.params.id)),
  );
  app.get('/opportunities/:id/stage-history', { schema: { tags, summary: 'Stages the deal went through, with the time spent in each', params: IdParams, response: { 200: List(StageVisitSchema), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => stageHistory(tx, ctx, request.params.id)),
  }));
  app.get('/opportunities/:id/lines', { schema: { tags, summary: 'The products in the deal', params: IdParams, response: { 200: List(LineSchema), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listLines(tx, ctx, request.params.id)),
  }));
  app.put(
    '/opportunities/:id/lines',
    { schema: { tags, summary: 'Set the products in the deal; its amount becomes their total', params: IdParams, body: ReplaceLinesBody, response: { 200: Type.Object({ data: Type.Array(LineSchema), amount: Type.Integer() }), ...errorResponses } } },
    async (request) => {
      const { lines, amount } = await asCaller(request, (tx, ctx) => replaceLines(tx, ctx, request.params.id, request.body.lines));
      return { data: lines, amount };
    },
  );
  app.get('/opportunities/:id/contacts', { schema: { tags, summary: 'The customer’s people in the deal, with their roles', params: IdParams, response: { 200: List(DealContactSchema), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listDealContacts(tx, ctx, request.params.id)),
  }));
  app.put('/opportunities/:id/contacts/:contactId', { schema: { tags, summary: 'Put a contact in the deal with a role', params: DealContactParams, body: DealContactBody, response: { 200: DealContactSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => setDealContact(tx, ctx, request.params.id, request.params.contactId, request.body.role)),
  );
  app.delete('/opportunities/:id/contacts/:contactId', { schema: { tags, summary: 'Take a contact out of the deal', params: DealContactParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => removeDealContact(tx, ctx, request.params.id, request.params.contactId));
    return reply.status(204).send(null);
  });
};
