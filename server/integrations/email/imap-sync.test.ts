import fs from 'node:fs';
import iconv from 'iconv-lite';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetPath } from '../../../test/datasets.js';
import { dovecotMissing, startDovecot, type Dovecot } from '../../../test/dovecot.js';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { enqueueDueSyncs } from '../../modules/interactions/index.js';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import { syncMailbox } from './imap-sync.js';

const skipReason = dovecotMissing();
if (skipReason) console.warn(skipReason);

const SALES = { user: 'sales@huaxia.example', password: 'imap-secret 1' };
const OTHER = { user: 'other@elsewhere.example', password: 'other-secret' };
let imap: Dovecot;
let t: TestApp;
let admin: SignedIn;
let mailboxId: string;

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, language = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': language }, ...(payload ? { payload } : {}) });

/** Puts a message into a folder of the test server as a mail client would (APPEND). */
async function append(account: { user: string; password: string }, folder: string, raw: Buffer | string, date?: Date) {
  const client = new ImapFlow({ host: imap.host, port: imap.port, secure: false, doSTARTTLS: false, auth: { user: account.user, pass: account.password }, logger: false });
  await client.connect();
  try {
    await client.append(folder, raw, ['\\Seen'], date);
  } finally {
    await client.logout();
  }
}
const fixture = (name: string) => fs.readFileSync(datasetPath('email', name));

/** Runs a sync of the mailbox now and returns its job. */
async function sync(id = mailboxId, who = admin) {
  const queued = await call('POST', `/mailboxes/${id}/sync`, undefined, who);
  expect(queued.statusCode, queued.body).toBe(202);
  await t.app.jobs.run(who.workspaceId, queued.json().jobId);
  return (await call('GET', `/jobs/${queued.json().jobId}`, undefined, who)).json();
}
const contactByEmail = async (email: string) => (await call('GET', `/contacts?filter=${encodeURIComponent(`email:eq:${email}`)}`)).json().data[0] as { id: string; name: string } | undefined;
const timelineOf = async (contactId: string) => (await call('GET', `/timeline?recordType=contact&recordId=${contactId}`)).json().data as Record<string, unknown>[];
const emailCount = async (workspaceId: string) =>
  Number((await t.database.raw.query<{ n: string }>(`select count(*) as n from interactions where workspace_id = $1 and channel = 'email'`, [workspaceId])).rows[0]!.n);

const gbkMessage = (id: string, extra: string[], subject: string, body: string, from = '=?GBK?B?' + iconv.encode('陈静', 'gbk').toString('base64') + '?= <chen.jing@customer.cn>', to = SALES.user) =>
  [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: =?GBK?B?${iconv.encode(subject, 'gbk').toString('base64')}?=`,
    `Message-ID: ${id}`,
    'Date: Mon, 23 Nov 2026 09:30:00 +0800',
    ...extra,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=GBK',
    'Content-Transfer-Encoding: base64',
    '',
    iconv.encode(body, 'gbk').toString('base64'),
    '',
  ].join('\r\n');

describe.skipIf(Boolean(skipReason))('IMAP mailbox sync against a real Dovecot server', () => {
  beforeAll(async () => {
    imap = await startDovecot([SALES, OTHER]);
    t = await createTestApp();
    admin = await signUpWorkspace(t.app);
    // A known customer; the other senders are unknown and become contacts (the mailbox asks for it).
    await call('POST', '/contacts', { name: '陈静', email: 'chen.jing@customer.cn' });
    await append(SALES, 'INBOX', gbkMessage('<q-1@customer.cn>', [], '询价：工业路由器 50 台', '您好，请报价 50 台。\r\n陈静'));
    await append(SALES, 'INBOX', fixture('spamscope-mail-parser/mail_test_9.eml'));
    await append(SALES, 'INBOX', fixture('mikel-mail/error_emails/content_transfer_encoding_empty.eml'));
    await append(SALES, 'INBOX', fixture('mikel-mail/attachment_emails/attachment_pdf.eml'));
    await append(SALES, 'INBOX', fixture('mikel-mail/attachment_emails/attachment_nonascii_filename.eml'));
    // Older than the first sync's window: left alone.
    await append(SALES, 'INBOX', gbkMessage('<old@customer.cn>', [], '去年的邮件', '旧'), new Date(Date.now() - 400 * 86_400_000));
    // The reply the user sent from their own mail client, kept in the folder the server flags \Sent.
    await append(SALES, 'Sent', gbkMessage('<a-1@huaxia.example>', ['In-Reply-To: <q-1@customer.cn>', 'References: <q-1@customer.cn>'], '回复：询价', '陈女士您好，报价见附件。', `华夏销售 <${SALES.user}>`, 'chen.jing@customer.cn'));
  });
  afterAll(async () => {
    await t?.close();
    await imap?.stop();
  });

  it('keeps the password sealed and tests the connection, listing INBOX and the \\Sent folder', async () => {
    const created = await call('POST', '/mailboxes', { personal: true, address: SALES.user, host: imap.host, port: imap.port, tls: 'none', username: SALES.user, password: SALES.password, createContacts: true });
    expect(created.statusCode, created.body).toBe(201);
    mailboxId = created.json().id;
    expect(created.json()).toMatchObject({ userId: admin.userId, folders: null, createContacts: true, initialSyncDays: 30, enabled: true, lastSyncAt: null, lastError: null, syncJob: null });
    expect(created.body).not.toContain(SALES.password);
    const { rows } = await t.database.raw.query<{ password_sealed: string }>('select password_sealed from mailboxes where id = $1', [mailboxId]);
    expect(rows[0]!.password_sealed).toMatch(/^v1:/);

    const tested = await call('POST', `/mailboxes/${mailboxId}/test`);
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.json().folders).toEqual(expect.arrayContaining([{ path: 'INBOX', specialUse: '\\Inbox' }, { path: 'Sent', specialUse: '\\Sent' }]));
  });

  it('logs INBOX and Sent on the right timelines: decoded GBK, GB2312, Big5 and quoted-printable, attachments kept, replies threaded', async () => {
    const job = await sync();
    expect(job, JSON.stringify(job)).toMatchObject({ state: 'succeeded', result: { fetched: 6, remaining: 0 }, progress: 6, total: 6 });

    const chen = (await contactByEmail('chen.jing@customer.cn'))!;
    const items = await timelineOf(chen.id);
    expect(items.map((i) => [i.subject, i.direction])).toEqual(
      expect.arrayContaining([
        ['询价：工业路由器 50 台', 'inbound'],
        ['回复：询价', 'outbound'],
      ]),
    );
    expect(items).toHaveLength(2);
    const question = items.find((i) => i.externalId === '<q-1@customer.cn>')!;
    const reply = items.find((i) => i.externalId === '<a-1@huaxia.example>')!;
    expect(question.body).toContain('请报价 50 台');
    expect(reply.threadId).toBe(question.threadId);
    expect(reply.body).toContain('报价见附件');

    // GB2312 (base64) and Big5 (8-bit, no transfer encoding) senders were unknown: they became contacts.
    const gb2312 = (await contactByEmail('zyb@sgis.com.cn'))!;
    expect(gb2312).toMatchObject({ name: 'xwfcpggy' });
    const [gbItem] = await timelineOf(gb2312.id);
    expect(gbItem!.subject).toMatch(/^我把镜头拉近些/);
    const big5 = (await contactByEmail('3712f2@msa.hinet.net'))!;
    const [big5Item] = await timelineOf(big5.id);
    expect(`${big5Item!.subject} ${big5Item!.body}`).toMatch(/\p{Script=Han}/u);

    // Quoted-printable subject with emoji, and a base64 PDF attachment kept as a file.
    const pdfSender = (await contactByEmail('xxxx@xxxx.com'))!;
    const pdfItem = (await timelineOf(pdfSender.id)).find((i) => i.externalId === '<xxxx@xxxx.com>')!;
    expect(pdfItem.subject).toBe('Another PDF with 🎉 Unicode chars in it 🍿');
    const [pdf] = pdfItem.attachments as { name: string; contentType: string; fileId: string; size: number }[];
    expect(pdf).toMatchObject({ name: 'broken.pdf', contentType: 'application/pdf', size: 1026 });
    const download = await t.app.inject({ method: 'GET', url: `/api/v1/files/${pdf!.fileId}`, headers: { cookie: admin.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const [nonAscii] = (await timelineOf((await contactByEmail('foo@example.com'))!.id))[0]!.attachments as { name: string }[];
    expect(nonAscii!.name).toBe('ciële.txt');

    // Outside the 30-day window of the first sync.
    expect(JSON.stringify(items)).not.toContain('去年的邮件');
    const mailbox = (await call('GET', `/mailboxes/${mailboxId}`)).json();
    expect(mailbox).toMatchObject({ lastError: null, syncedFolders: ['INBOX', 'Sent'], syncJob: { state: 'succeeded', progress: 6, total: 6 } });
    expect(mailbox.lastSyncAt).not.toBeNull();
  });

  it('adds nothing on a second sync, picks up new mail, and resyncs without duplicates after UIDVALIDITY changes', async () => {
    const before = await emailCount(admin.workspaceId);
    expect(await sync()).toMatchObject({ state: 'succeeded', result: { fetched: 0, logged: 0 } });
    expect(await emailCount(admin.workspaceId)).toBe(before);

    await append(SALES, 'INBOX', gbkMessage('<q-2@customer.cn>', ['In-Reply-To: <a-1@huaxia.example>', 'References: <q-1@customer.cn> <a-1@huaxia.example>'], '回复：回复：询价', '数量改为 80 台，谢谢。'));
    expect(await sync()).toMatchObject({ state: 'succeeded', result: { fetched: 1, logged: 1 } });
    const chen = (await contactByEmail('chen.jing@customer.cn'))!;
    const items = await timelineOf(chen.id);
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i) => i.threadId)).size).toBe(1);

    // The server renumbered its folders (a restore, a migration): everything in the window is read again, nothing logged twice.
    await t.database.raw.query(`update mailboxes set folder_state = jsonb_set(folder_state, '{INBOX,uidValidity}', '"1"') where id = $1`, [mailboxId]);
    expect(await sync()).toMatchObject({ state: 'succeeded', result: { fetched: 6, logged: 6 } });
    expect(await emailCount(admin.workspaceId)).toBe(before + 1);
  });

  it('resumes after a crash mid-sync at the first message not committed, logging none twice', async () => {
    for (const n of [3, 4, 5]) await append(SALES, 'INBOX', gbkMessage(`<q-${n}@customer.cn>`, [], `第${n}封`, `正文 ${n}`));
    const before = await emailCount(admin.workspaceId);
    // The worker dies right after the second message committed (progress is reported after each commit).
    const ctx = (await contextOfMember(t.database, admin.workspaceId, admin.userId))!;
    const crash = new Error('worker killed');
    const dying = (done: number) => (done === 2 ? Promise.reject(crash) : Promise.resolve());
    await expect(syncMailbox(t.database, t.app.secrets, ctx, mailboxId, dying)).rejects.toBe(crash);
    expect(await emailCount(admin.workspaceId)).toBe(before + 2);

    expect(await sync()).toMatchObject({ state: 'succeeded', result: { fetched: 1, logged: 1 } });
    expect(await emailCount(admin.workspaceId)).toBe(before + 3);
    const subjects = (await timelineOf((await contactByEmail('chen.jing@customer.cn'))!.id)).map((i) => i.subject);
    expect(subjects.filter((s) => String(s).match(/^第[345]封$/)).sort()).toEqual(['第3封', '第4封', '第5封']);
  });

  it('answers a bad password or an unreachable host with a translated error, recorded on the mailbox without a crash', async () => {
    expect((await call('PATCH', `/mailboxes/${mailboxId}`, { password: 'wrong' })).statusCode).toBe(200);
    const refused = await call('POST', `/mailboxes/${mailboxId}/test`, undefined, admin, 'zh-CN');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'MAILBOX_LOGIN_FAILED', detail: `邮件服务器 127.0.0.1 拒绝了 ${SALES.user} 的用户名或密码。` });
    const failed = await sync();
    expect(failed.state).toBe('failed');
    expect((await call('GET', `/mailboxes/${mailboxId}`)).json().lastError).toMatchObject({ code: 'MAILBOX_LOGIN_FAILED', params: { host: '127.0.0.1' } });

    const closed = await call('PATCH', `/mailboxes/${mailboxId}`, { password: SALES.password, port: 1 });
    expect(closed.json().syncedFolders).toEqual([]);
    const unreachable = await call('POST', `/mailboxes/${mailboxId}/test`);
    expect(unreachable.json()).toMatchObject({ code: 'MAILBOX_UNREACHABLE', detail: expect.stringContaining('127.0.0.1:1') });

    // Back to the right port: the sync starts afresh and logs nothing twice.
    const before = await emailCount(admin.workspaceId);
    await call('PATCH', `/mailboxes/${mailboxId}`, { port: imap.port, folders: ['INBOX', 'Missing'] });
    expect((await sync()).state).toBe('failed');
    expect((await call('GET', `/mailboxes/${mailboxId}`)).json().lastError).toMatchObject({ code: 'MAILBOX_FOLDER_NOT_FOUND', params: { folder: 'Missing' } });
    await call('PATCH', `/mailboxes/${mailboxId}`, { folders: null });
    expect(await sync()).toMatchObject({ state: 'succeeded' });
    expect((await call('GET', `/mailboxes/${mailboxId}`)).json().lastError).toBeNull();
    expect(await emailCount(admin.workspaceId)).toBe(before);
  });

  it('queues due syncs from the sweep, once while one is waiting', async () => {
    const enqueue = t.app.jobs.enqueue.bind(t.app.jobs);
    const dispatched: string[] = [];
    const dispatch = async (jobId: string) => void dispatched.push(jobId);
    expect(await enqueueDueSyncs(t.database, enqueue, dispatch, 5 * 60_000, new Date(), admin.workspaceId)).toBe(0);
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await enqueueDueSyncs(t.database, enqueue, dispatch, 5 * 60_000, later, admin.workspaceId)).toBeGreaterThanOrEqual(1);
    expect(await enqueueDueSyncs(t.database, enqueue, dispatch, 5 * 60_000, later, admin.workspaceId)).toBe(0);
    const mailbox = (await call('GET', `/mailboxes/${mailboxId}`)).json();
    expect(dispatched).toContain(mailbox.syncJob.id);
    expect(mailbox.syncJob.state).toBe('queued');
    await t.app.jobs.run(admin.workspaceId, mailbox.syncJob.id);

    // A refused login waits for new credentials instead of knocking every few minutes.
    await t.database.raw.query(`update mailboxes set last_error = '{"code": "MAILBOX_LOGIN_FAILED"}' where id = $1`, [mailboxId]);
    const muchLater = new Date(Date.now() + 60 * 60_000);
    expect(await enqueueDueSyncs(t.database, enqueue, dispatch, 5 * 60_000, muchLater, admin.workspaceId)).toBe(0);
    expect((await call('PATCH', `/mailboxes/${mailboxId}`, { password: SALES.password })).json().lastError).toBeNull();
    expect(await enqueueDueSyncs(t.database, enqueue, dispatch, 5 * 60_000, muchLater, admin.workspaceId)).toBe(1);
  });

  it('keeps mailboxes to their owners and workspaces', async () => {
    const member = await addMember(t.app, admin, 'sales');
    expect((await call('GET', `/mailboxes/${mailboxId}`, undefined, member)).statusCode).toBe(404);
    expect((await call('GET', '/mailboxes', undefined, member)).json().data).toEqual([]);
    const shared = { address: OTHER.user, host: imap.host, port: imap.port, tls: 'none', username: OTHER.user, password: OTHER.password };
    expect((await call('POST', '/mailboxes', { personal: false, ...shared }, member)).statusCode).toBe(403);
    const own = await call('POST', '/mailboxes', { personal: true, ...shared }, member);
    expect(own.statusCode, own.body).toBe(201);
    // A deactivated member's mailbox is not synced (it would run as them); back when they are reactivated.
    const sweep = () => enqueueDueSyncs(t.database, t.app.jobs.enqueue.bind(t.app.jobs), async () => {}, 5 * 60_000, new Date(Date.now() + 3 * 60 * 60_000), admin.workspaceId);
    expect((await call('POST', `/members/${member.userId}/deactivate`)).statusCode).toBe(200);
    expect(await sweep()).toBe(0);
    expect((await call('POST', `/members/${member.userId}/reactivate`)).statusCode).toBe(200);
    expect(await sweep()).toBe(1);
    expect((await call('DELETE', `/mailboxes/${own.json().id}`, undefined, member)).statusCode).toBe(204);

    const stranger = await signUpWorkspace(t.app, '别家公司');
    expect((await call('GET', '/mailboxes', undefined, stranger)).json().data).toEqual([]);
    for (const [method, url] of [['GET', ''], ['PATCH', ''], ['DELETE', ''], ['POST', '/test'], ['POST', '/sync']] as const) {
      const res = await call(method, `/mailboxes/${mailboxId}${url}`, method === 'PATCH' ? { enabled: false } : undefined, stranger);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect(await emailCount(stranger.workspaceId)).toBe(0);
  });

  it('refuses bad input naming the field', async () => {
    const bad = await call('POST', '/mailboxes', { personal: true, address: 'not-an-address', host: '', port: 70000, tls: 'ssl', username: 'x', password: 'y' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['address', 'host', 'port', 'tls']));
    const patch = await call('PATCH', `/mailboxes/${mailboxId}`, { initialSyncDays: 0, folders: 'INBOX', secret: 1 });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['initialSyncDays', 'folders']));
  });
});
