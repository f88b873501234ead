import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { addBusinessTime, businessMinutesBetween, isTimeZone, minutesOf, type BusinessCalendar, type CalendarDay, type TimeRange } from './business-calendar.js';
import { CALENDAR_PRESETS } from './business-calendar.presets.js';
import { businessCalendars } from './business-calendar.tables.js';

/** The calendar as stored and shown: the arithmetic's input plus who changed it last. */
export type CalendarSettings = Required<BusinessCalendar> & { updatedAt: Date | null; updatedBy: string | null };

const NINE_TO_SIX: TimeRange[] = [{ start: '09:00', end: '18:00' }];
/** What a workspace works before anyone sets its hours: Monday to Friday, 09:00–18:00, in its time zone. */
export const defaultCalendar = (timeZone: string): BusinessCalendar => ({ timeZone, alwaysOpen: false, week: [...Array(5).fill(NINE_TO_SIX), [], []], days: [] });

/** The workspace's business calendar, for SLA clocks and other business-time arithmetic (any member). */
export async function workspaceCalendar(tx: Executor, ctx: RequestContext): Promise<BusinessCalendar> {
  const [row] = await tx.select().from(businessCalendars).where(eq(businessCalendars.workspaceId, ctx.workspaceId));
  return row ? { timeZone: row.timeZone, alwaysOpen: row.alwaysOpen, week: row.week, days: row.days } : defaultCalendar(ctx.timeZone);
}

export async function getCalendarSettings(tx: Executor, ctx: RequestContext): Promise<CalendarSettings> {
  const [row] = await tx.select().from(businessCalendars).where(eq(businessCalendars.workspaceId, ctx.workspaceId));
  if (row) return { timeZone: row.timeZone, alwaysOpen: row.alwaysOpen, week: row.week, days: row.days, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
  return { ...(defaultCalendar(ctx.timeZone) as Required<BusinessCalendar>), updatedAt: null, updatedBy: null };
}

/** Ranges of one day as minute spans, overnight ones running past 1440. */
const spans = (ranges: TimeRange[]) => ranges.map((r) => [minutesOf(r.start), minutesOf(r.end) > minutesOf(r.start) ? minutesOf(r.end) : minutesOf(r.end) + 1440] as const);

/** 400 naming each bad field: unknown zone, overlapping ranges, a date given twice, no working time at all. */
function check(calendar: BusinessCalendar): void {
  const errors: FieldError[] = [];
  if (!isTimeZone(calendar.timeZone)) errors.push({ field: 'timeZone', code: 'invalid' });
  const overlapping = (ranges: TimeRange[], at: string) => {
    const sorted = [...spans(ranges)].sort((a, b) => a[0] - b[0]);
    sorted.forEach((s, i) => {
      if (i > 0 && s[0] < sorted[i - 1]![1]) errors.push({ field: at, code: 'invalid' });
    });
  };
  calendar.week.forEach((ranges, i) => overlapping(ranges, `week.${i}`));
  const seen = new Set<string>();
  (calendar.days ?? []).forEach((day, i) => {
    if (seen.has(day.date) || Number.isNaN(Date.parse(`${day.date}T00:00:00Z`)) || new Date(`${day.date}T00:00:00Z`).toISOString().slice(0, 10) !== day.date) errors.push({ field: `days.${i}.date`, code: seen.has(day.date) ? 'taken' : 'invalid' });
    seen.add(day.date);
    if (day.ranges) overlapping(day.ranges, `days.${i}.ranges`);
  });
  if (!calendar.alwaysOpen && calendar.week.every((ranges) => ranges.length === 0)) errors.push({ field: 'week', code: 'minItems', params: { limit: 1 } });
  if (errors.length) throw new AppError('VALIDATION_FAILED', 400, {}, errors);
}

const byDate = (days: CalendarDay[]) => [...days].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ date: d.date, kind: d.kind, name: d.name?.trim() || null, ...(d.kind === 'workday' && d.ranges?.length ? { ranges: d.ranges } : {}) }));

/** Replaces the workspace's calendar (calendars.manage). */
export async function saveCalendar(tx: Executor, ctx: RequestContext, input: BusinessCalendar): Promise<CalendarSettings> {
  assertCan(ctx, 'calendars.manage');
  check(input);
  const before = await getCalendarSettings(tx, ctx);
  const values = { timeZone: input.timeZone, alwaysOpen: Boolean(input.alwaysOpen), week: input.week, days: byDate(input.days ?? []), updatedBy: ctx.userId, updatedAt: new Date() };
  await tx
    .insert(businessCalendars)
    .values({ workspaceId: ctx.workspaceId, ...values })
    .onConflictDoUpdate({ target: businessCalendars.workspaceId, set: values });
  const after = await getCalendarSettings(tx, ctx);
  await recordAudit(tx, ctx, { action: before.updatedAt ? 'update' : 'create', recordType: 'business_calendar', recordId: ctx.workspaceId, before: before.updatedAt ? { ...before } : null, after: { ...after } });
  return after;
}

/** Adds a preset's holidays and make-up days; dates already in the calendar keep what was entered. */
export async function applyCalendarPreset(tx: Executor, ctx: RequestContext, presetId: string): Promise<CalendarSettings> {
  const preset = CALENDAR_PRESETS.find((p) => p.id === presetId);
  if (!preset) throw new AppError('NOT_FOUND', 404, { resource: 'calendarPreset' });
  const current = await getCalendarSettings(tx, ctx);
  const taken = new Set(current.days.map((d) => d.date));
  return saveCalendar(tx, ctx, { ...current, days: [...current.days, ...preset.days.filter((d) => !taken.has(d.date))] });
}

/** What the calendar makes of a clock: its due time after `minutes`, and the business minutes until `until`. */
export async function previewCalendar(tx: Executor, ctx: RequestContext, start: Date, minutes: number, until?: Date): Promise<{ dueAt: Date; minutesUntil: number | null }> {
  const calendar = await workspaceCalendar(tx, ctx);
  return { dueAt: addBusinessTime(calendar, start, minutes), minutesUntil: until ? businessMinutesBetween(calendar, start, until) : null };
}
