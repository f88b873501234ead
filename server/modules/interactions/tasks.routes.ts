import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, ListQuery, Page, errorResponses } from '../../platform/http/schemas.js';
import { CreateTaskBody, ListedTaskSchema, TaskSchema, UpdateTaskBody, UpdatedTaskSchema } from './tasks.schema.js';
import { getReminderPreference, setReminderPreference } from './reminders.js';
import { createTask, deleteTask, getTask, listTasks, myDay, restoreTask, updateTask } from './tasks.service.js';

const tags = ['tasks'];

export const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** After the commit, the owners' open pages hear of the change (a reminder shown there closes when the task is done or gone). */
  const tell = async (workspaceId: string, owners: (string | null)[], event: { type: string } & Record<string, unknown>) => {
    const userIds = [...new Set(owners.filter((id): id is string => id !== null))];
    if (userIds.length) await app.realtime.publish({ workspaceId, userIds, event });
  };
  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'Tasks the caller may see',
        description: 'Filter: title, status, priority, dueAt, recordType, recordId, ownerId, createdAt, updatedAt. Sort: title, dueAt (undated last), createdAt, updatedAt. Each task carries `recordTitle`, the name of its record.',
        querystring: ListQuery,
        response: { 200: Page(ListedTaskSchema), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listTasks(tx, ctx, request.query)),
  );
  app.get(
    '/tasks/my-day',
    { schema: { tags, summary: 'Your open tasks overdue or due today (your time zone), then those with no date', response: { 200: Type.Object({ data: Type.Array(ListedTaskSchema) }), ...errorResponses } } },
    async (request) => ({ data: await asCaller(request, (tx, ctx) => myDay(tx, ctx, ctx.timeZone)) }),
  );
  const Preference = Type.Object({
    email: Type.Boolean({ description: 'true: reminders come in the app and by e-mail; false: in the app only.' }),
    mailAccount: Type.Boolean({ description: 'Whether the workspace has the mail account reminders are sent through.' }),
  });
  app.get('/tasks/reminder-preference', { schema: { tags, summary: 'How your task reminders reach you', response: { 200: Preference, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getReminderPreference(tx, ctx)),
  );
  app.put(
    '/tasks/reminder-preference',
    {
      schema: {
        tags,
        summary: 'Choose how your task reminders reach you',
        description: 'By default reminders come in the app and, when the workspace has a mail account, by e-mail in your language.',
        body: Type.Object({ email: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Preference, ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => setReminderPreference(tx, ctx, request.body.email)),
  );
  app.post('/tasks', { schema: { tags, summary: 'Create a task', body: CreateTaskBody, response: { 201: TaskSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createTask(tx, ctx, request.body))),
  );
  app.get('/tasks/:id', { schema: { tags, summary: 'One task', params: IdParams, response: { 200: TaskSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getTask(tx, ctx, request.params.id)),
  );
  app.patch(
    '/tasks/:id',
    { schema: { tags, summary: 'Change a task', description: 'status=done on a repeating task creates its next occurrence, returned as `next`.', params: IdParams, body: UpdateTaskBody, response: { 200: UpdatedTaskSchema, ...errorResponses } } },
    async (request) => {
      const { before, after, workspaceId } = await asCaller(request, async (tx, ctx) => ({
        before: await getTask(tx, ctx, request.params.id),
        after: await updateTask(tx, ctx, request.params.id, request.body),
        workspaceId: ctx.workspaceId,
      }));
      await tell(workspaceId, [before.ownerId, after.ownerId], { type: 'task.updated', taskId: after.id, status: after.status, title: after.title });
      return after;
    },
  );
  app.delete('/tasks/:id', { schema: { tags, summary: 'Move a task to the recycle bin', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    const { task, workspaceId } = await asCaller(request, async (tx, ctx) => {
      const found = await getTask(tx, ctx, request.params.id);
      await deleteTask(tx, ctx, request.params.id);
      return { task: found, workspaceId: ctx.workspaceId };
    });
    await tell(workspaceId, [task.ownerId], { type: 'task.deleted', taskId: task.id });
    return reply.status(204).send(null);
  });
  app.post('/tasks/:id/restore', { schema: { tags, summary: 'Restore a task from the recycle bin', params: IdParams, response: { 200: TaskSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => restoreTask(tx, ctx, request.params.id)),
  );
};
