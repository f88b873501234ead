import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetPath } from '../../../test/datasets.js';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { startInboundSmtp } from './inbound-smtp.js';
import { parseEmail } from './parse.js';

const DOMAIN = 'in.guanxi.test';
let t: TestApp;
let admin: SignedIn;
let smtp: Awaited<ReturnType<typeof startInboundSmtp>>;
let inbox: string;
let contactId: string;

const call = (method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: admin.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  smtp = await startInboundSmtp({ host: '127.0.0.1', port: 0, domain: DOMAIN, maxBytes: 2 * 1024 * 1024, database: t.database, log: t.app.log });
  contactId = (await call('POST', '/contacts', { name: '陈静', email: 'chen.jing@customer.cn' })).json().id;
  const token = (await call('GET', '/email/inbox')).json().address.split('@')[0];
  inbox = `${token}@${DOMAIN}`;
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

/** A real SMTP client session against the listener on loopback. */
const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, tls: { rejectUnauthorized: false } });
const timelineOf = async (id: string) => (await call('GET', `/timeline?recordType=contact&recordId=${id}`)).json().data as Record<string, unknown>[];

describe('inbound e-mail over SMTP', () => {
  it('logs mail to the workspace address on the sender’s timeline, with its attachment, once per Message-ID', async () => {
    const message = {
      from: '陈静 <chen.jing@customer.cn>',
      to: inbox,
      subject: '询价：工业路由器 50 台',
      text: '您好，请报价。\n陈静',
      messageId: '<q-1@customer.cn>',
      attachments: [{ filename: '需求清单.txt', content: '路由器 x50' }],
    };
    await transport().sendMail(message);
    await transport().sendMail(message);
    const items = await timelineOf(contactId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'email', channel: 'email', direction: 'inbound', subject: '询价：工业路由器 50 台', externalId: '<q-1@customer.cn>' });
    expect(String(items[0]!.body)).toContain('请报价');
    // The workspace's forwarding address is how it came in, not a participant.
    expect(JSON.stringify(items[0]!.participants)).not.toContain(DOMAIN);
    const [file] = items[0]!.attachments as { name: string; fileId: string }[];
    expect(file!.name).toBe('需求清单.txt');
    const download = await t.app.inject({ method: 'GET', url: `/api/v1/files/${file!.fileId}`, headers: { cookie: admin.cookie } });
    expect(download.body).toBe('路由器 x50');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");
  });

  it('threads a reply by In-Reply-To, decodes a GBK body and header, and logs the member’s own reply as outbound', async () => {
    const gbk = [
      'From: =?GBK?B?' + iconv.encode('陈静', 'gbk').toString('base64') + '?= <chen.jing@customer.cn>',
      `To: ${inbox}`,
      'Subject: =?GBK?B?' + iconv.encode('回复：询价', 'gbk').toString('base64') + '?=',
      'Message-ID: <q-2@customer.cn>',
      'In-Reply-To: <q-1@customer.cn>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=GBK',
      'Content-Transfer-Encoding: base64',
      '',
      iconv.encode('数量改为 80 台，谢谢。', 'gbk').toString('base64'),
      '',
    ].join('\r\n');
    await transport().sendMail({ envelope: { from: 'chen.jing@customer.cn', to: [inbox] }, raw: gbk });
    // The member answers from their own mailbox with the CRM in BCC.
    await transport().sendMail({ from: admin.email, to: 'chen.jing@customer.cn', bcc: inbox, subject: 'Re: 回复：询价', text: '好的。', messageId: '<a-1@us.example>', references: ['<q-1@customer.cn>', '<q-2@customer.cn>'] });
    const items = await timelineOf(contactId);
    const bySubject = (subject: string) => (items as { subject: string; threadId: string; direction: string; body: string }[]).find((i) => i.subject === subject);
    const [first, reply, answer] = ['询价：工业路由器 50 台', '回复：询价', 'Re: 回复：询价'].map(bySubject);
    expect(reply).toMatchObject({ subject: '回复：询价', body: '数量改为 80 台，谢谢。', direction: 'inbound' });
    expect(answer).toMatchObject({ subject: 'Re: 回复：询价', direction: 'outbound' });
    expect(new Set([first!.threadId, reply!.threadId, answer!.threadId]).size).toBe(1);
  });

  it('creates a contact for an unknown sender, and refuses mail for an address it does not have', async () => {
    await transport().sendMail({ from: 'New Lead <lead@prospect.example>', to: inbox, subject: 'Interested', text: 'Call me', messageId: '<n-1@prospect.example>' });
    const found = (await call('GET', `/contacts?filter=${encodeURIComponent('email:eq:lead@prospect.example')}`)).json().data;
    expect(found).toMatchObject([{ name: 'New Lead', source: 'email' }]);
    expect(await timelineOf(found[0].id)).toHaveLength(1);
    await expect(transport().sendMail({ from: 'x@y.example', to: `nobody@${DOMAIN}`, subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 550 });
  });

  it('parses every e-mail fixture without failing, decoding GB2312 and Big5', async () => {
    const root = datasetPath('email');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const mail = await parseEmail(fs.readFileSync(path.join(root, file)));
      expect(mail.raw.length, file).toBeGreaterThan(0);
    }
    const gb2312 = await parseEmail(fs.readFileSync(path.join(root, 'spamscope-mail-parser/mail_test_9.eml')));
    expect(gb2312.subject).toMatch(/\p{Script=Han}/u);
    const big5 = await parseEmail(fs.readFileSync(path.join(root, 'mikel-mail/error_emails/content_transfer_encoding_empty.eml')));
    expect(`${big5.subject} ${big5.text}`).toMatch(/\p{Script=Han}/u);
  });
});
