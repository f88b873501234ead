// Churn risk of a customer: points from buying behaviour (overdue against their own rhythm, fewer orders than
// before) and from signals other modules feed (open complaints, low satisfaction, a contract ending), with
// the reasons kept so that people see why. The weights are set by hand (docs/analytics.md): the order data
// has no churn label to fit them on; churn.model.ts fits and measures a model where a label exists.

import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';

export type CustomerType = 'account' | 'contact';

export interface ChurnReason {
  /** `overdue`, `fewerOrders`, or a signal's code (`openComplaints`, `lowSatisfaction`, `contractEnding`…). */
  code: string;
  points: number;
  params: Record<string, string | number>;
}

export interface ChurnSignal {
  customerType: CustomerType;
  customerId: string;
  code: string;
  /** How much it adds to the 0–100 score (a module's own judgement, e.g. 15 per open complaint, at most 30). */
  points: number;
  params?: Record<string, string | number>;
}

/** A module's signals for one workspace as of a date: service (complaints, satisfaction), contracts (end dates)… */
export type ChurnSignalSource = (tx: Executor, ctx: RequestContext, referenceDate: Date) => Promise<ChurnSignal[]>;

const sources = new Map<string, ChurnSignalSource>();

/** Modules feed churn risk without the analytics module knowing them: register once at start. */
export function registerChurnSignal(name: string, source: ChurnSignalSource): void {
  sources.set(name, source);
}

/** Every registered source's signals, grouped by customer key (`account:<id>`). */
export async function collectChurnSignals(tx: Executor, ctx: RequestContext, referenceDate: Date): Promise<Map<string, ChurnSignal[]>> {
  const byCustomer = new Map<string, ChurnSignal[]>();
  for (const source of sources.values())
    for (const signal of await source(tx, ctx, referenceDate)) {
      const key = `${signal.customerType}:${signal.customerId}`;
      byCustomer.set(key, [...(byCustomer.get(key) ?? []), signal]);
    }
  return byCustomer;
}

export interface BuyingBehaviour {
  recencyDays: number;
  orders: number;
  /** Days between first and last purchase. */
  spanDays: number;
  /** Orders in the last 180 days and in the 180 days before. */
  recentOrders: number;
  previousOrders: number;
}

/** A one-time buyer's "usual gap": nobody is overdue before three months. */
const DEFAULT_GAP_DAYS = 90;
const MIN_GAP_DAYS = 30;

/**
 * Score 0–100 and its reasons, largest first. Overdue: (days since the last purchase / usual gap − 1) × 20,
 * at most 50, where the usual gap is the mean time between orders (at least 30 days; 90 for one order).
 * Fewer orders: when the previous half-year had 2 or more orders, 30 × the share of them not repeated in the
 * last half-year. Signals add their points. The sum is capped at 100.
 */
export function churnRisk(behaviour: BuyingBehaviour, signals: ChurnSignal[] = []): { score: number; reasons: ChurnReason[] } {
  const reasons: ChurnReason[] = [];
  const gap = behaviour.orders >= 2 ? Math.max(MIN_GAP_DAYS, behaviour.spanDays / (behaviour.orders - 1)) : DEFAULT_GAP_DAYS;
  const overdue = Math.min(50, (behaviour.recencyDays / gap - 1) * 20);
  if (overdue > 0) reasons.push({ code: 'overdue', points: Math.round(overdue), params: { days: behaviour.recencyDays, usualGap: Math.round(gap) } });
  if (behaviour.previousOrders >= 2 && behaviour.recentOrders < behaviour.previousOrders) {
    reasons.push({ code: 'fewerOrders', points: Math.round(30 * (1 - behaviour.recentOrders / behaviour.previousOrders)), params: { recent: behaviour.recentOrders, previous: behaviour.previousOrders } });
  }
  for (const signal of signals) if (signal.points > 0) reasons.push({ code: signal.code, points: Math.round(signal.points), params: signal.params ?? {} });
  reasons.sort((a, b) => b.points - a.points || a.code.localeCompare(b.code));
  const kept = reasons.filter((r) => r.points > 0);
  return { score: Math.min(100, kept.reduce((sum, r) => sum + r.points, 0)), reasons: kept };
}
