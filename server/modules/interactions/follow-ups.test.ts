import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
let rep: SignedIn;
let stranger: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  rep = await addMember(t.app, admin, 'sales');
  stranger = await signUpWorkspace(t.app, 'Other 别家');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = rep) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
async function contact(name: string, who = rep) {
  const res = await call('POST', '/contacts', { name }, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function touched(recordType: string, recordId: string, days: number, who = rep) {
  const res = await call('POST', '/interactions', { type: 'note', channel: 'other', subject: 'touch', occurredAt: daysAgo(days), links: [{ recordType, recordId }] }, who);
  expect(res.statusCode, res.body).toBe(201);
}
const names = async (who = rep) => ((await call('GET', '/follow-ups?limit=100', undefined, who)).json().data as { name: string }[]).map((f) => f.name);

describe('follow-up suggestions', () => {
  let never: string;
  let silent31: string;
  let withTask: string;
  let account: string;

  it('lists my records silent for more than 30 days or never contacted, longest silence first', async () => {
    never = await contact('从未联系 Never');
    silent31 = await contact('31 天 silent');
    const recent29 = await contact('29 天 recent');
    withTask = await contact('有任务 with task');
    const deleted = await contact('已删除 deleted');
    const others = await contact('别人的 other owner', admin);
    account = (await call('POST', '/accounts', { name: '沉默公司 Quiet Ltd' })).json().id;
    await touched('contact', silent31, 31);
    await touched('contact', silent31, 45);
    await touched('contact', recent29, 29);
    await touched('contact', recent29, 90);
    await touched('contact', withTask, 40);
    await touched('contact', deleted, 40);
    await touched('contact', others, 50, admin);
    await touched('account', account, 60);
    await call('POST', '/tasks', { title: '回访', recordType: 'contact', recordId: withTask });
    expect((await call('DELETE', `/contacts/${deleted}`)).statusCode).toBe(204);

    const res = await call('GET', '/follow-ups');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().days).toBe(30);
    expect(res.json().data).toEqual([
      { recordType: 'contact', recordId: never, name: '从未联系 Never', lastContactAt: null },
      expect.objectContaining({ recordType: 'account', recordId: account, name: '沉默公司 Quiet Ltd' }),
      expect.objectContaining({ recordType: 'contact', recordId: silent31, name: '31 天 silent' }),
    ]);
    // The newest interaction counts, not the oldest.
    expect(Math.round((Date.now() - new Date(res.json().data[2].lastContactAt).getTime()) / 86_400_000)).toBe(31);
    // The admin sees their own record only; another workspace sees none of ours.
    expect(await names(admin)).toEqual(['别人的 other owner']);
    expect(await names(stranger)).toEqual([]);
  });

  it('pages by cursor in the same order, each record once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { recordId: string }[]; nextCursor: string | null } = (await call('GET', `/follow-ups?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.data.map((f) => f.recordId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([never, account, silent31]);
    expect((await call('GET', '/follow-ups?cursor=bm9wZQ')).json().code).toBe('INVALID_CURSOR');
    expect((await call('GET', '/follow-ups?limit=0')).statusCode).toBe(400);
  });

  it('suggests a record again once its task is done, and takes a new task off the list', async () => {
    const [task] = (await call('GET', `/tasks?filter=recordId:eq:${withTask}`)).json().data;
    await call('PATCH', `/tasks/${task.id}`, { status: 'done' });
    expect(await names()).toContain('有任务 with task');
    await call('POST', '/tasks', { title: 'Follow up', recordType: 'account', recordId: account, dueAt: new Date().toISOString() });
    expect(await names()).not.toContain('沉默公司 Quiet Ltd');
  });

  it('snoozes until a time, and dismisses until the record is in touch again', async () => {
    expect((await call('POST', '/follow-ups/snooze', { recordType: 'contact', recordId: never, until: daysAgo(-3) })).statusCode).toBe(204);
    expect((await call('POST', '/follow-ups/snooze', { recordType: 'contact', recordId: silent31, until: null })).statusCode).toBe(204);
    expect(await names()).toEqual(['有任务 with task']);
    // An expired snooze brings it back.
    await call('POST', '/follow-ups/snooze', { recordType: 'contact', recordId: never, until: daysAgo(1) });
    expect(await names()).toContain('从未联系 Never');
    // Dismissed after its last interaction (31 days ago): still put aside.
    await t.database.raw.query(`update follow_up_snoozes set created_at = now() - interval '20 days' where record_id = $1`, [silent31]);
    expect(await names()).not.toContain('31 天 silent');
    // Dismissed 32 days ago, in touch since and silent again for 31 days: suggested again.
    await t.database.raw.query(`update follow_up_snoozes set created_at = now() - interval '32 days' where record_id = $1`, [silent31]);
    expect(await names()).toContain('31 天 silent');

    const other = await contact('陌生 stranger', stranger);
    expect((await call('POST', '/follow-ups/snooze', { recordType: 'contact', recordId: other, until: null })).json().errors[0]).toMatchObject({ field: 'recordId' });
    expect((await call('POST', '/follow-ups/snooze', { recordType: 'task', recordId: other, until: null })).json().errors[0]).toMatchObject({ field: 'recordType' });
  });

  it('uses the workspace’s number of days, which only admins set', async () => {
    expect((await call('PUT', '/follow-ups/settings', { days: 28 })).statusCode).toBe(403);
    expect((await call('PUT', '/follow-ups/settings', { days: 0 }, admin)).statusCode).toBe(400);
    expect((await call('PUT', '/follow-ups/settings', { days: 28 }, admin)).json()).toEqual({ days: 28 });
    expect(await names()).toContain('29 天 recent');
    expect((await call('GET', '/follow-ups/settings')).json()).toEqual({ days: 28 });
  });
});
