import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { CALENDAR_PRESETS } from './business-calendar.presets.js';
import { CalendarBody, CalendarSchema, PresetParams, PresetSchema, PreviewQuery, PreviewSchema } from './business-calendar.schema.js';
import { applyCalendarPreset, getCalendarSettings, previewCalendar, saveCalendar } from './business-calendar.service.js';

const tags = ['business calendar'];

/** The workspace's business hours, holidays and make-up working days (SLA clocks count this time). */
export const businessCalendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/business-calendar', { schema: { tags, summary: "The workspace's business hours", description: 'Monday to Friday 09:00–18:00 in the workspace time zone until set.', response: { 200: CalendarSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getCalendarSettings(tx, ctx)),
  );
  app.put('/business-calendar', { schema: { tags, summary: 'Set business hours, holidays and make-up days (calendars.manage)', body: CalendarBody, response: { 200: CalendarSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => saveCalendar(tx, ctx, request.body)),
  );
  app.get('/business-calendar/presets', { schema: { tags, summary: 'Holiday schedules that can be added in one step', response: { 200: Type.Object({ data: Type.Array(PresetSchema) }), ...errorResponses } } }, async () => ({ data: CALENDAR_PRESETS }));
  app.post('/business-calendar/presets/:preset', { schema: { tags, summary: "Add a preset's holidays and make-up days (calendars.manage)", description: 'Dates already entered keep what was entered.', params: PresetParams, response: { 200: CalendarSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => applyCalendarPreset(tx, ctx, request.params.preset)),
  );
  app.get('/business-calendar/preview', { schema: { tags, summary: 'When a clock of N business minutes started at a time is due', querystring: PreviewQuery, response: { 200: PreviewSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => previewCalendar(tx, ctx, new Date(request.query.start), request.query.minutes, request.query.until ? new Date(request.query.until) : undefined)),
  );
};
