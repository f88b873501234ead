import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Page, errorResponses } from '../../platform/http/schemas.js';
import { EMAIL_SEND_JOB, InteractionSchema } from '../interactions/index.js';
import { caseHistory, changeCaseStatus, deleteCase, getCase, listCaseTypes, listCases, listDeletedCases, restoreCase, updateCase } from './cases.service.js';
import { addCaseMessage, assignCase, caseMessages, createCase, createCases, mergeCases, rerouteCase } from './case-work.service.js';
import {
  createCaseType,
  createQueue,
  createRoutingRule,
  deleteQueue,
  deleteRoutingRule,
  getServiceSettings,
  listAgents,
  listQueues,
  listRoutingRules,
  updateAgent,
  updateCaseType,
  updateQueue,
  updateRoutingRule,
  updateServiceSettings,
} from './service-config.service.js';
import {
  AgentSchema,
  AssignBody,
  CaseListQuery,
  CaseSchema,
  CaseTypeSchema,
  CreateCaseBody,
  CreateCasesBody,
  CreateCaseTypeBody,
  CreateQueueBody,
  CreateRoutingRuleBody,
  DeletedCaseSchema,
  MergeBody,
  MessageBody,
  MessagesQuery,
  QueueSchema,
  RoutingRuleSchema,
  ServiceSettingsSchema,
  StatusBody,
  StatusChangeSchema,
  UpdateAgentBody,
  UpdateCaseBody,
  UpdateCaseTypeBody,
  UpdateQueueBody,
  UpdateRoutingRuleBody,
  UpdateServiceSettingsBody,
  UserIdParams,
} from './cases.schema.js';

const List = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Object({ data: Type.Array(item) });

export const caseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['cases'];
  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Cases the caller may see (service agents: theirs, their queues’ and unqueued ones)',
        description: 'Filter: number, subject, typeId, channel, priority, status, language, queueId, contactId, accountId, productId, orderId, ownerId, firstResponseAt, resolvedAt, closedAt, createdAt, updatedAt, custom.<key>. Sort: number, createdAt, updatedAt.',
        querystring: CaseListQuery,
        response: { 200: Page(CaseSchema), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listCases(tx, ctx, request.query)),
  );
  app.get('/cases/recycle-bin', { schema: { tags, summary: 'Deleted cases that can be restored', querystring: CaseListQuery, response: { 200: Page(DeletedCaseSchema), ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => listDeletedCases(tx, ctx, request.query)),
  );
  app.post('/cases', { schema: { tags, summary: 'Open a case', body: CreateCaseBody, response: { 201: CaseSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createCase(tx, ctx, request.body))),
  );
  app.post(
    '/cases/batch',
    {
      schema: {
        tags,
        summary: 'Open several cases for one customer at once',
        description: 'All or none: a refusal names the case (`cases.1.subject`). Each case takes the batch’s contact, channel, and (unless it names its own) account and language.',
        body: CreateCasesBody,
        response: { 201: List(CaseSchema), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send({ data: await asCaller(request, (tx, ctx) => createCases(tx, ctx, request.body)) }),
  );
  app.get('/cases/:id', { schema: { tags, summary: 'One case', params: IdParams, response: { 200: CaseSchema, ...errorResponses } } }, (request) => asCaller(request, (tx, ctx) => getCase(tx, ctx, request.params.id)));
  app.patch('/cases/:id', { schema: { tags, summary: 'Change a case’s fields (status: POST /cases/{id}/status)', params: IdParams, body: UpdateCaseBody, response: { 200: CaseSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateCase(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/cases/:id', { schema: { tags, summary: 'Move a case to the recycle bin', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteCase(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.post('/cases/:id/restore', { schema: { tags, summary: 'Restore a case from the recycle bin', params: IdParams, response: { 200: CaseSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => restoreCase(tx, ctx, request.params.id)),
  );
  app.post(
    '/cases/:id/status',
    {
      schema: {
        tags,
        summary: 'Move a case on: new → open → pending_customer → resolved → closed; open again reopens',
        description: '409 CASE_STATUS_TRANSITION for a move the flow does not allow, CASE_MERGED for a merged duplicate.',
        params: IdParams,
        body: StatusBody,
        response: { 200: CaseSchema, 409: Type.Ref('Problem'), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => changeCaseStatus(tx, ctx, request.params.id, request.body.status)),
  );
  app.get('/cases/:id/history', { schema: { tags, summary: 'Every status the case went through, oldest first', params: IdParams, response: { 200: List(StatusChangeSchema), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => caseHistory(tx, ctx, request.params.id)),
  }));
  app.post('/cases/:id/assign', { schema: { tags, summary: 'Give the case to a member, take it (your id), or put it back in its queue (null)', params: IdParams, body: AssignBody, response: { 200: CaseSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => assignCase(tx, ctx, request.params.id, request.body.userId)),
  );
  app.post('/cases/:id/route', { schema: { tags, summary: 'Route the case again (rules, then the best agent of the queue); the reasons are stored in `routing`', params: IdParams, response: { 200: CaseSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => rerouteCase(tx, ctx, request.params.id)),
  );
  app.post(
    '/cases/:id/merge',
    { schema: { tags, summary: 'Merge duplicates into this case: their messages move here, they close pointing at it', params: IdParams, body: MergeBody, response: { 200: CaseSchema, 409: Type.Ref('Problem'), ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => mergeCases(tx, ctx, request.params.id, request.body.mergedIds)),
  );
  app.get(
    '/cases/:id/messages',
    { schema: { tags, summary: 'The case’s conversation and internal notes (type note), newest first', params: IdParams, querystring: MessagesQuery, response: { 200: Type.Object({ data: Type.Array(InteractionSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => caseMessages(tx, ctx, request.params.id, request.query)),
  );
  app.post(
    '/cases/:id/messages',
    {
      schema: {
        tags,
        summary: 'Reply to the customer (by e-mail on e-mail cases) or add an internal note',
        description: 'A reply by e-mail is queued (the send job’s id in `jobId`) and logged at once; the first reply stamps firstResponseAt and opens a new case.',
        params: IdParams,
        body: MessageBody,
        response: { 201: Type.Object({ message: InteractionSchema, case: CaseSchema, jobId: Type.Union([Type.String(), Type.Null()]) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { result, jobId, workspaceId } = await asCaller(request, async (tx, ctx) => {
        const added = await addCaseMessage(tx, ctx, request.params.id, request.body);
        const job = added.emailId ? await app.jobs.enqueue(tx, ctx.workspaceId, ctx.userId, EMAIL_SEND_JOB, { ids: [added.emailId], userId: ctx.userId }) : null;
        return { result: added, jobId: job, workspaceId: ctx.workspaceId };
      });
      if (jobId) await app.jobs.dispatch(jobId, workspaceId, EMAIL_SEND_JOB);
      return reply.status(201).send({ message: result.message, case: result.case, jobId });
    },
  );
};

/** What admins set up: case types, queues, routing rules, agents, support addresses. */
export const serviceConfigRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['cases'];
  app.get('/case-types', { schema: { tags, summary: 'Kinds of case (built-ins have a key and are named in the reader’s language until renamed)', response: { 200: List(CaseTypeSchema), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listCaseTypes(tx, ctx)),
  }));
  app.post('/case-types', { schema: { tags, summary: 'Add a case type', body: CreateCaseTypeBody, response: { 201: CaseTypeSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createCaseType(tx, ctx, request.body))),
  );
  app.patch('/case-types/:id', { schema: { tags, summary: 'Rename, move or retire a case type', params: IdParams, body: UpdateCaseTypeBody, response: { 200: CaseTypeSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateCaseType(tx, ctx, request.params.id, request.body)),
  );

  app.get('/case-queues', { schema: { tags, summary: 'Queues with their members and skills', response: { 200: List(QueueSchema), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listQueues(tx, ctx)),
  }));
  app.post('/case-queues', { schema: { tags, summary: 'Add a queue', body: CreateQueueBody, response: { 201: QueueSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createQueue(tx, ctx, request.body))),
  );
  app.patch('/case-queues/:id', { schema: { tags, summary: 'Change a queue (memberIds replaces the members)', params: IdParams, body: UpdateQueueBody, response: { 200: QueueSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateQueue(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/case-queues/:id', { schema: { tags, summary: 'Remove a queue no case or rule uses (409 QUEUE_IN_USE otherwise)', params: IdParams, response: { 204: Type.Null(), 409: Type.Ref('Problem'), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteQueue(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });

  app.get('/case-routing-rules', { schema: { tags, summary: 'Which queue new cases go to: first matching active rule by position', response: { 200: List(RoutingRuleSchema), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listRoutingRules(tx, ctx)),
  }));
  app.post('/case-routing-rules', { schema: { tags, summary: 'Add a routing rule', body: CreateRoutingRuleBody, response: { 201: RoutingRuleSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createRoutingRule(tx, ctx, request.body))),
  );
  app.patch('/case-routing-rules/:id', { schema: { tags, summary: 'Change a routing rule', params: IdParams, body: UpdateRoutingRuleBody, response: { 200: RoutingRuleSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateRoutingRule(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/case-routing-rules/:id', { schema: { tags, summary: 'Remove a routing rule', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteRoutingRule(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });

  app.get('/case-agents', { schema: { tags, summary: 'Agents’ skills, availability and open workload', response: { 200: List(AgentSchema), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listAgents(tx, ctx)),
  }));
  app.patch('/case-agents/:userId', { schema: { tags, summary: 'Set an agent’s skills and capacity (configurers) or availability (also the agent)', params: UserIdParams, body: UpdateAgentBody, response: { 200: AgentSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateAgent(tx, ctx, request.params.userId, request.body)),
  );

  app.get('/service-settings', { schema: { tags, summary: 'Case number prefix and support addresses', response: { 200: ServiceSettingsSchema, ...errorResponses } } }, (request) => asCaller(request, (tx, ctx) => getServiceSettings(tx, ctx)));
  app.patch('/service-settings', { schema: { tags, summary: 'Change the case number prefix or the support addresses', body: UpdateServiceSettingsBody, response: { 200: ServiceSettingsSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateServiceSettings(tx, ctx, request.body)),
  );
};
