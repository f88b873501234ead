// RFM scoring: recency, frequency and monetary value scored 1–5 by quintiles, and the named segments of the
// usual R × FM grid (docs/analytics.md shows the grid).

export interface RfmInput {
  key: string;
  /** Days from the last purchase to the reference date. */
  recencyDays: number;
  orders: number;
  revenue: number;
}

export interface RfmScore {
  r: number;
  f: number;
  m: number;
  /** The FM axis of the grid: the mean of F and M, halves rounded up. */
  fm: number;
  segment: RfmSegment;
}

export const RFM_SEGMENTS = ['champions', 'loyal', 'potentialLoyalist', 'new', 'promising', 'needAttention', 'aboutToSleep', 'atRisk', 'cantLose', 'hibernating', 'lost'] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** Rows R = 5 … 1 (most recent first), columns FM = 1 … 5. */
const GRID: Record<number, RfmSegment[]> = {
  5: ['new', 'potentialLoyalist', 'potentialLoyalist', 'champions', 'champions'],
  4: ['promising', 'potentialLoyalist', 'potentialLoyalist', 'loyal', 'loyal'],
  3: ['aboutToSleep', 'aboutToSleep', 'needAttention', 'loyal', 'loyal'],
  2: ['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLose'],
  1: ['lost', 'hibernating', 'atRisk', 'atRisk', 'cantLose'],
};

export const segmentOf = (r: number, fm: number): RfmSegment => GRID[r]![fm - 1]!;

/**
 * Quintile scores by rank-based percentiles, so that equal values always get equal scores: a customer's
 * score is 1 + ⌊5 · (customers strictly worse) / n⌋. The best fifth gets 5; with heavy ties (many one-order
 * customers) a score may stay empty rather than split equal customers.
 */
export function quintileScores(values: number[], better: 'higher' | 'lower'): number[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  // Strictly worse = strictly lower (higher is better) or strictly higher (lower is better): binary search.
  const countBelow = (x: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const countAbove = (x: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return n - lo;
  };
  return values.map((x) => Math.min(5, 1 + Math.floor((5 * (better === 'higher' ? countBelow(x) : countAbove(x))) / n)));
}

export function rfmScores(customers: RfmInput[]): Map<string, RfmScore> {
  const r = quintileScores(
    customers.map((c) => c.recencyDays),
    'lower',
  );
  const f = quintileScores(
    customers.map((c) => c.orders),
    'higher',
  );
  const m = quintileScores(
    customers.map((c) => c.revenue),
    'higher',
  );
  return new Map(
    customers.map((c, i) => {
      const fm = Math.ceil((f[i]! + m[i]!) / 2);
      return [c.key, { r: r[i]!, f: f[i]!, m: m[i]!, fm, segment: segmentOf(r[i]!, fm) }];
    }),
  );
}
