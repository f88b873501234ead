import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { callerOf } from '../../platform/auth/authenticate.js';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, errorResponses } from '../../platform/http/schemas.js';
import { AppError } from '../../platform/errors/app-error.js';
import { CalendarQuery, CalendarSchema, CreateMeetingBody, FeedParams, FeedStatusSchema, ImportBody, ImportResultSchema, MeetingSchema, NewFeedSchema, UpdateMeetingBody } from './calendar.schema.js';
import { importCalendar } from './ics-import.service.js';
import { calendarOf, createMeeting, deleteMeeting, membersOf, updateMeeting } from './calendar.service.js';
import { feedCalendar, feedStatus, feedUrl, regenerateFeed, revokeFeed } from './feeds.service.js';

const tags = ['calendar'];

/** Meetings and due tasks by date, and each member's private iCalendar feed. */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** After the commit, the open calendars of the members concerned reload (a colleague's new meeting shows at once). */
  const tell = async (workspaceId: string, userIds: string[], meetingId: string) => {
    if (userIds.length) await app.realtime.publish({ workspaceId, userIds, event: { type: 'meeting.changed', meetingId } });
  };
  app.get(
    '/calendar',
    {
      schema: {
        tags,
        summary: "Members' meetings and due tasks in a date range",
        description: 'Meetings the members own or attend that overlap [from, to), and their tasks (not cancelled) due in it. Other members’ meetings show within the caller’s read scope, or when the caller attends.',
        querystring: CalendarQuery,
        response: { 200: CalendarSchema, ...errorResponses },
      },
    },
    (request) => {
      const { from, to, userIds } = request.query;
      return asCaller(request, (tx, ctx) => calendarOf(tx, ctx, { from, to, userIds: userIds?.split(',') }));
    },
  );
  app.post(
    '/calendar/meetings',
    {
      schema: {
        tags,
        summary: 'Schedule a meeting',
        description: 'A meeting is an interaction of type `meeting`: it shows on the calendars of its owner and member attendees and on the timelines of its contacts and their accounts.',
        body: CreateMeetingBody,
        response: { 201: MeetingSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const meeting = await asCaller(request, (tx, ctx) => createMeeting(tx, ctx, request.body));
      await tell(meeting.workspaceId, membersOf(meeting), meeting.id);
      return reply.status(201).send(meeting);
    },
  );
  app.patch(
    '/calendar/meetings/:id',
    { schema: { tags, summary: 'Change a meeting', description: '`attendees`, when given, replaces them all.', params: IdParams, body: UpdateMeetingBody, response: { 200: MeetingSchema, ...errorResponses } } },
    async (request) => {
      const { meeting, members } = await asCaller(request, (tx, ctx) => updateMeeting(tx, ctx, request.params.id, request.body));
      await tell(meeting.workspaceId, members, meeting.id);
      return meeting;
    },
  );
  app.delete('/calendar/meetings/:id', { schema: { tags, summary: 'Cancel a meeting (to the recycle bin)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    const members = await asCaller(request, (tx, ctx) => deleteMeeting(tx, ctx, request.params.id));
    await tell(callerOf(request).workspaceId, members, request.params.id);
    return reply.status(204).send(null);
  });

  app.post(
    '/calendar/import',
    {
      bodyLimit: app.config.IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import an .ics file as your meetings',
        description: 'Attendees are matched by e-mail to members and contacts (the meetings go on those contacts’ timelines). The same file twice adds nothing (events are known by UID). Recurring events and events over 14 days are left out and listed.',
        body: ImportBody,
        response: { 200: ImportResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await asCaller(request, (tx, ctx) => importCalendar(tx, ctx, request.body.content));
      if (result.created) await tell(callerOf(request).workspaceId, [callerOf(request).userId].filter((id): id is string => Boolean(id)), 'import');
      return result;
    },
  );

  app.get('/calendar/feed', { config: { sessionOnly: true }, schema: { tags, summary: "The caller's calendar feed: whether it is on, never its address", response: { 200: FeedStatusSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => feedStatus(tx, ctx)),
  );
  app.post(
    '/calendar/feed',
    {
      config: { sessionOnly: true },
      schema: {
        tags,
        summary: 'Make a new feed address (shown once)',
        description: 'The previous address, if any, stops working at once. Subscribe to the address in Google, Apple or Outlook calendar.',
        response: { 201: NewFeedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const feed = await asCaller(request, (tx, ctx) => regenerateFeed(tx, ctx));
      return reply.status(201).send({ url: feedUrl(app.config.publicUrl, feed.token), createdAt: feed.createdAt });
    },
  );
  app.delete('/calendar/feed', { config: { sessionOnly: true }, schema: { tags, summary: 'Turn the feed off', response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => revokeFeed(tx, ctx));
    return reply.status(204).send(null);
  });

  app.get(
    '/public/calendar/:token.ics',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "A member's calendar as iCalendar (public, by its secret address)",
        description: 'Meetings from 90 days back to 400 days ahead and open tasks with due dates, as `text/calendar`. An unknown, regenerated or revoked address is a 404.',
        security: [],
        params: FeedParams,
        produces: ['text/calendar'],
        response: { 200: Type.String({ description: 'An RFC 5545 calendar.' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ics = await feedCalendar(app.database, request.params.token, app.config.publicUrl);
      if (ics === null) throw new AppError('NOT_FOUND', 404, { resource: 'calendarFeed' });
      return reply.header('cache-control', 'private, max-age=300').type('text/calendar; charset=utf-8').send(ics);
    },
  );
};
