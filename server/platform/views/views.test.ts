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

const call = (who: SignedIn, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) });

describe('saved views', () => {
  it('keeps personal views personal and shows shared ones to everyone', async () => {
    const mine = (await call(rep, 'POST', '/views', { objectType: 'contacts', name: '我的华为客户', filters: ['company:contains:华为'], sort: '-createdAt', columns: ['name', 'phone'] })).json();
    const shared = (await call(admin, 'POST', '/views', { objectType: 'contacts', name: '全部 VIP', shared: true, filters: ['name:startsWith:V'] })).json();
    expect((await call(rep, 'GET', '/views?objectType=contacts')).json().data.map((v: { id: string }) => v.id).sort()).toEqual([mine.id, shared.id].sort());
    expect((await call(admin, 'GET', '/views?objectType=contacts')).json().data.map((v: { id: string }) => v.id)).toEqual([shared.id]);
    expect((await call(admin, 'PATCH', `/views/${mine.id}`, { name: 'taken' })).statusCode).toBe(404);
    expect((await call(rep, 'PATCH', `/views/${shared.id}`, { name: 'taken' })).statusCode).toBe(403);
    expect((await call(admin, 'PATCH', `/views/${shared.id}`, { filters: ['company:eq:华为'] })).json().filters).toEqual(['company:eq:华为']);
    expect((await call(rep, 'DELETE', `/views/${mine.id}`)).statusCode).toBe(204);
  });

  it('lets admins and managers share views, not other roles', async () => {
    expect((await call(rep, 'POST', '/views', { objectType: 'contacts', name: '给大家看', shared: true })).statusCode).toBe(403);
    const mine = (await call(rep, 'POST', '/views', { objectType: 'contacts', name: '自己看' })).json();
    expect((await call(rep, 'PATCH', `/views/${mine.id}`, { shared: true })).statusCode).toBe(403);
    expect((await call(rep, 'PATCH', `/views/${mine.id}`, { name: '还是自己看' })).statusCode).toBe(200);
  });

  it('refuses filters and sorts the list would refuse, and unknown lists', async () => {
    expect((await call(admin, 'POST', '/views', { objectType: 'contacts', name: 'x', filters: ['shoeSize:eq:42'] })).json().code).toBe('INVALID_FILTER');
    expect((await call(admin, 'POST', '/views', { objectType: 'accounts', name: 'x', sort: 'industry' })).json().code).toBe('INVALID_SORT');
    expect((await call(admin, 'POST', '/views', { objectType: 'spaceships', name: 'x' })).json().errors[0].field).toBe('objectType');
  });
});
