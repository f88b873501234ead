import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, sessionCookie, signUpWorkspace, uniqueEmail, type TestApp } from '../../db/testing.js';
import { requestPasswordReset } from './auth.service.js';
import { asSystem } from '../../db/transaction.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT: '5' });
});
afterAll(() => t.close());

const signIn = (email: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', remoteAddress: ip, payload: { email, password } });

describe('sign-up and sign-in', () => {
  it('signs up, sets an httpOnly SameSite session cookie and knows the session', async () => {
    const email = uniqueEmail();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-up', payload: { workspaceName: '  华东贸易  ', name: '张三', email: email.toUpperCase(), password: 'longenough' } });
    expect(res.statusCode).toBe(201);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.json()).toMatchObject({ user: { email }, workspace: { name: '华东贸易' }, membership: { role: 'admin' } });
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: sessionCookie(res.headers['set-cookie']) } });
    expect(session.json().user.email).toBe(email);
  });

  it('refuses a second account with the same e-mail (any case) naming the field', async () => {
    const admin = await signUpWorkspace(t.app);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-up', payload: { workspaceName: 'X', name: 'Y', email: admin.email.toUpperCase(), password: 'longenough' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'EMAIL_TAKEN', errors: [{ field: 'email', code: 'taken' }] });
  });

  it('stores passwords only as Argon2id hashes', async () => {
    const admin = await signUpWorkspace(t.app);
    const { rows } = await t.database.raw.query<{ password_hash: string }>('select password_hash from users where id = $1', [admin.userId]);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]!.password_hash).not.toContain(admin.password);
  });

  it('signs in with the right password only, answering unknown e-mail and wrong password alike', async () => {
    const admin = await signUpWorkspace(t.app);
    expect((await signIn(admin.email, admin.password, '10.0.1.1')).statusCode).toBe(200);
    const wrong = await signIn(admin.email, 'wrong password', '10.0.1.2');
    const unknown = await signIn(uniqueEmail('nobody'), 'wrong password', '10.0.1.3');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('rate-limits sign-in attempts per address and e-mail', async () => {
    const admin = await signUpWorkspace(t.app);
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(admin.email, 'bad password', '10.0.2.1')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await signIn(admin.email, admin.password, '10.0.2.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    // Another address is not locked out.
    expect((await signIn(admin.email, admin.password, '10.0.2.2')).statusCode).toBe(200);
  });

  it('signs out: the cookie no longer opens a session', async () => {
    const admin = await signUpWorkspace(t.app);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie: admin.cookie } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: admin.cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 to anonymous calls of every non-public API route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const publicRoutes = ['/api/v1/auth/sign-up', '/api/v1/auth/sign-in', '/api/v1/auth/sign-out', '/api/v1/auth/password-reset', '/api/v1/auth/password-reset/confirm', '/api/v1/auth/invites/{token}', '/api/v1/auth/invites/accept'];
    for (const [path, ops] of Object.entries(doc.paths)) {
      // Anonymous routes other than sign-in's live under /api/v1/public/ (web forms…).
      if (publicRoutes.includes(path) || path.startsWith('/api/v1/public/')) continue;
      for (const method of Object.keys(ops)) {
        const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url: path.replace(/\{\w+\}/g, '01934b7e-0000-7000-8000-000000000000') });
        expect(res.statusCode, `${method} ${path}`).toBe(401);
      }
    }
  });
});

describe('password reset', () => {
  it('sets a new password with a one-time token and ends old sessions', async () => {
    const admin = await signUpWorkspace(t.app);
    const accepted = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: admin.email } });
    expect(accepted.statusCode).toBe(202);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: uniqueEmail('ghost') } });
    expect(unknown.statusCode).toBe(202);
    const reset = await asSystem(t.database.db, (tx) => requestPasswordReset(tx, admin.email));
    const confirm = (password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: reset!.token, password } });
    expect((await confirm('a brand new password')).statusCode).toBe(204);
    expect((await confirm('another new password')).json().code).toBe('RESET_TOKEN_INVALID');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: admin.cookie } })).statusCode).toBe(401);
    expect((await signIn(admin.email, admin.password, '10.0.3.1')).statusCode).toBe(401);
    expect((await signIn(admin.email, 'a brand new password', '10.0.3.1')).statusCode).toBe(200);
  });
});

describe('invitations and members', () => {
  it('invites by link, the invitee joins with the role, and the link works once', async () => {
    const admin = await signUpWorkspace(t.app);
    const invite = await t.app.inject({ method: 'POST', url: '/api/v1/invites', headers: { cookie: admin.cookie }, payload: { email: 'New.Person@Example.com', role: 'sales' } });
    expect(invite.statusCode).toBe(201);
    const url: string = invite.json().url;
    const token = url.split('/invite/')[1]!;
    const preview = await t.app.inject({ method: 'GET', url: `/api/v1/auth/invites/${token}` });
    expect(preview.json()).toMatchObject({ email: 'new.person@example.com', role: 'sales', workspaceName: 'Test 测试公司' });
    const accept = await t.app.inject({ method: 'POST', url: '/api/v1/auth/invites/accept', payload: { token, name: '新同事', password: 'welcome aboard' } });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().membership.role).toBe('sales');
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/invites/accept', payload: { token, name: 'x', password: 'welcome aboard' } });
    expect(again.json().code).toBe('INVITE_INVALID');
    const members = await t.app.inject({ method: 'GET', url: '/api/v1/members', headers: { cookie: admin.cookie } });
    expect(members.json().data.map((m: { email: string }) => m.email)).toContain('new.person@example.com');
  });

  it('asks an existing account for its password when it accepts an invitation', async () => {
    const first = await signUpWorkspace(t.app);
    const second = await signUpWorkspace(t.app, 'Second');
    const invite = await t.app.inject({ method: 'POST', url: '/api/v1/invites', headers: { cookie: second.cookie }, payload: { email: first.email, role: 'manager' } });
    const token = invite.json().url.split('/invite/')[1];
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/invites/accept', payload: { token, name: 'x', password: 'not the password' } });
    expect(wrong.statusCode).toBe(401);
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/auth/invites/accept', payload: { token, name: 'x', password: first.password } });
    expect(right.statusCode).toBe(200);
    expect(right.json().workspaces).toHaveLength(2);
  });

  it('deactivated members cannot sign in or use their session; the last admin cannot be removed', async () => {
    const admin = await signUpWorkspace(t.app);
    const member = await addMember(t.app, admin, 'service');
    const off = await t.app.inject({ method: 'POST', url: `/api/v1/members/${member.userId}/deactivate`, headers: { cookie: admin.cookie } });
    expect(off.json().status).toBe('deactivated');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: member.cookie } })).statusCode).toBe(401);
    expect((await signIn(member.email, member.password, '10.0.4.1')).json().code).toBe('ACCOUNT_DEACTIVATED');
    const self = await t.app.inject({ method: 'POST', url: `/api/v1/members/${admin.userId}/deactivate`, headers: { cookie: admin.cookie } });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('LAST_ADMIN');
    const demote = await t.app.inject({ method: 'PATCH', url: `/api/v1/members/${admin.userId}`, headers: { cookie: admin.cookie }, payload: { role: 'sales' } });
    expect(demote.json().code).toBe('LAST_ADMIN');
    await t.app.inject({ method: 'POST', url: `/api/v1/members/${member.userId}/reactivate`, headers: { cookie: admin.cookie } });
    expect((await signIn(member.email, member.password, '10.0.4.2')).statusCode).toBe(200);
  });

  it('remembers the language per user', async () => {
    const admin = await signUpWorkspace(t.app);
    await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: admin.cookie }, payload: { locale: 'zh-TW' } });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: admin.cookie, 'accept-language': 'en' }, payload: {} });
    expect(res.headers['content-language']).toBe('zh-TW');
    expect(res.json().errors[0].message).toBe('姓名為必填欄位。');
  });
});

describe('API keys', () => {
  it('are shown once, stored hashed, scoped and revocable', async () => {
    const admin = await signUpWorkspace(t.app);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: { cookie: admin.cookie }, payload: { name: 'ERP sync', scopes: ['read'] } });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json();
    expect(key).toMatch(/^gx_/);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: admin.cookie } });
    expect(JSON.stringify(listed.json())).not.toContain(key);
    const { rows } = await t.database.raw.query<{ key_hash: string }>('select key_hash from api_keys where id = $1', [id]);
    expect(rows[0]!.key_hash).not.toContain(key);

    const bearer = { authorization: `Bearer ${key}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: bearer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: bearer, payload: { name: 'x' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer })).statusCode).toBe(403);

    const writer = (await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: { cookie: admin.cookie }, payload: { name: 'writer', scopes: ['read', 'write'] } })).json();
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { authorization: `Bearer ${writer.key}` }, payload: { name: 'Via API 接口' } });
    expect(made.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/invites', headers: { authorization: `Bearer ${writer.key}` }, payload: { email: 'a@b.cn', role: 'admin' } })).statusCode).toBe(403);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: { cookie: admin.cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: bearer })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: 'Bearer gx_forged' } })).statusCode).toBe(401);
  });
});
