import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RealtimeMessage } from '../../platform/realtime/realtime.js';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { startSmtpSink, type SmtpSink } from '../interactions/smtp-sink.testing.js';
import { sweepReminders, type ReminderDeps } from './reminders.service.js';

let t: TestApp;
let admin: SignedIn;
let other: SignedIn;
let smtp: SmtpSink;
beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtpSink();
  admin = await signUpWorkspace(t.app, '保修提醒测试公司');
  other = await signUpWorkspace(t.app, '别的公司');
  expect((await call('POST', '/mail-accounts', { personal: false, fromName: '客服中心', fromAddress: 'service@baoxiu.example', host: '127.0.0.1', port: smtp.port, secure: false })).statusCode).toBe(201);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, language = 'zh-CN') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': language }, ...(payload ? { payload } : {}) });
const created = async (url: string, payload: object, who: SignedIn = admin) => {
  const res = await call('POST', url, payload, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
};

const published: RealtimeMessage[] = [];
/** The test app runs no queue: the mail job a reminder dispatches runs here, at once. */
function deps(overrides: Partial<ReminderDeps['jobs']> = {}): ReminderDeps {
  const jobs = Object.assign(Object.create(t.app.jobs) as ReminderDeps['jobs'], { dispatch: (jobId: string, workspaceId: string) => t.app.jobs.run(workspaceId, jobId) }, overrides);
  return { database: t.app.database, jobs, publish: async (message) => void published.push(message) };
}
const sweep = (now: string, who: SignedIn = admin, d = deps()) => sweepReminders(d, new Date(now), who.workspaceId);

let n = 0;
/** A confirmed order of one account and contact: a line with a 12-month warranty and a line without. */
async function soldWithWarranty(who: SignedIn, contact: { name: string; email?: string }, orderedAt = '2025-06-10T04:00:00Z') {
  const product = await created('/products', { sku: `WX-${++n}`, name: `空气净化器 X${n}`, warrantyMonths: 12 }, who);
  const cable = await created('/products', { sku: `CB-${n}`, name: `电源线 ${n}`, warrantyMonths: null }, who);
  const account = await created('/accounts', { name: `客户公司 ${n}` }, who);
  const person = await created('/contacts', contact, who);
  const order = await created('/orders', { accountId: account.id, contactId: person.id, orderedAt, status: 'confirmed', lines: [{ productId: product.id, quantity: 1, unitPrice: 199900 }, { productId: cable.id, quantity: 2, unitPrice: 1500 }] }, who);
  return { product, account, contact: person, order };
}

describe('proactive reminders: warranty ends in N days', () => {
  it('fires once inside the window, not before it: a task for the owner, a mail in the customer’s language, a notification', async () => {
    const sold = await soldWithWarranty(admin, { name: 'Alice Chen', email: 'alice@kehu.example' });
    // She wrote to service in English once: the reminder mail follows her language, not the workspace's.
    await created('/cases', { subject: 'Filter question', channel: 'email', contactId: sold.contact.id, language: 'en' });
    const rule = await created('/service/reminder-rules', { name: '保修到期前 30 天', trigger: 'warrantyEnds', daysBefore: 30, emailCustomer: true });

    // The warranty ends on 2026-06-10 (Shanghai): 40 days before is outside the window.
    expect(await sweep('2026-05-01T02:00:00Z')).toBe(0);
    expect(await sweep('2026-05-12T02:00:00Z')).toBe(1);
    expect(await sweep('2026-05-13T02:00:00Z')).toBe(0);

    const history = (await call('GET', '/service/reminders')).json().data;
    expect(history).toEqual([
      expect.objectContaining({ ruleId: rule.id, endsOn: '2026-06-10', productName: expect.stringContaining('空气净化器'), orderNumber: sold.order.number, ownerId: admin.userId, emailSkipped: null, language: 'en' }),
    ]);
    const tasks = (await call('GET', `/tasks?filter=recordId:eq:${sold.account.id}`)).json().data as { title: string; ownerId: string }[];
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ ownerId: admin.userId });
    expect(tasks[0]!.title).toMatch(/空气净化器 X\d+ 的保修将于 2026-06-10 到期/);

    await vi.waitFor(() => expect(smtp.delivered.length).toBe(1), { timeout: 15_000 });
    const mail = smtp.delivered[0]!;
    expect(mail.subject).toMatch(/^Your warranty for 空气净化器 X\d+ ends on 2026-06-10$/);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('alice@kehu.example');
    expect(mail.text).toContain(sold.order.number);

    const notice = published.filter((m) => m.event.type === 'service.reminder');
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ workspaceId: admin.workspaceId, userIds: [admin.userId], event: { date: '2026-06-10' } });
  });

  it('does not fire for another workspace’s orders, and says why a mail could not go', async () => {
    const foreign = await soldWithWarranty(other, { name: '别家客户', email: 'bie@kehu.example' }, '2025-07-01T04:00:00Z');
    const mine = await soldWithWarranty(admin, { name: '无邮箱客户' }, '2025-07-01T04:00:00Z');
    await created('/service/reminder-rules', { name: '7 天', trigger: 'warrantyEnds', daysBefore: 7, emailCustomer: true, createTask: false });
    // The other workspace has no rule: nothing fires there. Here both rules (30 and 7 days) fire for our line only.
    expect(await sweep('2026-06-28T02:00:00Z', other)).toBe(0);
    const before = (await call('GET', '/service/reminders')).json().data.length;
    expect(await sweep('2026-06-28T02:00:00Z')).toBe(2);
    const rows = (await call('GET', '/service/reminders')).json().data as { orderId: string; emailSkipped: string | null; taskId: string | null }[];
    expect(rows.length - before).toBe(2);
    expect(rows.every((r) => r.orderId !== foreign.order.id)).toBe(true);
    expect(rows.filter((r) => r.orderId === mine.order.id).map((r) => r.emailSkipped)).toEqual(['no_email', 'no_email']);
    expect((await call('GET', '/service/reminders', undefined, other)).json().data).toEqual([]);
  });

  it('fires once when two sweeps run at once, and again after a sweep crashed mid-way', async () => {
    const orderedAt = '2025-09-01T04:00:00Z';
    const sold = [await soldWithWarranty(admin, { name: '并发一' }, orderedAt), await soldWithWarranty(admin, { name: '并发二' }, orderedAt), await soldWithWarranty(admin, { name: '并发三' }, orderedAt)];
    for (const r of (await call('GET', '/service/reminder-rules')).json().data as { id: string }[]) await call('PATCH', `/service/reminder-rules/${r.id}`, { enabled: false });
    const rule = await created('/service/reminder-rules', { name: '并发', trigger: 'warrantyEnds', daysBefore: 3 });
    const now = '2026-08-30T02:00:00Z';
    // The process dies after the first reminder's transaction committed: the others have not fired.
    let calls = 0;
    const crashing = deps();
    crashing.publish = async () => {
      calls += 1;
      if (calls === 1) throw new Error('process died');
    };
    await expect(sweep(now, admin, crashing)).rejects.toThrow('process died');
    const fired = async () => ((await call('GET', `/service/reminders?filter=ruleId:eq:${rule.id}`)).json().data as unknown[]).length;
    expect(await fired()).toBe(1);

    const [a, b] = await Promise.all([sweep(now), sweep(now)]);
    expect(a + b).toBe(2);
    expect(await fired()).toBe(3);
    for (const s of sold) expect((await call('GET', `/tasks?filter=recordId:eq:${s.account.id}`)).json().data).toHaveLength(1);
  });

  it('validates rules and keeps them to those who configure service', async () => {
    expect((await call('POST', '/service/reminder-rules', { name: 'x', trigger: 'subscriptionEnds', daysBefore: 3 })).statusCode).toBe(400);
    expect((await call('POST', '/service/reminder-rules', { name: 'x', trigger: 'warrantyEnds', daysBefore: -1 })).statusCode).toBe(400);
    const none = await call('POST', '/service/reminder-rules', { name: 'x', trigger: 'warrantyEnds', daysBefore: 3, createTask: false, notifyOwner: false }, admin, 'en');
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('createTask');
    const rule = await created('/service/reminder-rules', { name: '  空白  ', trigger: 'warrantyEnds', daysBefore: 0 });
    const off = await call('PATCH', `/service/reminder-rules/${rule.id}`, { enabled: false });
    expect(off.json()).toMatchObject({ name: '空白', enabled: false, daysBefore: 0 });
    expect((await call('GET', `/service/reminder-rules/${rule.id}`, undefined, other)).statusCode).toBe(404);
    expect((await call('PATCH', `/service/reminder-rules/${rule.id}`, { enabled: true }, other)).statusCode).toBe(404);
    expect((await call('DELETE', `/service/reminder-rules/${rule.id}`, undefined, other)).statusCode).toBe(404);
    expect((await call('POST', '/service/reminders/run', undefined, other)).json()).toEqual({ fired: 0 });
    expect((await call('DELETE', `/service/reminder-rules/${rule.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/service/reminder-rules/${rule.id}`)).statusCode).toBe(404);
  });
});
