import dayjs, { type Dayjs } from 'dayjs';
import { fromWallClock, toWallClock } from '../../ui/zonedTime';
import type { Meeting } from './useCalendar';

/** What a new meeting starts with: a slot clicked in the grid, or a contact whose page it was scheduled from. */
export interface MeetingDraft {
  startsAt: string;
  endsAt: string;
  contact?: { id: string; name: string };
}

/** The meeting form's values. */
export interface MeetingValues {
  subject: string;
  startsAt: string;
  endsAt: string;
  /** Whole days: then the first and last day (inclusive) stand for the times. */
  allDay?: boolean;
  startDay?: Dayjs;
  endDay?: Dayjs;
  location?: string;
  members?: string[];
  contacts?: string[];
  notes?: string;
}

/** The wall-clock day in `timeZone` of an instant (`back` ms earlier: the day before an exclusive midnight). */
const dayOf = (iso: string, timeZone: string | undefined, back = 0) => dayjs(toWallClock(new Date(new Date(iso).getTime() - back), timeZone)).startOf('day');

/** The form's values for a meeting, or for a draft; both the times and the days are set, so "all day" can be switched either way. */
export function meetingValuesOf(source: { meeting: Meeting } | { draft: MeetingDraft }, timeZone?: string): Partial<MeetingValues> {
  if ('draft' in source) {
    const { draft } = source;
    return { startsAt: draft.startsAt, endsAt: draft.endsAt, allDay: false, startDay: dayOf(draft.startsAt, timeZone), endDay: dayOf(draft.endsAt, timeZone), contacts: draft.contact ? [draft.contact.id] : [], members: [] };
  }
  const { meeting } = source;
  const end = meeting.endsAt ?? meeting.occurredAt;
  return {
    subject: meeting.subject ?? '',
    startsAt: meeting.occurredAt,
    endsAt: end,
    allDay: meeting.allDay,
    startDay: dayOf(meeting.occurredAt, timeZone),
    // An all-day meeting ends at the midnight after its last day.
    endDay: dayOf(end, timeZone, meeting.allDay ? 1 : 0),
    location: meeting.location ?? '',
    notes: meeting.body ?? '',
    members: meeting.participants.filter((p) => p.kind === 'user' && p.id).map((p) => p.id!),
    contacts: meeting.participants.filter((p) => p.kind === 'contact' && p.id).map((p) => p.id!),
  };
}

/** The body of POST/PATCH /calendar/meetings: an all-day meeting runs from its first day's midnight to the one after its last. */
export function meetingBody(v: MeetingValues, timeZone?: string) {
  const midnight = (day: Dayjs) => fromWallClock(day.startOf('day').toDate(), timeZone).toISOString();
  return {
    subject: v.subject.trim(),
    allDay: Boolean(v.allDay),
    startsAt: v.allDay && v.startDay ? midnight(v.startDay) : v.startsAt,
    endsAt: v.allDay && v.endDay ? midnight(v.endDay.add(1, 'day')) : v.endsAt,
    location: v.location?.trim() || null,
    notes: v.notes?.trim() || null,
    attendees: [...(v.members ?? []).map((id) => ({ kind: 'user' as const, id })), ...(v.contacts ?? []).map((id) => ({ kind: 'contact' as const, id }))],
  };
}
