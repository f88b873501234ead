import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, '团队测试');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

describe('teams', () => {
  it('creates teams with a manager and region, counts members, refuses a taken name in any case', async () => {
    const manager = await addMember(t.app, admin, 'manager');
    const seller = await addMember(t.app, admin, 'sales');
    const res = await call('POST', '/teams', { name: ' 华东大区 ', managerId: manager.userId, region: '华东' });
    expect(res.statusCode, res.body).toBe(201);
    const team = res.json();
    expect(team).toMatchObject({ name: '华东大区', managerId: manager.userId, region: '华东' });
    await call('PATCH', `/members/${seller.userId}`, { teamId: team.id });
    expect((await call('GET', '/teams')).json().data).toEqual([expect.objectContaining({ id: team.id, memberCount: 1 })]);
    await call('POST', '/teams', { name: 'Central' });
    const taken = await call('POST', '/teams', { name: 'CENTRAL' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].field).toBe('name');
    expect((await call('PATCH', `/teams/${team.id}`, { name: 'central' })).statusCode).toBe(409);
  });

  it('lets only admins change teams, refuses a stranger as manager, and frees members when a team goes', async () => {
    const seller = await addMember(t.app, admin, 'sales');
    expect((await call('POST', '/teams', { name: '销售自建' }, seller)).statusCode).toBe(403);
    expect((await call('GET', '/teams', undefined, seller)).statusCode).toBe(200);
    const other = await signUpWorkspace(t.app, 'other');
    expect((await call('POST', '/teams', { name: 'x', managerId: other.userId })).json().errors[0].field).toBe('managerId');
    const team = (await call('POST', '/teams', { name: '华南' })).json();
    await call('PATCH', `/members/${seller.userId}`, { teamId: team.id });
    expect((await call('DELETE', `/teams/${team.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/members/${seller.userId}`)).json().teamId).toBeNull();
    expect((await call('GET', `/teams/${team.id}`)).statusCode).toBe(404);
  });
});
