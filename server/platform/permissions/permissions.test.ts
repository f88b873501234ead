import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

/** Role permissions and ownership scopes (own / team / all), checked through the API on contacts. */
let t: TestApp;
let admin: SignedIn;
let manager: SignedIn;
let sales1: SignedIn;
let sales2: SignedIn;
let salesOtherTeam: SignedIn;
let readOnly: SignedIn;
const contactOf: Record<string, string> = {};

const call = (who: SignedIn, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  manager = await addMember(t.app, admin, 'manager');
  sales1 = await addMember(t.app, admin, 'sales');
  sales2 = await addMember(t.app, admin, 'sales');
  salesOtherTeam = await addMember(t.app, admin, 'sales');
  readOnly = await addMember(t.app, admin, 'read_only');
  // sales1 and sales2 share a team; salesOtherTeam is in another.
  const { uuidv7 } = await import('uuidv7');
  const [east, west] = [uuidv7(), uuidv7()];
  await t.database.raw.query('insert into teams (workspace_id, id, name) values ($1, $2, $3), ($1, $4, $5)', [admin.workspaceId, east, '华东', west, '华南']);
  for (const [member, team] of [[sales1, east], [sales2, east], [salesOtherTeam, west]] as const) {
    expect((await call(admin, 'PATCH', `/members/${member.userId}`, { teamId: team })).statusCode).toBe(200);
  }
  for (const [name, who] of Object.entries({ admin, sales1, sales2, salesOtherTeam })) {
    const res = await call(who, 'POST', '/contacts', { name: `${name} 的客户` });
    expect(res.statusCode).toBe(201);
    contactOf[name] = res.json().id;
  }
});
afterAll(() => t.close());

const visibleTo = async (who: SignedIn) => (await call(who, 'GET', '/contacts?limit=200')).json().data.map((c: { id: string }) => c.id).sort();

describe('record scopes', () => {
  it('admin, manager and read-only see every contact', async () => {
    const all = Object.values(contactOf).sort();
    expect(await visibleTo(admin)).toEqual(all);
    expect(await visibleTo(manager)).toEqual(all);
    expect(await visibleTo(readOnly)).toEqual(all);
  });

  it('sales see their own and their team’s contacts, not other teams’', async () => {
    expect(await visibleTo(sales1)).toEqual([contactOf.sales1, contactOf.sales2].sort());
    expect((await call(sales1, 'GET', `/contacts/${contactOf.salesOtherTeam}`)).statusCode).toBe(404);
    expect((await call(sales1, 'GET', `/contacts/${contactOf.sales2}`)).statusCode).toBe(200);
  });

  it('sales may change only their own contacts; a teammate’s readable one is 403', async () => {
    expect((await call(sales1, 'PATCH', `/contacts/${contactOf.sales1}`, { title: '经理' })).statusCode).toBe(200);
    expect((await call(sales1, 'PATCH', `/contacts/${contactOf.sales2}`, { title: '经理' })).statusCode).toBe(403);
    expect((await call(sales1, 'DELETE', `/contacts/${contactOf.sales2}`)).statusCode).toBe(403);
    expect((await call(sales1, 'POST', '/contacts', { name: 'for someone else', ownerId: sales2.userId })).statusCode).toBe(403);
  });

  it('read-only may not create, change or delete', async () => {
    expect((await call(readOnly, 'POST', '/contacts', { name: 'x' })).statusCode).toBe(403);
    expect((await call(readOnly, 'PATCH', `/contacts/${contactOf.admin}`, { name: 'x' })).statusCode).toBe(403);
    expect((await call(readOnly, 'DELETE', `/contacts/${contactOf.admin}`)).statusCode).toBe(403);
  });
});

describe('workspace permissions', () => {
  it('only admins manage members, invitations, keys and settings', async () => {
    for (const who of [manager, sales1, readOnly]) {
      expect((await call(who, 'POST', '/invites', { email: 'x@y.cn', role: 'admin' })).statusCode).toBe(403);
      expect((await call(who, 'PATCH', `/members/${who.userId}`, { role: 'admin' })).statusCode).toBe(403);
      expect((await call(who, 'POST', '/api-keys', { name: 'k', scopes: ['read'] })).statusCode).toBe(403);
      expect((await call(who, 'PATCH', '/workspace', { name: 'taken over' })).statusCode).toBe(403);
    }
    expect((await call(admin, 'PATCH', '/workspace', { name: '新名字' })).statusCode).toBe(200);
  });

  it('admins and managers read the audit log; others get 403', async () => {
    expect((await call(admin, 'GET', '/audit-log')).statusCode).toBe(200);
    expect((await call(manager, 'GET', '/audit-log')).statusCode).toBe(200);
    expect((await call(sales1, 'GET', '/audit-log')).statusCode).toBe(403);
  });
});
