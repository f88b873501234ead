import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { startSmtpSink, type SmtpSink } from '../interactions/smtp-sink.testing.js';
import { quoteAmounts } from '../../../contracts/quote-math.js';

let t: TestApp;
let admin: SignedIn;
let manager: SignedIn;
let rep: SignedIn;
let otherRep: SignedIn;
let other: SignedIn;
let smtp: SmtpSink;

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, lang = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': lang }, ...(payload ? { payload } : {}) });
const ok = async (method: string, url: string, payload?: object, who: SignedIn = admin, status = 200) => {
  const res = await call(method, url, payload, who);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};

/** The text of every page of a PDF, as a reader extracts it. */
async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return pages.join('\n');
}

let product: { id: string };
let cheap: { id: string };
let deal: { id: string; pipelineId: string };
let account: { id: string };
let contact: { id: string };

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, '华夏贸易 Quotes');
  manager = await addMember(t.app, admin, 'manager');
  rep = await addMember(t.app, admin, 'sales');
  otherRep = await addMember(t.app, admin, 'sales');
  other = await signUpWorkspace(t.app, 'Other 别家');
  const team = await ok('POST', '/teams', { name: `华东 ${process.pid}`, managerId: manager.userId }, admin, 201);
  await ok('PATCH', `/members/${rep.userId}`, { teamId: team.id });
  product = await ok('POST', '/products', { sku: `Q-${process.pid}-1`, name: '智能手环 S2', unit: '个', listPrices: [{ currency: 'CNY', unitPrice: 29900 }] }, admin, 201);
  cheap = await ok('POST', '/products', { sku: `Q-${process.pid}-2`, name: 'Cable 数据线', listPrices: [{ currency: 'CNY', unitPrice: 1999 }, { currency: 'USD', unitPrice: 299 }] }, admin, 201);
  account = await ok('POST', '/accounts', { name: '深圳市腾飞科技有限公司', addresses: [{ kind: 'billing', line1: '南山区科技园 1 号', city: '深圳', country: 'CN' }] }, rep, 201);
  contact = await ok('POST', '/contacts', { name: '王小明', email: 'xiaoming@tengfei.example', company: '深圳市腾飞科技有限公司' }, rep, 201);
  deal = await ok('POST', '/opportunities', { name: '腾飞 2027 手环采购', accountId: account.id, contactId: contact.id, currency: 'CNY' }, rep, 201);
  await ok('PUT', `/opportunities/${deal.id}/lines`, { lines: [{ productId: product.id, quantity: 10 }, { productId: cheap.id, quantity: 3, discountPercent: 5 }] }, rep);
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

describe('quote arithmetic', () => {
  it('rounds each line once per step, half up, and sums the rounded lines', () => {
    const amounts = quoteAmounts(
      [
        { quantity: 3, unitPrice: 333, listPrice: 333, discountPercent: 10, taxRate: null },
        { quantity: 0.5, unitPrice: 1001, listPrice: 1200, discountPercent: 0, taxRate: 6 },
      ],
      { discountPercent: 5, taxRate: 13 },
    );
    // 999 − 99.9→100 = 899; quote 5% of 899 = 44.95→45; net 854; tax 13% = 111.02→111.
    expect(amounts.lines[0]).toEqual({ subtotal: 999, discount: 145, tax: 111, total: 965 });
    // 500.5→501; quote 5% = 25.05→25; net 476; tax 6% = 28.56→29.
    expect(amounts.lines[1]).toEqual({ subtotal: 501, discount: 25, tax: 29, total: 505 });
    expect(amounts).toMatchObject({ subtotal: 1500, discount: 170, tax: 140, total: 1470 });
    // List 999 + 600 = 1599; sold for 854 + 476 = 1330: 16.82% below list.
    expect(amounts.effectiveDiscountPercent).toBe(16.82);
    expect(quoteAmounts([], { discountPercent: 0, taxRate: 0 })).toMatchObject({ subtotal: 0, total: 0, effectiveDiscountPercent: 0 });
  });

  it('keeps amounts exact where floating point would not (quantity × price beyond 2^53 in thousandths)', () => {
    const amounts = quoteAmounts([{ quantity: 123456.789, unitPrice: 777777777, listPrice: null, discountPercent: 0, taxRate: 0 }], { discountPercent: 0, taxRate: 0 });
    expect(amounts.subtotal).toBe(96021946903978);
  });
});

describe('quotes', () => {
  it('quotes a deal from its products, numbered per workspace, audited; other workspaces see nothing', async () => {
    const quote = await ok('POST', `/opportunities/${deal.id}/quotes`, { taxRate: 13, terms: '款到发货' }, rep, 201);
    expect(quote).toMatchObject({ version: 1, status: 'draft', currency: 'CNY', language: 'zh-CN', accountId: account.id, contactId: contact.id, terms: '款到发货', needsApproval: false });
    expect(quote.number).toBeGreaterThan(0);
    expect(quote.lines.map((l: { name: string; quantity: string; discountPercent: string }) => [l.name, Number(l.quantity), Number(l.discountPercent)])).toEqual([
      ['智能手环 S2', 10, 0],
      ['Cable 数据线', 3, 5],
    ]);
    // 299000 + (5997 − 300) = 304697; tax 13% per line: 38870 + 740.61→741.
    expect(quote).toMatchObject({ subtotal: 304997, discount: 300, tax: 38870 + 741, total: 304697 + 38870 + 741 });
    const second = await ok('POST', `/opportunities/${deal.id}/quotes`, { lines: [] }, rep, 201);
    expect(second.number).toBe(quote.number + 1);
    expect((await ok('GET', `/opportunities/${deal.id}/quotes`, undefined, rep)).data.map((q: { id: string }) => q.id)).toEqual([second.id, quote.id]);
    expect((await ok('GET', `/quotes?filter=opportunityId:eq:${deal.id}`, undefined, manager)).data).toHaveLength(2);
    const audit = await ok('GET', `/audit-log?recordType=quote&recordId=${quote.id}`);
    expect(audit.data[0]).toMatchObject({ action: 'create' });

    expect((await call('GET', `/quotes/${quote.id}`, undefined, other)).statusCode).toBe(404);
    expect((await call('GET', `/quotes/${quote.id}/pdf`, undefined, other)).statusCode).toBe(404);
    expect((await call('POST', `/opportunities/${deal.id}/quotes`, {}, other)).statusCode).toBe(404);
    // Another rep does not see the deal (own scope): its quotes are hidden too.
    expect((await call('GET', `/quotes/${quote.id}`, undefined, otherRep)).statusCode).toBe(404);
    expect((await ok('GET', '/quotes', undefined, otherRep)).data).toEqual([]);
  });

  it('refuses bad input naming the field', async () => {
    const bad = await call('POST', `/opportunities/${deal.id}/quotes`, { discountPercent: 101, lines: [{ productId: product.id, quantity: -1 }] }, rep);
    expect(bad.statusCode).toBe(400);
    const unknownProduct = await call('POST', `/opportunities/${deal.id}/quotes`, { lines: [{ productId: '0190f0c0-0000-7000-8000-000000000000', quantity: 1 }] }, rep);
    expect(unknownProduct.statusCode).toBe(400);
    expect(unknownProduct.json().errors[0]).toMatchObject({ field: 'lines.0.productId' });
    expect((await call('PATCH', '/quotes/not-a-uuid', { notes: 'x' }, rep)).statusCode).toBe(400);
    expect((await call('POST', `/opportunities/${deal.id}/quotes`, { extra: 1 }, rep)).statusCode).toBe(400);
  });

  it('changes currency and reprices from that price book; clears a note with null', async () => {
    const quote = await ok('POST', `/opportunities/${deal.id}/quotes`, { lines: [{ productId: cheap.id, quantity: 2 }] }, rep, 201);
    const usd = await ok('PATCH', `/quotes/${quote.id}`, { currency: 'USD', language: 'en', notes: 'Ünïcödé ✓' }, rep);
    expect(usd).toMatchObject({ currency: 'USD', language: 'en', subtotal: 598, notes: 'Ünïcödé ✓' });
    const cleared = await ok('PATCH', `/quotes/${quote.id}`, { notes: null }, rep);
    expect(cleared.notes).toBeNull();
  });

  it('needs the manager’s approval above the threshold; cannot be sent before; notifies; the rep cannot approve', async () => {
    await ok('PATCH', '/quote-settings', { approvalThresholdPercent: 15 }, manager);
    expect((await call('PATCH', '/quote-settings', { approvalThresholdPercent: 50 }, rep)).statusCode).toBe(403);
    const quote = await ok('POST', `/opportunities/${deal.id}/quotes`, { discountPercent: 20, lines: [{ productId: product.id, quantity: 1 }] }, rep, 201);
    expect(quote).toMatchObject({ needsApproval: true, effectiveDiscountPercent: '20.00' });
    const early = await call('POST', `/quotes/${quote.id}/send`, {}, rep);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('QUOTE_APPROVAL_REQUIRED');

    const published: { userIds?: string[]; event: { type: string } }[] = [];
    const original = t.app.realtime.publish.bind(t.app.realtime);
    t.app.realtime.publish = async (message) => {
      published.push(message);
      return original(message);
    };
    try {
      const pending = await ok('POST', `/quotes/${quote.id}/request-approval`, { comment: '大客户，首单' }, rep);
      expect(pending).toMatchObject({ status: 'pending_approval', approvalRequestedBy: rep.userId, approvalComment: '大客户，首单' });
      expect(published[0]).toMatchObject({ event: { type: 'quote.approval_requested', quoteId: quote.id } });
      expect(published[0]!.userIds).toEqual(expect.arrayContaining([manager.userId, admin.userId]));
      expect(published[0]!.userIds).not.toContain(rep.userId);

      const self = await call('POST', `/quotes/${quote.id}/approval`, { decision: 'approved' }, rep);
      expect(self.statusCode).toBe(403);
      expect(self.json().code).toBe('QUOTE_APPROVER_ONLY');
      const rejected = await ok('POST', `/quotes/${quote.id}/approval`, { decision: 'rejected', comment: '折扣太高' }, manager);
      expect(rejected).toMatchObject({ status: 'draft', approvalDecision: 'rejected', approvalComment: '折扣太高', approvalDecidedBy: manager.userId });
      expect(published[1]).toMatchObject({ userIds: [rep.userId], event: { type: 'quote.rejected' } });

      await ok('POST', `/quotes/${quote.id}/request-approval`, {}, rep);
      const approved = await ok('POST', `/quotes/${quote.id}/approval`, { decision: 'approved', comment: '同意' }, manager);
      expect(approved).toMatchObject({ status: 'approved', approvalDecision: 'approved' });
    } finally {
      t.app.realtime.publish = original;
    }
    // Within the threshold: nothing to approve.
    const small = await ok('POST', `/opportunities/${deal.id}/quotes`, { discountPercent: 10, lines: [{ productId: product.id, quantity: 1 }] }, rep, 201);
    expect((await call('POST', `/quotes/${small.id}/request-approval`, {}, rep)).json().code).toBe('QUOTE_APPROVAL_NOT_NEEDED');
  });

  it('prints a PDF proposal with the Chinese customer name as text, totals and the quote’s language', async () => {
    const quote = await ok('POST', `/opportunities/${deal.id}/quotes`, { taxRate: 13 }, rep, 201);
    const res = await call('GET', `/quotes/${quote.id}/pdf`, undefined, rep);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`-v1.pdf`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('深圳市腾飞科技有限公司');
    expect(text).toContain('王小明');
    expect(text).toContain('报价单');
    expect(text).toContain('智能手环 S2');
    expect(text).toContain('华夏贸易 Quotes');
    expect(text).toContain('¥3,443.08');
    expect(text).toContain('¥3,049.97');

    const tw = await ok('PATCH', `/quotes/${quote.id}`, { language: 'zh-TW' }, rep);
    expect(await pdfText((await call('GET', `/quotes/${tw.id}/pdf`, undefined, rep)).rawPayload)).toContain('報價單');
    const en = await ok('PATCH', `/quotes/${quote.id}`, { language: 'en' }, rep);
    const english = await pdfText((await call('GET', `/quotes/${en.id}/pdf`, undefined, rep)).rawPayload);
    expect(english).toContain('Quotation');
    expect(english).toContain('深圳市腾飞科技有限公司');
  });

  it('e-mails the PDF through the SMTP account, logs it on the timeline, then locks the version; revising starts v2', async () => {
    const quote = await ok('POST', `/opportunities/${deal.id}/quotes`, {}, rep, 201);
    const noAccount = await call('POST', `/quotes/${quote.id}/send`, {}, rep);
    expect(noAccount.json().code).toBe('MAIL_ACCOUNT_MISSING');
    await ok('POST', '/mail-accounts', { personal: false, fromName: '华夏贸易', fromAddress: 'sales@huaxia.example', host: '127.0.0.1', port: smtp.port, secure: false }, admin, 201);

    const sent = await ok('POST', `/quotes/${quote.id}/send`, {}, rep);
    expect(sent).toMatchObject({ status: 'sent' });
    const mail = smtp.delivered.at(-1)!;
    expect(mail.to).toMatchObject({ value: [{ address: 'xiaoming@tengfei.example' }] });
    expect(mail.subject).toContain('报价单');
    expect(mail.text).toContain('王小明您好');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ contentType: 'application/pdf', filename: expect.stringMatching(/^Q-\d{6}-v1\.pdf$/) });
    expect(await pdfText(mail.attachments[0]!.content)).toContain('深圳市腾飞科技有限公司');
    const timeline = await ok('GET', `/timeline?recordType=opportunity&recordId=${deal.id}`, undefined, rep);
    expect(timeline.data[0]).toMatchObject({ type: 'email', direction: 'outbound', subject: mail.subject });

    const locked = await call('PATCH', `/quotes/${quote.id}`, { notes: 'late' }, rep);
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ code: 'QUOTE_STATUS_CHANGE', detail: 'The quote is “Sent”: this cannot be done now.' });
    expect((await call('PATCH', `/quotes/${quote.id}`, { notes: 'late' }, rep, 'zh-TW')).json().detail).toBe('報價處於「已寄出」狀態，無法執行此操作。');
    expect((await call('POST', `/quotes/${quote.id}/send`, {}, rep)).statusCode).toBe(409);

    const v2 = await ok('POST', `/quotes/${quote.id}/revise`, undefined, rep, 201);
    expect(v2).toMatchObject({ number: quote.number, version: 2, status: 'draft', total: quote.total });
    expect(await ok('GET', `/quotes/${quote.id}`, undefined, rep)).toMatchObject({ status: 'superseded', version: 1, total: quote.total });
    // Only the latest version is revised, and a draft is edited instead.
    expect((await call('POST', `/quotes/${quote.id}/revise`, undefined, rep)).statusCode).toBe(409);
    expect((await call('POST', `/quotes/${v2.id}/revise`, undefined, rep)).statusCode).toBe(409);
  });

  it('an accepted quote wins the deal; a sent quote past its validity is expired and cannot be accepted', async () => {
    const quote = await ok('POST', `/opportunities/${deal.id}/quotes`, {}, rep, 201);
    await ok('POST', `/quotes/${quote.id}/send`, { to: 'buyer@tengfei.example', subject: 'Our offer', message: '请查收' }, rep);
    expect(smtp.delivered.at(-1)).toMatchObject({ subject: 'Our offer' });
    expect((await call('POST', `/quotes/${quote.id}/outcome`, { outcome: 'maybe' }, rep)).statusCode).toBe(400);
    const accepted = await ok('POST', `/quotes/${quote.id}/outcome`, { outcome: 'accepted' }, rep);
    expect(accepted).toMatchObject({ status: 'accepted', orderId: expect.any(String) });
    const order = await ok('GET', `/orders/${accepted.orderId}`, undefined, rep);
    expect(order).toMatchObject({ quoteId: quote.id, opportunityId: deal.id, accountId: account.id, status: 'confirmed', currency: 'CNY', total: quote.total });
    expect(order.lines.map((l: { productId: string }) => l.productId)).toEqual(quote.lines.map((l: { productId: string }) => l.productId));
    expect(await ok('GET', `/opportunities/${deal.id}`, undefined, rep)).toMatchObject({ status: 'won', amount: quote.subtotal - quote.discount });

    const late = await ok('POST', `/opportunities/${deal.id}/quotes`, {}, rep, 201);
    await ok('POST', `/quotes/${late.id}/send`, {}, rep);
    await t.database.raw.query(`update quotes set valid_until = '2020-01-01' where id = $1`, [late.id]);
    expect((await ok('GET', `/quotes/${late.id}`, undefined, rep)).status).toBe('expired');
    expect((await call('POST', `/quotes/${late.id}/outcome`, { outcome: 'accepted' }, rep)).json().code).toBe('QUOTE_EXPIRED');
  });
});
