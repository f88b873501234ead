import { describe, expect, it } from 'vitest';
import { abcTiers, paretoSummary, topShare, rankByRevenue } from './pareto.js';

const customers = (revenues: number[]) => revenues.map((revenue, i) => ({ key: `c${String(i).padStart(2, '0')}`, revenue }));

describe('Pareto', () => {
  it('finds the concentration of ten customers worked by hand', () => {
    // 100 of 190: c00 alone is 52.6%; with c01 (40) 73.7%; with c02 (20) 84.2% → 3 of 10 customers bring 80%.
    const list = customers([100, 40, 20, 10, 5, 5, 4, 3, 2, 1]);
    const summary = paretoSummary(list);
    expect(summary.customers).toBe(10);
    expect(summary.revenue).toBe(190);
    expect(summary.shareFor80).toBe(0.3);
    expect(summary.topShares.find((t) => t.customerShare === 0.2)!.revenueShare).toBeCloseTo(140 / 190, 12);
    // The top 1% of ten customers is one customer, not none.
    expect(summary.topShares[0]!.revenueShare).toBeCloseTo(100 / 190, 12);
    expect(summary.lorenz[0]).toEqual({ customerShare: 0, revenueShare: 0 });
    expect(summary.lorenz.at(-1)).toEqual({ customerShare: 1, revenueShare: 1 });
    expect(summary.lorenz[1]!.revenueShare).toBeCloseTo(1 / 190, 12);
    expect(summary.gini).toBeGreaterThan(0.5);
  });

  it('equal customers: Gini 0, the Lorenz curve is the diagonal, 80% needs 80% of them', () => {
    const summary = paretoSummary(customers([7, 7, 7, 7, 7]));
    expect(summary.gini).toBeCloseTo(0, 12);
    expect(summary.shareFor80).toBe(0.8);
    for (const point of summary.lorenz) expect(point.revenueShare).toBeCloseTo(point.customerShare, 12);
  });

  it('leaves out customers without positive revenue and copes with none at all', () => {
    const summary = paretoSummary(customers([50, 0, -20, 50]));
    expect(summary.customers).toBe(2);
    expect(summary.revenue).toBe(100);
    expect(paretoSummary([])).toMatchObject({ customers: 0, revenue: 0, shareFor80: 0 });
    expect(topShare([], 0, 0.2)).toBe(0);
  });

  it('a thousand customers give 101 Lorenz points', () => {
    expect(paretoSummary(customers(Array.from({ length: 1000 }, (_, i) => i + 1))).lorenz).toHaveLength(101);
  });
});

describe('ABC tiers', () => {
  it('the customer crossing the A threshold is A, the one crossing B is B, the rest C', () => {
    const tiers = abcTiers(customers([100, 40, 20, 10, 5, 5, 4, 3, 2, 1]));
    // Before c02: 140/190 = 73.7% < 80% → A. Before c03: 84.2% → B; before c04 89.5%, c05 92.1%, c06 94.7% → B; before c07 96.8% → C.
    expect([...tiers.values()].join('')).toBe('AAABBBBCCC');
  });

  it('takes other thresholds, ties break by key, and non-buyers are C', () => {
    const tiers = abcTiers([{ key: 'b', revenue: 10 }, { key: 'a', revenue: 10 }, { key: 'z', revenue: 0 }, { key: 'n', revenue: -5 }], { a: 0.5, b: 0.9 });
    expect(Object.fromEntries(tiers)).toEqual({ a: 'A', b: 'B', z: 'C', n: 'C' });
    expect(rankByRevenue([{ key: 'b', revenue: 10 }, { key: 'a', revenue: 10 }]).map((c) => c.key)).toEqual(['a', 'b']);
  });
});
