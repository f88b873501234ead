import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../platform/errors/app-error.js';
import { describeError } from '../../platform/errors/error-handler.js';
import { localeFromAcceptLanguage } from '../../platform/i18n/i18n.js';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, ListQuery, Page, errorResponses } from '../../platform/http/schemas.js';
import { formPage, missingPage, pageCsp, submitLabelOf, thanksPage } from './forms.page.js';
import { CreateFormBody, FormSchema, HONEYPOT, PublicFormSchema, SubmissionBody, SubmissionQuery, SubmissionResultSchema, SubmissionSchema, TokenParams, UpdateFormBody } from './forms.schema.js';
import { createForm, deleteForm, getForm, listForms, listSubmissions, publicForm, updateForm, type FormWithCounts } from './forms.service.js';
import { submitForm } from './submissions.service.js';

const tags = ['forms'];
/** Submissions per minute from one address to one form; more are answered 429. */
export const SUBMISSIONS_PER_MINUTE = 10;
const PUBLIC_BODY_LIMIT = 64 * 1024;

const hostedUrl = (publicUrl: string, token: string) => `${publicUrl}/f/${token}`;
/** The embeddable snippet: an iframe of the hosted page in its embedded look. */
export const embedCode = (publicUrl: string, token: string) =>
  `<iframe src="${hostedUrl(publicUrl, token)}?embed=1" title="form" style="width:100%;min-height:560px;border:0" loading="lazy"></iframe>`;

/** Web forms: built by admins and managers, answered by anyone on a hosted page, an embed, or the public API. */
export const formRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const present = (form: FormWithCounts) => ({ ...form, hostedUrl: hostedUrl(app.config.publicUrl, form.token), embedCode: embedCode(app.config.publicUrl, form.token) });

  app.get('/forms', { schema: { tags, summary: 'Web forms (admins, managers)', response: { 200: Type.Object({ data: Type.Array(FormSchema) }), ...errorResponses } } }, async (request) => ({
    data: (await asCaller(request, (tx, ctx) => listForms(tx, ctx))).map(present),
  }));
  app.post(
    '/forms',
    { schema: { tags, summary: 'Build a web form', description: 'Gets a public token: the hosted page is `/f/<token>`.', body: CreateFormBody, response: { 201: FormSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(present(await asCaller(request, (tx, ctx) => createForm(tx, ctx, request.body)))),
  );
  app.get('/forms/:id', { schema: { tags, summary: 'One web form', params: IdParams, response: { 200: FormSchema, ...errorResponses } } }, async (request) =>
    present(await asCaller(request, (tx, ctx) => getForm(tx, ctx, request.params.id))),
  );
  app.patch('/forms/:id', { schema: { tags, summary: 'Change a web form', params: IdParams, body: UpdateFormBody, response: { 200: FormSchema, ...errorResponses } } }, async (request) =>
    present(await asCaller(request, (tx, ctx) => updateForm(tx, ctx, request.params.id, request.body))),
  );
  app.delete('/forms/:id', { schema: { tags, summary: 'Delete a web form and its submissions', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteForm(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.get(
    '/forms/:id/submissions',
    { schema: { tags, summary: "A form's submissions, newest first", description: 'Filter: spam, contactId, createdAt. Spam is kept and flagged.', params: IdParams, querystring: ListQuery, response: { 200: Page(SubmissionSchema), ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => listSubmissions(tx, ctx, request.params.id, request.query)),
  );

  app.get(
    '/public/forms/:token',
    { config: { public: true }, schema: { tags, summary: 'A form for rendering (public)', security: [], params: TokenParams, response: { 200: PublicFormSchema, ...errorResponses } } },
    async (request) => {
      const form = await publicForm(app.database, request.params.token);
      if (!form) throw new AppError('NOT_FOUND', 404, { resource: 'form' });
      return {
        token: form.token,
        language: form.language,
        workspaceName: form.workspaceName,
        title: form.title,
        intro: form.intro,
        fields: form.fields.map(({ mapTo: _mapTo, ...field }) => field),
        submitLabel: submitLabelOf(form),
        honeypot: HONEYPOT,
        submitUrl: `${app.config.publicUrl}/api/v1/public/forms/${form.token}/submissions`,
      };
    },
  );

  await app.register(submissionRoutes);
};

/** The public submission route, in its own scope: the form-body parser applies to it alone. */
const submissionRoutes: FastifyPluginAsyncTypebox = async (scope) => {
  // A plain HTML form posts application/x-www-form-urlencoded: read into the JSON body's shape (meta inputs start with `_`).
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: PUBLIC_BODY_LIMIT }, (_request, body, done) => {
    const values: Record<string, string | string[]> = {};
    let honeypot: string | undefined;
    for (const [key, value] of new URLSearchParams(body as string)) {
      if (key === HONEYPOT) honeypot = value;
      if (key.startsWith('_')) continue;
      const before = values[key];
      values[key] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
    }
    done(null, { values, ...(honeypot !== undefined ? { honeypot } : {}) });
  });
  scope.post(
    '/public/forms/:token/submissions',
    {
      bodyLimit: PUBLIC_BODY_LIMIT,
      config: {
        public: true,
        rateLimit: { max: SUBMISSIONS_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (request) => `form|${request.ip}|${(request.params as { token?: string }).token ?? ''}` },
      },
      schema: {
        tags,
        summary: 'Submit a form (public)',
        description:
          'JSON, or `application/x-www-form-urlencoded` from a plain HTML form (answered with a 303 to the thank-you page or the redirect URL). Creates or updates the contact (duplicate-aware, only blank fields filled) and logs a web message on its timeline. A filled honeypot is answered 200 and dropped as spam; more than 10 a minute from one address is a 429.',
        security: [],
        consumes: ['application/json', 'application/x-www-form-urlencoded'],
        params: TokenParams,
        querystring: SubmissionQuery,
        body: SubmissionBody,
        response: { 200: SubmissionResultSchema, 303: Type.Null({ description: 'A form post: to the thank-you page or the redirect URL.' }), ...errorResponses, 429: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const { token } = request.params;
      const formPost = String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
      const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      try {
        const result = await submitForm(scope.database, token, request.body, meta);
        if (formPost) return reply.redirect(result.redirectUrl ?? `/f/${encodeURIComponent(token)}/thanks${request.query.embed ? '?embed=1' : ''}`, 303);
        return result;
      } catch (err) {
        if (!formPost || !(err instanceof AppError) || err.status !== 400) throw err;
        // Without JavaScript the visitor gets the form again, with their answers and the messages in place.
        const form = await publicForm(scope.database, token);
        if (!form) throw err;
        const { errors } = describeError(err, form.language, request.id);
        const byKey = Object.fromEntries(errors.map((e) => [e.field.replace(/^values\./, ''), e.message]));
        const nonce = randomBytes(16).toString('base64');
        return reply.status(400).header('content-security-policy', pageCsp(nonce)).type('text/html; charset=utf-8').send(formPage(form, { values: request.body.values, errors: byKey, embed: request.query.embed, nonce }));
      }
    },
  );
};

/** The hosted pages, outside /api: the form, and the thank-you page a form post without JavaScript lands on. */
export const formPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const Query = Type.Object({ embed: Type.Optional(Type.String({ maxLength: 10 })) });
  const send = (reply: import('fastify').FastifyReply, status: number, html: (nonce: string) => string) => {
    const nonce = randomBytes(16).toString('base64');
    return reply.status(status).header('content-security-policy', pageCsp(nonce)).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html(nonce));
  };
  app.get('/f/:token', { config: { public: true }, schema: { hide: true, params: TokenParams, querystring: Query } }, async (request, reply) => {
    const form = await publicForm(app.database, request.params.token);
    if (!form) return send(reply, 404, (nonce) => missingPage(localeFromAcceptLanguage(request.headers['accept-language']) ?? 'en', nonce));
    return send(reply, 200, (nonce) => formPage(form, { embed: Boolean(request.query.embed), nonce }));
  });
  app.get('/f/:token/thanks', { config: { public: true }, schema: { hide: true, params: TokenParams, querystring: Query } }, async (request, reply) => {
    const form = await publicForm(app.database, request.params.token);
    if (!form) return send(reply, 404, (nonce) => missingPage(localeFromAcceptLanguage(request.headers['accept-language']) ?? 'en', nonce));
    return send(reply, 200, (nonce) => thanksPage(form, Boolean(request.query.embed), nonce));
  });
};
