// The calendar module's public surface: other modules import only from here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { calendarRoutes as routes } from './calendar.routes.js';

/** The calendar's API routes (under /api/v1): meetings and due tasks by date, and the iCalendar feeds. */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(routes);
};
export { calendarOf, createMeeting, type Meeting, type MeetingInput } from './calendar.service.js';
