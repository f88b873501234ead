import type { Address } from './addresses.js';

/** Writing vCards of our contacts (re-exported by vcard.ts, the module's vCard surface). */

export type VCardVersion = '3.0' | '4.0';

/** Two-character Chinese surnames, simplified and traditional, so 欧阳娜娜 is 欧阳 + 娜娜, not 欧 + 阳娜娜. */
const COMPOUND_SURNAMES = new Set(
  '欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 宇文 司徒 夏侯 令狐 端木 独孤 獨孤 南宫 南宮 西门 西門 轩辕 軒轅 澹台 澹臺 公冶 宗政 濮阳 濮陽 太史 申屠 闻人 聞人 赫连 赫連 钟离 鍾離 呼延 万俟 萬俟 东郭 東郭 百里 拓跋 司空 鲜于 鮮于'.split(' '),
);
/** Chinese, Japanese and Korean script: names written family name first, without a space. */
export const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

/** Family and given name from a full name as written: 王伟 → 王 + 伟, Anna Müller → Müller + Anna. */
export function splitName(fullName: string): { family: string; given: string } {
  const name = fullName.trim();
  if (/^[\u3400-\u9fff\uf900-\ufaff]{2,4}$/.test(name)) {
    const k = name.length > 2 && COMPOUND_SURNAMES.has(name.slice(0, 2)) ? 2 : 1;
    return { family: name.slice(0, k), given: name.slice(k) };
  }
  const words = name.split(/\s+/);
  if (words.length === 1) return { family: '', given: name };
  if (CJK.test(name)) return { family: words[0]!, given: words.slice(1).join(' ') };
  return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
}

const escapeText = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));

/** Folds a content line at 75 octets (RFC 6350 3.2), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let part = '';
  let size = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    // Continuation lines start with a space, which counts toward their 75.
    if (size + n > (parts.length === 0 ? 75 : 74)) {
      parts.push(part);
      part = '';
      size = 0;
    }
    part += ch;
    size += n;
  }
  parts.push(part);
  return parts.join('\r\n ');
}

const pad = (n: number) => String(n).padStart(2, '0');
function formatRev(d: Date, version: VCardVersion): string {
  const date = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate())];
  const time = [pad(d.getUTCHours()), pad(d.getUTCMinutes()), pad(d.getUTCSeconds())];
  return version === '4.0' ? `${date.join('')}T${time.join('')}Z` : `${date.join('-')}T${time.join(':')}Z`;
}

export interface VCardContact {
  id: string;
  name: string;
  company: string | null;
  department?: string | null;
  title: string | null;
  email: string | null;
  otherEmails?: string[];
  /** E.164 */
  phone: string | null;
  otherPhones?: string[];
  /** YYYY-MM-DD */
  birthday?: string | null;
  addresses?: Address[];
  tags?: string[];
  updatedAt: Date;
}

/**
 * One contact as a vCard 3.0 (default) or 4.0: CRLF line ends, folded, UTF-8 text. The primary e-mail and
 * phone are marked preferred; an office address is TYPE=work.
 */
export function writeVCard(c: VCardContact, version: VCardVersion = '3.0'): string {
  const { family, given } = splitName(c.name);
  const v4 = version === '4.0';
  const structured = (parts: (string | null | undefined)[]) => parts.map((p) => escapeText(p ?? '')).join(';');
  const lines = ['BEGIN:VCARD', `VERSION:${version}`, `N:${structured([family, given, '', '', ''])}`, `FN:${escapeText(c.name)}`];
  if (c.company || c.department) lines.push(`ORG:${structured(c.department ? [c.company, c.department] : [c.company])}`);
  if (c.title) lines.push(`TITLE:${escapeText(c.title)}`);
  const emails = [c.email, ...(c.otherEmails ?? [])].filter((e): e is string => Boolean(e));
  emails.forEach((e, i) => lines.push(`EMAIL${v4 ? (i === 0 && c.email ? ';PREF=1' : '') : i === 0 && c.email ? ';TYPE=INTERNET,PREF' : ';TYPE=INTERNET'}:${escapeText(e)}`));
  const phones = [c.phone, ...(c.otherPhones ?? [])].filter((p): p is string => Boolean(p));
  const pref = (i: number) => i === 0 && Boolean(c.phone);
  phones.forEach((p, i) => lines.push(v4 ? `TEL;VALUE=uri;TYPE=voice${pref(i) ? ';PREF=1' : ''}:tel:${p}` : `TEL;TYPE=VOICE${pref(i) ? ',PREF' : ''}:${escapeText(p)}`));
  if (c.birthday) lines.push(`BDAY:${v4 ? c.birthday.replaceAll('-', '') : c.birthday}`);
  for (const a of c.addresses ?? []) {
    lines.push(`ADR${a.kind === 'office' ? `;TYPE=${v4 ? 'work' : 'WORK'}` : ''}:${structured(['', a.line2, a.line1, a.city, a.region, a.postalCode, a.country])}`);
  }
  if (c.tags?.length) lines.push(`CATEGORIES:${c.tags.map(escapeText).join(',')}`);
  lines.push(`UID:${v4 ? 'urn:uuid:' : ''}${c.id}`, `REV:${formatRev(c.updatedAt, version)}`, 'END:VCARD');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
