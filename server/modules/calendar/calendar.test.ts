import type { WebSocket } from 'ws';
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
let rep: SignedIn;
let other: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  rep = await addMember(t.app, admin, 'sales');
  other = await signUpWorkspace(t.app, 'Other 别家');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn | null = admin, lang = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { ...(who ? { cookie: who.cookie } : {}), 'accept-language': lang }, ...(payload ? { payload } : {}) });
const create = async (url: string, payload: object, who: SignedIn = admin) => {
  const res = await call('POST', url, payload, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
type Calendar = { meetings: { id: string; subject: string; editable: boolean; participants: { kind: string; id: string; name: string }[] }[]; tasks: { id: string; title: string }[] };
const calendar = async (from: string, to: string, who: SignedIn = admin, extra = ''): Promise<Calendar> => {
  const res = await call('GET', `/calendar?from=${from}&to=${to}${extra}`, undefined, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** The feed as calendar apps read it: parsed by ical.js, not matched as text. */
const parseFeed = (ics: string) => {
  const vcalendar = new ICAL.Component(ICAL.parse(ics));
  return vcalendar.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      // A DATE is a day in no zone: compared as written.
      start: event.startDate.isDate ? event.startDate.toString() : event.startDate.toJSDate().toISOString(),
      startIsDate: event.startDate.isDate,
      end: event.endDate.isDate ? event.endDate.toString() : event.endDate.toJSDate().toISOString(),
      // URI schemes are case-insensitive (ical-generator writes MAILTO:).
      attendees: event.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, '')),
      organizer: String(c.getFirstPropertyValue('organizer') ?? '').replace(/^mailto:/i, ''),
      transparent: c.getFirstPropertyValue('transp') === 'TRANSPARENT',
    };
  });
};

describe('meetings on the calendar', () => {
  it('shows a meeting to its owner and member attendees, and on its contact’s and account’s timelines', async () => {
    const account = await create('/accounts', { name: '上海申通' });
    const contact = await create('/contacts', { name: '陈静', email: 'chen.jing@shentong.example' });
    expect((await call('PUT', `/accounts/${account.id}/contacts/${contact.id}`, { role: 'decision_maker' })).statusCode).toBeLessThan(300);
    const meeting = await create('/calendar/meetings', {
      subject: '季度回顾 Q4 review',
      startsAt: '2026-12-02T02:00:00Z',
      endsAt: '2026-12-02T03:30:00Z',
      location: '上海市浦东新区 会议室 A',
      attendees: [
        { kind: 'contact', id: contact.id },
        { kind: 'user', id: rep.userId },
      ],
    });
    expect(meeting).toMatchObject({ type: 'meeting', occurredAt: '2026-12-02T02:00:00.000Z', endsAt: '2026-12-02T03:30:00.000Z', location: '上海市浦东新区 会议室 A', ownerId: admin.userId, editable: true });
    expect(meeting.participants).toEqual([
      { kind: 'contact', id: contact.id, name: '陈静', address: 'chen.jing@shentong.example', role: 'attendee' },
      expect.objectContaining({ kind: 'user', id: rep.userId, role: 'attendee' }),
    ]);

    expect((await calendar('2026-12-01T00:00:00Z', '2026-12-08T00:00:00Z')).meetings.map((m) => m.id)).toEqual([meeting.id]);
    // The attendee sees it though a sales rep reads only their own records — and may not change it.
    const ofRep = await calendar('2026-12-01T00:00:00Z', '2026-12-08T00:00:00Z', rep);
    expect(ofRep.meetings.map((m) => [m.id, m.editable])).toEqual([[meeting.id, false]]);
    expect((await call('PATCH', `/calendar/meetings/${meeting.id}`, { subject: 'x' }, rep)).statusCode).toBe(404);

    for (const [type, id] of [['contact', contact.id], ['account', account.id]]) {
      const timeline = (await call('GET', `/timeline?recordType=${type}&recordId=${id}`)).json();
      expect(timeline.data.map((i: { id: string }) => i.id)).toContain(meeting.id);
    }
  });

  it('finds meetings overlapping the range at either edge, not those outside it', async () => {
    const mk = (subject: string, startsAt: string, endsAt: string) => create('/calendar/meetings', { subject, startsAt, endsAt }, rep);
    await mk('before', '2027-01-04T08:00:00Z', '2027-01-04T09:00:00Z');
    await mk('ends at from', '2027-01-04T23:00:00Z', '2027-01-05T00:00:00Z');
    await mk('spans from', '2027-01-04T23:00:00Z', '2027-01-05T01:00:00Z');
    await mk('three-day offsite', '2027-01-01T00:00:00Z', '2027-01-08T00:00:00Z');
    await mk('inside', '2027-01-06T10:00:00Z', '2027-01-06T11:00:00Z');
    await mk('spans to', '2027-01-11T23:30:00Z', '2027-01-12T00:30:00Z');
    await mk('starts at to', '2027-01-12T00:00:00Z', '2027-01-12T01:00:00Z');
    const week = await calendar('2027-01-05T00:00:00Z', '2027-01-12T00:00:00Z', rep);
    expect(week.meetings.map((m) => m.subject)).toEqual(['three-day offsite', 'spans from', 'inside', 'spans to']);
    expect((await calendar('2030-01-01T00:00:00Z', '2030-01-02T00:00:00Z', rep)).meetings).toEqual([]);
  });

  it('lists due tasks of the range (not cancelled ones), and other members’ calendars within the read scope', async () => {
    const due = await create('/tasks', { title: '寄送合同', dueAt: '2027-02-03T06:00:00Z' }, rep);
    const cancelled = await create('/tasks', { title: '作废', dueAt: '2027-02-03T07:00:00Z' }, rep);
    expect((await call('PATCH', `/tasks/${cancelled.id}`, { status: 'cancelled' }, rep)).statusCode).toBe(200);
    await create('/tasks', { title: '下个月', dueAt: '2027-03-03T06:00:00Z' }, rep);
    const own = await create('/calendar/meetings', { subject: '只是我的', startsAt: '2027-02-03T01:00:00Z', endsAt: '2027-02-03T02:00:00Z' }, rep);
    const range = ['2027-02-01T00:00:00Z', '2027-02-08T00:00:00Z'] as const;
    expect((await calendar(...range, rep)).tasks.map((x) => x.id)).toEqual([due.id]);
    // The admin reads everything: the rep's calendar; the rep may not read the admin's.
    const repsForAdmin = await calendar(...range, admin, `&userIds=${rep.userId}`);
    expect(repsForAdmin.meetings.map((m) => [m.id, m.editable])).toEqual([[own.id, true]]);
    expect(repsForAdmin.tasks.map((x) => x.id)).toEqual([due.id]);
    await create('/calendar/meetings', { subject: 'admin only', startsAt: '2027-02-04T01:00:00Z', endsAt: '2027-02-04T02:00:00Z' });
    await create('/tasks', { title: 'admin task', dueAt: '2027-02-04T01:00:00Z' });
    expect(await calendar(...range, rep, `&userIds=${admin.userId}`)).toEqual({ meetings: [], tasks: [] });
  });

  it('refuses an end before the start, a meeting over 14 days and a reversed or huge range, naming the field in the caller’s language', async () => {
    const before = await call('POST', '/calendar/meetings', { subject: 'x', startsAt: '2027-01-01T10:00:00Z', endsAt: '2027-01-01T09:00:00Z' }, admin, 'zh-CN');
    expect(before.statusCode).toBe(400);
    expect(before.json().errors).toEqual([{ field: 'endsAt', code: 'afterStart', message: '结束时间必须晚于开始时间。' }]);
    const long = await call('POST', '/calendar/meetings', { subject: 'x', startsAt: '2027-01-01T10:00:00Z', endsAt: '2027-02-01T10:00:00Z' });
    expect(long.json().errors[0]).toMatchObject({ field: 'endsAt', code: 'spanTooLong' });
    // The same rule through the generic interactions route, and on a change of only the start.
    expect((await call('POST', '/interactions', { type: 'meeting', channel: 'in_person', occurredAt: '2027-01-01T10:00:00Z', endsAt: '2027-01-01T10:00:00Z' })).statusCode).toBe(400);
    const ok = await create('/calendar/meetings', { subject: 'ok', startsAt: '2027-01-01T10:00:00Z', endsAt: '2027-01-01T11:00:00Z' });
    const moved = await call('PATCH', `/calendar/meetings/${ok.id}`, { startsAt: '2027-01-01T12:00:00Z' });
    expect(moved.json().errors[0].field).toBe('endsAt');
    expect((await call('GET', '/calendar?from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z')).json().errors[0].field).toBe('to');
    expect((await call('GET', '/calendar?from=2027-01-01T00:00:00Z&to=2027-06-01T00:00:00Z')).json().errors[0]).toMatchObject({ field: 'to', code: 'spanTooLong' });
    expect((await call('GET', '/calendar?from=yesterday&to=2027-01-01T00:00:00Z')).statusCode).toBe(400);
    const badAttendee = await call('POST', '/calendar/meetings', { subject: 'x', startsAt: '2027-01-01T10:00:00Z', endsAt: '2027-01-01T11:00:00Z', attendees: [{ kind: 'user', id: admin.userId }, { kind: 'user', id: other.userId }] });
    expect(badAttendee.json().errors).toEqual([expect.objectContaining({ field: 'attendees.1.id', code: 'invalid' })]);
  });

  it('changes, moves and cancels a meeting; another workspace sees none of it', async () => {
    const contact = await create('/contacts', { name: 'Zoë Ångström' });
    const m = await create('/calendar/meetings', { subject: 'Demo', startsAt: '2027-03-01T09:00:00Z', endsAt: '2027-03-01T10:00:00Z', attendees: [{ kind: 'contact', id: contact.id }] });
    const changed = await call('PATCH', `/calendar/meetings/${m.id}`, { startsAt: '2027-03-02T09:00:00Z', endsAt: '2027-03-02T10:30:00Z', location: null, attendees: [] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ occurredAt: '2027-03-02T09:00:00.000Z', endsAt: '2027-03-02T10:30:00.000Z', location: null, participants: [] });
    // No longer with the contact: off its timeline.
    expect((await call('GET', `/timeline?recordType=contact&recordId=${contact.id}`)).json().data).toEqual([]);

    expect((await call('PATCH', `/calendar/meetings/${m.id}`, { subject: 'mine now' }, other)).statusCode).toBe(404);
    expect((await call('DELETE', `/calendar/meetings/${m.id}`, undefined, other)).statusCode).toBe(404);
    expect((await calendar('2027-03-01T00:00:00Z', '2027-03-08T00:00:00Z', other, `&userIds=${admin.userId}`)).meetings).toEqual([]);
    expect((await call('POST', '/calendar/meetings', { subject: 'x', startsAt: '2027-03-01T09:00:00Z', endsAt: '2027-03-01T10:00:00Z', attendees: [{ kind: 'contact', id: contact.id }] }, other)).statusCode).toBe(400);

    expect((await call('DELETE', `/calendar/meetings/${m.id}`)).statusCode).toBe(204);
    expect((await calendar('2027-03-01T00:00:00Z', '2027-03-08T00:00:00Z')).meetings).toEqual([]);
    // Not a meeting: the calendar routes do not touch other interactions.
    const note = await create('/interactions', { type: 'note', channel: 'other', subject: 'n' });
    expect((await call('DELETE', `/calendar/meetings/${note.id}`)).statusCode).toBe(404);
  });

  it('tells the open calendars of the owner and attendees, old and new, and nobody else', async () => {
    const [a, b, c] = await Promise.all([addMember(t.app, admin, 'sales'), addMember(t.app, admin, 'sales'), addMember(t.app, admin, 'sales')]);
    const pages = await Promise.all([admin, a, b, c].map(async (who) => {
      const events: Record<string, unknown>[] = [];
      const socket = (await t.app.injectWS('/api/v1/realtime', { headers: { cookie: who.cookie } }, { onInit: ((ws: WebSocket) => ws.on('message', (d) => events.push(JSON.parse(String(d))))) as never })) as unknown as WebSocket;
      return { socket, events };
    }));
    const m = await create('/calendar/meetings', { subject: 'sync', startsAt: '2027-05-03T01:00:00Z', endsAt: '2027-05-03T02:00:00Z', attendees: [{ kind: 'user', id: a.userId }] });
    // a is replaced by b: both hear of it.
    expect((await call('PATCH', `/calendar/meetings/${m.id}`, { attendees: [{ kind: 'user', id: b.userId }] })).statusCode).toBe(200);
    expect((await call('DELETE', `/calendar/meetings/${m.id}`)).statusCode).toBe(204);
    await new Promise((r) => setTimeout(r, 200));
    const heard = pages.map((p) => p.events.filter((e) => e.type === 'meeting.changed').length);
    expect(heard).toEqual([3, 2, 2, 0]);
    for (const p of pages) p.socket.terminate();
  });

  it('needs a session', async () => {
    expect((await call('GET', '/calendar?from=2027-01-01T00:00:00Z&to=2027-01-02T00:00:00Z', undefined, null)).statusCode).toBe(401);
    expect((await call('POST', '/calendar/feed', undefined, null)).statusCode).toBe(401);
  });
});

describe('the iCalendar feed', () => {
  it('serves the member’s meetings and open tasks to a calendar app, until the address is regenerated or revoked', async () => {
    const member = await addMember(t.app, admin, 'sales');
    expect((await call('GET', '/calendar/feed', undefined, member)).json()).toEqual({ active: false, createdAt: null, lastFetchedAt: null });
    const soon = (days: number, hour: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + days, hour)).toISOString();
    const contact = await create('/contacts', { name: '李娜', email: 'li.na@example.cn' }, member);
    const nophone = await create('/contacts', { name: '无邮箱' }, member);
    const meeting = await create('/calendar/meetings', { subject: '签约 · signing', startsAt: soon(3, 6), endsAt: soon(3, 7), location: '北京', attendees: [{ kind: 'contact', id: contact.id }, { kind: 'contact', id: nophone.id }] }, member);
    const invited = await create('/calendar/meetings', { subject: 'Team sync', startsAt: soon(4, 1), endsAt: soon(4, 2), attendees: [{ kind: 'user', id: member.userId }] });
    await create('/calendar/meetings', { subject: 'not mine', startsAt: soon(4, 3), endsAt: soon(4, 4) });
    const task = await create('/tasks', { title: '准备报价', dueAt: soon(2, 9) }, member);
    const done = await create('/tasks', { title: 'done already', dueAt: soon(2, 10) }, member);
    await call('PATCH', `/tasks/${done.id}`, { status: 'done' }, member);

    const made = await call('POST', '/calendar/feed', undefined, member);
    expect(made.statusCode, made.body).toBe(201);
    const url: string = made.json().url;
    expect(url).toMatch(/\/api\/v1\/public\/calendar\/cal_[\w-]+\.ics$/);
    const path = new URL(url).pathname;

    const res = await t.app.inject({ method: 'GET', url: path });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = parseFeed(res.body);
    expect(events.map((e) => e.uid).sort()).toEqual([`${meeting.id}@guanxi`, `${invited.id}@guanxi`, `task-${task.id}@guanxi`].sort());
    const signing = events.find((e) => e.uid === `${meeting.id}@guanxi`)!;
    expect(signing).toMatchObject({ summary: '签约 · signing', location: '北京', start: soon(3, 6), end: soon(3, 7), startIsDate: false, attendees: ['li.na@example.cn'], organizer: member.email });
    expect(res.body).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(events.find((e) => e.uid === `task-${task.id}@guanxi`)).toMatchObject({ summary: '☐ 准备报价', start: soon(2, 9), transparent: true });
    expect((await call('GET', '/calendar/feed', undefined, member)).json()).toMatchObject({ active: true, lastFetchedAt: expect.any(String) });

    // A new address: the old one is dead at once.
    const again = (await call('POST', '/calendar/feed', undefined, member)).json().url as string;
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: new URL(again).pathname })).statusCode).toBe(200);
    expect((await call('DELETE', '/calendar/feed', undefined, member)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: new URL(again).pathname })).statusCode).toBe(404);
    expect((await call('DELETE', '/calendar/feed', undefined, member)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/calendar/cal_nonexistent0000.ics' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/calendar/bad%20token!.ics' })).statusCode).toBe(400);
  });

  it('stops serving the feed of a member who was deactivated, and serves it again when reactivated', async () => {
    const member = await addMember(t.app, admin, 'service');
    const path = new URL((await call('POST', '/calendar/feed', undefined, member)).json().url).pathname;
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    expect((await call('POST', `/members/${member.userId}/deactivate`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await call('POST', `/members/${member.userId}/reactivate`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
  });

  it('finds a month of meetings through the meetings index', async () => {
    // Many meetings, so the planner has a reason to prefer the partial index over a scan.
    const values = Array.from({ length: 400 }, (_, i) => `('${admin.workspaceId}', gen_random_uuid(), 'meeting', 'in_person', '2025-01-01'::timestamptz + ${i} * interval '1 day', '2025-01-01'::timestamptz + ${i} * interval '1 day' + interval '1 hour', '${admin.userId}')`);
    await t.database.raw.query(`insert into interactions (workspace_id, id, type, channel, occurred_at, ends_at, owner_id) values ${values.join(',')}`, []);
    await t.database.raw.query('analyze interactions', []);
    const { rows } = await t.database.raw.query<{ 'QUERY PLAN': string }>(
      `explain select id from interactions where workspace_id = $1 and type = 'meeting' and deleted_at is null and occurred_at >= $2 and occurred_at < $3 and (ends_at > $4 or owner_id = $5)`,
      [admin.workspaceId, '2025-03-01', '2025-04-01', '2025-03-15', admin.userId],
    );
    expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('interactions_meetings_idx');
  });

  it('writes all-day meetings and tasks due at midnight as dates in the member’s time zone', async () => {
    await call('PATCH', '/profile', { timeZone: 'Asia/Shanghai' });
    const year = new Date().getUTCFullYear() + 1;
    // Midnight in Shanghai is 16:00 UTC the day before.
    await create('/calendar/meetings', { subject: '展会 expo', startsAt: `${year}-01-09T16:00:00Z`, endsAt: `${year}-01-11T16:00:00Z`, allDay: true });
    await create('/tasks', { title: '年度计划', dueAt: `${year}-01-14T16:00:00Z` });
    const feed = (await call('POST', '/calendar/feed')).json().url as string;
    const events = parseFeed((await t.app.inject({ method: 'GET', url: new URL(feed).pathname })).body);
    expect(events.find((e) => e.summary === '展会 expo')).toMatchObject({ startIsDate: true, start: `${year}-01-10`, end: `${year}-01-12` });
    expect(events.find((e) => e.summary === '☐ 年度计划')).toMatchObject({ startIsDate: true, start: `${year}-01-15` });
  });
});

describe('importing an .ics file', () => {
  const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/datasets/ical', name), 'utf8');
  const importFile = (content: string, who: SignedIn = admin) => call('POST', '/calendar/import', { content }, who);

  it('reads times in the file’s own zones (Outlook’s named ones too), and dates as whole days in the member’s zone', async () => {
    const member = await addMember(t.app, admin, 'sales');
    await call('PATCH', '/profile', { timeZone: 'Asia/Shanghai' }, member);
    for (const name of ['vobject/ms_tzid.ics', 'vobject/radicale-0816.ics', 'ical.js/only_dtstart_date.ics']) {
      const res = await importFile(fixture(name), member);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ created: 1, existing: 0, skipped: [] });
    }
    const at = async (from: string, to: string) => (await calendar(from, to, member)).meetings;
    // DTSTART;TZID="Canberra, Melbourne, Sydney":20080530T150000, the zone defined in the file (+10:00).
    expect(await at('2008-05-30T00:00:00Z', '2008-05-31T00:00:00Z')).toEqual([expect.objectContaining({ occurredAt: '2008-05-30T05:00:00.000Z', endsAt: null })]);
    // Europe/London in summer (+01:00), with its place.
    expect(await at('2016-06-16T00:00:00Z', '2016-06-17T00:00:00Z')).toEqual([
      expect.objectContaining({ subject: 'STG', location: 'Secret Location', occurredAt: '2016-06-16T08:00:00.000Z', endsAt: '2016-06-16T15:20:00.000Z', allDay: false }),
    ]);
    // VALUE=DATE:20120630: that day in Shanghai.
    expect(await at('2012-06-29T00:00:00Z', '2012-07-02T00:00:00Z')).toEqual([
      expect.objectContaining({ subject: 'Really long event name thing', allDay: true, occurredAt: '2012-06-29T16:00:00.000Z', endsAt: '2012-06-30T16:00:00.000Z' }),
    ]);
    // The same file again adds nothing.
    expect((await importFile(fixture('vobject/radicale-0816.ics'), member)).json()).toEqual({ created: 0, existing: 1, skipped: [] });
  });

  it('matches attendees to contacts and members by e-mail, leaves recurring events out, and refuses what is not iCalendar', async () => {
    const contact = await create('/contacts', { name: '周杰', email: 'zhou.jie@kehu.example' });
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN',
      'BEGIN:VEVENT', 'UID:imp-1@test', 'DTSTART:20270210T020000Z', 'DTEND:20270210T030000Z', 'SUMMARY:方案评审',
      'ATTENDEE;CN=周杰:mailto:ZHOU.JIE@kehu.example', `ATTENDEE;CN=Rep:mailto:${rep.email}`, 'ATTENDEE;CN=Outsider:mailto:someone@else.example', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:imp-2@test', 'DTSTART:20270211T020000Z', 'DTEND:20270211T030000Z', 'RRULE:FREQ=WEEKLY;COUNT=4', 'SUMMARY:周会', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const res = await importFile(ics);
    expect(res.json()).toEqual({ created: 1, existing: 0, skipped: [{ uid: 'imp-2@test', summary: '周会', reason: 'recurring' }] });
    const [meeting] = (await calendar('2027-02-10T00:00:00Z', '2027-02-11T00:00:00Z')).meetings;
    expect(meeting!.participants).toEqual([
      expect.objectContaining({ kind: 'contact', id: contact.id, name: '周杰' }),
      expect.objectContaining({ kind: 'user', id: rep.userId }),
      { kind: 'address', address: 'someone@else.example', name: 'Outsider', role: 'attendee' },
    ]);
    // On the contact's timeline, and on the calendar of the member who attends.
    expect((await call('GET', `/timeline?recordType=contact&recordId=${contact.id}`)).json().data.map((i: { id: string }) => i.id)).toContain(meeting!.id);
    expect((await calendar('2027-02-10T00:00:00Z', '2027-02-11T00:00:00Z', rep)).meetings.map((m) => m.id)).toEqual([meeting!.id]);

    const bad = await importFile('BEGIN:VCARD\r\nFN:不是日历\r\nEND:VCARD');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'content', code: 'format' });
    expect((await importFile('not a calendar at all')).statusCode).toBe(400);
    expect((await importFile(fixture('vobject/simple_test.ics'))).json()).toEqual({ created: 0, existing: 0, skipped: [{ uid: null, summary: 'Bastille Day Party', reason: 'noStart' }] });
  });
});
