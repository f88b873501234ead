import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.js';
import { queryKeys, searchKeys } from './search-keys.js';
import { phoneQueryDigits, toE164 } from '../phones.js';

const finds = (record: Parameters<typeof searchKeys>[0], query: string, country = 'CN') => {
  const keys = new Set(searchKeys(record));
  return queryKeys(query, phoneQueryDigits(query, country)).some((k) => keys.has(k.key));
};

describe('search keys', () => {
  const wangWei = { name: '王伟', isPersonName: true, company: '华为技术有限公司', emails: ['wang.wei@example.cn'], phones: ['+8613800138000'] };

  it('finds 王伟 by characters, full pinyin with or without spaces, and initials', () => {
    for (const q of ['王伟', '王', '伟', 'wangwei', 'wang wei', 'WangWei', 'ww', 'wang', 'wei', 'wangw']) expect(finds(wangWei, q), q).toBe(true);
    for (const q of ['李', 'lw', 'wangxi', 'weiwang']) expect(finds(wangWei, q), q).toBe(false);
  });

  it('treats traditional and simplified characters as the same', () => {
    const huang = { name: '黃國華', isPersonName: true, company: '鴻海精密' };
    for (const q of ['黄国华', '黃國華', '国华', '國華', 'huangguohua', 'hgh', '鸿海', '鴻海']) expect(finds(huang, q), q).toBe(true);
  });

  it('reads surnames as surnames (单 is Shan)', () => {
    expect(finds({ name: '单田芳', isPersonName: true }, 'shantianfang')).toBe(true);
  });

  it('finds a phone however it is written, and by its last digits', () => {
    for (const q of ['13800138000', '138 0013 8000', '+86-138-0013-8000', '+86 138 0013 8000', '8000', '0013 8000']) expect(finds(wangWei, q), q).toBe(true);
    expect(finds(wangWei, '139 0013 8000')).toBe(false);
  });

  it('finds company by prefix and its pinyin, e-mail in full or by the start of its local part', () => {
    for (const q of ['华为', '华为技术', 'huawei', 'wang.wei@example.cn', 'WANG.WEI@EXAMPLE.CN']) expect(finds(wangWei, q), q).toBe(true);
  });

  it('handles Latin names with accents and several words', () => {
    const anna = { name: 'Anna Müller', isPersonName: true, company: 'Siemens AG' };
    for (const q of ['anna', 'muller', 'Müller', 'anna muller', 'siem']) expect(finds(anna, q), q).toBe(true);
  });

  it('gives empty and whitespace queries no keys, and keeps huge input bounded', () => {
    expect(queryKeys('   ', [])).toEqual([]);
    expect(searchKeys({ name: '很'.repeat(5000), isPersonName: true }).length).toBeLessThan(200);
  });

  it('normalizes text for search', () => {
    expect(normalizeText('  ＡＢＣ  黃國華 ')).toBe('abc 黄国华');
  });
});

describe('phone numbers', () => {
  it('writes valid numbers in E.164 using the default country', () => {
    expect(toE164('138 0013 8000', 'CN')).toBe('+8613800138000');
    expect(toE164('(02) 2345-6789', 'TW')).toBe('+886223456789');
    expect(toE164('+1 415 555 0123', 'CN')).toBe('+14155550123');
    expect(toE164('12345', 'CN')).toBeNull();
  });
});
