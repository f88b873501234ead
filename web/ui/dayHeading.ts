import { dayIn } from './zonedTime';

/** The heading of a day in a feed: "Today", "Yesterday", else the date ("Nov 20, 2026"), in the zone's calendar. */
export function dayHeading(value: string, { locale, timeZone }: { locale: string; timeZone?: string }, now = new Date()): string {
  const at = new Date(value);
  const days = (Date.parse(dayIn(at, timeZone)) - Date.parse(dayIn(now, timeZone))) / 86_400_000;
  if (Math.abs(days) <= 1) {
    const text = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
    return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone }).format(at);
}
