import type { TFunction } from 'i18next';

export interface ShareOf {
  customerShare: number;
  revenueShare: number;
}

export interface ValueOverview {
  thresholds: { a: number; b: number };
  computedAt: string | null;
  summary: {
    referenceDate: string;
    currency: string;
    customers: number;
    retention: number;
    pareto: { customers: number; revenue: number; shareFor80: number; topShares: ShareOf[]; gini: number; lorenz: ShareOf[] };
    tiers: Record<string, { customers: number; revenue: number }>;
  } | null;
}

export interface RfmCell {
  r: number;
  fm: number;
  segment: string;
  customers: number;
  revenue: number;
}

export interface ChurnReason {
  code: string;
  points: number;
  params: Record<string, string | number>;
}

export interface CustomerValue {
  id: string;
  customerType: 'account' | 'contact';
  name: string;
  ownerId: string | null;
  currency: string;
  revenue: number;
  orders: number;
  firstPurchaseAt: string;
  lastPurchaseAt: string;
  averageOrderValue: number;
  ordersPerYear: number;
  lifetimeValue: number;
  ltvModel: 'bgnbd' | 'simple';
  probabilityAlive: number | null;
  expectedPurchases12m: number | null;
  abcTier: 'A' | 'B' | 'C';
  recencyDays: number;
  r: number;
  f: number;
  m: number;
  fm: number;
  segment: string;
  churnScore: number;
  churnReasons: ChurnReason[];
}

export interface Offer {
  rank: number;
  productId: string;
  productName: string | null;
  becauseProductId: string;
  becauseProductName: string | null;
  together: number;
  confidence: number;
  lift: number;
}

/** Segment colours of the RFM grid: warm for the best, cool for the fading. */
export const SEGMENT_COLORS: Record<string, string> = {
  champions: '#52c41a',
  loyal: '#95de64',
  potentialLoyalist: '#b7eb8f',
  new: '#87e8de',
  promising: '#91caff',
  needAttention: '#ffe58f',
  aboutToSleep: '#ffd591',
  atRisk: '#ffa39e',
  cantLose: '#ff7875',
  hibernating: '#d9d9d9',
  lost: '#bfbfbf',
};

/** A churn reason in the reader's language; a module's own signal code falls back to the code. */
export const reasonText = (t: TFunction, reason: ChurnReason) => `${t(`customerValue.reasons_.${reason.code}`, { ...reason.params, defaultValue: reason.code })} (+${reason.points})`;
