import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { inboxOf, setInboxOptions } from './email-in.service.js';

const InboxSchema = Type.Object({
  address: Type.String({ description: 'Forward or BCC mail here to log it on the timeline of the contacts in it.' }),
  createContacts: Type.Boolean({ description: 'Mail from an unknown outside sender creates a contact.' }),
});

/** The workspace's inbound mail address. */
export const emailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const present = (inbox: { token: string; createContacts: boolean }) => ({ address: `${inbox.token}@${app.config.INBOUND_EMAIL_DOMAIN}`, createContacts: inbox.createContacts });
  app.get('/email/inbox', { schema: { tags: ['email'], summary: 'The workspace’s address for forwarded and BCC’d mail', response: { 200: InboxSchema, ...errorResponses } } }, async (request) =>
    present(await asCaller(request, (tx, ctx) => inboxOf(tx, ctx))),
  );
  app.patch(
    '/email/inbox',
    { schema: { tags: ['email'], summary: 'Change inbound mail options (admin)', body: Type.Object({ createContacts: Type.Boolean() }, { additionalProperties: false }), response: { 200: InboxSchema, ...errorResponses } } },
    async (request) => present(await asCaller(request, (tx, ctx) => setInboxOptions(tx, ctx, request.body))),
  );
};
