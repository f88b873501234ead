import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import { startSmtpSink, type SmtpSink } from '../interactions/smtp-sink.testing.js';
import { createOrder } from '../sales/index.js';
import { sendDueSurveys } from './surveys.service.js';

// Service feeds churn risk: open complaints and poor survey answers show as reasons on the customer's value row.
let t: TestApp;
let admin: SignedIn;
let other: SignedIn;
let smtp: SmtpSink;
const ids: Record<string, string> = {};

const call = (method: string, url: string, payload?: object, who: SignedIn | null = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { ...(who ? { cookie: who.cookie } : {}), 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
const created = async (url: string, body: object, who = admin) => {
  const res = await call('POST', url, body, who);
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
};
const complaintTypeId = async (who: SignedIn) =>
  ((await call('GET', '/case-types', undefined, who)).json().data as { id: string; key: string | null }[]).find((type) => type.key === 'complaint')!.id;
const setStatus = async (caseId: string, status: string) => expect((await call('POST', `/cases/${caseId}/status`, { status })).statusCode).toBe(200);

async function runAnalysis(who: SignedIn) {
  const res = await call('POST', '/analytics/value/runs', {}, who);
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.run(who.workspaceId, (res.json() as { jobId: string }).jobId);
}
async function reasonsOf(type: 'accounts' | 'contacts', id: string, who = admin) {
  const res = await call('GET', `/analytics/${type}/${id}`, undefined, who);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { value: { churnReasons: { code: string; points: number; params: Record<string, unknown> }[] } }).value.churnReasons;
}

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtpSink();
  admin = await signUpWorkspace(t.app, '流失信号 Churn Co');
  other = await signUpWorkspace(t.app, 'Other 别家');
  expect((await call('POST', '/mail-accounts', { personal: false, fromName: '客服', fromAddress: 'service@churn.example', host: '127.0.0.1', port: smtp.port, secure: false })).statusCode).toBe(201);
  const productId = await created('/products', { sku: `CH-${process.pid}`, name: '净水器' });
  ids.account = await created('/accounts', { name: '常投诉贸易公司' });
  ids.quiet = await created('/accounts', { name: '安静客户' });
  ids.eve = await created('/contacts', { name: '伊芙', email: 'eve@kehu.example' });
  const ctx = (await contextOfMember(t.database, admin.workspaceId, admin.userId))!;
  await inWorkspace(t.database.db, admin.workspaceId, async (tx) => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    for (const accountId of [ids.account!, ids.quiet!])
      await createOrder(tx, ctx, { accountId, contactId: null, orderedAt: yesterday, status: 'confirmed', lines: [{ productId, quantity: 1, unitPrice: 10000 }] });
    await createOrder(tx, ctx, { accountId: null, contactId: ids.eve!, orderedAt: yesterday, status: 'confirmed', lines: [{ productId, quantity: 1, unitPrice: 500 }] });
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('service signals in churn risk', () => {
  it('open complaints count for the account, 15 points each and at most 30; resolved ones and other types do not', async () => {
    const typeId = await complaintTypeId(admin);
    for (const subject of ['发票开错了', '送货太慢', '客服态度差']) await created('/cases', { subject, channel: 'phone', typeId, accountId: ids.account });
    const resolved = await created('/cases', { subject: '已处理的投诉', channel: 'phone', typeId, accountId: ids.quiet });
    await setStatus(resolved, 'resolved');
    await created('/cases', { subject: '咨询价格', channel: 'phone', accountId: ids.quiet });
    // Another workspace's complaint about an id it cannot know does not reach this one.
    await created('/cases', { subject: '别家投诉', channel: 'phone', typeId: await complaintTypeId(other) }, other);

    await runAnalysis(admin);
    expect(await reasonsOf('accounts', ids.account!)).toContainEqual({ code: 'openComplaints', points: 30, params: { count: 3 } });
    expect((await reasonsOf('accounts', ids.quiet!)).map((reason) => reason.code)).not.toContain('openComplaints');
  });

  it('a poor survey answer about a contact’s case is a low-satisfaction reason for that contact', async () => {
    const caseId = await created('/cases', { subject: '净水器漏水', channel: 'phone', contactId: ids.eve, language: 'zh-CN' });
    await setStatus(caseId, 'resolved');
    const jobs = Object.create(t.app.jobs) as typeof t.app.jobs;
    jobs.dispatch = (jobId, workspaceId) => t.app.jobs.run(workspaceId, jobId);
    expect(await sendDueSurveys({ database: t.app.database, jobs, publicUrl: 'https://crm.example' }, new Date(Date.now() + 3 * 3_600_000), admin.workspaceId)).toBe(1);
    await vi.waitFor(() => expect(smtp.delivered.length).toBe(1), { timeout: 15_000 });
    const token = /https:\/\/crm\.example\/survey\/([\w-]+)/.exec(smtp.delivered[0]!.text ?? '')?.[1];
    expect((await call('POST', `/public/surveys/${token}`, { csat: 1, comment: '还是漏水' }, null)).statusCode).toBe(204);

    await runAnalysis(admin);
    // Mean 1 of 5: (3 − 1) × 10 + 10 = 30 points.
    expect(await reasonsOf('contacts', ids.eve!)).toContainEqual({ code: 'lowSatisfaction', points: 30, params: { csat: 1, answers: 1 } });
  });
});
