import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { renderTemplate } from './email-out.service.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.testing.js';

let t: TestApp;
let admin: SignedIn;
/** The mail provider: it requires the account's login. */
let provider: SmtpSink;
let logins: { username?: string; password?: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  provider = await startSmtpSink((auth, _session, callback) => {
    logins.push({ username: auth.username, password: auth.password ?? undefined });
    if (auth.username === 'sales@huaxia.example' && auth.password === 'smtp secret 密码') callback(null, { user: auth.username });
    else callback(new Error('Invalid username or password'));
  });
});
afterAll(async () => {
  await provider.close();
  await t.close();
});

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

describe('sending e-mail', () => {
  it('sends a template in the chosen language through the workspace account, with merge fields, and logs it', async () => {
    const account = await call('POST', '/mail-accounts', { personal: false, fromName: '华夏贸易', fromAddress: 'sales@huaxia.example', host: '127.0.0.1', port: provider.port, secure: false, username: 'sales@huaxia.example', password: 'smtp secret 密码' });
    expect(account.statusCode, account.body).toBe(201);
    expect(account.json()).toMatchObject({ hasPassword: true });
    expect(account.body).not.toContain('smtp secret');
    // On a PostgreSQL server every test file shares the database: read this account, not another file's.
    const { rows } = await t.database.raw.query<{ password_sealed: string }>('select password_sealed from mail_accounts where id = $1', [account.json().id]);
    expect(rows[0]!.password_sealed).toMatch(/^v1:/);

    const template = (
      await call('POST', '/email-templates', {
        name: '报价跟进',
        subjects: { 'zh-CN': '{{contact.company}} 的报价', en: 'Your quote, {{contact.firstName}}' },
        bodies: { 'zh-CN': '{{contact.firstName}}您好：\n报价已附上。\n{{user.name}}', en: 'Dear {{contact.firstName}},\nthe quote is attached.\n{{user.name}}' },
      })
    ).json();
    const wang = (await call('POST', '/contacts', { name: '王小明', company: '华为', email: 'xiaoming@huawei.example' })).json();
    const sent = await call('POST', '/emails', { contactIds: [wang.id], templateId: template.id, locale: 'zh-CN' });
    expect(sent.statusCode, sent.body).toBe(202);
    await t.app.jobs.run(admin.workspaceId, sent.json().jobId);
    expect((await call('GET', `/jobs/${sent.json().jobId}`)).json()).toMatchObject({ state: 'succeeded', result: { sent: 1, failed: 0 } });

    expect(provider.delivered).toHaveLength(1);
    expect(provider.delivered[0]!.subject).toBe('华为 的报价');
    expect(provider.delivered[0]!.text).toContain('小明您好');
    expect(provider.delivered[0]!.from?.value[0]).toMatchObject({ address: 'sales@huaxia.example', name: '华夏贸易' });
    const [logged] = (await call('GET', `/timeline?recordType=contact&recordId=${wang.id}`)).json().data;
    expect(logged).toMatchObject({ type: 'email', direction: 'outbound', subject: '华为 的报价', externalId: provider.delivered[0]!.messageId });

    // Running the job again sends nothing twice.
    await t.app.jobs.run(admin.workspaceId, sent.json().jobId);
    expect(provider.delivered).toHaveLength(1);
  });

  it('records a refused login as a failed mail, and refuses bad requests naming the field', async () => {
    const rep = await addMember(t.app, admin, 'sales');
    await call('POST', '/mail-accounts', { personal: true, fromName: 'Li Lei', fromAddress: 'li@huaxia.example', host: '127.0.0.1', port: provider.port, username: 'li@huaxia.example', password: 'wrong' }, rep);
    const contact = (await call('POST', '/contacts', { name: 'Anna Müller', email: 'anna@example.de', ownerId: rep.userId })).json();
    logins = [];
    const sent = (await call('POST', '/emails', { contactIds: [contact.id], subject: 'Hallo {{contact.firstName}}', body: 'Grüße' }, rep)).json();
    await t.app.jobs.run(admin.workspaceId, sent.jobId);
    expect(logins[0]).toMatchObject({ username: 'li@huaxia.example', password: 'wrong' });
    expect((await call('GET', `/jobs/${sent.jobId}`)).json().result).toEqual({ sent: 0, failed: 1 });
    expect((await call('GET', `/timeline?recordType=contact&recordId=${contact.id}`)).json().data).toHaveLength(0);

    const noMail = (await call('POST', '/contacts', { name: '没有邮箱' })).json();
    expect((await call('POST', '/emails', { contactIds: [noMail.id], subject: 'x', body: 'y' })).json().errors[0].field).toBe('contactIds.0');
    expect((await call('POST', '/emails', { contactIds: [contact.id], subject: 'Hi {{contact.nickname}}', body: 'y' })).json().errors[0].field).toBe('subject');
    expect((await call('POST', '/email-templates', { name: 'x', subjects: { en: 'x' }, bodies: {} })).json().errors[0].field).toBe('bodies.en');
  });

  it('fills merge fields and leaves none unknown', () => {
    expect(renderTemplate('{{ contact.name }}/{{contact.title}}', { 'contact.name': '陈静', 'contact.title': null }, 'body')).toBe('陈静/');
    expect(() => renderTemplate('{{contact.salary}}', {}, 'body')).toThrow();
  });
});
