import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { LOCALES } from '../../../contracts/roles.js';
import { REMINDER_TRIGGERS } from '../../../contracts/service.js';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, ListQuery, Nullable, Page, StringEnum, Timestamp, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { createReminderRule, deleteReminderRule, getReminderRule, listFiredReminders, listReminderRules, sweepReminders, updateReminderRule } from './reminders.service.js';

const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 120 }),
  trigger: StringEnum(REMINDER_TRIGGERS, { description: 'What ends: warrantyEnds (an order line’s warranty)' }),
  daysBefore: Type.Integer({ minimum: 0, maximum: 365, description: 'Fire when the end is at most this many days away' }),
  createTask: Type.Boolean({ description: 'A task for the customer’s owner' }),
  emailCustomer: Type.Boolean({ description: 'A mail to the customer (the order’s contact), in their language' }),
  notifyOwner: Type.Boolean({ description: 'A notification in the owner’s open pages' }),
  enabled: Type.Boolean(),
};
const { name, trigger, daysBefore, ...optional } = ruleFields;
const CreateBody = Type.Composite([Type.Object({ name, trigger, daysBefore }), Type.Partial(Type.Object(optional))], { additionalProperties: false });
const UpdateBody = Type.Partial(Type.Object(ruleFields), { additionalProperties: false });
const RuleSchema = Type.Object({ id: Uuid, ...ruleFields, createdAt: Timestamp, updatedAt: Timestamp });
const FiredSchema = Type.Object({
  id: Uuid,
  ruleId: Uuid,
  subjectKey: Type.String(),
  endsOn: Type.String({ format: 'date' }),
  productId: Nullable(Uuid),
  productName: Type.String(),
  orderId: Nullable(Uuid),
  orderNumber: Nullable(Type.String()),
  accountId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  ownerId: Nullable(Uuid),
  taskId: Nullable(Uuid),
  emailId: Nullable(Uuid),
  emailSkipped: Nullable(Type.String({ description: 'Why no mail went: no_contact, no_email, no_mail_account' })),
  language: Nullable(StringEnum(LOCALES)),
  firedAt: Timestamp,
});

/** Proactive reminder rules ("warranty ends in N days") and what they fired. */
export const reminderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['service reminders'];
  app.get('/service/reminder-rules', { schema: { tags, summary: 'Reminder rules', response: { 200: Type.Object({ data: Type.Array(RuleSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listReminderRules(tx, ctx)),
  }));
  app.post('/service/reminder-rules', { schema: { tags, summary: 'Add a reminder rule', body: CreateBody, response: { 201: RuleSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createReminderRule(tx, ctx, request.body))),
  );
  app.get('/service/reminder-rules/:id', { schema: { tags, summary: 'A reminder rule', params: IdParams, response: { 200: RuleSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getReminderRule(tx, ctx, request.params.id)),
  );
  app.patch('/service/reminder-rules/:id', { schema: { tags, summary: 'Change a reminder rule', params: IdParams, body: UpdateBody, response: { 200: RuleSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateReminderRule(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/service/reminder-rules/:id', { schema: { tags, summary: 'Remove a reminder rule (its history stays)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteReminderRule(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.post(
    '/service/reminders/run',
    { schema: { tags, summary: 'Run the daily reminder sweep now for this workspace (fires only what has not fired)', response: { 200: Type.Object({ fired: Type.Integer() }), ...errorResponses } } },
    async (request) => {
      const workspaceId = await asCaller(request, async (_tx, ctx) => {
        assertCan(ctx, 'service.configure');
        return ctx.workspaceId;
      });
      return { fired: await sweepReminders({ database: app.database, jobs: app.jobs, publish: (m) => app.realtime.publish(m) }, new Date(), workspaceId) };
    },
  );
  app.get('/service/reminders', { schema: { tags, summary: 'Reminders fired, newest first', querystring: ListQuery, response: { 200: Page(FiredSchema), ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => listFiredReminders(tx, ctx, request.query)),
  );
};
