import { describe, expect, it } from 'vitest';
import { customerValue, retentionRate } from './value.model.js';

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('lifetime value', () => {
  it('AOV × orders a year × discounted retention years, worked by hand', () => {
    // 4 orders, 1000 net, first purchase 365 days ago: AOV 250, 4 a year, 1000 a year;
    // retention 0.6, discount 10%, 3 years: 1 + 0.5454… + 0.2975… = 1.8429… → 1843.
    const figures = customerValue({ key: 'c', revenue: 1000, orders: 4, firstAt: at('2025-01-01'), lastAt: at('2025-12-02') }, at('2026-01-01'), { retention: 0.6, discount: 0.1, horizonYears: 3 });
    expect(figures.averageOrderValue).toBe(250);
    expect(figures.ordersPerYear).toBe(4);
    expect(figures.recencyDays).toBe(30);
    expect(figures.lifetimeValue).toBe(Math.round(1000 * (1 + 0.6 / 1.1 + (0.6 / 1.1) ** 2)));
  });

  it('a new customer is observed over 90 days at least; net refunds are worth nothing', () => {
    const fresh = customerValue({ key: 'c', revenue: 500, orders: 1, firstAt: at('2025-12-31'), lastAt: at('2025-12-31') }, at('2026-01-01'), { retention: 0, discount: 0.1, horizonYears: 3 });
    expect(fresh.ordersPerYear).toBeCloseTo(365 / 90, 12);
    expect(fresh.lifetimeValue).toBe(Math.round((500 * 365) / 90));
    expect(customerValue({ key: 'c', revenue: -50, orders: 1, firstAt: at('2025-01-01'), lastAt: at('2025-01-01') }, at('2026-01-01'), { retention: 1, discount: 0, horizonYears: 3 }).lifetimeValue).toBe(0);
  });

  it('retention is the share of last-but-one-year buyers who bought again', () => {
    expect(retentionRate([{ boughtYearBefore: true, boughtLastYear: true }, { boughtYearBefore: true, boughtLastYear: false }, { boughtYearBefore: false, boughtLastYear: true }])).toBe(0.5);
    expect(retentionRate([{ boughtYearBefore: true, boughtLastYear: true }])).toBe(1);
    expect(retentionRate([])).toBe(0.5);
  });
});
