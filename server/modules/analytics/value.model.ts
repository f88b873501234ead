// Per-customer value figures and the lifetime-value estimate (docs/analytics.md states the model and why).

const DAY = 86_400_000;
/** Shortest observation window for a purchase rate: a customer first seen yesterday has not bought "365 times a year". */
export const MIN_OBSERVED_DAYS = 90;

export interface CustomerHistory {
  key: string;
  /** Net revenue in minor units (cancellations subtract). */
  revenue: number;
  /** Orders that were not cancelled. */
  orders: number;
  firstAt: Date;
  lastAt: Date;
}

export interface LtvAssumptions {
  /** Share of customers active one year who buy again the next (the workspace's observed repeat rate). */
  retention: number;
  /** Yearly discount rate for money later. */
  discount: number;
  /** Years ahead the estimate covers. */
  horizonYears: number;
}
export const DEFAULT_LTV: Omit<LtvAssumptions, 'retention'> = { discount: 0.1, horizonYears: 3 };

export interface CustomerValueFigures {
  averageOrderValue: number;
  /** Orders per year over the customer's observed time (first purchase → reference date, at least 90 days). */
  ordersPerYear: number;
  recencyDays: number;
  lifetimeValue: number;
}

/**
 * Lifetime value = yearly value × Σ_{t=0}^{H−1} (retention / (1 + discount))^t, where yearly value =
 * average order value × orders per year: the customer's own past rate, kept up while they stay, each year
 * they stay with the workspace's retention, discounted. Negative net revenue counts as zero value.
 */
export function customerValue(history: CustomerHistory, referenceDate: Date, assumptions: LtvAssumptions): CustomerValueFigures {
  const averageOrderValue = history.orders > 0 ? Math.max(0, history.revenue) / history.orders : 0;
  const observedDays = Math.max(MIN_OBSERVED_DAYS, (referenceDate.getTime() - history.firstAt.getTime()) / DAY);
  const ordersPerYear = (history.orders * 365) / observedDays;
  const factor = Math.max(0, Math.min(1, assumptions.retention)) / (1 + assumptions.discount);
  let years = 0;
  for (let t = 0; t < assumptions.horizonYears; t++) years += factor ** t;
  return {
    averageOrderValue,
    ordersPerYear,
    recencyDays: Math.max(0, Math.floor((referenceDate.getTime() - history.lastAt.getTime()) / DAY)),
    lifetimeValue: Math.round(averageOrderValue * ordersPerYear * years),
  };
}

/**
 * The repeat rate: of the customers who bought in the year before the last one, the share who bought in the
 * last year. Without any such customer, 0.5 (a neutral guess, said so in the docs).
 */
export function retentionRate(customers: { boughtYearBefore: boolean; boughtLastYear: boolean }[]): number {
  const earlier = customers.filter((c) => c.boughtYearBefore);
  return earlier.length === 0 ? 0.5 : earlier.filter((c) => c.boughtLastYear).length / earlier.length;
}
