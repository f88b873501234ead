import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
let agent: SignedIn;
let stranger: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  agent = await addMember(t.app, admin, 'service');
  stranger = await signUpWorkspace(t.app, 'Other 别家');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, language = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': language }, ...(payload ? { payload } : {}) });

describe('call scripts', () => {
  let complaint: { id: string };
  let inquiry: { id: string };

  it('lets admins define call types with a script per language, one default per kind of call', async () => {
    const created = await call('POST', '/calls/types', {
      names: { 'zh-CN': '投诉', 'zh-TW': '投訴', en: 'Complaint' },
      scripts: { 'zh-CN': '{{contact.firstName}}您好，我是{{user.name}}。很抱歉给您带来不便。', en: 'Hello {{contact.name}}, this is {{user.name}} of {{workspace.name}}. I am sorry for the trouble.' },
      defaultFor: ['inbound_known'],
    });
    expect(created.statusCode, created.body).toBe(201);
    complaint = created.json();
    inquiry = (await call('POST', '/calls/types', { names: { en: 'Sales inquiry', 'zh-CN': '销售咨询' }, scripts: { en: 'Thanks for calling {{workspace.name}}!' }, defaultFor: ['inbound_known', 'inbound_unknown'], position: 1 })).json();
    const types = (await call('GET', '/calls/types', undefined, agent)).json().data;
    expect(types.map((x: { names: { en: string }; defaultFor: string[] }) => [x.names.en, x.defaultFor])).toEqual([
      ['Complaint', []],
      ['Sales inquiry', ['inbound_known', 'inbound_unknown']],
    ]);
    expect((await call('GET', '/calls/types', undefined, stranger)).json().data).toEqual([]);
  });

  it('fills the merge fields from the caller and the agent, in the agent’s language', async () => {
    const wang = (await call('POST', '/contacts', { name: '王小明', company: '华为' })).json();
    await call('PATCH', '/me', { name: '李客服' }, agent);
    const zh = await call('GET', `/calls/types/${complaint.id}/script?contactId=${wang.id}`, undefined, agent, 'zh-CN');
    expect(zh.json()).toEqual({ locale: 'zh-CN', text: '小明您好，我是李客服。很抱歉给您带来不便。' });
    // No zh-TW script: the workspace's language next (zh-CN), unless asked for one.
    expect((await call('GET', `/calls/types/${complaint.id}/script?contactId=${wang.id}`, undefined, agent, 'zh-TW')).json().locale).toBe('zh-CN');
    const en = (await call('GET', `/calls/types/${complaint.id}/script?contactId=${wang.id}&locale=en`, undefined, agent)).json();
    expect(en.text).toBe('Hello 王小明, this is 李客服 of Test 测试公司. I am sorry for the trouble.');
    // An unknown caller: contact fields empty.
    expect((await call('GET', `/calls/types/${complaint.id}/script?locale=en`, undefined, agent)).json().text).toBe('Hello , this is 李客服 of Test 测试公司. I am sorry for the trouble.');
    // Another workspace's contact or type is not found.
    const theirs = (await call('POST', '/contacts', { name: '别家客户' }, stranger)).json();
    expect((await call('GET', `/calls/types/${complaint.id}/script?contactId=${theirs.id}`, undefined, agent)).json().errors[0].field).toBe('contactId');
    expect((await call('GET', `/calls/types/${complaint.id}/script`, undefined, stranger)).statusCode).toBe(404);
  });

  it('refuses unknown merge fields, nameless types and non-admins; updates and deletes', async () => {
    const typo = await call('POST', '/calls/types', { names: { en: 'Collections' }, scripts: { en: 'Your balance is {{contact.balance}}' } });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().errors[0].field).toBe('scripts.en');
    expect((await call('POST', '/calls/types', { names: { en: '  ' }, scripts: {} })).json().errors[0].field).toBe('names');
    expect((await call('POST', '/calls/types', { names: { fr: 'Plainte' }, scripts: {} })).statusCode).toBe(400);
    expect((await call('POST', '/calls/types', { names: { en: 'x' }, scripts: {} }, agent)).statusCode).toBe(403);
    expect((await call('PATCH', `/calls/types/${inquiry.id}`, { defaultFor: ['outbound'], scripts: { en: 'Hi {{contact.name}}' } })).json()).toMatchObject({ defaultFor: ['outbound'], names: { en: 'Sales inquiry' } });
    expect((await call('PATCH', `/calls/types/${inquiry.id}`, { names: {} })).statusCode).toBe(400);
    expect((await call('DELETE', `/calls/types/${inquiry.id}`, undefined, stranger)).statusCode).toBe(404);
    expect((await call('DELETE', `/calls/types/${inquiry.id}`)).statusCode).toBe(204);
    expect((await call('GET', '/calls/types')).json().data).toHaveLength(1);
  });
});
