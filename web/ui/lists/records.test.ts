import { describe, expect, it } from 'vitest';
import { fieldPatch, tagItems, valueOf, withRowFirst, withValue, withoutRow } from './records';

const row = (id: string, tags: string[] = [], custom: Record<string, unknown> = {}) => ({ id, name: id, ownerId: null, tags, custom, createdAt: '', updatedAt: '', lifecycleStage: 'target' });

describe('records', () => {
  it('reads and sets standard and custom fields', () => {
    const r = row('a', [], { budget: 5 });
    expect(valueOf(r, 'custom.budget')).toBe(5);
    expect(valueOf(r, 'lifecycleStage')).toBe('target');
    expect(valueOf(r, 'custom.none')).toBeNull();
    expect(fieldPatch('custom.tier', 'gold')).toEqual({ custom: { tier: 'gold' } });
    expect(fieldPatch('lifecycleStage', null)).toEqual({ lifecycleStage: null });
    expect(withValue(r, 'custom.tier', 'gold').custom).toEqual({ budget: 5, tier: 'gold' });
    expect(withValue(r, 'lifecycleStage', 'fan').lifecycleStage).toBe('fan');
  });

  it('adds and removes a tag, leaving out records it would not change', () => {
    const rows = [row('a', ['vip']), row('b', []), row('c', ['x', 'vip'])];
    expect(tagItems(rows, ' vip ', 'add')).toEqual([{ id: 'b', tags: ['vip'] }]);
    expect(tagItems(rows, 'vip', 'remove')).toEqual([
      { id: 'a', tags: [] },
      { id: 'c', tags: ['x'] },
    ]);
    expect(tagItems(rows, '  ', 'add')).toEqual([]);
  });

  it('moves a row between cached pages', () => {
    const data = { pageParams: [undefined, 'c1'], pages: [{ data: [row('a'), row('b')], nextCursor: 'c1' }, { data: [row('c')], nextCursor: null }] };
    expect(withoutRow(data, 'c')!.pages.map((p) => p.data.map((r) => r.id))).toEqual([['a', 'b'], []]);
    expect(withRowFirst(data, row('c'))!.pages.map((p) => p.data.map((r) => r.id))).toEqual([['c', 'a', 'b'], []]);
    expect(withRowFirst(undefined, row('c'))).toBeUndefined();
  });
});
