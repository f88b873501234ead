import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
let agent: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, 'Calendar 日历公司');
  agent = await addMember(t.app, admin, 'service');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
const nine = [{ start: '09:00', end: '18:00' }];
const week = [nine, nine, nine, nine, nine, [], []];

describe('business calendar settings', () => {
  it('starts as Monday–Friday 09–18 in the workspace time zone, and previews due times', async () => {
    const res = await call('GET', '/business-calendar', undefined, agent);
    expect(res.json()).toMatchObject({ alwaysOpen: false, week, days: [], updatedAt: null });
    const preview = await call('GET', `/business-calendar/preview?start=${encodeURIComponent('2026-03-06T17:00:00+08:00')}&minutes=120`, undefined, agent);
    expect(new Date(preview.json().dueAt).toISOString()).toBe(new Date('2026-03-09T10:00:00+08:00').toISOString());
  });

  it('saves hours and days (managers and admins), adds the 2026 preset without overwriting, and audits', async () => {
    expect((await call('PUT', '/business-calendar', { timeZone: 'Asia/Shanghai', alwaysOpen: false, week, days: [] }, agent)).statusCode).toBe(403);
    const saved = await call('PUT', '/business-calendar', { timeZone: 'Asia/Shanghai', alwaysOpen: false, week, days: [{ date: '2026-10-10', kind: 'holiday', name: '公司活动' }] });
    expect(saved.statusCode, saved.body).toBe(200);
    const withPreset = (await call('POST', '/business-calendar/presets/cn-2026')).json();
    expect(withPreset.days.find((d: { date: string }) => d.date === '2026-10-10')).toMatchObject({ kind: 'holiday', name: '公司活动' });
    expect(withPreset.days.find((d: { date: string }) => d.date === '2026-02-14')).toMatchObject({ kind: 'workday' });
    const preview = await call('GET', `/business-calendar/preview?start=${encodeURIComponent('2026-09-30T17:00:00+08:00')}&minutes=120&until=${encodeURIComponent('2026-10-09T00:00:00+08:00')}`);
    expect(preview.json()).toMatchObject({ minutesUntil: 60 + 9 * 60 });
    expect(new Date(preview.json().dueAt).toISOString()).toBe(new Date('2026-10-08T10:00:00+08:00').toISOString());
    const audit = await call('GET', '/audit-log?recordType=business_calendar');
    expect(audit.statusCode).toBe(200);
    expect(audit.json().data.length).toBeGreaterThanOrEqual(2);
    expect((await call('POST', '/business-calendar/presets/nope')).statusCode).toBe(404);
  });

  it('refuses an unknown time zone, overlapping ranges, a date twice, impossible dates and a week without hours', async () => {
    const res = await call('PUT', '/business-calendar', {
      timeZone: 'Mars/Olympus',
      alwaysOpen: false,
      week: [[{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }], [], [], [], [], [], []],
      days: [{ date: '2026-02-30', kind: 'holiday' }, { date: '2026-05-01', kind: 'holiday' }, { date: '2026-05-01', kind: 'workday' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['days.0.date', 'days.2.date', 'timeZone', 'week.0']);
    const empty = await call('PUT', '/business-calendar', { timeZone: 'UTC', alwaysOpen: false, week: [[], [], [], [], [], [], []], days: [] });
    expect(empty.json().errors[0].field).toBe('week');
    expect((await call('PUT', '/business-calendar', { timeZone: 'UTC', alwaysOpen: true, week: [[], [], [], [], [], [], []], days: [] })).statusCode).toBe(200);
    expect((await call('PUT', '/business-calendar', { timeZone: 'UTC', alwaysOpen: true, week: [[{ start: '9:00', end: '18:00' }], [], [], [], [], [], []], days: [] })).statusCode).toBe(400);
  });
});
