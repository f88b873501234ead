import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { Address, InboundEmail } from '../../modules/interactions/index.js';

const addresses = (field: AddressObject | AddressObject[] | undefined): Address[] =>
  [field ?? []].flat().flatMap((group) => group.value.flatMap((a) => (a.group ? a.group : [a]))).flatMap((a) => (a.address ? [{ address: a.address, name: a.name ?? '' }] : []));

const references = (value: ParsedMail['references']) => [value ?? []].flat().flatMap((r) => r.split(/\s+/)).filter(Boolean);

/**
 * A raw RFC 5322 message → what the timeline keeps. mailparser decodes MIME, quoted-printable and base64,
 * RFC 2047 headers and body charsets (GB2312/GBK/GB18030, Big5, …); HTML-only mail gets its text version.
 */
export async function parseEmail(raw: Buffer): Promise<InboundEmail> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  return {
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    references: references(mail.references),
    subject: mail.subject ?? null,
    date: mail.date ?? null,
    from: addresses(mail.from),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    text: mail.text?.trim() || null,
    attachments: mail.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, content: a.content })),
    raw,
  };
}
