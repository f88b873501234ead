import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FIELD_ERROR_CODES } from '../../contracts/errors.js';

const dir = path.dirname(new URL(import.meta.url).pathname);
const locales = ['zh-CN', 'zh-TW', 'en'] as const;
const load = (l: string) => JSON.parse(fs.readFileSync(path.join(dir, `${l}.json`), 'utf8')) as Record<string, unknown>;
const flatten = (o: Record<string, unknown>, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? Object.entries(flatten(v as Record<string, unknown>, `${prefix}${k}.`)) : [[`${prefix}${k}`, String(v)]])),
  );
const messages = Object.fromEntries(locales.map((l) => [l, flatten(load(l))]));

describe('translations', () => {
  it('every key exists in all three languages', () => {
    const all = new Set(locales.flatMap((l) => Object.keys(messages[l]!)));
    for (const l of locales) expect([...all].filter((k) => !(k in messages[l]!)), `missing in ${l}`).toEqual([]);
  });

  it('no message is empty', () => {
    for (const l of locales) expect(Object.entries(messages[l]!).filter(([, v]) => !v.trim()).map(([k]) => k), l).toEqual([]);
  });

  it('every API error code and field error code has a message', () => {
    for (const l of locales) {
      for (const code of ERROR_CODES) expect(messages[l]![`errors.${code}`], `${l} errors.${code}`).toBeTruthy();
      for (const code of FIELD_ERROR_CODES) expect(messages[l]![`validation.${code}`], `${l} validation.${code}`).toBeTruthy();
    }
  });

  it('keeps the same {{placeholders}} in every language', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messages.en!)) {
      for (const l of ['zh-CN', 'zh-TW'] as const) expect(placeholders(messages[l]![key] ?? ''), `${l} ${key}`).toEqual(placeholders(messages.en![key]!));
    }
  });

  it('Chinese files are really Chinese: simplified and traditional differ where they should', () => {
    expect(messages['zh-CN']!['errors.UNAUTHENTICATED']).toBe('请先登录。');
    expect(messages['zh-TW']!['errors.UNAUTHENTICATED']).toBe('請先登入。');
  });
});
