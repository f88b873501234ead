import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { LOCALES } from '../../../contracts/roles.js';
import { contextOfIntegration, contextOfMember } from '../../platform/auth/context-loader.js';
import { asCaller } from '../../platform/http/route-context.js';
import { Email, Nullable, StringEnum, Timestamp, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { EMAIL_SEND_JOB, MERGE_FIELDS, createMailAccount, createTemplate, listMailAccounts, listTemplates, queueEmails, sendQueuedEmail } from './email-out.service.js';

const tags = ['email'];

const MailAccountSchema = Type.Object({
  id: Uuid,
  userId: Nullable(Uuid),
  fromName: Type.String(),
  fromAddress: Type.String(),
  host: Type.String(),
  port: Type.Integer(),
  secure: Type.Boolean(),
  username: Nullable(Type.String()),
  hasPassword: Type.Boolean(),
  createdAt: Timestamp,
});
const LocaleText = Type.String({ minLength: 1, maxLength: 100_000 });
const ByLocale = Type.Object(Object.fromEntries(LOCALES.map((locale) => [locale, Type.Optional(LocaleText)])), {
  additionalProperties: false,
  description: 'By language: {"zh-CN": "…", "en": "…"}',
});
const TemplateSchema = Type.Object({ id: Uuid, name: Type.String(), subjects: Type.Record(Type.String(), Type.String()), bodies: Type.Record(Type.String(), Type.String()), createdAt: Timestamp, updatedAt: Timestamp });
const OutgoingSchema = Type.Object({ id: Uuid, contactId: Nullable(Uuid), toAddress: Type.String(), subject: Type.String(), status: Type.String() });

/** Mail out: SMTP accounts (the workspace's and members' own), templates with merge fields, sending. */
export const emailOutRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.jobs.register<{ ids: string[]; userId: string | null }>(EMAIL_SEND_JOB, async (job) => {
    const ctx = job.payload.userId ? await contextOfMember(app.database, job.workspaceId, job.payload.userId) : await contextOfIntegration(app.database, job.workspaceId);
    if (!ctx) throw new Error('the member who sent this mail is no longer active');
    const results = [];
    for (const [i, id] of job.payload.ids.entries()) {
      results.push(await sendQueuedEmail(app.database.db, ctx, app.secrets, id));
      await job.progress(i + 1, job.payload.ids.length);
    }
    return { sent: results.filter((r) => r.status === 'sent').length, failed: results.filter((r) => r.status === 'failed').length };
  });

  app.get('/mail-accounts', { schema: { tags, summary: 'SMTP accounts you may send through (yours and the workspace’s)', response: { 200: Type.Object({ data: Type.Array(MailAccountSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listMailAccounts(tx, ctx)),
  }));
  app.post(
    '/mail-accounts',
    {
      config: { sessionOnly: true },
      schema: {
        tags,
        summary: 'Set your own SMTP account, or the workspace’s (admin); replaces the earlier one',
        body: Type.Object(
          {
            personal: Type.Boolean(),
            fromName: Type.String({ minLength: 1, maxLength: 200 }),
            fromAddress: Email,
            host: Type.String({ minLength: 1, maxLength: 253 }),
            port: Type.Integer({ minimum: 1, maximum: 65535 }),
            secure: Type.Optional(Type.Boolean({ description: 'TLS from the start (port 465); otherwise STARTTLS when offered.' })),
            username: Type.Optional(Nullable(Type.String({ maxLength: 320 }))),
            password: Type.Optional(Nullable(Type.String({ maxLength: 1000, description: 'Kept encrypted; never shown again.' }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: MailAccountSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await asCaller(request, (tx, ctx) => createMailAccount(tx, ctx, app.secrets, request.body))),
  );
  app.get('/email-templates', { schema: { tags, summary: 'Mail templates', response: { 200: Type.Object({ data: Type.Array(TemplateSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listTemplates(tx, ctx)),
  }));
  app.post(
    '/email-templates',
    {
      schema: {
        tags,
        summary: 'Add a mail template (admins, managers, marketing)',
        description: `Subject and body per language, with merge fields: ${MERGE_FIELDS.map((f) => `{{${f}}}`).join(', ')}.`,
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), subjects: ByLocale, bodies: ByLocale }, { additionalProperties: false }),
        response: { 201: TemplateSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await asCaller(request, (tx, ctx) => createTemplate(tx, ctx, request.body))),
  );
  app.post(
    '/emails',
    {
      schema: {
        tags,
        summary: 'Send a mail to contacts',
        description: 'Through your own SMTP account, else the workspace’s; from a template (in `locale`, else the workspace’s language) or a subject and body, merge fields filled per contact. Queued, then sent by a job (GET /jobs/{jobId}); each sent mail is logged on its contact’s timeline.',
        body: Type.Object(
          {
            contactIds: Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true }),
            templateId: Type.Optional(Uuid),
            locale: Type.Optional(StringEnum(LOCALES)),
            subject: Type.Optional(Type.String({ maxLength: 500 })),
            body: Type.Optional(Type.String({ maxLength: 100_000 })),
          },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ jobId: Uuid, data: Type.Array(OutgoingSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { jobId, queued, workspaceId } = await asCaller(request, async (tx, ctx) => {
        const mails = await queueEmails(tx, ctx, request.body);
        const id = await app.jobs.enqueue(tx, ctx.workspaceId, ctx.userId, EMAIL_SEND_JOB, { ids: mails.map((m) => m.id), userId: ctx.userId });
        return { jobId: id, queued: mails, workspaceId: ctx.workspaceId };
      });
      await app.jobs.dispatch(jobId, workspaceId, EMAIL_SEND_JOB);
      return reply.status(202).send({ jobId, data: queued });
    },
  );
};
