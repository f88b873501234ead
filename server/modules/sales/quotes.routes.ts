import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { quoteNumber } from '../../../contracts/quotes.js';
import { AppError } from '../../platform/errors/app-error.js';
import { attachment } from '../../platform/http/content-disposition.js';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Page, errorResponses } from '../../platform/http/schemas.js';
import { deliverMail } from '../interactions/index.js';
import { prepareQuoteMail, quoteProposal, recordQuoteSent } from './quote-documents.js';
import {
  CommentBody,
  CreateQuoteBody,
  DecisionBody,
  OutcomeBody,
  QuoteListQuery,
  QuoteSchema,
  QuoteSettingsSchema,
  QuoteSummarySchema,
  SendQuoteBody,
  UpdateQuoteBody,
  UpdateQuoteSettingsBody,
} from './quotes.schema.js';
import {
  createQuote,
  decideApproval,
  decideQuote,
  getQuote,
  getQuoteSettings,
  listDealQuotes,
  listQuotes,
  requestApproval,
  reviseQuote,
  updateQuote,
  updateQuoteSettings,
  type Quote,
} from './quotes.service.js';

const tags = ['quotes'];

/** Quotes of deals, their approval, PDF proposal, sending and the customer's answer. */
export const quoteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** After the commit: the members concerned hear of an approval request or decision on their open pages. */
  const tell = async (workspaceId: string, userIds: string[], type: string, quote: Quote) => {
    if (userIds.length) await app.realtime.publish({ workspaceId, userIds, event: { type, quoteId: quote.id, number: quoteNumber(quote.number), version: quote.version, opportunityId: quote.opportunityId } });
  };

  app.get(
    '/quotes',
    {
      schema: {
        tags,
        summary: 'Quotes of deals the caller may see (every version)',
        description: 'Filter: number, status, opportunityId, accountId, contactId, currency, total, validUntil, createdAt, updatedAt. Sort: number, total, createdAt, updatedAt.',
        querystring: QuoteListQuery,
        response: { 200: Page(QuoteSummarySchema), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listQuotes(tx, ctx, request.query)),
  );
  app.get('/opportunities/:id/quotes', { schema: { tags, summary: 'A deal’s quotes, every version', params: IdParams, response: { 200: Type.Object({ data: Type.Array(QuoteSummarySchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listDealQuotes(tx, ctx, request.params.id)),
  }));
  app.post(
    '/opportunities/:id/quotes',
    { schema: { tags, summary: 'Quote a deal (its products unless lines are given)', params: IdParams, body: CreateQuoteBody, response: { 201: QuoteSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await asCaller(request, (tx, ctx) => createQuote(tx, ctx, request.params.id, request.body))),
  );
  app.get('/quote-settings', { schema: { tags, summary: 'Approval threshold and defaults of new quotes', response: { 200: QuoteSettingsSchema, ...errorResponses } } }, (request) => asCaller(request, (tx, ctx) => getQuoteSettings(tx, ctx)));
  app.patch('/quote-settings', { schema: { tags, summary: 'Change quote settings (admins, managers)', body: UpdateQuoteSettingsBody, response: { 200: QuoteSettingsSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateQuoteSettings(tx, ctx, request.body)),
  );
  app.get('/quotes/:id', { schema: { tags, summary: 'One quote version with its lines', params: IdParams, response: { 200: QuoteSchema, ...errorResponses } } }, (request) => asCaller(request, (tx, ctx) => getQuote(tx, ctx, request.params.id)));
  app.patch(
    '/quotes/:id',
    { schema: { tags, summary: 'Change a quote not yet sent (it goes back to draft)', params: IdParams, body: UpdateQuoteBody, response: { 200: QuoteSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => updateQuote(tx, ctx, request.params.id, request.body)),
  );
  app.post('/quotes/:id/revise', { schema: { tags, summary: 'Start the next version of a quote as a draft', params: IdParams, response: { 201: QuoteSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => reviseQuote(tx, ctx, request.params.id))),
  );
  app.post('/quotes/:id/request-approval', { schema: { tags, summary: 'Ask for approval of a discount above the threshold', params: IdParams, body: CommentBody, response: { 200: QuoteSchema, ...errorResponses } } }, async (request) => {
    const { quote, notify } = await asCaller(request, (tx, ctx) => requestApproval(tx, ctx, request.params.id, request.body.comment ?? null));
    await tell(request.auth!.workspaceId, notify, 'quote.approval_requested', quote);
    return quote;
  });
  app.post('/quotes/:id/approval', { schema: { tags, summary: 'Approve or reject a pending discount (admins, the owner’s team manager)', params: IdParams, body: DecisionBody, response: { 200: QuoteSchema, ...errorResponses } } }, async (request) => {
    const { quote, notify } = await asCaller(request, (tx, ctx) => decideApproval(tx, ctx, request.params.id, request.body.decision, request.body.comment ?? null));
    await tell(request.auth!.workspaceId, notify, `quote.${request.body.decision}`, quote);
    return quote;
  });
  app.get(
    '/quotes/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The quote as a PDF proposal in its language',
        params: IdParams,
        response: { 200: { description: 'application/pdf, as an attachment named Q-000123-v1.pdf', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, pdf } = await asCaller(request, (tx, ctx) => quoteProposal(tx, ctx, request.params.id));
      return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(filename)).send(pdf);
    },
  );
  app.post(
    '/quotes/:id/send',
    {
      schema: {
        tags,
        summary: 'E-mail the PDF proposal to the customer; the quote is then sent and no longer changes',
        description: 'Goes out at once through the caller’s SMTP account, else the workspace’s; 502 MAIL_SEND_FAILED when the server refuses it (the quote stays as it was).',
        params: IdParams,
        body: SendQuoteBody,
        response: { 200: QuoteSchema, ...errorResponses },
      },
    },
    async (request) => {
      // The SMTP exchange happens between two transactions: none is held open while a mail server answers.
      const prepared = await asCaller(request, (tx, ctx) => prepareQuoteMail(tx, ctx, request.params.id, request.body));
      const refused = await deliverMail(prepared.account, app.secrets, prepared.mail);
      if (refused) throw new AppError('MAIL_SEND_FAILED', 502, { reason: refused });
      return asCaller(request, (tx, ctx) => recordQuoteSent(tx, ctx, request.params.id, prepared));
    },
  );
  app.post(
    '/quotes/:id/outcome',
    { schema: { tags, summary: 'Record the customer’s answer; an accepted quote becomes an order', params: IdParams, body: OutcomeBody, response: { 200: QuoteSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => decideQuote(tx, ctx, request.params.id, request.body.outcome)),
  );
};
