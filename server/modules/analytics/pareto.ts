// Pareto analysis of customer revenue: concentration figures, the Lorenz curve and A/B/C tiers.
// Order everywhere: revenue descending, then customer key ascending, so ties always fall the same way.

export type AbcTier = 'A' | 'B' | 'C';

export interface RevenueOf {
  key: string;
  revenue: number;
}

export interface AbcThresholds {
  /** Cumulative revenue share the A customers bring (0.8: the top customers up to 80% of revenue). */
  a: number;
  /** Cumulative share A and B bring together; the rest are C. */
  b: number;
}
export const DEFAULT_ABC: AbcThresholds = { a: 0.8, b: 0.95 };

export interface ParetoSummary {
  /** Customers with a positive net revenue: the population of every share below. */
  customers: number;
  revenue: number;
  /** The smallest share of customers that brings 80% of revenue. */
  shareFor80: number;
  /** Revenue share of the top 1%, 5%, 10%, 20% and 50% of customers (at least one customer each). */
  topShares: { customerShare: number; revenueShare: number }[];
  /** Gini coefficient of revenue over customers (0: all equal; near 1: one customer has it all). */
  gini: number;
  /** Lorenz curve from the smallest customers up: (customer share, revenue share), at most 101 points. */
  lorenz: { customerShare: number; revenueShare: number }[];
}

const byRevenue = (a: RevenueOf, b: RevenueOf) => b.revenue - a.revenue || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The customers with positive revenue, largest first. */
export function rankByRevenue(customers: RevenueOf[]): RevenueOf[] {
  return customers.filter((c) => c.revenue > 0).sort(byRevenue);
}

/** Share of revenue from the top `share` of customers (rounded up to whole customers). */
export function topShare(ranked: RevenueOf[], total: number, share: number): number {
  if (ranked.length === 0 || total <= 0) return 0;
  const count = Math.max(1, Math.ceil(ranked.length * share - 1e-9));
  let sum = 0;
  for (let i = 0; i < count && i < ranked.length; i++) sum += ranked[i]!.revenue;
  return sum / total;
}

/** The smallest number of top customers whose revenue reaches `share` of the total. */
function countReaching(ranked: RevenueOf[], total: number, share: number): number {
  let sum = 0;
  for (let i = 0; i < ranked.length; i++) {
    sum += ranked[i]!.revenue;
    if (sum >= share * total - 1e-9) return i + 1;
  }
  return ranked.length;
}

export function paretoSummary(customers: RevenueOf[]): ParetoSummary {
  const ranked = rankByRevenue(customers);
  const n = ranked.length;
  const total = ranked.reduce((s, c) => s + c.revenue, 0);
  if (n === 0) return { customers: 0, revenue: 0, shareFor80: 0, topShares: [], gini: 0, lorenz: [{ customerShare: 0, revenueShare: 0 }] };
  // Lorenz: smallest first. Points at every customer when few, else at 100 evenly spaced customer counts.
  const ascending = [...ranked].reverse();
  const cumulative = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < n; i++) cumulative[i + 1] = cumulative[i]! + ascending[i]!.revenue;
  const steps = Math.min(n, 100);
  const lorenz = Array.from({ length: steps + 1 }, (_, s) => {
    const k = Math.round((s * n) / steps);
    return { customerShare: k / n, revenueShare: cumulative[k]! / total };
  });
  // Gini = 1 − 2·(area under the Lorenz curve), the area summed exactly over every customer.
  let area = 0;
  for (let i = 0; i < n; i++) area += (cumulative[i]! + cumulative[i + 1]!) / (2 * total * n);
  return {
    customers: n,
    revenue: total,
    shareFor80: countReaching(ranked, total, 0.8) / n,
    topShares: [0.01, 0.05, 0.1, 0.2, 0.5].map((customerShare) => ({ customerShare, revenueShare: topShare(ranked, total, customerShare) })),
    gini: 1 - 2 * area,
    lorenz,
  };
}

/**
 * A/B/C tier per customer key. Walking down the ranking, a customer is A while the revenue before it is
 * under the A threshold (so the customer that crosses 80% is still A), B likewise up to the B threshold,
 * then C. Customers without positive revenue are C.
 */
export function abcTiers(customers: RevenueOf[], thresholds: AbcThresholds = DEFAULT_ABC): Map<string, AbcTier> {
  const ranked = rankByRevenue(customers);
  const total = ranked.reduce((s, c) => s + c.revenue, 0);
  const tiers = new Map<string, AbcTier>(customers.map((c) => [c.key, 'C']));
  let before = 0;
  for (const c of ranked) {
    const share = before / total;
    tiers.set(c.key, share < thresholds.a - 1e-12 ? 'A' : share < thresholds.b - 1e-12 ? 'B' : 'C');
    before += c.revenue;
  }
  return tiers;
}
