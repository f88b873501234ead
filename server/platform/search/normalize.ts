import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

// Traditional (Taiwan, Hong Kong) → simplified, so that 黃國華 and 黄国华 are one key.
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toSimplifiedHk = OpenCC.Converter({ from: 'hk', to: 'cn' });

const HAN = /\p{Script=Han}/u;
export const hasHan = (s: string) => HAN.test(s);

/** Search form of text: Unicode-normalized, lower-case, simplified Chinese, single spaces. */
export function normalizeText(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return hasHan(folded) ? toSimplifiedHk(toSimplified(folded)) : folded;
}

/** Latin letters with accents removed: Müller → muller, Zoë → zoe. */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '');
}

/**
 * Pinyin syllables of the Chinese characters in `text` (other characters dropped), surname-aware for the
 * first character (单 as a surname is shan, not dan).
 */
export function pinyinSyllables(text: string, isPersonName: boolean): string[] {
  if (!hasHan(text)) return [];
  const han = [...text].filter((c) => HAN.test(c)).join('');
  return pinyin(han, { toneType: 'none', type: 'array', nonZh: 'removed', v: true, ...(isPersonName ? { surname: 'head' } : {}) })
    .map((s) => s.toLowerCase())
    .filter(Boolean);
}
