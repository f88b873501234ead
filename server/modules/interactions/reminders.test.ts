import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { reminderMail, sendDueReminders } from './reminders.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.testing.js';

let t: TestApp;
let admin: SignedIn;
/** The workspace's mail provider, on loopback. */
let provider: SmtpSink;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  provider = await startSmtpSink();
});
afterAll(async () => {
  await provider.close();
  await t.close();
});

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
const deps = () => ({ database: t.database, realtime: t.app.realtime, jobs: t.app.jobs, publicUrl: 'https://crm.example' });

/** Runs the workspace's send jobs not yet run, as a worker would. */
async function runSendJobs(workspaceId: string) {
  const { rows } = await t.database.raw.query<{ id: string }>(`select id from jobs where workspace_id = $1 and name = 'email.send' and state = 'queued' order by id`, [workspaceId]);
  for (const job of rows) await t.app.jobs.run(workspaceId, job.id);
  return rows.length;
}

describe('reminder e-mails', () => {
  it('mails each owner in their language unless they chose the app only, once, through the workspace account', async () => {
    const noAccount = await call('GET', '/tasks/reminder-preference');
    expect(noAccount.json()).toEqual({ email: true, mailAccount: false });
    expect((await call('POST', '/mail-accounts', { personal: false, fromName: '华夏贸易 CRM', fromAddress: 'crm@huaxia.example', host: '127.0.0.1', port: provider.port, secure: false })).statusCode).toBe(201);
    expect((await call('GET', '/tasks/reminder-preference')).json()).toEqual({ email: true, mailAccount: true });

    const english = await addMember(t.app, admin, 'sales');
    await call('PATCH', '/me', { locale: 'en', timeZone: 'Europe/Berlin' }, english);
    const taiwan = await addMember(t.app, admin, 'sales');
    await call('PATCH', '/me', { locale: 'zh-TW' }, taiwan);
    const quiet = await addMember(t.app, admin, 'sales');
    const chose = await call('PUT', '/tasks/reminder-preference', { email: false }, quiet);
    expect(chose.json()).toEqual({ email: false, mailAccount: true });
    expect((await call('PUT', '/tasks/reminder-preference', { email: 'no' }, quiet)).statusCode).toBe(400);

    const remind = { dueAt: '2026-11-23T10:00:00Z', remindAt: '2026-11-23T09:45:00Z' };
    await call('POST', '/tasks', { title: 'Call Mr Wang back', notes: 'About the quote', ...remind }, english);
    await call('POST', '/tasks', { title: '回電給陳小姐', ...remind }, taiwan);
    await call('POST', '/tasks', { title: '不要邮件', ...remind }, quiet);

    expect(await sendDueReminders(deps(), new Date('2026-11-23T09:50:00Z'))).toBe(3);
    // A second sweep (another process, or the next tick) claims nothing and queues nothing.
    expect(await sendDueReminders(deps(), new Date('2026-11-23T09:50:10Z'))).toBe(0);
    expect(await runSendJobs(admin.workspaceId)).toBe(1);
    expect(provider.delivered.map((m) => m.to && !Array.isArray(m.to) && m.to.value[0]!.address).sort()).toEqual([english.email, taiwan.email].sort());

    const en = provider.delivered.find((m) => m.subject === 'Reminder: Call Mr Wang back')!;
    expect(en.from?.value[0]).toMatchObject({ address: 'crm@huaxia.example' });
    // Due in the owner's time zone (Berlin: 11:00), with the notes and a link to the app.
    expect(en.text).toMatch(/Due Nov 23, 2026, 11:00/);
    expect(en.text).toContain('About the quote');
    expect(en.text).toContain('https://crm.example/tasks');
    const tw = provider.delivered.find((m) => m.subject === '提醒：回電給陳小姐')!;
    // The workspace's time zone (Asia/Shanghai: 18:00) when the member has none.
    expect(tw.text).toMatch(/截止 2026年11月23日 下午6:00/);

    // A mail to a member is no interaction on any timeline.
    const { rows } = await t.database.raw.query<{ status: string; contact_id: string | null; interaction_id: string | null }>(`select status, contact_id, interaction_id from outgoing_emails where workspace_id = $1`, [admin.workspaceId]);
    expect(rows).toEqual([expect.objectContaining({ status: 'sent', contact_id: null, interaction_id: null }), expect.objectContaining({ status: 'sent', contact_id: null, interaction_id: null })]);
  });

  it('never sends a mail twice when the process died after claiming it', async () => {
    const before = provider.delivered.length;
    await call('POST', '/tasks', { title: 'Crash test 崩溃', dueAt: '2026-11-24T10:00:00Z', remindAt: '2026-11-24T09:00:00Z' });
    expect(await sendDueReminders(deps(), new Date('2026-11-24T09:00:00Z'))).toBe(1);
    // As if a worker claimed the mail and died during the SMTP exchange: the job runs again and sends nothing.
    await t.database.raw.query(`update outgoing_emails set status = 'sending' where workspace_id = $1 and status = 'queued'`, [admin.workspaceId]);
    await runSendJobs(admin.workspaceId);
    expect(provider.delivered.length).toBe(before);
  });

  it('mails no deactivated member', async () => {
    const gone = await addMember(t.app, admin, 'sales');
    await call('POST', '/tasks', { title: 'Left the company', dueAt: '2026-11-26T10:00:00Z', remindAt: '2026-11-26T09:00:00Z' }, gone);
    expect((await call('POST', `/members/${gone.userId}/deactivate`)).statusCode).toBe(200);
    expect(await sendDueReminders(deps(), new Date('2026-11-26T09:00:00Z'))).toBe(1);
    const { rows } = await t.database.raw.query(`select 1 from outgoing_emails where workspace_id = $1 and user_id = $2`, [admin.workspaceId, gone.userId]);
    expect(rows).toHaveLength(0);
  });

  it('sends no mail in a workspace without a mail account, and still reminds in the app', async () => {
    const other = await signUpWorkspace(t.app, 'No mail 没有邮箱');
    await call('POST', '/tasks', { title: 'Only in the app', dueAt: '2026-11-25T10:00:00Z', remindAt: '2026-11-25T09:00:00Z' }, other);
    expect(await sendDueReminders(deps(), new Date('2026-11-25T09:00:00Z'))).toBe(1);
    expect(await runSendJobs(other.workspaceId)).toBe(0);
  });

  it('writes the mail in each language', () => {
    const task = { id: 'x', title: '报价', notes: null, due_at: null };
    expect(reminderMail('zh-CN', 'Asia/Shanghai', task, 'https://crm.example').subject).toBe('提醒：报价');
    expect(reminderMail('zh-CN', 'Asia/Shanghai', task, 'https://crm.example').body).toContain('我的任务：https://crm.example/tasks');
    expect(reminderMail('en', 'UTC', task, 'https://crm.example').body).toContain('No due time');
  });
});
