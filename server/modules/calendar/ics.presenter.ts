import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import type { LinkedInteraction, Task } from '../interactions/index.js';

export interface Person {
  name: string;
  email: string;
}

export interface FeedContent {
  /** The calendar's name in the app that subscribes (the workspace's). */
  name: string;
  /** For all-day meetings and tasks: which day a UTC instant falls on. */
  timeZone: string;
  meetings: LinkedInteraction[];
  tasks: Task[];
  /** Owners of the meetings, by user id: each meeting's ORGANIZER. */
  organizers: Map<string, Person>;
  /** Link back to the product from each event. */
  appUrl: string;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone, as a UTC midnight (what ical-generator writes as a DATE). */
export function dayIn(timeZone: string, instant: Date): Date {
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  return new Date(`${ymd}T00:00:00Z`);
}

/** Whether the instant is midnight in the time zone: a task due "on a day" rather than at a time. */
const isMidnight = (timeZone: string, instant: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant) === '00:00';

/**
 * A member's meetings and open tasks as an iCalendar (RFC 5545) feed. Meetings are VEVENTs with their
 * attendees (those with an address), location, organizer and times in UTC; their UID is the meeting's id,
 * so an app updates an event in place when it changes. Tasks are VEVENTs too — Google and Apple calendars
 * ignore VTODO in subscriptions — marked transparent so they never show the member as busy.
 */
export function toICalendar(content: FeedContent): string {
  const calendar = ical({
    name: content.name,
    prodId: { company: 'Guanxi', product: 'CRM', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // Apps that honour it refresh hourly rather than daily.
    ttl: 3600,
  });
  for (const m of content.meetings) {
    const organizer = m.ownerId ? content.organizers.get(m.ownerId) : undefined;
    const event = calendar.createEvent({
      id: `${m.id}@guanxi`,
      summary: m.subject ?? '',
      description: m.body ?? null,
      location: m.location ?? null,
      start: m.allDay ? dayIn(content.timeZone, m.occurredAt) : m.occurredAt,
      end: m.endsAt ? (m.allDay ? dayIn(content.timeZone, m.endsAt) : m.endsAt) : null,
      allDay: m.allDay,
      organizer: organizer ? { name: organizer.name, email: organizer.email } : null,
      created: m.createdAt,
      lastModified: m.updatedAt,
      stamp: m.updatedAt,
      // Whole seconds since an epoch that only grows: each change is a newer sequence.
      sequence: Math.floor((m.updatedAt.getTime() - m.createdAt.getTime()) / 1000),
      url: `${content.appUrl}/calendar?view=day&date=${dayIn(content.timeZone, m.occurredAt).toISOString().slice(0, 10)}&meeting=${m.id}`,
    });
    for (const p of m.participants) {
      if (!p.address?.includes('@')) continue;
      event.createAttendee({ email: p.address, name: p.name ?? null, role: ICalAttendeeRole.REQ });
    }
  }
  for (const t of content.tasks) {
    if (!t.dueAt) continue;
    const allDay = isMidnight(content.timeZone, t.dueAt);
    calendar.createEvent({
      id: `task-${t.id}@guanxi`,
      summary: `☐ ${t.title}`,
      description: t.notes ?? null,
      start: allDay ? dayIn(content.timeZone, t.dueAt) : t.dueAt,
      end: allDay ? null : new Date(t.dueAt.getTime() + 15 * 60_000),
      allDay,
      transparency: ICalEventTransparency.TRANSPARENT,
      stamp: t.updatedAt,
      lastModified: t.updatedAt,
      url: `${content.appUrl}/tasks`,
    });
  }
  return calendar.toString();
}
