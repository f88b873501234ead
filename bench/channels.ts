/**
 * `npm run bench:channels`: the timeline and inbound mail at size (embedded database in memory, or
 * DATABASE_URL's server). Not a test: it prints figures beside raw baselines and fails only when something
 * cannot run.
 *
 *  1. BENCH_TIMELINE_ITEMS interactions (10,000) logged through the product on ONE account's contact, so the
 *     account's timeline holds them all (roll-up); the logging rate.
 *  2. The account's timeline: first page and a page deep by cursor, beside the raw index read of the links.
 *  3. BENCH_MAILS inbound mails (500) parsed and logged (mailparser + ingestEmail), messages per second,
 *     and the same mails over SMTP through the real listener (nodemailer client on loopback).
 */
import nodemailer from 'nodemailer';
import { openDatabase } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { asSystem, inWorkspace } from '../server/db/transaction.js';
import { signUp } from '../server/platform/auth/auth.service.js';
import { contextOfMember } from '../server/platform/auth/context-loader.js';
import { createAccount, createContact } from '../server/modules/customers/index.js';
import { linkContact } from '../server/modules/customers/account-contacts.service.js';
import { inboxOf, ingestEmail, logInteraction, timelineOf } from '../server/modules/interactions/index.js';
import { startInboundSmtp } from '../server/integrations/email/inbound-smtp.js';
import { parseEmail } from '../server/integrations/email/parse.js';
import { elapsed, ms, percentile, table } from './pg-people.js';

const ITEMS = Number(process.env.BENCH_TIMELINE_ITEMS ?? 10_000);
const MAILS = Number(process.env.BENCH_MAILS ?? 500);
const READS = Number(process.env.BENCH_QUERIES ?? 200);
const silentLog = { info() {}, error() {}, warn() {}, debug() {} } as never;

const rawMail = (i: number, to: string) =>
  Buffer.from(
    [
      `From: =?UTF-8?B?${Buffer.from('陈静').toString('base64')}?= <chen.jing@customer.cn>`,
      `To: ${to}`,
      `Subject: =?UTF-8?B?${Buffer.from(`询价 #${i}`).toString('base64')}?=`,
      `Message-ID: <bench-${process.pid}-${i}@customer.cn>`,
      `Date: ${new Date(Date.UTC(2026, 10, 1) + i * 60_000).toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(`您好，请报价 ${i}。\n陈静`).toString('base64'),
      '',
    ].join('\r\n'),
  );

async function main(): Promise<void> {
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
  await runMigrations(database);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const { workspaceId, userId } = await asSystem(database.db, (tx) => signUp(tx, { workspaceName: 'Bench 渠道', name: 'Bench 管理员', email: `channels.${stamp}@bench.guanxi.dev`, password: `bench password ${stamp}` }));
  const ctx = (await contextOfMember(database, workspaceId, userId))!;
  const run = <T>(fn: Parameters<typeof inWorkspace<T>>[2]) => inWorkspace(database.db, workspaceId, fn);
  try {
    const account = await run((tx) => createAccount(tx, ctx, { name: '华为技术有限公司' }));
    const contact = await run((tx) => createContact(tx, ctx, { name: '陈静', email: 'chen.jing@customer.cn' }));
    await run((tx) => linkContact(tx, ctx, account.id, contact.id, { role: 'decision_maker' }));

    // 1. Logging through the product, 100 per transaction.
    const [, logMs] = await elapsed(async () => {
      for (let done = 0; done < ITEMS; done += 100) {
        await run(async (tx) => {
          for (let i = done; i < Math.min(ITEMS, done + 100); i++) {
            await logInteraction(tx, ctx, { type: i % 3 === 0 ? 'call' : 'note', channel: i % 3 === 0 ? 'phone' : 'other', subject: `第 ${i} 次`, occurredAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000), participants: [{ kind: 'contact', id: contact.id }] });
          }
        });
      }
    });
    if (database.kind === 'postgres') await database.raw.exec('analyze interaction_links; analyze interactions');

    // 2. Reading the account's timeline.
    const first: number[] = [];
    const rawFirst: number[] = [];
    const deep: number[] = [];
    let cursor: string | null = null;
    const ref = { recordType: 'account', recordId: account.id };
    for (let i = 0; i < 5; i++) await run((tx) => timelineOf(tx, ctx, ref, { limit: 50 }));
    for (let i = 0; i < READS; i++) {
      first.push((await elapsed(() => run((tx) => timelineOf(tx, ctx, ref, { limit: 50 }))))[1]);
      rawFirst.push(
        (
          await elapsed(() =>
            database.raw.query(
              `select i.* from interaction_links l join interactions i on i.workspace_id = l.workspace_id and i.id = l.interaction_id
                where l.workspace_id = $1 and l.record_type = 'account' and l.record_id = $2 order by l.occurred_at desc, l.interaction_id desc limit 51`,
              [workspaceId, account.id],
            ),
          )
        )[1],
      );
      const [page, t] = await elapsed(() => run((tx) => timelineOf(tx, ctx, ref, { limit: 50, ...(cursor ? { cursor } : {}) })));
      deep.push(t);
      cursor = page.nextCursor;
    }

    // 3. Inbound mail: parsing + logging in-process, then through the SMTP listener.
    const inbox = await run((tx) => inboxOf(tx, ctx));
    const address = `${inbox.token}@bench.guanxi.test`;
    const [, ingestMs] = await elapsed(async () => {
      for (let i = 0; i < MAILS; i++) {
        const mail = await parseEmail(rawMail(i, address));
        await run((tx) => ingestEmail(tx, ctx, mail, { createContacts: true }));
      }
    });
    const smtp = await startInboundSmtp({ host: '127.0.0.1', port: 0, domain: 'bench.guanxi.test', maxBytes: 10 * 1024 * 1024, database, log: silentLog });
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 2 });
    const [, smtpMs] = await elapsed(async () => {
      for (let i = MAILS; i < 2 * MAILS; i += 2) {
        await Promise.all([i, i + 1].map((n) => transport.sendMail({ envelope: { from: 'chen.jing@customer.cn', to: [address] }, raw: rawMail(n, address) })));
      }
    });
    transport.close();
    await smtp.close();

    table(`Timeline and inbound mail (${database.kind === 'postgres' ? 'PostgreSQL server' : 'embedded PGlite'})`, ['what', 'figure', 'baseline'], [
      [`log ${ITEMS} interactions on one account's contact (100 per transaction)`, `${Math.round(ITEMS / (logMs / 1000))} /s`, ''],
      [`account timeline, first page of 50 (of ${ITEMS}): p50 / p95`, `${ms(percentile(first, 50))} / ${ms(percentile(first, 95))} ms`, `raw join: ${ms(percentile(rawFirst, 50))} / ${ms(percentile(rawFirst, 95))} ms`],
      ['account timeline, next pages by cursor (walking down): p50 / p95', `${ms(percentile(deep, 50))} / ${ms(percentile(deep, 95))} ms`, ''],
      [`inbound mail parsed and logged in-process (${MAILS})`, `${(MAILS / (ingestMs / 1000)).toFixed(0)} mails/s`, ''],
      [`inbound mail over SMTP on loopback (${MAILS}, 2 connections)`, `${(MAILS / (smtpMs / 1000)).toFixed(0)} mails/s`, ''],
    ]);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
