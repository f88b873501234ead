import type { WebSocket } from 'ws';
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

const call = (method: string, url: string, payload?: object, who: SignedIn = rep) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
const openTitled = async (title: string) => ((await call('GET', `/tasks?filter=status:eq:open&limit=200`)).json().data as { id: string; title: string; dueAt: string }[]).filter((x) => x.title === title);

describe('repeating tasks', () => {
  it('reopening a completed occurrence takes back its next one; completing again makes one next, never two', async () => {
    const task = (await call('POST', '/tasks', { title: '每周例会 weekly', dueAt: '2026-11-23T02:00:00Z', recurrence: 'FREQ=WEEKLY' })).json();
    const done = (await call('PATCH', `/tasks/${task.id}`, { status: 'done' })).json();
    expect(done.next).toMatchObject({ dueAt: '2026-11-30T02:00:00.000Z', status: 'open' });
    expect(await openTitled('每周例会 weekly')).toHaveLength(1);

    const reopened = (await call('PATCH', `/tasks/${task.id}`, { status: 'open' })).json();
    expect(reopened.next).toBeNull();
    expect((await openTitled('每周例会 weekly')).map((x) => x.id)).toEqual([task.id]);
    expect((await call('GET', `/tasks/${done.next.id}`)).statusCode).toBe(404);

    const again = (await call('PATCH', `/tasks/${task.id}`, { status: 'done' })).json();
    expect(again.next).toMatchObject({ dueAt: '2026-11-30T02:00:00.000Z' });
    expect(await openTitled('每周例会 weekly')).toHaveLength(1);
  });

  it('keeps a next occurrence already done, and makes no second one when the first is completed again', async () => {
    const task = (await call('POST', '/tasks', { title: 'daily 日报', dueAt: '2026-11-23T10:00:00Z', recurrence: 'FREQ=DAILY' })).json();
    const { next } = (await call('PATCH', `/tasks/${task.id}`, { status: 'done' })).json();
    await call('PATCH', `/tasks/${next.id}`, { status: 'done' });
    await call('PATCH', `/tasks/${task.id}`, { status: 'open' });
    expect((await call('GET', `/tasks/${next.id}`)).json().status).toBe('done');
    expect((await call('PATCH', `/tasks/${task.id}`, { status: 'done' })).json().next).toBeNull();
    // Only the occurrence after the second one is open.
    expect((await openTitled('daily 日报')).map((x) => x.dueAt)).toEqual(['2026-11-25T10:00:00.000Z']);
  });
});

describe('task events', () => {
  it('tells the owner’s open pages when a task changes or is deleted, and nobody else', async () => {
    const pages = await Promise.all([rep, admin].map(async (who) => {
      const events: Record<string, unknown>[] = [];
      const socket = (await t.app.injectWS('/api/v1/realtime', { headers: { cookie: who.cookie } }, { onInit: ((ws: WebSocket) => ws.on('message', (d) => events.push(JSON.parse(String(d))))) as never })) as unknown as WebSocket;
      return { socket, events };
    }));
    const task = (await call('POST', '/tasks', { title: '回电话' })).json();
    await call('PATCH', `/tasks/${task.id}`, { status: 'done' });
    expect((await call('DELETE', `/tasks/${task.id}`)).statusCode).toBe(204);
    await new Promise((r) => setTimeout(r, 200));
    const [mine, others] = pages.map((p) => p.events.filter((e) => String(e.type).startsWith('task.')));
    expect(mine).toEqual([
      { type: 'task.updated', taskId: task.id, status: 'done', title: '回电话' },
      { type: 'task.deleted', taskId: task.id },
    ]);
    expect(others).toEqual([]);
    for (const p of pages) p.socket.terminate();
  });
});
