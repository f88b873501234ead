import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { localeFromAcceptLanguage } from '../../platform/i18n/i18n.js';
import { attachment } from '../../platform/http/content-disposition.js';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, errorResponses } from '../../platform/http/schemas.js';
import { readPublicArticle, searchPublicArticles } from './knowledge-search.service.js';
import { EMAIL_SEND_JOB } from '../interactions/index.js';
import { answerPortalSurvey, openPortalCase, portalBrand, portalCase, portalCaseFile, portalHome, portalLogo, replyOnPortalCase } from './portal-cases.service.js';
import {
  PORTAL_COOKIE,
  PORTAL_SESSION_DAYS,
  contactPortalAccess,
  inviteToPortal,
  portalByKey,
  portalCustomer,
  portalSettingsOf,
  requestSignInLink,
  revokePortalAccess,
  setPortalPassword,
  signInWithLink,
  signInWithPassword,
  signOutOfPortal,
  updatePortalSettings,
} from './portal.service.js';
import {
  ArticleHitsSchema,
  ArticleParams,
  ArticleQuery,
  ArticleSchema,
  BrandSchema,
  CaseParams,
  FileParams,
  InviteResultSchema,
  KeyParams,
  LinkRequestBody,
  OpenCaseBody,
  PasswordBody,
  PasswordSignInBody,
  PortalAccessSchema,
  PortalCaseSchema,
  PortalHomeSchema,
  PortalSettingsSchema,
  ReplyBody,
  TokenBody,
  UpdatePortalSettingsBody,
} from './portal.schema.js';
import { SurveyAnswerBody } from './surveys.routes.js';

/** Staff: the portal's settings, and a contact's access to it. */
export const portalStaffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['portal'];
  app.get('/portal-settings', { schema: { tags, summary: 'The customer portal’s settings (address key, colour, welcome, case types offered)', response: { 200: PortalSettingsSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => portalSettingsOf(tx, ctx)),
  );
  app.patch('/portal-settings', { schema: { tags, summary: 'Open or close the portal, change its address, colour, welcome or case types', body: UpdatePortalSettingsBody, response: { 200: PortalSettingsSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updatePortalSettings(tx, ctx, request.body)),
  );
  app.get('/contacts/:id/portal-access', { schema: { tags, summary: 'Whether the contact has a portal account, and their last sign-in', params: IdParams, response: { 200: PortalAccessSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => contactPortalAccess(tx, ctx, request.params.id)),
  );
  app.post(
    '/contacts/:id/portal-access',
    {
      schema: {
        tags,
        summary: 'Invite the contact to the portal: an account with their e-mail address, and a sign-in link mailed to them',
        description: '409 PORTAL_DISABLED while the portal is closed, PORTAL_CONTACT_NO_EMAIL for a contact without an address.',
        params: IdParams,
        response: { 200: InviteResultSchema, 409: Type.Ref('Problem'), ...errorResponses },
      },
    },
    async (request) => {
      const { result, job, workspaceId } = await asCaller(request, async (tx, ctx) => {
        const invited = await inviteToPortal(tx, ctx, request.params.id, app.config.publicUrl);
        const queued = invited.mailId ? await app.jobs.enqueue(tx, ctx.workspaceId, ctx.userId, EMAIL_SEND_JOB, { ids: [invited.mailId], userId: null }) : null;
        return { result: invited, job: queued, workspaceId: ctx.workspaceId };
      });
      if (job) await app.jobs.dispatch(job, workspaceId, EMAIL_SEND_JOB);
      return { access: result.access, mailed: result.mailId !== null };
    },
  );
  app.delete('/contacts/:id/portal-access', { schema: { tags, summary: 'End the contact’s portal access (their sessions end too)', params: IdParams, response: { 200: PortalAccessSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => revokePortalAccess(tx, ctx, request.params.id)),
  );
};

/**
 * The customer's side, under /public/portal/<key>: no staff sign-in. A customer signs in by mailed link or
 * password and gets the `guanxi_portal` cookie, scoped to this portal's path; the staff cookie opens nothing
 * here and the portal cookie nothing of the staff API. The session is checked after validation, so bad input
 * is a 400 naming the field whoever sends it.
 */
export const portalPublicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['portal'];
  const languageOf = (request: FastifyRequest) => localeFromAcceptLanguage(request.headers['accept-language']);
  // Every route here has the key in its path (validated by its params schema).
  const portalOf = (request: FastifyRequest) => portalByKey(app.database, (request.params as { key: string }).key, languageOf(request));
  const customerOf = async (request: FastifyRequest) => portalCustomer(app.database, await portalOf(request), request.cookies[PORTAL_COOKIE]);
  const cookiePath = (key: string) => `/api/v1/public/portal/${key.toLowerCase()}`;
  const setCookie = (reply: FastifyReply, key: string, token: string) =>
    reply.setCookie(PORTAL_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: app.config.COOKIE_SECURE, path: cookiePath(key), maxAge: PORTAL_SESSION_DAYS * 86_400 });
  // Per address and e-mail, as staff sign-in: one attacker cannot lock everyone out, nor try many passwords (or flood one inbox).
  const rateLimit = { max: app.config.LOGIN_RATE_LIMIT, timeWindow: '15 minutes', keyGenerator: (request: FastifyRequest) => `portal|${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}` };
  const sendFile = (reply: FastifyReply, file: { name: string; contentType: string; data: Buffer }) =>
    reply.header('content-type', file.contentType).header('content-disposition', attachment(file.name)).header('x-content-type-options', 'nosniff').send(file.data);
  const binary = { description: 'The file.', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } };
  const base = { config: { public: true } };

  app.get('/public/portal/:key', { ...base, schema: { tags, summary: 'The portal’s brand: workspace name, colour, logo, welcome (404 while closed)', security: [], params: KeyParams, response: { 200: BrandSchema, ...errorResponses } } }, async (request) => ({
    key: request.params.key.toLowerCase(),
    ...(await portalBrand(app.database, await portalOf(request))),
  }));
  app.get('/public/portal/:key/logo', { ...base, schema: { tags, summary: 'The workspace’s logo', security: [], params: KeyParams, response: { 200: binary, ...errorResponses } } }, async (request, reply) =>
    sendFile(reply, await portalLogo(app.database, await portalOf(request))),
  );
  app.post(
    '/public/portal/:key/sign-in-link',
    { config: { public: true, rateLimit }, schema: { tags, summary: 'Mail a sign-in link (valid 15 minutes, once); the same answer for any address', security: [], params: KeyParams, body: LinkRequestBody, response: { 202: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await requestSignInLink({ database: app.database, jobs: app.jobs, publicUrl: app.config.publicUrl }, await portalOf(request), request.body.email);
      return reply.status(202).send(null);
    },
  );
  app.post(
    '/public/portal/:key/sign-in-link/use',
    { config: { public: true, rateLimit: { max: app.config.LOGIN_RATE_LIMIT, timeWindow: '15 minutes' } }, schema: { tags, summary: 'Sign in with a mailed link’s token (401 PORTAL_LINK_INVALID: used or expired)', security: [], params: KeyParams, body: TokenBody, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      setCookie(reply, request.params.key, await signInWithLink(app.database, await portalOf(request), request.body.token));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/public/portal/:key/sign-in',
    { config: { public: true, rateLimit }, schema: { tags, summary: 'Sign in with e-mail and password', security: [], params: KeyParams, body: PasswordSignInBody, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      setCookie(reply, request.params.key, await signInWithPassword(app.database, await portalOf(request), request.body.email, request.body.password));
      return reply.status(204).send(null);
    },
  );
  app.post('/public/portal/:key/sign-out', { ...base, schema: { tags, summary: 'End the customer’s session', security: [], params: KeyParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    const customer = await customerOf(request).catch(() => null);
    if (customer) await signOutOfPortal(app.database, customer);
    reply.clearCookie(PORTAL_COOKIE, { path: cookiePath(request.params.key) });
    return reply.status(204).send(null);
  });
  app.put('/public/portal/:key/password', { ...base, schema: { tags, summary: 'The signed-in customer sets their password', security: [], params: KeyParams, body: PasswordBody, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await setPortalPassword(app.database, await customerOf(request), request.body.password);
    return reply.status(204).send(null);
  });
  app.get('/public/portal/:key/home', { ...base, schema: { tags, summary: 'The signed-in customer: their cases, orders, products with warranty, and the case types they may open', security: [], params: KeyParams, response: { 200: PortalHomeSchema, ...errorResponses } } }, async (request) =>
    portalHome(app.database, await customerOf(request)),
  );
  app.post(
    '/public/portal/:key/cases',
    { ...base, bodyLimit: app.config.IMPORT_BODY_LIMIT, schema: { tags, summary: 'Open a case (channel portal, routed as any new case), with files', security: [], params: KeyParams, body: OpenCaseBody, response: { 201: PortalCaseSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await openPortalCase(app.database, await customerOf(request), request.body)),
  );
  app.get('/public/portal/:key/cases/:reference', { ...base, schema: { tags, summary: 'One of the customer’s cases with its conversation (no internal notes)', security: [], params: CaseParams, response: { 200: PortalCaseSchema, ...errorResponses } } }, async (request) =>
    portalCase(app.database, await customerOf(request), request.params.reference),
  );
  app.post(
    '/public/portal/:key/cases/:reference/messages',
    { ...base, bodyLimit: app.config.IMPORT_BODY_LIMIT, schema: { tags, summary: 'The customer writes on their case (a case pending them or resolved opens again; 409 PORTAL_CASE_CLOSED)', security: [], params: CaseParams, body: ReplyBody, response: { 201: PortalCaseSchema, 409: Type.Ref('Problem'), ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await replyOnPortalCase(app.database, await customerOf(request), request.params.reference, request.body)),
  );
  app.post(
    '/public/portal/:key/cases/:reference/survey',
    { ...base, schema: { tags, summary: 'The customer answers the satisfaction survey of their resolved case (once: 409 SURVEY_ANSWERED; 404 when there is none)', security: [], params: CaseParams, body: SurveyAnswerBody, response: { 200: PortalCaseSchema, 409: Type.Ref('Problem'), ...errorResponses } } },
    async (request) => answerPortalSurvey(app.database, await customerOf(request), request.params.reference, request.body),
  );
  app.get('/public/portal/:key/cases/:reference/files/:file', { ...base, schema: { tags, summary: 'A file of a message on the customer’s case', security: [], params: FileParams, response: { 200: binary, ...errorResponses } } }, async (request, reply) =>
    sendFile(reply, await portalCaseFile(app.database, await customerOf(request), request.params.reference, request.params.file)),
  );
  app.get('/public/portal/:key/articles', { ...base, schema: { tags, summary: 'Search the public knowledge base in the reader’s language', security: [], params: KeyParams, querystring: ArticleQuery, response: { 200: ArticleHitsSchema, ...errorResponses } } }, async (request) => {
    const portal = await portalOf(request);
    return { data: await searchPublicArticles(app.database, portal.workspaceId, portal.ctx.locale, request.query.q) };
  });
  app.get('/public/portal/:key/articles/:article', { ...base, schema: { tags, summary: 'One public article', security: [], params: ArticleParams, response: { 200: ArticleSchema, ...errorResponses } } }, async (request) => {
    const portal = await portalOf(request);
    return readPublicArticle(app.database, portal.workspaceId, request.params.article, portal.ctx.locale);
  });
};
