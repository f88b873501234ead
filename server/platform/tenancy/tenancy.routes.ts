import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller, asSystemCall } from '../http/route-context.js';
import { IdParams, Page, StringEnum, errorResponses } from '../http/schemas.js';
import { AppError, invalidField } from '../errors/app-error.js';
import { UserSchema, WorkspaceSchema } from '../auth/auth.schema.js';
import { createInvite, listInvites, revokeInvite } from './invites.service.js';
import { getMember, listMembers, setMemberActive, updateMember } from './members.service.js';
import { getProfile, updateProfile } from './profile.service.js';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.service.js';
import { importMembers } from './members-import.service.js';
import { ENCODINGS, ImportFileError, readImportFile } from '../imports/import-files.js';
import { callerOf } from '../auth/authenticate.js';
import {
  CreateInviteBody,
  CreateTeamBody,
  TeamSchema,
  UpdateTeamBody,
  CreatedInviteSchema,
  InviteSchema,
  MemberListQuery,
  MemberSchema,
  UpdateMemberBody,
  UpdateProfileBody,
  UpdateWorkspaceBody,
} from './tenancy.schema.js';
import { getWorkspace, isTimeZone, updateWorkspace } from './workspaces.service.js';

function assertTimeZone(field: string, value: string | null | undefined): void {
  if (value && !isTimeZone(value)) throw invalidField(field, 'invalid');
}

export const tenancyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/workspace', { schema: { tags: ['workspace'], summary: 'Workspace settings', response: { 200: WorkspaceSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getWorkspace(tx, ctx)),
  );
  app.patch(
    '/workspace',
    { config: { sessionOnly: true }, schema: { tags: ['workspace'], summary: 'Change workspace settings (admin)', body: UpdateWorkspaceBody, response: { 200: WorkspaceSchema, ...errorResponses } } },
    (request) => {
      assertTimeZone('timeZone', request.body.timeZone);
      return asCaller(request, (tx, ctx) => updateWorkspace(tx, ctx, request.body));
    },
  );

  app.get('/me', { config: { sessionOnly: true }, schema: { tags: ['profile'], summary: 'Your profile', response: { 200: UserSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getProfile(tx, ctx.userId!)),
  );
  app.patch(
    '/me',
    { config: { sessionOnly: true }, schema: { tags: ['profile'], summary: 'Change your name, language, time zone or photo', body: UpdateProfileBody, response: { 200: UserSchema, ...errorResponses } } },
    (request) => {
      assertTimeZone('timeZone', request.body.timeZone);
      return asCaller(request, (tx, ctx) => updateProfile(tx, ctx, request.body));
    },
  );

  const teamTags = ['members'];
  app.get('/teams', { schema: { tags: teamTags, summary: 'Teams, with their manager, region and member count', response: { 200: Type.Object({ data: Type.Array(Type.Composite([TeamSchema, Type.Object({ memberCount: Type.Integer() })])) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listTeams(tx, ctx)),
  }));
  app.post('/teams', { schema: { tags: teamTags, summary: 'Create a team (admin)', body: CreateTeamBody, response: { 201: TeamSchema, 409: Type.Ref('Problem'), ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createTeam(tx, ctx, request.body))),
  );
  app.get('/teams/:id', { schema: { tags: teamTags, summary: 'One team', params: IdParams, response: { 200: TeamSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getTeam(tx, ctx, request.params.id)),
  );
  app.patch('/teams/:id', { schema: { tags: teamTags, summary: 'Rename a team, or change its manager or region (admin)', params: IdParams, body: UpdateTeamBody, response: { 200: TeamSchema, 409: Type.Ref('Problem'), ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateTeam(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/teams/:id', { schema: { tags: teamTags, summary: 'Remove a team; its members stay, without a team (admin)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteTeam(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });

  app.post(
    '/members/import',
    {
      config: { sessionOnly: true },
      bodyLimit: app.config.IMPORT_BODY_LIMIT,
      schema: {
        tags: teamTags,
        summary: 'Bring a sales organisation in from a CSV/XLSX file (admin)',
        description: 'Columns by header: name/sales_agent, email, manager, team, regional_office. Managers get the manager role and a team named after them in their region; the others the sales role in their manager’s team. New people have no password until they set one (forgot password) or are invited. E-mails missing from the file are made from the name at `emailDomain`. See docs/sales.md.',
        body: Type.Object(
          {
            content: Type.String({ maxLength: 20_000_000, description: 'The file, base64.' }),
            encoding: Type.Optional(StringEnum(ENCODINGS)),
            emailDomain: Type.String({ pattern: '^[a-z0-9.-]+\\.[a-z]{2,}$', maxLength: 100, description: 'For people without an e-mail in the file: anna.snelling@<emailDomain>.' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ created: Type.Integer(), existing: Type.Integer(), teamsCreated: Type.Integer(), problems: Type.Array(Type.Object({ rowNo: Type.Integer(), field: Type.String(), code: Type.String() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      let file;
      try {
        file = await readImportFile(Buffer.from(request.body.content, 'base64'), request.body.encoding);
      } catch (err) {
        if (err instanceof ImportFileError) throw new AppError('VALIDATION_FAILED', 400, {}, [{ field: 'content', code: 'invalid', params: { reason: err.message } }]);
        throw err;
      }
      return asSystemCall(request, (tx) => importMembers(tx, ctx, file, request.body.emailDomain));
    },
  );

  const memberTags = ['members'];
  app.get(
    '/members',
    {
      schema: {
        tags: memberTags,
        summary: 'Members of the workspace',
        description: 'Filter: name, email, role, status, teamId, createdAt. Sort: name, email, createdAt.',
        querystring: MemberListQuery,
        response: { 200: Page(MemberSchema), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listMembers(tx, ctx, request.query)),
  );
  app.get('/members/:id', { schema: { tags: memberTags, summary: 'One member', params: IdParams, response: { 200: MemberSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getMember(tx, ctx, request.params.id)),
  );
  app.patch(
    '/members/:id',
    { config: { sessionOnly: true }, schema: { tags: memberTags, summary: 'Change role or team (admin)', params: IdParams, body: UpdateMemberBody, response: { 200: MemberSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => updateMember(tx, ctx, request.params.id, request.body)),
  );
  for (const [action, active] of [['deactivate', false], ['reactivate', true]] as const) {
    app.post(
      `/members/:id/${action}`,
      { config: { sessionOnly: true }, schema: { tags: memberTags, summary: `${action[0]!.toUpperCase()}${action.slice(1)} a member (admin)`, params: IdParams, response: { 200: MemberSchema, ...errorResponses } } },
      (request) => asCaller(request, (tx, ctx) => setMemberActive(tx, ctx, request.params.id, active)),
    );
  }

  const inviteTags = ['invites'];
  app.get('/invites', { config: { sessionOnly: true }, schema: { tags: inviteTags, summary: 'Open invitations (admin)', response: { 200: Type.Object({ data: Type.Array(InviteSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listInvites(tx, ctx)),
  }));
  app.post(
    '/invites',
    { config: { sessionOnly: true }, schema: { tags: inviteTags, summary: 'Invite someone (admin); returns the link', body: CreateInviteBody, response: { 201: CreatedInviteSchema, ...errorResponses } } },
    async (request, reply) => {
      const { token, ...invite } = await asCaller(request, (tx, ctx) => createInvite(tx, ctx, request.body));
      return reply.status(201).send({ ...invite, url: `${app.config.publicUrl}/invite/${token}` });
    },
  );
  app.delete(
    '/invites/:id',
    { config: { sessionOnly: true }, schema: { tags: inviteTags, summary: 'Revoke an invitation (admin)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await asCaller(request, (tx, ctx) => revokeInvite(tx, ctx, request.params.id));
      return reply.status(204).send(null);
    },
  );
};
