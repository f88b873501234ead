import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { startSmtpSink, type SmtpSink } from '../interactions/smtp-sink.testing.js';

let t: TestApp;
let smtp: SmtpSink;
let admin: SignedIn;
let other: SignedIn;
const KEY = `kehu-${process.pid}`;
const OTHER_KEY = `other-${process.pid}`;
let routerId: string;
let switchId: string;
let repairTypeId: string;
let wang: { id: string; email: string };
let li: { id: string; email: string };
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1d0f30000000049454e44ae426082', 'hex');

const staff = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'zh-CN' }, ...(payload ? { payload } : {}) });
/** A customer's call to the portal, with their portal cookie (or none). */
const portal = (method: string, path: string, payload?: object, cookie?: string, key = KEY, language = 'zh-CN') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1/public/portal/${key}${path}`, headers: { 'accept-language': language, ...(cookie ? { cookie } : {}) }, ...(payload ? { payload } : {}) });
const portalCookie = (res: { headers: Record<string, unknown> }) => {
  const header = res.headers['set-cookie'];
  const line = (Array.isArray(header) ? header : [header]).find((h) => String(h).startsWith('guanxi_portal='));
  return String(line).split(';')[0]!;
};

async function runSendJobs(workspaceId: string) {
  const { rows } = await t.database.raw.query<{ id: string }>(`select id from jobs where workspace_id = $1 and name = 'email.send' and state = 'queued' order by id`, [workspaceId]);
  for (const job of rows) await t.app.jobs.run(workspaceId, job.id);
  return rows.length;
}

/** Asks for a link for `email` and returns the token of the mail that arrived on the SMTP server. */
async function mailedToken(email: string): Promise<string> {
  const before = smtp.delivered.length;
  const res = await portal('POST', '/sign-in-link', { email });
  expect(res.statusCode, res.body).toBe(202);
  await runSendJobs(admin.workspaceId);
  await vi.waitFor(() => expect(smtp.delivered.length).toBe(before + 1), { timeout: 15_000 });
  const mail = smtp.delivered.at(-1)!;
  expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(email);
  const token = new RegExp(`/portal/${KEY}/link/([\\w-]+)`).exec(mail.text ?? '')?.[1];
  expect(token, mail.text).toBeTruthy();
  return token!;
}

async function signInByPassword(email: string, password: string) {
  const res = await portal('POST', '/sign-in', { email, password });
  expect(res.statusCode, res.body).toBe(204);
  return portalCookie(res);
}

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtpSink();
  admin = await signUpWorkspace(t.app, '星河网络 Xinghe');
  other = await signUpWorkspace(t.app, '别家公司');
  expect((await staff('POST', '/mail-accounts', { personal: false, fromName: '星河客服', fromAddress: 'service@xinghe.example', host: '127.0.0.1', port: smtp.port, secure: false })).statusCode).toBe(201);
  const settings = await staff('PATCH', '/portal-settings', { enabled: true, portalKey: KEY, color: '#0f766e', welcomeText: '欢迎来到星河客户服务' });
  expect(settings.statusCode, settings.body).toBe(200);
  expect((await staff('PATCH', '/portal-settings', { enabled: true, portalKey: OTHER_KEY }, other)).statusCode).toBe(200);
  wang = { id: (await staff('POST', '/contacts', { name: '王伟', email: 'wang.wei@kehu.example' })).json().id, email: 'wang.wei@kehu.example' };
  li = { id: (await staff('POST', '/contacts', { name: '李娜', email: 'li.na@kehu.example' })).json().id, email: 'li.na@kehu.example' };
  routerId = (await staff('POST', '/products', { sku: 'R-AX6', name: '无线路由器 AX6', warrantyMonths: 24, listPrices: [{ currency: 'CNY', unitPrice: 129900 }] })).json().id;
  switchId = (await staff('POST', '/products', { sku: 'S-24', name: '交换机', warrantyMonths: 12, listPrices: [{ currency: 'CNY', unitPrice: 59900 }] })).json().id;
  const order = await staff('POST', '/orders', { contactId: wang.id, status: 'confirmed', lines: [{ productId: routerId, quantity: 2 }] });
  expect(order.statusCode, order.body).toBe(201);
  await staff('POST', '/orders', { contactId: li.id, status: 'confirmed', lines: [{ productId: switchId, quantity: 1 }] });
  repairTypeId = (await staff('GET', '/case-types')).json().data.find((x: { key: string }) => x.key === 'repair').id;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('signing in to the customer portal', () => {
  it('shows the brand of an open portal, and 404 for a closed or unknown one', async () => {
    const brand = await portal('GET', '');
    expect(brand.json()).toMatchObject({ key: KEY, name: '星河网络 Xinghe', color: '#0f766e', welcomeText: '欢迎来到星河客户服务', hasLogo: false });
    expect((await portal('GET', '', undefined, undefined, 'no-such-portal')).statusCode).toBe(404);
    const closed = await signUpWorkspace(t.app, '未开放');
    const key = (await staff('GET', '/portal-settings', undefined, closed)).json().portalKey;
    expect((await portal('GET', '', undefined, undefined, key)).statusCode).toBe(404);
    // A key is unique across workspaces.
    const taken = await staff('PATCH', '/portal-settings', { portalKey: KEY }, other);
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors[0]).toMatchObject({ field: 'portalKey', code: 'taken' });
  });

  it('mails a magic link that signs in once; a used or expired link is refused; unknown addresses get the same answer', async () => {
    const token = await mailedToken(wang.email);
    const first = await portal('POST', '/sign-in-link/use', { token });
    expect(first.statusCode, first.body).toBe(204);
    const cookie = portalCookie(first);
    expect(String(first.headers['set-cookie'])).toContain('HttpOnly');
    expect(String(first.headers['set-cookie'])).toContain(`Path=/api/v1/public/portal/${KEY}`);
    expect(String(first.headers['set-cookie'])).toContain('SameSite=Strict');
    expect((await portal('GET', '/home', undefined, cookie)).json().customer).toMatchObject({ name: '王伟', email: wang.email, hasPassword: false });
    const again = await portal('POST', '/sign-in-link/use', { token }, undefined, KEY, 'en');
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'PORTAL_LINK_INVALID' });
    expect(again.json().detail).toContain('15 minutes');

    // Expired: a quarter of an hour later the link opens nothing.
    const late = await mailedToken(wang.email);
    await t.database.raw.query(`update portal_links set expires_at = now() - interval '1 second' where workspace_id = $1 and used_at is null`, [admin.workspaceId]);
    expect((await portal('POST', '/sign-in-link/use', { token: late })).statusCode).toBe(401);

    // An address nobody has: 202 all the same, and no mail.
    const before = smtp.delivered.length;
    const unknown = await portal('POST', '/sign-in-link', { email: 'nobody@kehu.example' });
    expect(unknown.statusCode).toBe(202);
    expect(await runSendJobs(admin.workspaceId)).toBe(0);
    expect(smtp.delivered.length).toBe(before);
  });

  it('signs in with a password the customer set, refuses a wrong one, and limits attempts', async () => {
    const cookie = portalCookie(await portal('POST', '/sign-in-link/use', { token: await mailedToken(li.email) }));
    const short = await portal('PUT', '/password', { password: 'short' }, cookie);
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('password');
    expect((await portal('PUT', '/password', { password: '李娜的密码 2026' }, cookie)).statusCode).toBe(204);
    const signedIn = await signInByPassword('LI.NA@kehu.example', '李娜的密码 2026');
    expect((await portal('GET', '/home', undefined, signedIn)).json().customer.hasPassword).toBe(true);
    const wrong = await portal('POST', '/sign-in', { email: li.email, password: 'wrong password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect((await portal('POST', '/sign-in', { email: 'ghost@kehu.example', password: 'whatever' })).json().code).toBe('INVALID_CREDENTIALS');
    // Sign-out ends the session.
    expect((await portal('POST', '/sign-out', undefined, signedIn)).statusCode).toBe(204);
    expect((await portal('GET', '/home', undefined, signedIn)).statusCode).toBe(401);
    // Ten tries per address and e-mail in a quarter of an hour, then 429.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await portal('POST', '/sign-in', { email: 'brute@kehu.example', password: `guess ${i}` })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('keeps staff and portal sessions apart', async () => {
    const cookie = portalCookie(await portal('POST', '/sign-in-link/use', { token: await mailedToken(wang.email) }));
    // A staff session opens no portal route, a portal session no staff route.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/portal/${KEY}/home`, headers: { cookie: admin.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { cookie } })).statusCode).toBe(401);
    // A session of one portal opens nothing in another.
    expect((await portal('GET', '/home', undefined, cookie, OTHER_KEY)).statusCode).toBe(401);
    // Staff removing access ends the customer's sessions.
    expect((await staff('GET', `/contacts/${wang.id}/portal-access`)).json().account).toMatchObject({ email: wang.email });
    expect((await staff('DELETE', `/contacts/${wang.id}/portal-access`)).json().account.disabledAt).toBeTruthy();
    expect((await portal('GET', '/home', undefined, cookie)).statusCode).toBe(401);
    const invited = await staff('POST', `/contacts/${wang.id}/portal-access`);
    expect(invited.json()).toMatchObject({ mailed: true, access: { account: { disabledAt: null } } });
    await runSendJobs(admin.workspaceId);
    await vi.waitFor(() => expect(smtp.delivered.at(-1)?.subject).toContain('星河网络 Xinghe'), { timeout: 15_000 });
    expect((await staff('GET', `/contacts/${wang.id}/portal-access`, undefined, other)).statusCode).toBe(404);
    // A sales member invites their own contact (mailed as them); not someone else's.
    const sales = await addMember(t.app, admin, 'sales');
    const mine = (await staff('POST', '/contacts', { name: '赵六', email: 'zhao.liu@kehu.example' }, sales)).json();
    const ownInvite = await staff('POST', `/contacts/${mine.id}/portal-access`, undefined, sales);
    expect(ownInvite.statusCode, ownInvite.body).toBe(200);
    expect(ownInvite.json()).toMatchObject({ mailed: true, access: { account: { email: 'zhao.liu@kehu.example' } } });
    expect([403, 404]).toContain((await staff('POST', `/contacts/${wang.id}/portal-access`, undefined, sales)).statusCode);
    await runSendJobs(admin.workspaceId);
    await vi.waitFor(() => expect(JSON.stringify(smtp.delivered.at(-1)?.to)).toContain('zhao.liu@kehu.example'), { timeout: 15_000 });
  });
});

describe("a customer's cases, orders and products", () => {
  let wangCookie: string;
  let liCookie: string;
  beforeAll(async () => {
    wangCookie = portalCookie(await portal('POST', '/sign-in-link/use', { token: await mailedToken(wang.email) }));
    liCookie = await signInByPassword(li.email, '李娜的密码 2026');
  });

  it('shows their orders and products with warranty status, and only theirs', async () => {
    const home = (await portal('GET', '/home', undefined, wangCookie)).json();
    expect(home.orders).toHaveLength(1);
    expect(home.orders[0].lines[0]).toMatchObject({ productId: routerId, quantity: 2 });
    expect(home.products).toEqual([expect.objectContaining({ productId: routerId, name: '无线路由器 AX6', underWarranty: true })]);
    expect(home.caseTypes.map((x: { key: string }) => x.key)).toContain('repair');
    const liHome = (await portal('GET', '/home', undefined, liCookie)).json();
    expect(liHome.products.map((p: { productId: string }) => p.productId)).toEqual([switchId]);
  });

  it('opens a repair case with a photo: routed, channel portal, the file on the staff timeline', async () => {
    const res = await portal('POST', '/cases', { typeId: repairTypeId, productId: routerId, subject: '路由器反复重启', description: '每隔几分钟重启一次，指示灯闪红。', attachments: [{ name: '指示灯.png', contentType: 'image/png', content: PNG.toString('base64') }] }, wangCookie);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ subject: '路由器反复重启', status: 'new', product: { id: routerId, name: '无线路由器 AX6' } });
    expect(created.reference).toMatch(/^CS-\d{6}$/);
    expect(created.messages).toHaveLength(1);
    expect(created.messages[0]).toMatchObject({ fromCustomer: true, body: '每隔几分钟重启一次，指示灯闪红。' });
    const fileId = created.messages[0].attachments[0].fileId;

    // Staff see it: channel portal, the customer's contact and product, the photo on its timeline.
    const cases = (await staff('GET', `/cases?filter=contactId:eq:${wang.id}`)).json().data;
    const staffCase = cases.find((c: { number: number }) => c.number === created.number);
    expect(staffCase).toMatchObject({ channel: 'portal', typeId: repairTypeId, productId: routerId, language: 'zh-CN' });
    expect(staffCase.routing).toBeTruthy();
    const timeline = (await staff('GET', `/cases/${staffCase.id}/messages`)).json().data;
    expect(timeline[0]).toMatchObject({ type: 'message', channel: 'portal', direction: 'inbound', attachments: [expect.objectContaining({ name: '指示灯.png', fileId })] });
    const download = await staff('GET', `/files/${fileId}`);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    const own = await portal('GET', `/cases/${created.reference}/files/${fileId}`, undefined, wangCookie);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(PNG)).toBe(true);

    // A staff reply reaches the customer; an internal note never does.
    await staff('POST', `/cases/${staffCase.id}/messages`, { kind: 'note', body: '内部：客户是老客户，优先处理' });
    await staff('POST', `/cases/${staffCase.id}/messages`, { kind: 'reply', body: '您好，请先恢复出厂设置。' });
    await staff('POST', `/cases/${staffCase.id}/status`, { status: 'pending_customer' });
    const thread = (await portal('GET', `/cases/${created.reference}`, undefined, wangCookie)).json();
    expect(thread.status).toBe('pending_customer');
    expect(thread.messages.map((m: { body: string; fromCustomer: boolean }) => [m.fromCustomer, m.body])).toEqual([
      [true, '每隔几分钟重启一次，指示灯闪红。'],
      [false, '您好，请先恢复出厂设置。'],
    ]);
    expect(JSON.stringify(thread)).not.toContain('内部');

    // The customer answers: the case is open again, and the number works without its prefix too.
    const answered = await portal('POST', `/cases/${created.number}/messages`, { body: '恢复后还是重启。' }, wangCookie);
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json().status).toBe('open');
    expect((await portal('GET', '/home', undefined, wangCookie)).json().cases[0]).toMatchObject({ reference: created.reference, status: 'open' });

    // Another customer, another workspace, and staff cookies get nothing of it.
    expect((await portal('GET', `/cases/${created.reference}`, undefined, liCookie)).statusCode).toBe(404);
    expect((await portal('GET', `/cases/${created.reference}/files/${fileId}`, undefined, liCookie)).statusCode).toBe(404);
    expect((await portal('POST', `/cases/${created.reference}/messages`, { body: '别人的工单' }, liCookie)).statusCode).toBe(404);
    expect((await portal('GET', `/cases/${created.reference}`, undefined, wangCookie, OTHER_KEY)).statusCode).toBe(401);
    expect((await portal('GET', '/home', undefined, liCookie)).json().cases).toEqual([]);

    // Closed: no more messages.
    await staff('POST', `/cases/${staffCase.id}/status`, { status: 'closed' });
    const closed = await portal('POST', `/cases/${created.reference}/messages`, { body: '还在吗' }, wangCookie);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('PORTAL_CASE_CLOSED');
  });

  it('refuses bad input naming the field: a product they do not own, a type not offered, files too big or of the wrong kind', async () => {
    const base = { typeId: repairTypeId, subject: '测试', description: '描述' };
    const cases: [object, string][] = [
      [{ ...base, productId: switchId }, 'productId'],
      [{ ...base, typeId: '01934b7e-0000-7000-8000-000000000000' }, 'typeId'],
      [{ ...base, subject: '   ' }, 'subject'],
      [{ ...base, attachments: [{ name: 'a.exe', contentType: 'application/x-msdownload', content: 'TVo=' }] }, 'attachments.0.contentType'],
      [{ ...base, attachments: [{ name: 'a.png', contentType: 'image/png', content: '!!not base64!!' }] }, 'attachments.0.content'],
      [{ ...base, attachments: Array.from({ length: 6 }, () => ({ name: 'a.png', contentType: 'image/png', content: PNG.toString('base64') })) }, 'attachments'],
    ];
    for (const [body, field] of cases) {
      const res = await portal('POST', '/cases', body, wangCookie);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field), field).toContain(field);
    }
    const big = await portal('POST', '/cases', { ...base, attachments: [{ name: 'big.png', contentType: 'image/png', content: Buffer.alloc(5 * 1_048_576 + 1).toString('base64') }] }, wangCookie);
    expect(big.statusCode).toBe(400);
    expect(big.json().errors[0].field).toBe('attachments.0.content');
    // Only the types the settings offer.
    const inquiry = (await staff('GET', '/case-types')).json().data.find((x: { key: string }) => x.key === 'inquiry').id;
    await staff('PATCH', '/portal-settings', { caseTypeIds: [inquiry] });
    expect((await portal('POST', '/cases', base, wangCookie)).json().errors[0].field).toBe('typeId');
    expect((await portal('GET', '/home', undefined, wangCookie)).json().caseTypes.map((x: { id: string }) => x.id)).toEqual([inquiry]);
    await staff('PATCH', '/portal-settings', { caseTypeIds: [] });
    expect((await portal('POST', '/cases', base)).statusCode).toBe(401);
  });

  it('asks for satisfaction on a resolved case, once, only its own customer; the answer reaches the staff side', async () => {
    const opened = (await portal('POST', '/cases', { typeId: repairTypeId, productId: routerId, subject: '路由器评价测试', description: '测试满意度' }, wangCookie)).json();
    expect(opened.survey).toBeNull();
    const caseId = (await staff('GET', `/cases?filter=number:eq:${opened.number}`)).json().data[0].id as string;
    expect((await portal('POST', `/cases/${opened.reference}/survey`, { csat: 5 }, wangCookie)).statusCode).toBe(404);
    expect((await staff('POST', `/cases/${caseId}/status`, { status: 'resolved' })).statusCode).toBe(200);

    const resolved = (await portal('GET', `/cases/${opened.reference}`, undefined, wangCookie)).json();
    expect(resolved.survey).toEqual({ askNps: true, answered: false, csat: null });
    const bad = await portal('POST', `/cases/${opened.reference}/survey`, { csat: 0 }, wangCookie, KEY, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('csat');
    expect((await portal('POST', `/cases/${opened.reference}/survey`, { csat: 2 }, liCookie)).statusCode).toBe(404);

    const answered = await portal('POST', `/cases/${opened.reference}/survey`, { csat: 2, nps: 6, comment: '修了两次才好' }, wangCookie);
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().survey).toEqual({ askNps: true, answered: true, csat: 2 });
    expect((await portal('POST', `/cases/${opened.reference}/survey`, { csat: 5 }, wangCookie)).json().code).toBe('SURVEY_ANSWERED');
    const timeline = (await staff('GET', `/timeline?recordType=case&recordId=${caseId}`)).json().data as { body: string }[];
    expect(timeline.some((i) => i.body.includes('修了两次才好'))).toBe(true);
  });

  it('searches and reads public articles only', async () => {
    const category = (await staff('POST', '/knowledge/categories', { names: { 'zh-CN': '路由器' } })).json();
    const publicArticle = (await staff('POST', '/knowledge/articles', { categoryId: category.id, visibility: 'public', translations: [{ language: 'zh-CN', title: '路由器恢复出厂设置', body: '按住复位键十秒。' }] })).json();
    await staff('POST', `/knowledge/articles/${publicArticle.id}/publish`, {});
    const internal = (await staff('POST', '/knowledge/articles', { categoryId: category.id, visibility: 'internal', translations: [{ language: 'zh-CN', title: '路由器内部维修手册', body: '拆机步骤。' }] })).json();
    await staff('POST', `/knowledge/articles/${internal.id}/publish`, {});
    const hits = (await portal('GET', `/articles?q=${encodeURIComponent('路由器')}`)).json().data;
    expect(hits.map((h: { id: string }) => h.id)).toEqual([publicArticle.id]);
    expect((await portal('GET', `/articles/${publicArticle.id}`)).json()).toMatchObject({ title: '路由器恢复出厂设置', body: '按住复位键十秒。' });
    expect((await portal('GET', `/articles/${internal.id}`)).statusCode).toBe(404);
    expect((await portal('GET', `/articles/${publicArticle.id}`, undefined, undefined, OTHER_KEY)).statusCode).toBe(404);
    expect((await portal('GET', '/articles?q=')).statusCode).toBe(400);
  });
});
