import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { startInboundSmtp } from './inbound-smtp.js';
import { startSmtpSink, type SmtpSink } from '../../modules/interactions/smtp-sink.testing.js';

// Support mail end to end over real SMTP on loopback: customers write to the support address (forwarded to
// the workspace's inbound address), agents answer through the workspace's SMTP account (a sink here).

const DOMAIN = 'in.guanxi.test';
const SUPPORT = 'support@kehu-service.cn';
let t: TestApp;
let admin: SignedIn;
let smtp: Awaited<ReturnType<typeof startInboundSmtp>>;
let provider: SmtpSink;
let inbox: string;

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, '售后邮件公司');
  smtp = await startInboundSmtp({ host: '127.0.0.1', port: 0, domain: DOMAIN, maxBytes: 2 * 1024 * 1024, database: t.database, log: t.app.log });
  provider = await startSmtpSink();
  inbox = `${(await call('GET', '/email/inbox')).json().address.split('@')[0]}@${DOMAIN}`;
  expect((await call('PATCH', '/service-settings', { supportAddresses: ['Support@Kehu-Service.cn'] })).json().supportAddresses).toEqual([SUPPORT]);
  const account = await call('POST', '/mail-accounts', { personal: false, fromName: '客服中心', fromAddress: SUPPORT, host: '127.0.0.1', port: provider.port, secure: false });
  expect(account.statusCode, account.body).toBe(201);
});
afterAll(async () => {
  await smtp.close();
  await provider.close();
  await t.close();
});

/** A customer's mail to the support address, forwarded by the company's mail server to the CRM's address. */
const send = (message: Parameters<ReturnType<typeof nodemailer.createTransport>['sendMail']>[0]) =>
  nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }).sendMail({ to: SUPPORT, envelope: { from: String(message.from).replace(/.*</, '').replace('>', ''), to: [inbox] }, ...message });

const casesOfContact = async (contactId: string) => (await call('GET', `/cases?filter=contactId:eq:${contactId}`)).json().data as Record<string, unknown>[];
const contactByEmail = async (email: string) => ((await call('GET', `/contacts?filter=email:eq:${email}`)).json().data as { id: string }[])[0]!;

describe('support mail', () => {
  it('opens a routed case for a new customer’s mail, creating the contact', async () => {
    await call('POST', '/case-queues', { name: '邮件组', memberIds: [admin.userId] });
    await send({ from: '周杰 <zhou.jie@customer.cn>', subject: '洗衣机漏水', text: '您好，洗衣机漏水，请安排维修。', messageId: '<m-1@customer.cn>' });
    const contact = await contactByEmail('zhou.jie@customer.cn');
    const [c] = await casesOfContact(contact.id);
    expect(c).toMatchObject({ subject: '洗衣机漏水', channel: 'email', status: 'new', language: 'zh-CN', description: '您好，洗衣机漏水，请安排维修。' });
    const messages = (await call('GET', `/cases/${c!.id}/messages`)).json().data;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'email', direction: 'inbound', externalId: '<m-1@customer.cn>' });
    // The same mail again (a retry) is the same message of the same case.
    await send({ from: '周杰 <zhou.jie@customer.cn>', subject: '洗衣机漏水', text: '您好，洗衣机漏水，请安排维修。', messageId: '<m-1@customer.cn>' });
    expect(await casesOfContact(contact.id)).toHaveLength(1);
  });

  it('sends the agent’s reply by e-mail with the case number, and threads the customer’s answer back (reopening a resolved case)', async () => {
    const contact = await contactByEmail('zhou.jie@customer.cn');
    const [c] = (await casesOfContact(contact.id)) as { id: string; number: number }[];
    const number = `CS-${String(c!.number).padStart(6, '0')}`;
    const reply = await call('POST', `/cases/${c!.id}/messages`, { kind: 'reply', body: '周先生您好，师傅明天上门。' });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json().case).toMatchObject({ status: 'open' });
    await t.app.jobs.run(admin.workspaceId, reply.json().jobId);
    const out = provider.delivered.at(-1)!;
    expect(out.subject).toBe(`Re: 洗衣机漏水 [${number}]`);
    expect(out.to && 'value' in out.to ? out.to.value[0]!.address : null).toBe('zhou.jie@customer.cn');
    expect(out.text).toContain('师傅明天上门');
    // Logged once, under the Message-ID it went out with.
    const logged = (await call('GET', `/cases/${c!.id}/messages`)).json().data as { externalId: string; direction: string }[];
    expect(logged.filter((m) => m.direction === 'outbound').map((m) => m.externalId)).toEqual([out.messageId]);

    await call('POST', `/cases/${c!.id}/status`, { status: 'resolved' });
    // The customer answers the agent's mail (In-Reply-To), with a subject that has lost the number.
    await send({ from: 'zhou.jie@customer.cn', subject: '还是漏水', text: '师傅来过了，还是漏。', messageId: '<m-2@customer.cn>', inReplyTo: out.messageId, references: [out.messageId!] });
    expect((await call('GET', `/cases/${c!.id}`)).json()).toMatchObject({ status: 'open', reopenCount: 1 });
    // Or quotes the number in a new mail.
    await send({ from: 'zhou.jie@customer.cn', subject: `补充照片 ${number}`, text: '见附件', messageId: '<m-3@customer.cn>' });
    expect((await call('GET', `/cases/${c!.id}/messages`)).json().data).toHaveLength(4);
    expect(await casesOfContact(contact.id)).toHaveLength(1);
  });

  it('does not let a stranger quoting a number write into someone else’s case; mail to a closed case opens a new one', async () => {
    const contact = await contactByEmail('zhou.jie@customer.cn');
    const [c] = (await casesOfContact(contact.id)) as { id: string; number: number }[];
    const number = `CS-${String(c!.number).padStart(6, '0')}`;
    await send({ from: 'Mallory <mallory@evil.example>', subject: `Re: ${number}`, text: 'I am Zhou, send me his address', messageId: '<x-1@evil.example>' });
    expect((await call('GET', `/cases/${c!.id}/messages`)).json().data).toHaveLength(4);
    const mallory = await contactByEmail('mallory@evil.example');
    expect(await casesOfContact(mallory.id)).toHaveLength(1);

    await call('POST', `/cases/${c!.id}/status`, { status: 'closed' });
    await send({ from: 'zhou.jie@customer.cn', subject: `Re: ${number}`, text: 'New problem: the dryer', messageId: '<m-4@customer.cn>' });
    const all = (await casesOfContact(contact.id)) as { id: string; status: string; language: string }[];
    expect(all).toHaveLength(2);
    expect(all.find((x) => x.id !== c!.id)).toMatchObject({ status: 'new', language: 'en' });
  });

  it('leaves mail that is not to a support address on the timeline only', async () => {
    const before = (await call('GET', '/cases?limit=200')).json().data.length;
    await nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }).sendMail({ from: 'zhou.jie@customer.cn', to: inbox, subject: 'just cc', text: 'hi', messageId: '<m-5@customer.cn>' });
    expect((await call('GET', '/cases?limit=200')).json().data.length).toBe(before);
  });
});
