import { describe, expect, it } from 'vitest';
import { quintileScores, rfmScores, RFM_SEGMENTS, segmentOf } from './rfm.js';

describe('quintile scores', () => {
  it('ten distinct values: two per score, the better end gets 5', () => {
    expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'higher')).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'lower')).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('equal values get equal scores (rank by customers strictly worse), whatever their order', () => {
    // Six one-order customers of ten: none is strictly worse than them → all 1; 2 orders: 6 worse → 1 + ⌊30/10⌋ = 4.
    const orders = [1, 1, 3, 1, 2, 1, 1, 2, 5, 1];
    expect(quintileScores(orders, 'higher')).toEqual([1, 1, 5, 1, 4, 1, 1, 4, 5, 1]);
    expect(quintileScores([4, 4, 4], 'higher')).toEqual([1, 1, 1]);
    expect(quintileScores([4, 4, 4], 'lower')).toEqual([1, 1, 1]);
    expect(quintileScores([], 'higher')).toEqual([]);
    expect(quintileScores([9], 'lower')).toEqual([1]);
  });
});

describe('segments', () => {
  it('maps the corners and the middle of the grid, and every segment has a cell', () => {
    expect(segmentOf(5, 5)).toBe('champions');
    expect(segmentOf(5, 1)).toBe('new');
    expect(segmentOf(1, 1)).toBe('lost');
    expect(segmentOf(1, 5)).toBe('cantLose');
    expect(segmentOf(3, 3)).toBe('needAttention');
    expect(segmentOf(2, 1)).toBe('hibernating');
    const all = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let fm = 1; fm <= 5; fm++) all.add(segmentOf(r, fm));
    expect([...all].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it('scores customers: the recent big spender is a champion, the old one-time buyer lost', () => {
    const customers = Array.from({ length: 10 }, (_, i) => ({ key: `c${i}`, recencyDays: 10 + i * 30, orders: 10 - i, revenue: 1000 - i * 100 }));
    const scores = rfmScores(customers);
    expect(scores.get('c0')).toEqual({ r: 5, f: 5, m: 5, fm: 5, segment: 'champions' });
    expect(scores.get('c9')).toEqual({ r: 1, f: 1, m: 1, fm: 1, segment: 'lost' });
    // F 3 and M 4 → FM = ⌈3.5⌉ = 4.
    const mixed = rfmScores([...customers.slice(1), { key: 'x', recencyDays: 0, orders: 5, revenue: 850 }]).get('x')!;
    expect(mixed.fm).toBe(Math.ceil((mixed.f + mixed.m) / 2));
  });
});
