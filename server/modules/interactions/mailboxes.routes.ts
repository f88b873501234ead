import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { CreateMailboxBody, FoldersSchema, MailboxSchema, UpdateMailboxBody } from './mailboxes.schema.js';
import { MAILBOX_SYNC_JOB, connectionOf, createMailbox, deleteMailbox, getMailbox, listMailboxes, presentMailboxes, requestSync, testConnection, updateMailbox } from './mailboxes.service.js';

const tags = ['email'];
const errors = { ...errorResponses, 422: Type.Ref('Problem') };

/** IMAP mailboxes synced to the timeline: members manage their own, admins the workspace's. */
export const mailboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const one = (request: Parameters<typeof asCaller>[0], id: string) => asCaller(request, async (tx, ctx) => (await presentMailboxes(tx, ctx, [await getMailbox(tx, ctx, id)]))[0]!);

  app.get('/mailboxes', { schema: { tags, summary: 'Your IMAP mailboxes (and the workspace’s, for admins)', response: { 200: Type.Object({ data: Type.Array(MailboxSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, async (tx, ctx) => presentMailboxes(tx, ctx, await listMailboxes(tx, ctx))),
  }));
  app.get('/mailboxes/:id', { schema: { tags, summary: 'One mailbox', params: IdParams, response: { 200: MailboxSchema, ...errorResponses } } }, (request) => one(request, request.params.id));
  app.post(
    '/mailboxes',
    {
      config: { sessionOnly: true },
      schema: { tags, summary: 'Add an IMAP mailbox to sync', description: 'Its mail is logged on the timeline of the contacts in it; the first sync starts within minutes (or POST /mailboxes/{id}/sync).', body: CreateMailboxBody, response: { 201: MailboxSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const row = await asCaller(request, async (tx, ctx) => (await presentMailboxes(tx, ctx, [await createMailbox(tx, ctx, app.secrets, request.body)]))[0]!);
      return reply.status(201).send(row);
    },
  );
  app.patch(
    '/mailboxes/:id',
    { config: { sessionOnly: true }, schema: { tags, summary: 'Change a mailbox', description: 'Another host, port or user name starts its sync afresh; mail already logged is not logged twice.', params: IdParams, body: UpdateMailboxBody, response: { 200: MailboxSchema, ...errorResponses } } },
    (request) => asCaller(request, async (tx, ctx) => (await presentMailboxes(tx, ctx, [await updateMailbox(tx, ctx, app.secrets, request.params.id, request.body)]))[0]!),
  );
  app.delete('/mailboxes/:id', { schema: { tags, summary: 'Stop syncing a mailbox (what it logged stays)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteMailbox(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.post(
    '/mailboxes/:id/test',
    { schema: { tags, summary: 'Connect, sign in and list the folders', description: '422 MAILBOX_UNREACHABLE or MAILBOX_LOGIN_FAILED when it cannot.', params: IdParams, response: { 200: FoldersSchema, ...errors } } },
    async (request) => ({ folders: await testConnection(await asCaller(request, async (tx, ctx) => connectionOf(app.secrets, await getMailbox(tx, ctx, request.params.id)))) }),
  );
  app.post(
    '/mailboxes/:id/sync',
    { schema: { tags, summary: 'Sync now', description: 'Queues a sync (or returns the one already queued or running); GET /jobs/{jobId} shows its progress.', params: IdParams, response: { 202: Type.Object({ jobId: Uuid }), ...errorResponses } } },
    async (request, reply) => {
      const { jobId, created, workspaceId } = await asCaller(request, async (tx, ctx) => ({ ...(await requestSync(tx, ctx, app.jobs.enqueue.bind(app.jobs), await getMailbox(tx, ctx, request.params.id))), workspaceId: ctx.workspaceId }));
      if (created) await app.jobs.dispatch(jobId, workspaceId, MAILBOX_SYNC_JOB);
      return reply.status(202).send({ jobId });
    },
  );
};
