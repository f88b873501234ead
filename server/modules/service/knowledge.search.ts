/**
 * Full-text search of articles without a Chinese tokenizer (PostgreSQL has none built in, and PGlite cannot
 * load zhparser or pg_jieba). Text is normalized as everywhere in search (NFKC, lower case, traditional →
 * simplified), then cut into terms:
 * - each run of Chinese characters into its character bigrams (打印机 → 打印, 印机) and single characters,
 *   so any phrase of two or more characters is found by its bigrams and a one-character query by itself;
 * - Latin text into words, accents removed, with a light English suffix folding (printers → printer).
 * Terms are tagged `t:` (title) or `b:` (body) and stored in a text[] with a GIN index; a query is cut the
 * same way and ranked by how much of it each article covers, rare terms counting more, title above body.
 */
import { normalizeText, stripAccents } from '../../platform/search/normalize.js';

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;
/** Latin (and other alphabetic) words and numbers. */
const WORD = /[\p{L}\p{N}]+/gu;
/** Words too common to say anything about an article. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'can', 'do', 'does', 'for', 'from', 'how', 'i', 'in', 'is', 'it', 'my', 'of', 'on', 'or', 'the', 'to', 'what', 'when', 'why', 'with', 'you']);
/** Body terms kept per translation: enough for long articles, bounded for the index. */
const MAX_BODY_TERMS = 4000;

/** printers → printer, jammed → jam, jamming → jam: only suffixes, only for words long enough to keep a stem. */
function fold(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return undouble(word.slice(0, -3));
  if (word.length > 4 && word.endsWith('ed')) return undouble(word.slice(0, -2));
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
const undouble = (stem: string) => (stem.length > 2 && stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : stem);

/** The untagged terms of a text: Chinese bigrams and characters, folded Latin words. */
export function termsOf(text: string): { bigrams: string[]; chars: string[]; words: string[] } {
  const normal = normalizeText(text);
  const bigrams: string[] = [];
  const chars: string[] = [];
  for (const run of normal.match(HAN_RUN) ?? []) {
    const c = [...run];
    chars.push(...c);
    for (let i = 0; i + 1 < c.length; i++) bigrams.push(c[i]! + c[i + 1]!);
  }
  const words = (stripAccents(normal.replace(HAN_RUN, ' ')).match(WORD) ?? []).filter((w) => !STOP_WORDS.has(w)).map(fold);
  return { bigrams, chars, words };
}

/** The stored search terms of one translation. */
export function searchTermsOf(title: string, body: string): string[] {
  const tagged = (tag: string, text: string) => {
    const { bigrams, chars, words } = termsOf(text);
    return [...bigrams, ...chars, ...words].map((term) => `${tag}:${term}`);
  };
  const terms = new Set(tagged('t', title));
  for (const term of tagged('b', body)) {
    if (terms.size >= MAX_BODY_TERMS) break;
    terms.add(term);
  }
  return [...terms];
}

/** Question words and particles of Chinese queries ("打印机卡纸怎么办"): they say nothing about the subject. */
const QUERY_FILLERS = /请问|怎么办|怎么样|怎么|怎样|如何|为什么|为何|什么|吗|呢|吧|啊|的|了/gu;

/** What a query looks for: its terms, and which of its units (Chinese characters, words) each term covers. */
export interface QueryPlan {
  terms: string[];
  /** Characters of its Chinese runs plus its words: the measure of how much of the query a result covers. */
  units: number;
  covers: Map<string, number[]>;
}

/**
 * A query cut like an article: bigrams of each Chinese run (a lone character stands for itself), question
 * words dropped, Latin words folded. No terms for a query with nothing searchable.
 */
export function planQuery(query: string, maxTerms = 200): QueryPlan {
  const normal = normalizeText(query).replace(QUERY_FILLERS, ' ');
  const covers = new Map<string, number[]>();
  let units = 0;
  const add = (term: string, unitIds: number[]) => {
    if (!covers.has(term) && covers.size >= maxTerms) return;
    covers.set(term, [...(covers.get(term) ?? []), ...unitIds]);
  };
  for (const run of normal.match(HAN_RUN) ?? []) {
    const c = [...run];
    const base = units;
    units += c.length;
    if (c.length === 1) add(c[0]!, [base]);
    for (let i = 0; i + 1 < c.length; i++) add(c[i]! + c[i + 1]!, [base + i, base + i + 1]);
  }
  for (const word of termsOf(normal.replace(HAN_RUN, ' ')).words) add(word, [units++]);
  return { terms: [...covers.keys()], units, covers };
}

/** A match's place in a text: UTF-16 offsets [start, end). */
export type Hit = [number, number];

/**
 * Where the query's terms occur in a text as written (traditional characters, capitals and accents included):
 * each character is normalized on its own so that offsets stay those of the original.
 */
export function highlight(text: string, terms: string[]): Hit[] {
  if (!terms.length || !text) return [];
  const wanted = new Set(terms);
  const hits: Hit[] = [];
  // Chinese: compare each adjacent pair of Han characters (and lone characters) in normalized form.
  const chars: { at: number; len: number; norm: string }[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    chars.push({ at: i, len: ch.length, norm: HAN.test(ch) ? normalizeText(ch) : '' });
    i += ch.length;
  }
  chars.forEach((c, i) => {
    if (!c.norm) return;
    const next = chars[i + 1];
    if (next?.norm && wanted.has(c.norm + next.norm)) hits.push([c.at, next.at + next.len]);
    else if (wanted.has(c.norm)) hits.push([c.at, c.at + c.len]);
  });
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (HAN.test(word)) continue;
    if (wanted.has(fold(stripAccents(word.normalize('NFKC').toLowerCase())))) hits.push([m.index, m.index + word.length]);
  }
  return mergeHits(hits);
}

function mergeHits(hits: Hit[]): Hit[] {
  const sorted = hits.sort((a, b) => a[0] - b[0]);
  const out: Hit[] = [];
  for (const h of sorted) {
    const last = out.at(-1);
    if (last && h[0] <= last[1]) last[1] = Math.max(last[1], h[1]);
    else out.push([...h]);
  }
  return out;
}

/**
 * The part of a body worth showing under a result: the window of about `size` characters with the most
 * hits (the start of the text when none), with the hits inside it re-based to the snippet.
 */
export function snippetOf(body: string, terms: string[], size = 160): { text: string; hits: Hit[] } {
  const hits = highlight(body, terms);
  // One space per white-space character: offsets stay those of the body.
  if (body.length <= size) return { text: body.replace(/\s/g, ' '), hits };
  if (!hits.length) return { text: `${body.slice(0, size).replace(/\s/g, ' ')}…`, hits: [] };
  let best = 0;
  let bestCount = -1;
  for (let i = 0; i < hits.length; i++) {
    let count = 0;
    for (let j = i; j < hits.length && hits[j]![1] <= hits[i]![0] + size; j++) count++;
    if (count > bestCount) [best, bestCount] = [i, count];
  }
  // Start a little before the first hit so that it reads in context.
  const start = Math.max(0, Math.min(hits[best]![0] - 20, body.length - size));
  const end = Math.min(body.length, start + size);
  const prefix = start > 0 ? '…' : '';
  const text = prefix + body.slice(start, end).replace(/\s/g, ' ') + (end < body.length ? '…' : '');
  const shift = prefix.length - start;
  return { text, hits: hits.filter(([s, e]) => s >= start && e <= end).map(([s, e]): Hit => [s + shift, e + shift]) };
}
