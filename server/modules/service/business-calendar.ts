/**
 * Business time: when a workspace works, and clock arithmetic over it (SLA due times, elapsed working time).
 * Pure functions, no database: a calendar is plain data (weekly hours in a time zone, holidays, make-up
 * working days) and instants are Dates. Wall-clock times are read in the calendar's IANA time zone, so a
 * New York calendar keeps 09:00–17:00 local across daylight-saving changes.
 */

/** A range of wall-clock time in a day, `HH:MM`; `end` may be `24:00`. An end at or before the start runs overnight into the next day. */
export interface TimeRange {
  start: string;
  end: string;
}

/** A date that differs from the weekly pattern: a holiday (closed), or a make-up working day (调休, e.g. a Saturday worked for a long holiday). */
export interface CalendarDay {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  kind: 'holiday' | 'workday';
  name?: string | null;
  /** Hours of a make-up working day; by default those of the first weekday (Monday on) that has hours. */
  ranges?: TimeRange[] | null;
}

export interface BusinessCalendar {
  /** IANA time zone, e.g. `Asia/Shanghai`. */
  timeZone: string;
  /** Open around the clock (24×7): weekly hours and days are ignored. */
  alwaysOpen?: boolean;
  /** Seven entries, Monday first (ISO order): the ranges worked that weekday; empty = closed. */
  week: TimeRange[][];
  days?: CalendarDay[];
}

/** A stretch during which a clock stands still (a case pending the customer). `to` null: still paused. */
export interface Pause {
  from: Date;
  to: Date | null;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Looking further than this for open time means the calendar has none: fail instead of looping. */
const MAX_SEARCH_DAYS = 366 * 5;

export const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of local time from UTC at an instant, in ms (Shanghai: +8 h). */
function offsetAt(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatterOf(timeZone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const steadyOffsets = new Map<string, number | null>();
/**
 * The zone's offset for every wall time of a local date and the two days after (ranges run overnight), or null
 * when it changes around then. Offsets lie within −12 h…+14 h and no zone changes twice in three days, so equal
 * offsets at both ends of the window mean one offset throughout: two Intl calls per date instead of three per
 * range edge — a year of arithmetic stays in milliseconds.
 */
function steadyOffset(timeZone: string, date: number): number | null {
  const key = `${timeZone} ${date}`;
  let value = steadyOffsets.get(key);
  if (value === undefined) {
    const before = offsetAt(timeZone, date - 14 * HOUR);
    value = before === offsetAt(timeZone, date + 2 * DAY + 14 * HOUR) ? before : null;
    if (steadyOffsets.size > 50_000) steadyOffsets.clear();
    steadyOffsets.set(key, value);
  }
  return value;
}

/**
 * The instant of a local wall-clock time. A time skipped by a daylight-saving jump is moved forward by the
 * jump (02:30 on a spring-forward night is 03:30), as Temporal's "compatible" does; a time that happens
 * twice (autumn) is its first occurrence.
 */
export function localToInstant(timeZone: string, localAsUtc: number): number {
  const steady = steadyOffset(timeZone, localAsUtc - (((localAsUtc % DAY) + DAY) % DAY));
  if (steady !== null) return localAsUtc - steady;
  const first = offsetAt(timeZone, localAsUtc);
  const t1 = localAsUtc - first;
  const o1 = offsetAt(timeZone, t1);
  if (o1 === first) return t1;
  const t2 = localAsUtc - o1;
  if (offsetAt(timeZone, t2) === o1) return t2;
  return Math.max(t1, t2);
}

/** Local date of an instant, as the UTC midnight of that date (a plain-date number for arithmetic). */
function localDateOf(timeZone: string, instant: number): number {
  const local = instant + offsetAt(timeZone, instant);
  return local - (((local % DAY) + DAY) % DAY);
}

const isoDate = (dateAsUtc: number) => new Date(dateAsUtc).toISOString().slice(0, 10);

/** A calendar prepared for arithmetic: days by date, the default make-up hours. */
interface Compiled {
  timeZone: string;
  alwaysOpen: boolean;
  week: [number, number][][];
  days: Map<string, CalendarDay>;
  makeUp: [number, number][];
}

const toMinutes = (ranges: TimeRange[]): [number, number][] =>
  ranges.map((r) => {
    const start = minutesOf(r.start);
    const end = minutesOf(r.end);
    // An end at or before the start runs into the next day (22:00–06:00).
    return [start, end > start ? end : end + 1440];
  });

const compiledCache = new WeakMap<BusinessCalendar, Compiled>();
function compile(calendar: BusinessCalendar): Compiled {
  let c = compiledCache.get(calendar);
  if (!c) {
    const week = calendar.week.map(toMinutes);
    c = {
      timeZone: calendar.timeZone,
      alwaysOpen: Boolean(calendar.alwaysOpen),
      week,
      days: new Map((calendar.days ?? []).map((d) => [d.date, d])),
      makeUp: week.find((ranges) => ranges.length > 0) ?? [],
    };
    compiledCache.set(calendar, c);
  }
  return c;
}

/** Open intervals [start, end) in ms that begin on one local date (a plain-date number), in order. */
function openingsOfDate(c: Compiled, date: number): [number, number][] {
  const day = c.days.get(isoDate(date));
  let ranges: [number, number][];
  if (day?.kind === 'holiday') ranges = [];
  else if (day?.kind === 'workday') ranges = day.ranges?.length ? toMinutes(day.ranges) : c.makeUp;
  else ranges = c.week[(new Date(date).getUTCDay() + 6) % 7] ?? [];
  return ranges.map(([s, e]) => [localToInstant(c.timeZone, date + s * MINUTE), localToInstant(c.timeZone, date + e * MINUTE)]);
}

/**
 * Open intervals from `from` on, in order, overlaps merged (an overnight range and the next day's), clipped
 * to start at `from` and split at local midnights; stops after `until` (or after MAX_SEARCH_DAYS without any
 * opening).
 */
function* openIntervals(c: Compiled, from: number, until = Infinity): Generator<[number, number]> {
  if (c.alwaysOpen) {
    yield [from, until];
    return;
  }
  // Start a day early: an overnight range of yesterday may still be open.
  let date = localDateOf(c.timeZone, from) - DAY;
  let pending: [number, number] | null = null;
  let idle = 0;
  for (;;) {
    const openings = openingsOfDate(c, date).sort((a, b) => a[0] - b[0]);
    idle = openings.length ? 0 : idle + 1;
    if (idle > MAX_SEARCH_DAYS) throw new RangeError('The calendar has no working time');
    for (const [s0, e] of openings) {
      const s = Math.max(s0, from);
      if (e <= s) continue;
      if (pending && s <= pending[1]) pending[1] = Math.max(pending[1], e);
      else {
        if (pending) yield pending;
        pending = [s, e];
      }
    }
    date += DAY;
    // Openings of later dates start at their local midnight or after: what ends before it is complete.
    const midnight = localToInstant(c.timeZone, date);
    if (pending && pending[0] < midnight) {
      // Split at midnight so that a calendar open around the clock still yields, day by day.
      yield [pending[0], Math.min(pending[1], midnight)];
      pending = pending[1] > midnight ? [midnight, pending[1]] : null;
    }
    if (midnight > until) {
      if (pending) yield pending;
      return;
    }
  }
}

/** Pauses sorted and merged, open ones running to `end`. */
function normalizePauses(pauses: Pause[] | undefined, end: number): [number, number][] {
  const list = (pauses ?? []).map((p): [number, number] => [p.from.getTime(), p.to ? p.to.getTime() : end]).filter(([a, b]) => b > a).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const p of list) {
    const last = merged.at(-1);
    if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
    else merged.push([...p]);
  }
  return merged;
}

/** Parts of [s, e) outside the pauses (sorted, merged). */
function minusPauses(s: number, e: number, pauses: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let cursor = s;
  for (const [ps, pe] of pauses) {
    if (pe <= cursor) continue;
    if (ps >= e) break;
    if (ps > cursor) out.push([cursor, ps]);
    cursor = Math.max(cursor, pe);
    if (cursor >= e) break;
  }
  if (cursor < e) out.push([cursor, e]);
  return out;
}

/**
 * The instant at which `minutes` of business time have passed since `start`, not counting closed time nor
 * the pauses: an SLA's due time. Zero minutes is `start` itself. Throws a RangeError if the calendar has no
 * working time at all (within five years) or a pause never ends.
 */
export function addBusinessTime(calendar: BusinessCalendar, start: Date, minutes: number, pauses?: Pause[]): Date {
  if (minutes <= 0) return new Date(start);
  const c = compile(calendar);
  const from = start.getTime();
  let left = minutes * MINUTE;
  const paused = normalizePauses(pauses, Infinity);
  for (const [s, e] of openIntervals(c, from)) {
    for (const [a, b] of minusPauses(s, e, paused)) {
      if (b - a >= left) return new Date(a + left);
      left -= b - a;
    }
    if (paused.length && paused.at(-1)![1] === Infinity && paused.at(-1)![0] <= s) throw new RangeError('The clock is paused with no end');
  }
  throw new RangeError('The calendar has no working time');
}

/**
 * Business minutes between two instants (may be fractional), not counting closed time nor the pauses:
 * an SLA clock's elapsed time. Negative when `b` is before `a`.
 */
export function businessMinutesBetween(calendar: BusinessCalendar, a: Date, b: Date, pauses?: Pause[]): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return -businessMinutesBetween(calendar, b, a, pauses);
  const c = compile(calendar);
  const paused = normalizePauses(pauses, to);
  let total = 0;
  for (const [s, e] of openIntervals(c, from, to)) {
    if (s >= to) break;
    for (const [x, y] of minusPauses(s, Math.min(e, to), paused)) total += y - x;
  }
  return total / MINUTE;
}

/** Whether the calendar is open at an instant (holidays and make-up days applied). */
export function isOpenAt(calendar: BusinessCalendar, at: Date): boolean {
  const t = at.getTime();
  const first = openIntervals(compile(calendar), t).next();
  return !first.done && first.value[0] <= t;
}
