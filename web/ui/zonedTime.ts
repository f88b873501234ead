/**
 * Wall clocks in a time zone other than the browser's. Date pickers show and return browser-local dates; the
 * app shows times in the user's zone. These convert between an instant and a browser-local Date whose
 * fields (year … second) read as that instant's wall clock in the zone. Without a zone both are identity.
 */

function wallFields(instant: Date, timeZone: string): number[] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return [get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')];
}

/** Minutes `timeZone` is ahead of UTC at `instant` (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const [y, mo, d, h, mi, s] = wallFields(instant, timeZone);
  const wallAsUtc = Date.UTC(y!, mo!, d!, h!, mi!, s!);
  return Math.round((wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** A browser-local Date showing `instant`'s wall clock in `timeZone` (for a date picker's value). */
export function toWallClock(instant: Date, timeZone?: string): Date {
  if (!timeZone) return new Date(instant);
  const [y, mo, d, h, mi, s] = wallFields(instant, timeZone);
  return new Date(y!, mo!, d!, h!, mi!, s!, instant.getMilliseconds());
}

/** The instant whose wall clock in `timeZone` is what the browser-local `wall` shows (a picker's choice). */
export function fromWallClock(wall: Date, timeZone?: string): Date {
  if (!timeZone) return new Date(wall);
  const asUtc = Date.UTC(wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours(), wall.getMinutes(), wall.getSeconds(), wall.getMilliseconds());
  // Twice: the offset at the first guess may differ from the one at the answer around a DST change.
  const guess = asUtc - zoneOffsetMinutes(new Date(asUtc), timeZone) * 60_000;
  return new Date(asUtc - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000);
}

/** The calendar day (`YYYY-MM-DD`) of an instant in `timeZone` (the browser's without one). */
export function dayIn(instant: Date, timeZone?: string): string {
  const wall = toWallClock(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${wall.getFullYear()}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}`;
}

/** The instant of `hour`:00 on the day `days` after today in `timeZone` (0: today at that hour). */
export function atHourIn(days: number, hour: number, timeZone?: string, now = new Date()): Date {
  const wall = toWallClock(now, timeZone);
  return fromWallClock(new Date(wall.getFullYear(), wall.getMonth(), wall.getDate() + days, hour), timeZone);
}
