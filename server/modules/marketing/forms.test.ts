import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
let rep: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, 'Form 表单公司');
  rep = await addMember(t.app, admin, 'sales');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
let ip = 0;
/** Each test posts from its own address, so the rate limit of one does not spill into another. */
const submit = (token: string, payload: object, from = `10.0.0.${++ip}`, lang = 'en') =>
  t.app.inject({ method: 'POST', url: `/api/v1/public/forms/${token}/submissions`, remoteAddress: from, headers: { 'accept-language': lang }, payload });

const FIELDS = [
  { key: 'name', label: 'Your name', type: 'text', required: true, mapTo: 'name' },
  { key: 'email', label: 'Work e-mail', type: 'email', required: true, mapTo: 'email' },
  { key: 'company', label: 'Company', type: 'text', required: false, mapTo: 'company' },
  { key: 'size', label: 'Team size', type: 'select', required: false, options: ['1-10', '11-50'], mapTo: null },
  { key: 'consent', label: 'I agree', type: 'checkbox', required: true, mapTo: null },
];
const build = async (extra: object = {}) => {
  const res = await call('POST', '/forms', { name: 'Trial sign-up', language: 'en', title: 'Try Guanxi', fields: FIELDS, thankYou: 'Thanks, talk soon!', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; token: string; hostedUrl: string; embedCode: string };
};
const timelineOf = async (contactId: string) => (await call('GET', `/timeline?recordType=contact&recordId=${contactId}`)).json().data as { type: string; channel: string; direction: string; subject: string; body: string; externalId: string }[];
const submissionsOf = async (formId: string) => (await call('GET', `/forms/${formId}/submissions`)).json().data as { id: string; spam: boolean; contactId: string | null; contactAction: string | null; values: Record<string, unknown> }[];

describe('building forms', () => {
  it('builds, lists, changes and deletes a form, with its hosted link and embed code; only admins and managers', async () => {
    const form = await build();
    expect(form.hostedUrl).toMatch(new RegExp(`/f/${form.token}$`));
    expect(form.embedCode).toContain(`<iframe src="${form.hostedUrl}?embed=1"`);
    expect((await call('GET', '/forms')).json().data.map((f: { id: string }) => f.id)).toContain(form.id);
    const changed = (await call('PATCH', `/forms/${form.id}`, { title: 'Try it free', active: false })).json();
    expect(changed).toMatchObject({ title: 'Try it free', active: false, submissions: 0 });
    expect((await call('GET', `/public/forms/${form.token}`)).statusCode).toBe(404);
    expect((await call('GET', '/forms', undefined, rep)).statusCode).toBe(403);
    expect((await call('DELETE', `/forms/${form.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/forms/${form.id}`)).statusCode).toBe(404);
  });

  it('refuses duplicate keys, a select without choices, a contact field filled twice and unknown custom fields', async () => {
    const res = await call('POST', '/forms', {
      name: 'Bad',
      language: 'zh-CN',
      title: 'x',
      fields: [
        { key: 'a', label: 'A', type: 'text', required: false, mapTo: 'name' },
        { key: 'a', label: 'B', type: 'select', required: false, mapTo: 'name' },
        { key: 'c', label: 'C', type: 'text', required: false, mapTo: 'custom.nope' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['fields.1.key', 'fields.1.mapTo', 'fields.1.options', 'fields.2.mapTo']);
  });
});

describe('submissions', () => {
  it('serves the form for rendering without its mapping', async () => {
    const form = await build();
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/forms/${form.token}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Try Guanxi', language: 'en', workspaceName: 'Form 表单公司', submitLabel: 'Submit', honeypot: '_website' });
    expect(res.json().fields[0]).toEqual({ key: 'name', label: 'Your name', type: 'text', required: true });
  });

  it('checks each answer, naming the field by its label', async () => {
    const form = await build();
    const res = await submit(form.token, { values: { name: ' ', email: 'not-mail', size: '500+', extra: 'x' } });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { field: string; code: string; message: string }[];
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['values.extra', 'unknown'],
      ['values.name', 'required'],
      ['values.email', 'format'],
      ['values.size', 'enum'],
      ['values.consent', 'required'],
    ]);
    expect(errors.find((e) => e.field === 'values.name')!.message).toBe('Your name is required.');
    const zh = await submit(form.token, { values: { name: '王伟', email: 'a@b.cn' } }, undefined, 'zh-CN');
    expect(zh.json().errors[0].message).toContain('I agree');
    expect(await submissionsOf(form.id)).toEqual([]);
  });

  it('creates a contact and logs a web message on its timeline', async () => {
    const form = await build();
    const res = await submit(form.token, { values: { name: '李娜', email: 'Li.Na@Example.CN', company: '字节跳动', size: '11-50', consent: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ thankYou: 'Thanks, talk soon!', redirectUrl: null });
    const [submission] = await submissionsOf(form.id);
    expect(submission).toMatchObject({ spam: false, contactAction: 'created', values: { name: '李娜', email: 'li.na@example.cn', size: '11-50', consent: true } });
    const contact = (await call('GET', `/contacts/${submission!.contactId}`)).json();
    expect(contact).toMatchObject({ name: '李娜', email: 'li.na@example.cn', company: '字节跳动', source: 'web_form' });
    const [item] = await timelineOf(contact.id);
    expect(item).toMatchObject({ type: 'message', channel: 'web', direction: 'inbound', subject: 'Trial sign-up', externalId: submission!.id });
    expect(item!.body).toBe('Your name: 李娜\nWork e-mail: li.na@example.cn\nCompany: 字节跳动\nTeam size: 11-50\nI agree: Yes');
  });

  it('updates the contact it surely is, filling only blank fields, even one a sales rep owns', async () => {
    const owned = (await call('POST', '/contacts', { name: 'Zhang Wei', email: 'zw@example.cn', company: null }, rep)).json();
    const form = await build();
    expect((await submit(form.token, { values: { name: 'Wei Zhang (typo)', email: 'ZW@example.cn', company: 'Alibaba', consent: true } })).statusCode).toBe(200);
    expect((await submit(form.token, { values: { name: 'Someone', email: 'zw@example.cn', company: 'Tencent', consent: 'on' } })).statusCode).toBe(200);
    const contact = (await call('GET', `/contacts/${owned.id}`)).json();
    expect(contact).toMatchObject({ name: 'Zhang Wei', company: 'Alibaba', ownerId: rep.userId });
    expect((await submissionsOf(form.id)).map((s) => [s.contactId, s.contactAction])).toEqual([
      [owned.id, 'matched'],
      [owned.id, 'updated'],
    ]);
    expect((await timelineOf(owned.id)).filter((i) => i.channel === 'web')).toHaveLength(2);
    expect((await call('GET', '/contacts?filter=email:eq:zw@example.cn')).json().data).toHaveLength(1);
  });

  it('drops a submission that fills the honeypot, answering as usual, and counts it as spam', async () => {
    const form = await build();
    const res = await submit(form.token, { values: { name: 'Bot', email: 'bot@spam.example', consent: true }, honeypot: 'http://spam.example' });
    expect(res.statusCode).toBe(200);
    expect(res.json().thankYou).toBe('Thanks, talk soon!');
    const [submission] = await submissionsOf(form.id);
    expect(submission).toMatchObject({ spam: true, contactId: null });
    expect((await call('GET', '/contacts?filter=email:eq:bot@spam.example')).json().data).toEqual([]);
    expect((await call('GET', `/forms/${form.id}`)).json()).toMatchObject({ submissions: 0, spam: 1 });
  });

  it('answers 429 after 10 submissions a minute from one address to one form', async () => {
    const form = await build();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await submit(form.token, { values: {}, honeypot: 'x' }, '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await submit(form.token, { values: {}, honeypot: 'x' }, '10.9.9.10')).statusCode).toBe(200);
  });

  it('takes a plain HTML form post and redirects to the thank-you page; a refused one shows the form again', async () => {
    const form = await build();
    const post = (body: string) => t.app.inject({ method: 'POST', url: `/api/v1/public/forms/${form.token}/submissions`, remoteAddress: '10.1.1.1', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const ok = await post('name=%E7%8E%8B%E8%8A%B3&email=wf%40example.cn&consent=on&_website=');
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toBe(`/f/${form.token}/thanks`);
    const thanks = await t.app.inject({ method: 'GET', url: ok.headers.location as string });
    expect(thanks.body).toContain('Thanks, talk soon!');
    expect((await submissionsOf(form.id))[0]).toMatchObject({ contactAction: 'created', values: { name: '王芳', consent: true } });

    const refused = await post('name=%3Cb%3Eme%3C%2Fb%3E&email=nope');
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('text/html');
    expect(refused.body).toContain('value="&lt;b&gt;me&lt;/b&gt;"');
    expect(refused.body).toContain('Work e-mail must be a valid email.');
  });

  it('goes to the redirect URL after a form post when the form has one', async () => {
    const form = await build({ redirectUrl: 'https://www.example.cn/thanks' });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/public/forms/${form.token}/submissions`, remoteAddress: '10.2.2.2', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=A&email=a%40r.example&consent=on' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('https://www.example.cn/thanks');
  });
});

describe('the hosted page', () => {
  it('renders a whole page in the form’s language with every label escaped', async () => {
    const form = await build({
      language: 'zh-CN',
      title: '<script>alert(1)</script>试用',
      intro: 'a & b',
      fields: [
        { key: 'name', label: '姓名"><img src=x onerror=alert(1)>', type: 'text', required: true, mapTo: 'name' },
        { key: 'plan', label: '方案', type: 'select', required: false, options: ['</option><script>x</script>'], mapTo: null },
      ],
      thankYou: null,
    });
    const res = await t.app.inject({ method: 'GET', url: `/f/${form.token}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("script-src 'nonce-");
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain('Form 表单公司');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;试用');
    expect(res.body).toContain('姓名&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).not.toContain('<script>x</script>');
    expect(res.body).toContain('<label for="i-name">');
    expect(res.body).toContain('name="_website"');
    expect(res.body).toContain('>提交</button>');
    const thanks = await t.app.inject({ method: 'GET', url: `/f/${form.token}/thanks?embed=1` });
    expect(thanks.body).toContain('谢谢！我们已收到您的信息。');
    expect(thanks.body).toContain('class="embed"');
    expect((await t.app.inject({ method: 'GET', url: '/f/unknown-token-123' })).statusCode).toBe(404);
  });
});
