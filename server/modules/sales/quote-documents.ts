import { quoteNumber } from '../../../contracts/quotes.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import { readFile, storeFile } from '../../platform/files/files.service.js';
import { translator } from '../../platform/i18n/i18n.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { getAccount, getContact, type Account, type Contact } from '../customers/index.js';
import { logInteraction, senderAccount, type MailAccount, type PlainMail } from '../interactions/index.js';
import { renderProposal, money, type ProposalData } from './quote-pdf.js';
import { assertSendable, getQuote, getQuoteSettings, markQuoteSent, type Quote } from './quotes.service.js';
import { getOpportunity } from './opportunities.service.js';

const addressLines = (a: Account['addresses'][number] | undefined): string[] =>
  a ? [a.line1, a.line2, [a.postalCode, a.region, a.city].filter(Boolean).join(' '), a.country].filter((l): l is string => Boolean(l?.trim())) : [];

/** A referenced record that has since gone (deleted, or outside the caller's scope) is left off the proposal. */
const orNull = <T>(read: Promise<T>) => read.catch((err: unknown) => (err instanceof AppError && err.status === 404 ? null : Promise.reject(err)));

async function customerOf(tx: Executor, ctx: RequestContext, quote: Quote): Promise<{ account: Account | null; contact: Contact | null }> {
  const account = quote.accountId ? await orNull(getAccount(tx, ctx, quote.accountId)) : null;
  const contact = quote.contactId ? await orNull(getContact(tx, ctx, quote.contactId)) : null;
  return { account, contact };
}

/** The workspace's logo for proposals, when one is set and still stored. */
async function logoOf(tx: Executor, ctx: RequestContext, fileId: string | null): Promise<Buffer | null> {
  if (!fileId) return null;
  const file = await orNull(readFile(tx, ctx, fileId));
  return file && /^image\/(png|jpeg)$/.test(file.contentType) ? file.data : null;
}

/** The PDF proposal of a quote version and the file name it goes by (Q-000123-v2.pdf). */
export async function quoteProposal(tx: Executor, ctx: RequestContext, id: string): Promise<{ filename: string; pdf: Buffer; quote: Quote; contact: Contact | null }> {
  const quote = await getQuote(tx, ctx, id);
  const deal = await getOpportunity(tx, ctx, quote.opportunityId);
  const workspace = await getWorkspace(tx, ctx);
  const settings = await getQuoteSettings(tx, ctx);
  const { account, contact } = await customerOf(tx, ctx, quote);
  const data: ProposalData = {
    ...quote,
    lines: quote.lines,
    seller: { name: workspace.name, logo: await logoOf(tx, ctx, settings.logoFileId) },
    customer: {
      name: account?.name ?? contact?.company ?? contact?.name ?? deal.name,
      address: addressLines(account?.addresses[0] ?? contact?.addresses[0]),
      contactName: contact?.name ?? null,
      email: contact?.email ?? null,
    },
    dealName: deal.name,
  };
  return { filename: `${quoteNumber(quote.number)}-v${quote.version}.pdf`, pdf: await renderProposal(data), quote, contact };
}

export interface SendQuoteInput {
  /** Default: the quote's contact's e-mail. */
  to?: string;
  subject?: string;
  message?: string;
}

/** What sending needs once the transaction that checked it has committed: the account and the mail. */
export interface PreparedQuoteMail {
  account: MailAccount;
  mail: PlainMail;
  contactId: string | null;
}

/**
 * Checks that a quote may be sent (approved, or needing no approval) and writes its mail in the quote's
 * language with the PDF attached, from the caller's own SMTP account, else the workspace's.
 */
export async function prepareQuoteMail(tx: Executor, ctx: RequestContext, id: string, input: SendQuoteInput): Promise<PreparedQuoteMail> {
  await assertSendable(tx, ctx, id);
  const account = await senderAccount(tx, ctx, ctx.userId);
  if (!account) throw new AppError('MAIL_ACCOUNT_MISSING', 409);
  const { filename, pdf, quote, contact } = await quoteProposal(tx, ctx, id);
  const to = input.to ?? contact?.email;
  if (!to) throw invalidField('to', 'required');
  const t = translator(quote.language);
  const workspace = await getWorkspace(tx, ctx);
  const params = { number: quoteNumber(quote.number), seller: workspace.name, total: money(quote.total, quote.currency, quote.language), validUntil: quote.validUntil, name: contact?.name ?? '' };
  const text = [input.message?.trim() || t('quoteMail.body', params), '', t('quoteMail.summary', params)].join('\n');
  return {
    account,
    contactId: contact?.id ?? null,
    mail: {
      to,
      subject: input.subject?.trim() || t('quoteMail.subject', params),
      text,
      messageId: `<quote-${quote.id}-${Date.now()}@${account.fromAddress.split('@')[1] ?? 'guanxi.local'}>`,
      attachments: [{ filename, content: pdf, contentType: 'application/pdf' }],
    },
  };
}

/** After the SMTP server took the mail: the quote is sent, and the mail is on the contact's and deal's timelines. */
export async function recordQuoteSent(tx: Executor, ctx: RequestContext, id: string, prepared: PreparedQuoteMail): Promise<Quote> {
  const quote = await markQuoteSent(tx, ctx, id);
  // The timeline keeps the PDF as sent, since a later version of the quote prints differently.
  const attached = prepared.mail.attachments ?? [];
  const files = await Promise.all(attached.map((a) => storeFile(tx, ctx, { name: a.filename, contentType: a.contentType, data: a.content })));
  await logInteraction(tx, ctx, {
    attachments: files.map((f) => ({ name: f.name, contentType: f.contentType, size: f.size, fileId: f.id })),
    type: 'email',
    channel: 'email',
    direction: 'outbound',
    subject: prepared.mail.subject,
    body: prepared.mail.text,
    externalId: prepared.mail.messageId,
    ownerId: ctx.userId,
    links: [{ recordType: 'opportunity', recordId: quote.opportunityId }],
    participants: [
      ...(ctx.userId ? [{ kind: 'user' as const, id: ctx.userId, address: prepared.account.fromAddress, role: 'from' }] : []),
      prepared.contactId ? { kind: 'contact' as const, id: prepared.contactId, address: prepared.mail.to, role: 'to' } : { kind: 'address' as const, address: prepared.mail.to, role: 'to' },
    ],
  });
  return quote;
}
