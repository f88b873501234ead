import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { diffFields } from './audit.service.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: admin.cookie }, ...(payload ? { payload } : {}) });

describe('audit log', () => {
  it('records create, update (old and new of changed fields only) and delete, with the actor', async () => {
    const id = (await call('POST', '/contacts', { name: '李雷', company: '新东方' })).json().id;
    await call('PATCH', `/contacts/${id}`, { company: '好未来', name: '李雷' });
    await call('PATCH', `/contacts/${id}`, { name: '李雷' }); // no change: no entry
    await call('DELETE', `/contacts/${id}`);
    const log = (await call('GET', `/audit-log?recordType=contact&recordId=${id}`)).json().data;
    expect(log.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(log[1].changes).toEqual({ company: { old: '新东方', new: '好未来' } });
    expect(log[1].actorUserId).toBe(admin.userId);
    expect(log[1].actorName).toBe('Admin 管理员');
    expect(log[2].changes.name).toEqual({ old: null, new: '李雷' });
  });

  it('pages the workspace log newest first with a cursor', async () => {
    for (let i = 0; i < 5; i++) await call('POST', '/contacts', { name: `客户 ${i}` });
    const first = (await call('GET', '/audit-log?limit=2')).json();
    const second = (await call('GET', `/audit-log?limit=2&cursor=${first.nextCursor}`)).json();
    expect(first.data).toHaveLength(2);
    expect(second.data).toHaveLength(2);
    expect(first.data[0].id > first.data[1].id && first.data[1].id > second.data[0].id).toBe(true);
  });

  it('treats an empty list like no value', () => {
    expect(diffFields(null, { name: 'x', tags: [], handles: [] })).toEqual({ name: { old: null, new: 'x' } });
    expect(diffFields({ tags: [] }, { tags: ['VIP'] })).toEqual({ tags: { old: [], new: ['VIP'] } });
  });

  it('never logs secrets or bookkeeping fields', () => {
    expect(diffFields({ passwordHash: 'a', updatedAt: 1, name: 'x' }, { passwordHash: 'b', updatedAt: 2, name: 'y' })).toEqual({ name: { old: 'x', new: 'y' } });
  });
});
