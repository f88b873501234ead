/**
 * The days a calendar view shows and where events fall in them. Days are browser-local midnights standing
 * for wall-clock days in the user's time zone (see ui/zonedTime): the grid is laid out on the user's clock
 * whatever the browser's zone.
 */
export const VIEWS = ['day', 'week', 'month'] as const;
export type CalendarView = (typeof VIEWS)[number];

const DAY_MS = 86_400_000;
export const addDays = (day: Date, n: number) => new Date(day.getFullYear(), day.getMonth(), day.getDate() + n);
export const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
/** Weeks start on Monday (as in China and ISO 8601). */
export const startOfWeek = (day: Date) => addDays(startOfDay(day), -((day.getDay() + 6) % 7));
export const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD` of a day (for URLs). */
export const dayKey = (day: Date) => `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
/** The day of a `YYYY-MM-DD`, or null for anything else. */
export function parseDayKey(text: string | null): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!m) return null;
  const day = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dayKey(day) === text ? day : null;
}

/** The days of a view around `anchor`: one; Monday to Sunday; or the six weeks that hold the month. */
export function viewDays(view: CalendarView, anchor: Date): Date[] {
  if (view === 'day') return [startOfDay(anchor)];
  const first = view === 'week' ? startOfWeek(anchor) : startOfWeek(new Date(anchor.getFullYear(), anchor.getMonth(), 1));
  return Array.from({ length: view === 'week' ? 7 : 42 }, (_, i) => addDays(first, i));
}

/** The anchor one view earlier (-1) or later (+1); a month keeps to the month's first day. */
export function shiftAnchor(view: CalendarView, anchor: Date, direction: -1 | 1): Date {
  if (view === 'day') return addDays(anchor, direction);
  if (view === 'week') return addDays(anchor, 7 * direction);
  return new Date(anchor.getFullYear(), anchor.getMonth() + direction, 1);
}

export interface Span {
  start: Date;
  end: Date;
}

/** The minutes of `day` a span covers, clipped to it ([0, 1440]); null when it does not touch the day. */
export function minutesIn(day: Date, span: Span): { from: number; to: number } | null {
  const dayStart = day.getTime();
  const dayEnd = addDays(day, 1).getTime();
  if (span.end.getTime() <= dayStart || span.start.getTime() >= dayEnd) {
    // A moment (no length) at the day's start belongs to the day.
    if (!(span.start.getTime() === span.end.getTime() && span.start.getTime() >= dayStart && span.start.getTime() < dayEnd)) return null;
  }
  const from = Math.max(0, (span.start.getTime() - dayStart) / 60_000);
  const to = Math.min((dayEnd - dayStart) / 60_000, (span.end.getTime() - dayStart) / 60_000);
  return { from, to };
}

/** Whether a span touches a day (for month cells and all-day rows). */
export const touchesDay = (day: Date, span: Span) => minutesIn(day, span) !== null;

/**
 * Side-by-side columns for overlapping events of one day: each gets a column and the number of columns of
 * its cluster (events that overlap, directly or through others), so none hides another.
 */
export function layoutColumns<T extends { from: number; to: number }>(items: T[]): (T & { column: number; columns: number })[] {
  const sorted = [...items].sort((a, b) => a.from - b.from || b.to - a.to);
  const out: (T & { column: number; columns: number })[] = [];
  let cluster: (T & { column: number; columns: number })[] = [];
  let clusterEnd = -1;
  let columnEnds: number[] = [];
  const close = () => {
    for (const item of cluster) item.columns = columnEnds.length;
    out.push(...cluster);
    cluster = [];
    columnEnds = [];
  };
  for (const item of sorted) {
    if (cluster.length && item.from >= clusterEnd) close();
    // A short event still takes at least 15 minutes of room.
    const end = Math.max(item.to, item.from + 15);
    let column = columnEnds.findIndex((e) => e <= item.from);
    if (column === -1) column = columnEnds.push(end) - 1;
    else columnEnds[column] = end;
    cluster.push({ ...item, column, columns: 0 });
    clusterEnd = Math.max(clusterEnd, end);
  }
  close();
  return out;
}

export const DAY_MINUTES = DAY_MS / 60_000;
