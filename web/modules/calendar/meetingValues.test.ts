import { describe, expect, it } from 'vitest';
import { meetingBody, meetingValuesOf } from './meetingValues';
import type { Meeting } from './useCalendar';

const meeting = (over: Partial<Meeting>): Meeting =>
  ({ id: 'm', subject: '展会', body: null, location: null, occurredAt: '2026-11-30T16:00:00.000Z', endsAt: '2026-12-02T16:00:00.000Z', allDay: true, participants: [], editable: true, ...over }) as Meeting;

describe('meeting form values', () => {
  it('turns the first and last day of an all-day meeting into the midnights around them, in the user’s zone', () => {
    const values = meetingValuesOf({ meeting: meeting({}) }, 'Asia/Shanghai');
    expect([values.startDay!.format('YYYY-MM-DD'), values.endDay!.format('YYYY-MM-DD')]).toEqual(['2026-12-01', '2026-12-02']);
    const body = meetingBody({ ...values, subject: ' 展会 ' } as Parameters<typeof meetingBody>[0], 'Asia/Shanghai');
    expect(body).toMatchObject({ subject: '展会', allDay: true, startsAt: '2026-11-30T16:00:00.000Z', endsAt: '2026-12-02T16:00:00.000Z', location: null });
  });

  it('keeps the times of a timed meeting, and offers its days should it become all-day', () => {
    const timed = meeting({ allDay: false, occurredAt: '2026-12-01T02:00:00.000Z', endsAt: '2026-12-01T03:30:00.000Z', participants: [{ kind: 'user', id: 'u1', role: 'attendee' }, { kind: 'contact', id: 'c1', name: '陈静', role: 'attendee' }] as Meeting['participants'] });
    const values = meetingValuesOf({ meeting: timed }, 'Asia/Shanghai');
    expect(values.endDay!.format('YYYY-MM-DD')).toBe('2026-12-01');
    expect(meetingBody(values as Parameters<typeof meetingBody>[0], 'Asia/Shanghai')).toEqual({
      subject: '展会',
      allDay: false,
      startsAt: '2026-12-01T02:00:00.000Z',
      endsAt: '2026-12-01T03:30:00.000Z',
      location: null,
      notes: null,
      attendees: [{ kind: 'user', id: 'u1' }, { kind: 'contact', id: 'c1' }],
    });
    // Switched to all day: the day it is on, whole.
    expect(meetingBody({ ...(values as Parameters<typeof meetingBody>[0]), allDay: true }, 'Asia/Shanghai')).toMatchObject({ startsAt: '2026-11-30T16:00:00.000Z', endsAt: '2026-12-01T16:00:00.000Z' });
  });

  it('starts a draft from a contact’s page with the contact as an attendee', () => {
    expect(meetingValuesOf({ draft: { startsAt: '2026-12-01T02:00:00.000Z', endsAt: '2026-12-01T03:00:00.000Z', contact: { id: 'c1', name: '陈静' } } }, 'UTC')).toMatchObject({ contacts: ['c1'], members: [], allDay: false });
  });
});
