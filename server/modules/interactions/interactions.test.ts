import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
let rep: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  rep = await addMember(t.app, admin, 'sales');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
const create = async (url: string, payload: object, who: SignedIn = admin) => {
  const res = await call('POST', url, payload, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const timeline = async (recordType: string, recordId: string, query = '', who: SignedIn = admin) => {
  const res = await call('GET', `/timeline?recordType=${recordType}&recordId=${recordId}${query}`, undefined, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { data: { id: string; subject: string; links: { recordType: string; recordId: string }[] }[]; nextCursor: string | null };
};

describe('interactions on the timeline', () => {
  it('puts a call with a contact on the contact’s and its accounts’ timelines, newest first', async () => {
    const account = await create('/accounts', { name: '华为技术有限公司' });
    const contact = await create('/contacts', { name: '王伟' });
    expect((await call('PUT', `/accounts/${account.id}/contacts/${contact.id}`, { role: 'decision_maker' })).statusCode).toBeLessThan(300);
    const older = await create('/interactions', { type: 'call', channel: 'phone', direction: 'inbound', subject: '询价', occurredAt: '2026-11-01T09:00:00Z', durationSeconds: 300, outcome: 'connected', participants: [{ kind: 'contact', id: contact.id, role: 'caller' }] });
    const newer = await create('/interactions', { type: 'note', channel: 'other', subject: '报价已发', occurredAt: '2026-11-02T09:00:00Z', links: [{ recordType: 'contact', recordId: contact.id }] });
    expect(older.links).toEqual(expect.arrayContaining([{ recordType: 'contact', recordId: contact.id }, { recordType: 'account', recordId: account.id }]));
    expect((await timeline('contact', contact.id)).data.map((i) => i.subject)).toEqual(['报价已发', '询价']);
    expect((await timeline('account', account.id)).data.map((i) => i.id)).toEqual([newer.id, older.id]);
    expect((await timeline('contact', contact.id, '&type=call')).data.map((i) => i.id)).toEqual([older.id]);

    const overview = (await call('GET', `/contacts/${contact.id}/overview`)).json();
    expect(overview.figures).toEqual(expect.arrayContaining([{ key: 'lastContact', value: '2026-11-02T09:00:00.000Z', format: 'date' }, { key: 'interactions', value: 2, format: 'count' }]));
  });

  it('pages a long timeline by cursor, each item once, in order', async () => {
    const contact = await create('/contacts', { name: '长时间线' });
    const items = Array.from({ length: 45 }, (_, i) => ({ type: 'note', channel: 'other', subject: `n${i}`, occurredAt: new Date(Date.UTC(2026, 0, 1) + (i % 9) * 3600_000).toISOString(), links: [{ recordType: 'contact', recordId: contact.id }] }));
    for (const item of items) await create('/interactions', item);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await timeline('contact', contact.id, `&limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((i) => i.subject));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
  });

  it('logs the same external event once', async () => {
    const contact = await create('/contacts', { name: '重复邮件' });
    const mail = { type: 'email', channel: 'email', direction: 'inbound', subject: 'Re: 合同', externalId: '<abc@mail.example>', participants: [{ kind: 'contact', id: contact.id, role: 'from' }] };
    const first = await create('/interactions', mail);
    const second = await create('/interactions', mail);
    expect(second.id).toBe(first.id);
    expect((await timeline('contact', contact.id)).data).toHaveLength(1);
  });

  it('refuses links it cannot follow, naming the field', async () => {
    const res = await call('POST', '/interactions', { type: 'note', channel: 'other', links: [{ recordType: 'spaceship', recordId: '01934b7e-0000-7000-8000-000000000000' }, { recordType: 'contact', recordId: '01934b7e-0000-7000-8000-000000000000' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['links.0.recordType', 'links.1.recordId']);
    expect((await call('POST', '/interactions', { type: 'fax', channel: 'other' })).statusCode).toBe(400);
    expect((await call('GET', '/timeline?recordType=contact&recordId=01934b7e-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('shows a record’s timeline only to those who may read the record', async () => {
    const secret = await create('/contacts', { name: '管理员的客户' });
    await create('/interactions', { type: 'meeting', channel: 'in_person', links: [{ recordType: 'contact', recordId: secret.id }] });
    expect((await call('GET', `/timeline?recordType=contact&recordId=${secret.id}`, undefined, rep)).statusCode).toBe(404);
    const res = await call('POST', '/interactions', { type: 'note', channel: 'other', links: [{ recordType: 'contact', recordId: secret.id }] }, rep);
    expect(res.statusCode).toBe(400);
  });

  it('moves the timeline of merged contacts to the survivor', async () => {
    const keep = await create('/contacts', { name: '合并甲', email: 'merge-tl@example.cn' });
    const gone = await create('/contacts', { name: '合并甲', phone: '13800138001' });
    await create('/interactions', { type: 'call', channel: 'phone', participants: [{ kind: 'contact', id: gone.id }] });
    await create('/interactions', { type: 'note', channel: 'other', links: [{ recordType: 'contact', recordId: keep.id }, { recordType: 'contact', recordId: gone.id }] });
    const phoneCall = await create('/interactions', { type: 'call', channel: 'phone', participants: [{ kind: 'contact', id: gone.id }] });
    expect((await call('POST', '/contacts/merge', { primaryId: keep.id, mergeIds: [gone.id] })).statusCode).toBe(200);
    const items = (await timeline('contact', keep.id)).data;
    expect(items).toHaveLength(3);
    const moved = (await call('GET', `/interactions/${phoneCall.id}`)).json();
    expect(moved.participants).toEqual([{ kind: 'contact', id: keep.id }]);
    expect(moved.links).toEqual([{ recordType: 'contact', recordId: keep.id }]);
  });
});

describe('tasks', () => {
  it('lists my day (overdue and today in my time zone), and repeats a weekly task when done', async () => {
    const contact = await create('/contacts', { name: '回访客户' });
    const overdue = await create('/tasks', { title: '回访', dueAt: '2020-01-01T00:00:00Z', priority: 'high', recordType: 'contact', recordId: contact.id });
    const later = await create('/tasks', { title: '明年再说', dueAt: '2099-01-01T00:00:00Z' });
    const weekly = await create('/tasks', { title: '周报', dueAt: '2026-11-23T01:00:00Z', recurrence: 'FREQ=WEEKLY;BYDAY=MO' });
    const mine = (await call('GET', '/tasks/my-day')).json().data.map((x: { id: string }) => x.id);
    expect(mine).toContain(overdue.id);
    expect(mine).toContain(weekly.id);
    expect(mine).not.toContain(later.id);
    expect(mine.indexOf(overdue.id)).toBeLessThan(mine.indexOf(weekly.id));

    const done = (await call('PATCH', `/tasks/${weekly.id}`, { status: 'done' })).json();
    expect(done.status).toBe('done');
    expect(done.doneAt).not.toBeNull();
    expect(done.next).toMatchObject({ title: '周报', status: 'open', dueAt: '2026-11-30T01:00:00.000Z', recurrence: 'FREQ=WEEKLY;BYDAY=MO' });

    const overview = (await call('GET', `/contacts/${contact.id}/overview`)).json();
    expect(overview.panels.find((p: { key: string }) => p.key === 'tasks')).toMatchObject({ total: 1, items: [{ id: overdue.id, title: '回访' }] });
  });

  it('sorts by due date with undated tasks last, and names each task’s record', async () => {
    const contact = await create('/contacts', { name: '排序客户' });
    const titles = ['无日期', '晚', '早'];
    await create('/tasks', { title: `${titles[0]} sort`, recordType: 'contact', recordId: contact.id });
    await create('/tasks', { title: `${titles[1]} sort`, dueAt: '2030-02-01T00:00:00Z' });
    await create('/tasks', { title: `${titles[2]} sort`, dueAt: '2030-01-01T00:00:00Z' });
    const walk = async (sort: string) => {
      const seen: { title: string; recordTitle: string | null }[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: { title: string; recordTitle: string | null }[]; nextCursor: string | null } = (await call('GET', `/tasks?sort=${sort}&limit=1&filter=${encodeURIComponent('title:contains: sort')}${cursor ? `&cursor=${cursor}` : ''}`)).json();
        seen.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect((await walk('dueAt')).map((x) => x.title)).toEqual(['早 sort', '晚 sort', '无日期 sort']);
    expect((await walk('-dueAt')).map((x) => x.title)).toEqual(['无日期 sort', '晚 sort', '早 sort']);
    expect((await walk('dueAt')).at(-1)!.recordTitle).toBe('排序客户');
  });

  it('refuses a broken rule, a rule without a due date, and a record half given', async () => {
    expect((await call('POST', '/tasks', { title: 'x', dueAt: '2026-12-01T00:00:00Z', recurrence: 'FREQ=SOMETIMES' })).json().errors[0]).toMatchObject({ field: 'recurrence', code: 'format' });
    expect((await call('POST', '/tasks', { title: 'x', recurrence: 'FREQ=DAILY' })).json().errors[0]).toMatchObject({ field: 'dueAt', code: 'required' });
    expect((await call('POST', '/tasks', { title: 'x', recordType: 'contact' })).json().errors[0]).toMatchObject({ field: 'recordId', code: 'required' });
    expect((await call('POST', '/tasks', { title: '   ' })).statusCode).toBe(400);
  });
});

describe('reminders', () => {
  const reminderDeps = () => ({ database: t.database, realtime: t.app.realtime, jobs: t.app.jobs, publicUrl: 'http://crm.test' });
  it('reminds the owner’s open pages once when the time comes, and again after the time changes', async () => {
    const { sendDueReminders } = await import('./reminders.js');
    const received: Record<string, unknown>[] = [];
    const socket = await t.app.injectWS('/api/v1/realtime', { headers: { cookie: rep.cookie } }, { onInit: ((ws: { on(e: string, f: (d: unknown) => void): void }) => ws.on('message', (d) => received.push(JSON.parse(String(d))))) as never });
    const task = await create('/tasks', { title: '给王总回电话', dueAt: '2026-11-23T10:00:00Z', remindAt: '2026-11-23T09:45:00Z', ownerId: rep.userId });
    await create('/tasks', { title: '还早', remindAt: '2099-01-01T00:00:00Z', dueAt: '2099-01-01T00:15:00Z', ownerId: rep.userId });
    expect(await sendDueReminders(reminderDeps(), new Date('2026-11-23T09:50:00Z'))).toBe(1);
    expect(await sendDueReminders(reminderDeps(), new Date('2026-11-23T09:51:00Z'))).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(received.filter((e) => e.type === 'task.reminder')).toEqual([expect.objectContaining({ taskId: task.id, title: '给王总回电话', dueAt: '2026-11-23T10:00:00.000Z' })]);
    await call('PATCH', `/tasks/${task.id}`, { remindAt: '2026-11-23T09:55:00Z' });
    expect(await sendDueReminders(reminderDeps(), new Date('2026-11-23T09:56:00Z'))).toBe(1);
    await call('PATCH', `/tasks/${task.id}`, { status: 'done', remindAt: '2026-11-23T09:57:00Z' });
    expect(await sendDueReminders(reminderDeps(), new Date('2026-11-23T09:58:00Z'))).toBe(0);
    socket.terminate();
  });
});
