import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { startSmtpSink, type SmtpSink } from '../interactions/smtp-sink.testing.js';
import { answerSurveyAsContact, sendDueSurveys, surveysOfContact } from './surveys.service.js';
import { inWorkspace } from '../../db/transaction.js';

let t: TestApp;
let admin: SignedIn;
let smtp: SmtpSink;
beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtpSink();
  admin = await signUpWorkspace(t.app, '满意度测试公司');
  expect((await call('POST', '/mail-accounts', { personal: false, fromName: '客服中心', fromAddress: 'service@kefu.example', host: '127.0.0.1', port: smtp.port, secure: false })).statusCode).toBe(201);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const call = (method: string, url: string, payload?: object, who: SignedIn | null = admin, language = 'zh-CN') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { ...(who ? { cookie: who.cookie } : {}), 'accept-language': language }, ...(payload ? { payload } : {}) });
const hoursAfter = (at: string, hours: number) => new Date(new Date(at).getTime() + hours * 3_600_000);
/** The test app runs no queue: the mail job the sweep dispatches runs here, at once. */
const send = (now: Date) => {
  const jobs = Object.create(t.app.jobs) as typeof t.app.jobs;
  jobs.dispatch = (jobId, workspaceId) => t.app.jobs.run(workspaceId, jobId);
  return sendDueSurveys({ database: t.app.database, jobs, publicUrl: 'https://crm.example' }, now, admin.workspaceId);
};

/** Opens a case for a new contact and resolves it; returns the resolved case. */
async function resolvedCase(contact: { name: string; email?: string }, subject: string) {
  const contactId = (await call('POST', '/contacts', contact)).json().id;
  const created = (await call('POST', '/cases', { subject, channel: 'phone', contactId, language: 'zh-CN' })).json();
  const res = await call('POST', `/cases/${created.id}/status`, { status: 'resolved' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; number: number; resolvedAt: string; ownerId: string };
}

describe('callbacks and satisfaction surveys after a resolution', () => {
  it('gives the agent a callback task and mails the survey after the delay, once; the answer lands on the case', async () => {
    const c = await resolvedCase({ name: '吴敏', email: 'wumin@kehu.example' }, '打印机卡纸');
    const tasks = (await call('GET', `/tasks?filter=recordId:eq:${c.id}`)).json().data as { title: string; ownerId: string; dueAt: string }[];
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ ownerId: admin.userId, dueAt: hoursAfter(c.resolvedAt, 24).toISOString() });
    expect(tasks[0]!.title).toContain('回访');

    // Before the two-hour delay nothing goes; after it, one mail, and never a second.
    expect(await send(hoursAfter(c.resolvedAt, 1))).toBe(0);
    expect(await send(hoursAfter(c.resolvedAt, 3))).toBe(1);
    expect(await send(hoursAfter(c.resolvedAt, 4))).toBe(0);
    await vi.waitFor(() => expect(smtp.delivered.length).toBe(1), { timeout: 15_000 });
    const mail = smtp.delivered[0]!;
    expect(mail.subject).toContain('请评价我们的服务');
    const token = /https:\/\/crm\.example\/survey\/([\w-]+)/.exec(mail.text ?? '')?.[1];
    expect(token, mail.text).toBeTruthy();

    const page = await call('GET', `/public/surveys/${token}`, undefined, null);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ workspaceName: '满意度测试公司', subject: '打印机卡纸', language: 'zh-CN', askNps: true, answered: false });
    const bad = await call('POST', `/public/surveys/${token}`, { csat: 6 }, null);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('csat');

    // Two submits at once: exactly one is taken.
    const [a, b] = await Promise.all([call('POST', `/public/surveys/${token}`, { csat: 4, nps: 9, comment: '  师傅很专业 ' }, null), call('POST', `/public/surveys/${token}`, { csat: 1 }, null)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([204, 409]);
    expect((await call('GET', `/public/surveys/${token}`, undefined, null)).json().answered).toBe(true);
    const again = await call('POST', `/public/surveys/${token}`, { csat: 5 }, null, 'en');
    expect(again.json()).toMatchObject({ code: 'SURVEY_ANSWERED', detail: 'This survey has already been answered.' });

    const timeline = (await call('GET', `/timeline?recordType=case&recordId=${c.id}`)).json().data as { subject: string; body: string }[];
    const note = timeline.find((i) => i.subject === '客户已填写满意度调查');
    expect(note?.body).toMatch(/满意度：[14] \/ 5/);

    const from = hoursAfter(c.resolvedAt, -24).toISOString();
    const to = hoursAfter(c.resolvedAt, 24 * 7).toISOString();
    const byAgent = (await call('GET', `/satisfaction?groupBy=agent&from=${from}&to=${to}`)).json().data;
    expect(byAgent).toEqual([{ key: admin.userId, sent: 1, answered: 1, csat: expect.any(Number), nps: expect.any(Number) }]);
  });

  it('marks a survey it cannot mail instead of retrying it, and follows up each resolution once', async () => {
    const c = await resolvedCase({ name: '无邮箱客户' }, '没有邮箱');
    expect(await send(hoursAfter(c.resolvedAt, 3))).toBe(0);
    // Reopened and resolved again: a second resolution, a second callback.
    await call('POST', `/cases/${c.id}/status`, { status: 'open' });
    await call('POST', `/cases/${c.id}/status`, { status: 'resolved' });
    await call('PATCH', `/cases/${c.id}`, { priority: 'high' });
    expect((await call('GET', `/tasks?filter=recordId:eq:${c.id}`)).json().data).toHaveLength(2);
  });

  it('answered where the customer signs in (the portal): only by its own contact, and then never mailed', async () => {
    const c = await resolvedCase({ name: '门户客户', email: 'portal@kehu.example' }, '门户里评价');
    const contactId = (await call('GET', `/cases/${c.id}`)).json().contactId as string;
    const strangerId = (await call('POST', '/contacts', { name: '别人' })).json().id as string;
    const [survey] = await inWorkspace(t.database.db, admin.workspaceId, (tx) => surveysOfContact(tx, admin.workspaceId, contactId, [c.id]));
    expect(survey).toMatchObject({ caseId: c.id, answeredAt: null });
    expect(await inWorkspace(t.database.db, admin.workspaceId, (tx) => surveysOfContact(tx, admin.workspaceId, strangerId, [c.id]))).toEqual([]);

    await expect(answerSurveyAsContact(t.database, admin.workspaceId, strangerId, survey!.id, { csat: 1 })).rejects.toMatchObject({ status: 404 });
    await answerSurveyAsContact(t.database, admin.workspaceId, contactId, survey!.id, { csat: 5, comment: '很满意' });
    await expect(answerSurveyAsContact(t.database, admin.workspaceId, contactId, survey!.id, { csat: 4 })).rejects.toMatchObject({ status: 409 });
    const mailed = smtp.delivered.length;
    expect(await send(hoursAfter(c.resolvedAt, 3))).toBe(0);
    expect(smtp.delivered.length).toBe(mailed);
  });

  it('keeps unknown or malformed links out, and settings to those who configure service', async () => {
    expect((await call('GET', '/public/surveys/abcdefghijklmnopqrstuvwxyz012345', undefined, null)).statusCode).toBe(404);
    expect((await call('GET', '/public/surveys/short', undefined, null)).statusCode).toBe(400);
    const off = await call('PATCH', '/survey-settings', { callbackAfterHours: null, askNps: false });
    expect(off.json()).toMatchObject({ callbackAfterHours: null, askNps: false });
    const c = await resolvedCase({ name: '不回访', email: 'nocall@kehu.example' }, '不需要回访');
    expect((await call('GET', `/tasks?filter=recordId:eq:${c.id}`)).json().data).toHaveLength(0);
    expect((await call('PATCH', '/survey-settings', { surveyDelayHours: -1 })).statusCode).toBe(400);
  });
});
