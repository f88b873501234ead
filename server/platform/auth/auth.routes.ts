import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { asSystemCall } from '../http/route-context.js';
import { errorResponses } from '../http/schemas.js';
import { unauthenticated } from '../errors/app-error.js';
import { findOpenInvite, acceptInvite } from '../tenancy/invites.service.js';
import {
  AcceptInviteBody,
  InvitePreviewSchema,
  ResetConfirmBody,
  ResetRequestBody,
  SessionSchema,
  SignInBody,
  SignUpBody,
  SwitchWorkspaceBody,
  TokenParams,
} from './auth.schema.js';
import {
  SESSION_DAYS,
  confirmPasswordReset,
  createSession,
  describeSession,
  endSession,
  requestPasswordReset,
  signIn,
  signUp,
  switchWorkspace,
} from './auth.service.js';
import { SESSION_COOKIE } from './authenticate.js';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: app.config.COOKIE_SECURE,
      path: '/',
      maxAge: SESSION_DAYS * 86_400,
    });

  /** Opens a session and answers with its description. */
  const startSession = async (reply: FastifyReply, request: Parameters<typeof asSystemCall>[0], ids: { userId: string; workspaceId: string }) => {
    const { token, session } = await asSystemCall(request, async (tx) => ({
      token: await createSession(tx, ids.userId, ids.workspaceId),
      session: await describeSession(tx, ids.userId, ids.workspaceId),
    }));
    setSessionCookie(reply, token);
    return session;
  };

  app.post(
    '/auth/sign-up',
    { config: { public: true }, schema: { tags, summary: 'Create a workspace and its admin', body: SignUpBody, response: { 201: SessionSchema, ...errorResponses } } },
    async (request, reply) => {
      const ids = await asSystemCall(request, (tx) => signUp(tx, request.body));
      return reply.status(201).send(await startSession(reply, request, ids));
    },
  );

  app.post(
    '/auth/sign-in',
    {
      config: {
        public: true,
        rateLimit: {
          max: app.config.LOGIN_RATE_LIMIT,
          timeWindow: '15 minutes',
          // Per address and e-mail: one attacker cannot lock everyone out, nor try many passwords for one user.
          keyGenerator: (request) => `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
      schema: { tags, summary: 'Sign in with e-mail and password', body: SignInBody, response: { 200: SessionSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const ids = await asSystemCall(request, (tx) => signIn(tx, request.body));
      return startSession(reply, request, ids);
    },
  );

  app.post(
    '/auth/sign-out',
    { config: { public: true }, schema: { tags, summary: 'End the session', response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.sessionToken) await asSystemCall(request, (tx) => endSession(tx, request.sessionToken!));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/session',
    { config: { sessionOnly: true }, schema: { tags, summary: 'The signed-in user and workspace', response: { 200: SessionSchema, ...errorResponses } } },
    async (request) => {
      const ctx = request.auth!;
      return asSystemCall(request, (tx) => describeSession(tx, ctx.userId!, ctx.workspaceId));
    },
  );

  app.post(
    '/auth/switch-workspace',
    { config: { sessionOnly: true }, schema: { tags, summary: 'Move the session to another workspace', body: SwitchWorkspaceBody, response: { 200: SessionSchema, ...errorResponses } } },
    async (request) => {
      const ctx = request.auth!;
      if (!request.sessionToken) throw unauthenticated();
      return asSystemCall(request, async (tx) => {
        await switchWorkspace(tx, request.sessionToken!, ctx.userId!, request.body.workspaceId);
        return describeSession(tx, ctx.userId!, request.body.workspaceId);
      });
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { public: true, rateLimit: { max: app.config.LOGIN_RATE_LIMIT, timeWindow: '15 minutes' } },
      schema: { tags, summary: 'Send a password reset link', body: ResetRequestBody, response: { 202: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      const reset = await asSystemCall(request, (tx) => requestPasswordReset(tx, request.body.email));
      if (reset) {
        // Until outbound e-mail exists (channels issue), the link goes to the server log for the operator.
        request.log.info({ userId: reset.userId, url: `${app.config.publicUrl}/reset-password?token=${reset.token}` }, 'password reset link');
      }
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    { config: { public: true }, schema: { tags, summary: 'Set a new password with a reset token', body: ResetConfirmBody, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await asSystemCall(request, (tx) => confirmPasswordReset(tx, request.body.token, request.body.password));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/invites/:token',
    { config: { public: true }, schema: { tags, summary: 'Preview an invitation', params: TokenParams, response: { 200: InvitePreviewSchema, ...errorResponses } } },
    async (request) => {
      const invite = await asSystemCall(request, (tx) => findOpenInvite(tx, request.params.token));
      return { workspaceName: invite.workspaceName, email: invite.email, role: invite.role };
    },
  );

  app.post(
    '/auth/invites/accept',
    { config: { public: true }, schema: { tags, summary: 'Accept an invitation and sign in', body: AcceptInviteBody, response: { 200: SessionSchema, ...errorResponses } } },
    async (request, reply) => {
      const ids = await asSystemCall(request, (tx) => acceptInvite(tx, request.body));
      return startSession(reply, request, ids);
    },
  );

};
