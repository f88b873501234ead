/**
 * vCard: reading contacts out of address-book exports (4.0 RFC 6350, 3.0 RFC 2426, and the 2.1 that phones,
 * Outlook and Lotus Notes still write), and writing ours for them. Real files are sloppy — Shift_JIS names,
 * quoted-printable soft breaks, unindented continuation lines, nested cards — and reading them must never
 * throw: a property that cannot be read is left out, the rest of the card is kept.
 */

import { CJK } from './vcard-write.js';

export { foldLine, splitName, writeVCard, type VCardContact, type VCardVersion } from './vcard-write.js';

/** An e-mail address or phone number with its `TYPE`s (lower case: `cell`, `work`…) and preference. */
export interface ParsedValue {
  value: string;
  types: string[];
  pref: boolean;
}

/** ADR's seven components, as written. */
export interface ParsedAddress {
  types: string[];
  poBox: string | null;
  extended: string | null;
  street: string | null;
  locality: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface ParsedContact {
  /** `2.1`, `3.0` or `4.0` as the card declares (2.1 when it does not). */
  version: string;
  /** What to call the contact: FN, else the name put together from N, else the organization, e-mail or phone. */
  name: string | null;
  familyName: string | null;
  givenName: string | null;
  organization: string | null;
  /** ORG's units after the organization name (department, team…). */
  units: string[];
  title: string | null;
  emails: ParsedValue[];
  /** As written (`(650) 555-1212`, `+1-418-656-9254`); `tel:` URIs unwrapped, other URIs (sip:) left out. */
  phones: ParsedValue[];
  /** YYYY-MM-DD, when BDAY is a whole date (not `--0203`). */
  birthday: string | null;
  addresses: ParsedAddress[];
  /** CATEGORIES */
  categories: string[];
  /** UID without a `urn:uuid:` prefix. */
  uid: string | null;
  rev: Date | null;
}

interface Property {
  name: string;
  params: Map<string, string[]>;
  /** The value as bytes (one char per byte), still encoded and escaped. */
  raw: string;
}

const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const PROPERTY_START = /^(?:[A-Za-z0-9-]+\.)?[A-Za-z0-9-]+[;:]/;

/** Text as bytes in a string (one char per byte), so that a value's CHARSET can be applied to its own bytes. */
function toByteString(input: string | Uint8Array): { bytes: string; fromText: boolean } {
  if (typeof input === 'string') return { bytes: Buffer.from(input.replace(/^\uFEFF/, ''), 'utf8').toString('latin1'), fromText: true };
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (buf[0] === 0xff && buf[1] === 0xfe) return toByteString(new TextDecoder('utf-16le').decode(buf));
  if (buf[0] === 0xfe && buf[1] === 0xff) return toByteString(new TextDecoder('utf-16be').decode(buf));
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  return { bytes: buf.subarray(start).toString('latin1'), fromText: false };
}

/**
 * Physical lines → logical lines: folded lines (leading space or tab) and quoted-printable soft breaks
 * (`=` at the end) are joined; 2.1's unindented continuations (base64, lines ending in `\`) are joined
 * to the property before; blank lines and `#` comments end or are skipped.
 */
function logicalLines(bytes: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let quotedPrintable = false;
  const flush = () => {
    if (current !== null) out.push(current);
    current = null;
  };
  for (const line of bytes.split(/\r*\n|\r/)) {
    if (current !== null && quotedPrintable && current.endsWith('=') && !/^END:VCARD\s*$/i.test(line)) current = current.slice(0, -1) + line;
    else if (current !== null && (line.startsWith(' ') || line.startsWith('\t'))) current += line.slice(1);
    else if (line.trim() === '') flush();
    else if (line.startsWith('#')) continue;
    else if (!PROPERTY_START.test(line)) {
      if (current !== null) current += line;
    } else {
      flush();
      current = line;
      const colon = line.indexOf(':');
      quotedPrintable = /[;=]QUOTED-PRINTABLE\b/i.test(colon < 0 ? line : line.slice(0, colon));
    }
  }
  flush();
  return out;
}

/** Splits on `separator` outside double quotes. */
function splitOutsideQuotes(s: string, separator: string): string[] {
  const parts: string[] = [];
  let part = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(part);
      part = '';
    } else part += ch;
  }
  parts.push(part);
  return parts;
}

const utf8 = (bytes: string) => Buffer.from(bytes, 'latin1').toString('utf8');

function addParam(params: Map<string, string[]>, text: string): void {
  const eq = text.indexOf('=');
  let key: string;
  let values: string[];
  if (eq < 0) {
    // 2.1 writes bare parameters: TEL;WORK;VOICE, PHOTO;BASE64.
    const bare = text.trim();
    key = ENCODINGS.has(bare.toUpperCase()) ? 'ENCODING' : 'TYPE';
    values = [bare];
  } else {
    key = text.slice(0, eq).trim().toUpperCase();
    values = splitOutsideQuotes(text.slice(eq + 1), ',').map((v) => v.trim().replace(/^"|"$/g, ''));
    // RFC 6350's own example quotes a TYPE list: TYPE="work,voice".
    if (key === 'TYPE') values = values.flatMap((v) => v.split(','));
  }
  params.set(key, [...(params.get(key) ?? []), ...values.map(utf8).filter(Boolean)]);
}

function parseProperty(line: string): Property | null {
  const head = /^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)/.exec(line);
  if (!head) return null;
  const params = new Map<string, string[]>();
  let i = head[0].length;
  while (line[i] === ';') {
    let j = i + 1;
    let quoted = false;
    while (j < line.length && (quoted || (line[j] !== ';' && line[j] !== ':'))) {
      if (line[j] === '"') quoted = !quoted;
      j += 1;
    }
    addParam(params, line.slice(i + 1, j));
    i = j;
  }
  if (line[i] !== ':') return null;
  return { name: head[1]!.toUpperCase(), params, raw: line.slice(i + 1) };
}

function decodeBytes(bytes: string, charset: string | undefined): string {
  const buf = Buffer.from(bytes, 'latin1');
  if (charset) {
    try {
      return new TextDecoder(charset).decode(buf);
    } catch {
      // An unknown charset label: read as below.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('windows-1252').decode(buf);
  }
}

/** The property's value as text: transfer encoding undone, then CHARSET applied (escapes still in). */
function valueText(prop: Property, fromText: boolean): string {
  const encoding = prop.params.get('ENCODING')?.[0]?.toUpperCase();
  let bytes = prop.raw;
  let decoded = false;
  if (encoding === 'QUOTED-PRINTABLE') {
    bytes = bytes.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/=$/, '');
    decoded = true;
  } else if (encoding === 'B' || encoding === 'BASE64') {
    bytes = Buffer.from(bytes.replace(/\s/g, ''), 'base64').toString('latin1');
    decoded = true;
  }
  // Text that came as a JS string is UTF-8 here whatever its CHARSET said; encoded bytes follow CHARSET.
  return decodeBytes(bytes, fromText && !decoded ? undefined : prop.params.get('CHARSET')?.[0]);
}

/** Splits a structured value on unescaped `separator` (escapes kept for `unescape`). */
function splitUnescaped(s: string, separator: string): string[] {
  const parts: string[] = [];
  let part = '';
  for (let i = 0; i < s.length; i += 1) {
    if (s[i] === '\\' && i + 1 < s.length) {
      part += s[i]! + s[i + 1]!;
      i += 1;
    } else if (s[i] === separator) {
      parts.push(part);
      part = '';
    } else part += s[i];
  }
  parts.push(part);
  return parts;
}

const unescape = (s: string) => s.replace(/\\([\\;,:nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
const clean = (s: string | undefined) => (s === undefined ? null : s.trim() || null);

function parseRev(s: string): Date | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(?:[.,]\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s.trim());
  if (!m) return null;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(-2)}`;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

function parseBirthday(s: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|T)/.exec(s.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

function typedValue(prop: Property, value: string): ParsedValue {
  const types = (prop.params.get('TYPE') ?? []).map((t) => t.toLowerCase());
  const pref = types.includes('pref') || prop.params.has('PREF');
  return { value, types: types.filter((t) => t !== 'pref'), pref };
}

function emailOf(text: string): string | null {
  const s = unescape(text).trim().replace(/^mailto:/i, '');
  const angle = /<([^<>]+)>/.exec(s);
  return clean(angle ? angle[1] : s);
}

function phoneOf(text: string): string | null {
  let s = unescape(text).trim();
  if (/^tel:/i.test(s)) s = s.slice(4);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return null;
  return clean(s.split(';')[0]);
}

function toContact(version: string, props: Property[], fromText: boolean): ParsedContact {
  const c: ParsedContact = { version, name: null, familyName: null, givenName: null, organization: null, units: [], title: null, emails: [], phones: [], birthday: null, addresses: [], categories: [], uid: null, rev: null };
  // 3.0 and 4.0 list several values in an N or ADR component with commas; 2.1 has no such lists.
  const component = (s: string | undefined, join = ' ') => clean(version === '2.1' ? unescape(s ?? '') : splitUnescaped(s ?? '', ',').map(unescape).join(join));
  let fn: string | null = null;
  let middle: string | null = null;
  let seenN = false;
  for (const prop of props) {
    if (BINARY.has(prop.name)) continue;
    const text = valueText(prop, fromText);
    switch (prop.name) {
      case 'FN':
        fn ??= clean(unescape(text));
        break;
      case 'N': {
        if (seenN) break;
        seenN = true;
        const parts = splitUnescaped(text, ';');
        [c.familyName, c.givenName, middle] = [component(parts[0]), component(parts[1]), component(parts[2])];
        break;
      }
      case 'ORG':
        if (c.organization === null && c.units.length === 0) {
          const [org, ...units] = splitUnescaped(text, ';').map((p) => clean(unescape(p)));
          c.organization = org ?? null;
          c.units = units.filter((u): u is string => u !== null);
        }
        break;
      case 'TITLE':
        c.title ??= clean(unescape(text));
        break;
      case 'EMAIL': {
        const email = emailOf(text);
        if (email) c.emails.push(typedValue(prop, email));
        break;
      }
      case 'TEL': {
        const phone = phoneOf(text);
        if (phone) c.phones.push(typedValue(prop, phone));
        break;
      }
      case 'BDAY':
        c.birthday ??= parseBirthday(text);
        break;
      case 'ADR': {
        const parts = splitUnescaped(text, ';').map((p) => component(p, ', '));
        const [poBox = null, extended = null, street = null, locality = null, region = null, postalCode = null, country = null] = parts;
        if (parts.some(Boolean)) c.addresses.push({ types: typedValue(prop, '').types, poBox, extended, street, locality, region, postalCode, country });
        break;
      }
      case 'CATEGORIES':
        c.categories.push(...splitUnescaped(text, ',').map((t) => clean(unescape(t))).filter((t): t is string => t !== null));
        break;
      case 'UID':
        c.uid ??= clean(unescape(text).replace(/^urn:uuid:/i, ''));
        break;
      case 'REV':
        c.rev ??= parseRev(text);
        break;
    }
  }
  const fromN = CJK.test(`${c.familyName ?? ''}${c.givenName ?? ''}`)
    ? clean([c.familyName, middle, c.givenName].filter(Boolean).join(''))
    : clean([c.givenName, middle, c.familyName].filter(Boolean).join(' '));
  c.name = fn ?? fromN ?? c.organization ?? c.emails.find((e) => e.value.includes('@'))?.value ?? c.phones[0]?.value ?? null;
  return c;
}

/**
 * Every card in an address-book file, in order (a card nested in another counts on its own). Takes text
 * (as it came in a JSON body) or the file's bytes (so a 2.1 card's CHARSET=SHIFT_JIS can be honoured).
 * Never throws on malformed input; PHOTO, LOGO, SOUND and KEY are skipped.
 */
export function parseVCards(input: string | Uint8Array): ParsedContact[] {
  const { bytes, fromText } = toByteString(input);
  const cards: { version: string; props: Property[] }[] = [];
  const open: { version: string; props: Property[] }[] = [];
  for (const line of logicalLines(bytes)) {
    const prop = parseProperty(line);
    if (!prop) continue;
    const isVCard = prop.raw.trim().toUpperCase() === 'VCARD';
    if (prop.name === 'BEGIN' && isVCard) {
      const card = { version: '2.1', props: [] };
      cards.push(card);
      open.push(card);
    } else if (prop.name === 'END' && isVCard) open.pop();
    else if (prop.name === 'VERSION' && open.length) open.at(-1)!.version = prop.raw.trim();
    else open.at(-1)?.props.push(prop);
  }
  return cards.map((card) => toContact(card.version, card.props, fromText));
}
