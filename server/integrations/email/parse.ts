import iconv from 'iconv-lite';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { Address, InboundEmail } from '../../modules/interactions/index.js';

/**
 * Older Chinese mail clients write headers as raw 8-bit GBK or Big5, without RFC 2047 words, which a parser
 * can only guess at. When the header block is 8-bit but not UTF-8 (RFC 6532), it is re-encoded to UTF-8 from
 * the charset the message declares (its own Content-Type, else its first part's) before parsing; RFC 2047
 * words are ASCII and pass through unchanged.
 */
function headersAsUtf8(raw: Buffer): Buffer {
  const crlf = raw.indexOf('\r\n\r\n');
  const end = crlf >= 0 ? crlf : raw.indexOf('\n\n');
  const head = raw.subarray(0, end < 0 ? raw.length : end);
  if (!head.some((byte) => byte >= 0x80)) return raw;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head);
    return raw;
  } catch {
    // not UTF-8: read it in the declared charset below
  }
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(raw.toString('latin1'))?.[1];
  if (!charset || !iconv.encodingExists(charset) || /^(us-ascii|ascii|utf-?8)$/i.test(charset)) return raw;
  return Buffer.concat([Buffer.from(iconv.decode(head, charset), 'utf8'), raw.subarray(head.length)]);
}

const addresses = (field: AddressObject | AddressObject[] | undefined): Address[] =>
  [field ?? []].flat().flatMap((group) => group.value.flatMap((a) => (a.group ? a.group : [a]))).flatMap((a) => (a.address ? [{ address: a.address, name: a.name ?? '' }] : []));

const references = (value: ParsedMail['references']) => [value ?? []].flat().flatMap((r) => r.split(/\s+/)).filter(Boolean);

/**
 * A raw RFC 5322 message → what the timeline keeps. mailparser decodes MIME, quoted-printable and base64,
 * RFC 2047 headers and body charsets (GB2312/GBK/GB18030, Big5, …); HTML-only mail gets its text version.
 */
export async function parseEmail(raw: Buffer): Promise<InboundEmail> {
  const mail = await simpleParser(headersAsUtf8(raw), { skipImageLinks: true, skipTextToHtml: true });
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
