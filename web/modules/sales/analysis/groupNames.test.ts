import { describe, expect, it } from 'vitest';
import { groupLabel, monthLabel, periodLabel, type GroupLookups } from './groupNames';
import { cellKey, quotaCells, quotaChanges } from './quotaGrid';

const lookups: GroupLookups = {
  member: (id) => ({ u1: '王伟' })[id],
  team: (id) => ({ t1: '华东销售部' })[id],
  reason: (id) => ({ r1: 'Price' })[id],
  pipeline: (id) => ({ p1: 'Default' })[id],
};
const texts = { none: '(none)', unknown: '(unknown)', locale: 'en' };

describe('groupLabel', () => {
  it('resolves ids of members, managers, teams, reasons and pipelines to names', () => {
    expect(groupLabel('owner', 'u1', lookups, texts)).toBe('王伟');
    expect(groupLabel('manager', 'u1', lookups, texts)).toBe('王伟');
    expect(groupLabel('team', 't1', lookups, texts)).toBe('华东销售部');
    expect(groupLabel('reason', 'r1', lookups, texts)).toBe('Price');
    expect(groupLabel('pipeline', 'p1', lookups, texts)).toBe('Default');
  });

  it('says so for a missing key and for an id it cannot name (a removed member)', () => {
    expect(groupLabel('region', null, lookups, texts)).toBe('(none)');
    expect(groupLabel('source', '', lookups, texts)).toBe('(none)');
    expect(groupLabel('owner', 'gone', lookups, texts)).toBe('(unknown)');
  });

  it('keeps free text as it is and writes months in the locale', () => {
    expect(groupLabel('competitor', '竞品甲', lookups, texts)).toBe('竞品甲');
    expect(groupLabel('month', '2026-03', lookups, texts)).toBe('Mar 2026');
    expect(monthLabel('2026-03', 'zh-CN')).toBe('2026年3月');
    expect(groupLabel('quarter', '2026-Q1', lookups, texts)).toBe('2026-Q1');
    expect(periodLabel('2026-Q4', 'en')).toBe('2026-Q4');
  });
});

describe('quota grid', () => {
  it('starts from members’ quotas in major units and sends only changed cells, cleared ones as null', () => {
    const before = quotaCells(
      [
        { subjectType: 'user', subjectId: 'u1', month: '2026-01', amount: 1_000_000, currency: 'CNY' },
        { subjectType: 'user', subjectId: 'u1', month: '2026-02', amount: 500_000, currency: 'CNY' },
        { subjectType: 'team', subjectId: 't1', month: '2026-01', amount: 9, currency: 'CNY' },
      ],
      2,
    );
    expect(before).toEqual({ [cellKey('u1', '2026-01')]: 10_000, [cellKey('u1', '2026-02')]: 5_000 });
    const after = { ...before, [cellKey('u1', '2026-02')]: null, [cellKey('u2', '2026-01')]: 12.345 };
    expect(quotaChanges(before, after, 'CNY', 2)).toEqual([
      { subjectType: 'user', subjectId: 'u1', month: '2026-02', amount: null, currency: 'CNY' },
      { subjectType: 'user', subjectId: 'u2', month: '2026-01', amount: 1235, currency: 'CNY' },
    ]);
    expect(quotaChanges(before, before, 'CNY', 2)).toEqual([]);
  });

  it('uses the currency’s digits (yen has none)', () => {
    expect(quotaChanges({}, { [cellKey('u1', '2026-01')]: 5000 }, 'JPY', 0)[0]!.amount).toBe(5000);
  });
});
