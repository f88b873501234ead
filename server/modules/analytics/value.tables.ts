import { bigint, doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';
import type { ChurnReason, CustomerType } from './churn.js';
import type { ParetoSummary } from './pareto.js';
import type { RfmSegment } from './rfm.js';

/**
 * What the customer-value job computed for one customer (an account or a contact that bought), as of the
 * run's reference date: pages and lists read it instead of aggregating order history. Money in minor units of
 * the run's currency (the workspace's).
 */
export const customerValues = pgTable(
  'customer_value',
  {
    workspaceId: workspaceIdColumn(),
    customerType: text('customer_type').$type<CustomerType>().notNull(),
    customerId: uuid('customer_id').notNull(),
    currency: text('currency').notNull(),
    revenue: bigint('revenue', { mode: 'number' }).notNull(),
    orders: integer('orders').notNull(),
    firstPurchaseAt: timestamp('first_purchase_at', { withTimezone: true, precision: 3 }).notNull(),
    lastPurchaseAt: timestamp('last_purchase_at', { withTimezone: true, precision: 3 }).notNull(),
    averageOrderValue: bigint('average_order_value', { mode: 'number' }).notNull(),
    ordersPerYear: doublePrecision('orders_per_year').notNull(),
    lifetimeValue: bigint('lifetime_value', { mode: 'number' }).notNull(),
    /** Which model gave lifetimeValue: BG/NBD + Gamma-Gamma, or the simple formula when the fit was not identifiable. */
    ltvModel: text('ltv_model').$type<LtvModel>().notNull().default('simple'),
    /** BG/NBD's P(alive | x, t_x, T); null under the simple formula. */
    probabilityAlive: doublePrecision('probability_alive'),
    /** BG/NBD's expected purchase days in the next 12 months; null under the simple formula. */
    expectedPurchases12m: doublePrecision('expected_purchases_12m'),
    abcTier: text('abc_tier').$type<'A' | 'B' | 'C'>().notNull(),
    recencyDays: integer('recency_days').notNull(),
    r: smallint('r').notNull(),
    f: smallint('f').notNull(),
    m: smallint('m').notNull(),
    fm: smallint('fm').notNull(),
    segment: text('segment').$type<RfmSegment>().notNull(),
    churnScore: smallint('churn_score').notNull(),
    churnReasons: jsonb('churn_reasons').$type<ChurnReason[]>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerType, t.customerId] }),
    index('customer_value_cell_idx').on(t.workspaceId, t.r, t.fm),
    index('customer_value_churn_idx').on(t.workspaceId, t.churnScore.desc()),
    tenantPolicy(),
  ],
).enableRLS();

/** The next best offers of a customer, best first, each with the rule that recommends it. */
export const productRecommendations = pgTable(
  'product_recommendations',
  {
    workspaceId: workspaceIdColumn(),
    customerType: text('customer_type').$type<CustomerType>().notNull(),
    customerId: uuid('customer_id').notNull(),
    rank: smallint('rank').notNull(),
    productId: uuid('product_id').notNull(),
    /** The product they bought that leads here (X of "bought X; 38% of X buyers also bought Y"). */
    becauseProductId: uuid('because_product_id').notNull(),
    together: integer('together').notNull(),
    confidence: real('confidence').notNull(),
    lift: real('lift').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.customerType, t.customerId, t.rank] }), tenantPolicy()],
).enableRLS();

export type LtvModel = 'bgnbd' | 'simple';

export interface ValueRunSummary {
  referenceDate: string;
  currency: string;
  customers: number;
  retention: number;
  /** The lifetime-value model of the run: its parameters when BG/NBD + Gamma-Gamma was fitted (time in days). */
  lifetimeValue?: {
    model: LtvModel;
    repeatCustomers: number;
    bgnbd?: { r: number; alpha: number; a: number; b: number };
    gammaGamma?: { p: number; q: number; gamma: number };
    frequencySpendCorrelation?: number;
  };
  pareto: ParetoSummary;
  tiers: Record<'A' | 'B' | 'C', { customers: number; revenue: number }>;
}

/** Per workspace: the settings of the analysis and what its last run found (Pareto figures, retention…). */
export const valueAnalyses = pgTable(
  'value_analyses',
  {
    workspaceId: workspaceIdColumn().primaryKey(),
    /** Cumulative revenue shares of the A and of the A + B tiers. */
    abcA: real('abc_a').notNull().default(0.8),
    abcB: real('abc_b').notNull().default(0.95),
    summary: jsonb('summary').$type<ValueRunSummary>(),
    computedAt: timestamp('computed_at', { withTimezone: true, precision: 3 }),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  () => [tenantPolicy()],
).enableRLS();
