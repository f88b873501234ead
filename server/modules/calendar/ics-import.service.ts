import ICAL from 'ical.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import { membersByEmail } from '../../platform/tenancy/members.service.js';
import { isTimeZone } from '../../platform/tenancy/workspaces.service.js';
import { findContactsByEmail } from '../customers/index.js';
import { knownExternalIds, logInteraction, MAX_MEETING_DAYS, type Participant } from '../interactions/index.js';

/** Events one file may bring (a year of a busy calendar). */
export const MAX_IMPORT_EVENTS = 2000;

export type SkipReason = 'recurring' | 'tooLong' | 'noStart';
export interface ImportResult {
  /** Meetings made from the file's events. */
  created: number;
  /** Events imported before (same UID): left as they are. */
  existing: number;
  skipped: { uid: string | null; summary: string | null; reason: SkipReason }[];
}

/** Minutes `timeZone` is ahead of UTC at `instant`. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock time (a floating time, a date's midnight) stands for in `timeZone`. */
function wallToInstant(time: ICAL.Time, timeZone: string): Date {
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.isDate ? 0 : time.hour, time.isDate ? 0 : time.minute, time.isDate ? 0 : time.second);
  // Twice: the offset at the first guess may differ from the one at the answer around a DST change.
  const guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  return new Date(wall - offsetMinutes(guess, timeZone) * 60_000);
}

/**
 * An ICAL time as an instant: UTC and zones the file defines (VTIMEZONE) as they say; a TZID the file does
 * not define but the world does (`Asia/Shanghai`) through it; floating times and dates in the member's zone.
 */
function instantOf(time: ICAL.Time, tzid: string | null, memberZone: string): Date {
  const zone = time.zone?.tzid;
  if (!time.isDate && zone && zone !== 'floating') return new Date(time.toUnixTime() * 1000);
  return wallToInstant(time, !time.isDate && tzid && isTimeZone(tzid) ? tzid : memberZone);
}

const addressOf = (value: unknown) => (typeof value === 'string' ? value.replace(/^mailto:/i, '').trim().toLowerCase() : '');

/**
 * Imports the events of an iCalendar file (an export of Google, Outlook or Apple calendar) as the caller's
 * meetings. Attendees are matched by e-mail to members and to contacts the caller may read (those meetings
 * go on the contacts' timelines); others stay as addresses. The UID is the meeting's external id, so a file
 * imported twice adds nothing. Recurring events and events over MAX_MEETING_DAYS are left out, named.
 */
export async function importCalendar(tx: Executor, ctx: RequestContext, content: string): Promise<ImportResult> {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(content));
  } catch {
    throw invalidField('content', 'format', { format: 'iCalendar' });
  }
  if (root.name !== 'vcalendar') throw invalidField('content', 'format', { format: 'iCalendar' });
  // Changed occurrences of a recurring event (RECURRENCE-ID) belong to it.
  const components = root.getAllSubcomponents('vevent').filter((c) => !c.hasProperty('recurrence-id'));
  if (components.length > MAX_IMPORT_EVENTS) throw invalidField('content', 'maxItems', { limit: MAX_IMPORT_EVENTS });

  const events = components.map((c) => new ICAL.Event(c));
  const addresses = events.flatMap((e) => e.attendees.map((a) => addressOf(a.getFirstValue())));
  const members = await membersByEmail(tx, ctx, addresses);
  const contacts = await findContactsByEmail(tx, ctx, addresses);

  const externalIdOf = (event: ICAL.Event) => (event.uid?.trim() ? `ics:${event.uid.trim()}`.slice(0, 500) : null);
  const known = await knownExternalIds(tx, ctx, 'in_person', events.flatMap((e) => externalIdOf(e) ?? []));
  const result: ImportResult = { created: 0, existing: 0, skipped: [] };
  for (const event of events) {
    const skip = (reason: SkipReason) => result.skipped.push({ uid: event.uid || null, summary: event.summary || null, reason });
    if (event.isRecurring()) {
      skip('recurring');
      continue;
    }
    if (!event.component.hasProperty('dtstart')) {
      skip('noStart');
      continue;
    }
    const tzidOf = (name: string) => {
      const tzid = event.component.getFirstProperty(name)?.getParameter('tzid');
      return typeof tzid === 'string' ? tzid : null;
    };
    const allDay = event.startDate.isDate;
    const start = instantOf(event.startDate, tzidOf('dtstart'), ctx.timeZone);
    let end: Date | null = event.endDate ? instantOf(event.endDate, tzidOf('dtend') ?? tzidOf('dtstart'), ctx.timeZone) : null;
    // An event without a length is a moment; a date without an end is that one day.
    if (end && end.getTime() <= start.getTime()) end = allDay ? new Date(start.getTime() + 86_400_000) : null;
    if (end && end.getTime() - start.getTime() > MAX_MEETING_DAYS * 86_400_000) {
      skip('tooLong');
      continue;
    }
    const participants: Participant[] = [];
    for (const attendee of event.attendees) {
      const address = addressOf(attendee.getFirstValue());
      const cn = attendee.getParameter('cn');
      const name = typeof cn === 'string' && cn.trim() ? cn.trim() : undefined;
      const member = members.get(address);
      const contact = contacts.get(address);
      if (member) participants.push({ kind: 'user', id: member.userId, name: member.name, address, role: 'attendee' });
      else if (contact) participants.push({ kind: 'contact', id: contact.id, name: contact.name, address, role: 'attendee' });
      else if (address) participants.push({ kind: 'address', address, ...(name ? { name } : {}), role: 'attendee' });
    }
    const externalId = externalIdOf(event);
    if (externalId && known.has(externalId)) {
      result.existing += 1;
      continue;
    }
    await logInteraction(tx, ctx, {
      type: 'meeting',
      channel: 'in_person',
      externalId,
      subject: event.summary?.trim().slice(0, 500) || null,
      body: event.description?.trim() || null,
      location: event.location?.trim().slice(0, 500) || null,
      occurredAt: start,
      endsAt: end,
      allDay,
      participants,
    }).catch((err: unknown) => {
      // A rule of the timeline broken by one event (a contact no longer readable) names the event, not the file.
      if (err instanceof AppError && err.status === 400) throw invalidField('content', 'invalid', { uid: event.uid });
      throw err;
    });
    if (externalId) known.add(externalId);
    result.created += 1;
  }
  return result;
}
