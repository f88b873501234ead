import { LRUCache } from 'lru-cache';
import { hasHan, normalizeText, pinyinSyllables, stripAccents } from './normalize.js';

/**
 * Search keys: the exact strings a record can be found by, each tagged with what it came from
 * (`n:` name, `p:` its pinyin, `c:` company, `cp:` its pinyin, `e:` e-mail, `t:` telephone digits). A GIN index over the key
 * array answers "which records have key K" in one index probe whatever K's length — unlike trigram
 * indexes, which cannot serve one- and two-character queries, the common case for Chinese names.
 * Keys are expanded at write time (substrings of short Chinese names, prefixes of pinyin, initials,
 * word prefixes) so that queries stay exact lookups. See docs/search.md.
 */

const MAX_HAN_SUBSTRING_SOURCE = 12;
const MAX_PREFIX = 24;

const prefixes = (word: string, min = 1, max = MAX_PREFIX) => {
  const out: string[] = [];
  for (let i = min; i <= Math.min(word.length, max); i++) out.push(word.slice(0, i));
  return out;
};

/** Every substring of a short Chinese name (王小明 → 王, 小, 明, 王小, 小明, 王小明). */
function hanSubstrings(text: string): string[] {
  const chars = [...text.replace(/[^\p{Script=Han}]/gu, '')].slice(0, MAX_HAN_SUBSTRING_SOURCE);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) for (let j = i + 1; j <= chars.length; j++) out.push(chars.slice(i, j).join(''));
  return out;
}

/** Pinyin keys: prefixes of the full spelling from each syllable on, and of the initials. */
function pinyinKeys(text: string, isPersonName: boolean): string[] {
  const syllables = pinyinSyllables(text, isPersonName);
  if (syllables.length === 0) return [];
  const out: string[] = [];
  for (let i = 0; i < syllables.length; i++) out.push(...prefixes(syllables.slice(i).join('')));
  out.push(...prefixes(syllables.map((s) => s[0]).join('')));
  return out;
}

/** Latin words and their prefixes, plus the whole name without spaces (john smith → johnsmith). */
function latinKeys(text: string): string[] {
  const plain = stripAccents(text).replace(/[^\p{L}\p{N}\s@.-]/gu, ' ');
  const words = plain.split(/[\s.-]+/).filter((w) => w && !hasHan(w));
  const out = words.flatMap((w) => prefixes(w));
  if (words.length > 1) out.push(...prefixes(words.join(''), 3));
  return out;
}

export interface SearchableFields {
  /** A person's or organization's name. */
  name: string;
  isPersonName: boolean;
  company?: string | null;
  emails?: (string | null | undefined)[];
  /** E.164 numbers. */
  phones?: (string | null | undefined)[];
}

/** Company keys by company as written: the rows of an import share a few companies, and pinyin is the dear part. */
const companyKeyCache = new LRUCache<string, string[]>({ max: 5000 });

function companyKeys(written: string): string[] {
  const cached = companyKeyCache.get(written);
  if (cached) return cached;
  const company = normalizeText(written);
  const tagged = (tag: string, values: string[]) => values.filter(Boolean).map((v) => `${tag}:${v}`);
  const keys = [
    // Companies: prefixes, not every substring (they are long: 华为技术有限公司).
    ...tagged('c', hasHan(company) ? prefixes(company.replace(/\s/g, ''), 1, 12) : []),
    ...tagged('c', latinKeys(company)),
    ...tagged('cp', pinyinKeys(company, false).slice(0, 40)),
  ];
  companyKeyCache.set(written, keys);
  return keys;
}

export function searchKeys(fields: SearchableFields): string[] {
  const keys = new Set<string>();
  const add = (tag: string, values: string[]) => values.forEach((v) => v && keys.add(`${tag}:${v}`));
  const name = normalizeText(fields.name);
  add('n', hasHan(name) ? hanSubstrings(name) : []);
  add('n', latinKeys(name));
  add('p', pinyinKeys(name, fields.isPersonName));
  if (fields.company) companyKeys(fields.company).forEach((k) => keys.add(k));
  for (const email of fields.emails ?? []) {
    if (!email) continue;
    const e = email.toLowerCase();
    add('e', [e, ...prefixes(e.split('@')[0]!, 3)]);
  }
  for (const phone of fields.phones ?? []) {
    if (!phone) continue;
    const digits = phone.replace(/\D/g, '');
    // Full international digits, and every tail of 4+ digits: "last four", the national number, etc.
    add('t', [digits, ...Array.from({ length: Math.max(0, digits.length - 3) }, (_, i) => digits.slice(i)).filter((d) => d.length >= 4)]);
  }
  return [...keys];
}

/** The keys a query may match, each with the weight of that kind of match (higher ranks first). */
export function queryKeys(query: string, phoneDigits: string[]): { key: string; weight: number }[] {
  const q = normalizeText(query);
  if (!q) return [];
  const out: { key: string; weight: number }[] = [];
  const compact = stripAccents(q).replace(/\s+/g, '');
  out.push({ key: `n:${compact}`, weight: 100 });
  if (hasHan(q)) {
    out.push({ key: `c:${compact}`, weight: 60 });
  } else {
    out.push({ key: `p:${compact}`, weight: 90 });
    out.push({ key: `c:${compact}`, weight: 60 });
    out.push({ key: `cp:${compact}`, weight: 55 });
    if (q.includes('@') || q.includes('.')) out.push({ key: `e:${q}`, weight: 95 });
  }
  for (const digits of phoneDigits) out.push({ key: `t:${digits}`, weight: 95 });
  return out;
}
