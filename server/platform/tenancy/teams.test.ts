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

  it('imports a sales organisation: managers lead teams in their region, nobody gets a password, outsiders are refused', async () => {
    const ws = await signUpWorkspace(t.app, '导入团队');
    const outsider = await signUpWorkspace(t.app, 'elsewhere');
    const domain = `org-${process.pid}-${Date.now().toString(36)}.example`;
    const csv = ['sales_agent,manager,regional_office', '王伟,李经理,华东', 'Anna Snelling,李经理,华东', 'Moses Frase,Dustin Brinkmann,Central', ',Dustin Brinkmann,Central'].join('\n');
    const withOutsider = `${csv}\nOutsider,Dustin Brinkmann,Central`.replace('Outsider,', `${outsider.email.split('@')[0]},`);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members/import',
      headers: { cookie: ws.cookie },
      payload: { content: Buffer.from(`${withOutsider.split('\n').slice(0, 5).join('\n')}\n`).toString('base64'), emailDomain: domain },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 5, teamsCreated: 2, problems: [{ rowNo: 4, field: 'name', code: 'required' }] });
    const teams = (await t.app.inject({ method: 'GET', url: '/api/v1/teams', headers: { cookie: ws.cookie } })).json().data;
    const east = teams.find((team: { name: string }) => team.name === '华东 · 李经理');
    expect(east).toMatchObject({ region: '华东', memberCount: 3 });
    const members = (await t.app.inject({ method: 'GET', url: '/api/v1/members?limit=50', headers: { cookie: ws.cookie } })).json().data;
    const manager = members.find((m: { name: string }) => m.name === '李经理');
    expect(manager).toMatchObject({ role: 'manager', teamId: east.id });
    expect(east.managerId).toBe(manager.userId);
    expect(members.find((m: { name: string }) => m.name === 'Anna Snelling')).toMatchObject({ role: 'sales', email: `anna.snelling@${domain}` });
    // Imported people cannot sign in until they set a password.
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: `anna.snelling@${domain}`, password: '' } });
    expect(signIn.statusCode).toBe(400);
    // Someone with an account in another workspace is not pulled in by an import.
    const [local, host] = outsider.email.split('@') as [string, string];
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/members/import', headers: { cookie: ws.cookie }, payload: { content: Buffer.from(`name,email\n${local},${outsider.email}\n`).toString('base64'), emailDomain: host } });
    expect(again.json()).toMatchObject({ created: 0, problems: [{ rowNo: 1, field: 'email', code: 'taken' }] });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/members/import', headers: { cookie: (await addMember(t.app, ws, 'sales')).cookie }, payload: { content: Buffer.from('name\nx\n').toString('base64'), emailDomain: domain } })).statusCode).toBe(403);
  });
});
