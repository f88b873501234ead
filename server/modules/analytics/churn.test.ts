import { describe, expect, it } from 'vitest';
import { churnRisk } from './churn.js';

describe('churn risk', () => {
  it('a customer buying on rhythm has no risk', () => {
    expect(churnRisk({ recencyDays: 20, orders: 10, spanDays: 270, recentOrders: 5, previousOrders: 5 })).toEqual({ score: 0, reasons: [] });
  });

  it('overdue against their own gap: (days / gap − 1) × 20, capped at 50', () => {
    // Gap 270 / 9 = 30 days; 75 days since → (2.5 − 1) × 20 = 30.
    expect(churnRisk({ recencyDays: 75, orders: 10, spanDays: 270, recentOrders: 3, previousOrders: 1 })).toEqual({ score: 30, reasons: [{ code: 'overdue', points: 30, params: { days: 75, usualGap: 30 } }] });
    expect(churnRisk({ recencyDays: 900, orders: 1, spanDays: 0, recentOrders: 0, previousOrders: 0 }).score).toBe(50);
  });

  it('fewer orders than the half-year before, and signals, add up to at most 100', () => {
    const risk = churnRisk({ recencyDays: 400, orders: 6, spanDays: 100, recentOrders: 1, previousOrders: 4 }, [
      { customerType: 'account', customerId: 'x', code: 'openComplaints', points: 30, params: { count: 2 } },
      { customerType: 'account', customerId: 'x', code: 'contractEnding', points: 0 },
    ]);
    expect(risk.reasons.map((r) => [r.code, r.points])).toEqual([
      ['overdue', 50],
      ['openComplaints', 30],
      ['fewerOrders', 23],
    ]);
    expect(risk.score).toBe(100);
  });
});
