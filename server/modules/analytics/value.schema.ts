import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { RFM_SEGMENTS } from './rfm.js';

export const CustomerTypeSchema = StringEnum(['account', 'contact'] as const);
const Tier = StringEnum(['A', 'B', 'C'] as const);
const Share = Type.Number({ minimum: 0, maximum: 1 });
const Money = Type.Integer({ description: 'Minor units of the run currency' });

const ShareSchema = Type.Object({ customerShare: Share, revenueShare: Type.Number() });
const SummarySchema = Type.Object({
  referenceDate: Type.String({ format: 'date-time' }),
  currency: Type.String(),
  customers: Type.Integer({ description: 'Customers who bought (in the run currency)' }),
  retention: Type.Number({ description: 'Repeat rate used by the lifetime-value formula' }),
  lifetimeValue: Type.Optional(
    Type.Object(
      {
        model: StringEnum(['bgnbd', 'simple'] as const),
        repeatCustomers: Type.Integer(),
        bgnbd: Type.Optional(Type.Object({ r: Type.Number(), alpha: Type.Number({ description: 'Days' }), a: Type.Number(), b: Type.Number() })),
        gammaGamma: Type.Optional(Type.Object({ p: Type.Number(), q: Type.Number(), gamma: Type.Number({ description: 'Minor units' }) })),
        frequencySpendCorrelation: Type.Optional(Type.Number({ description: 'Gamma-Gamma assumes about 0' })),
      },
      { description: 'The lifetime-value model of the run (docs/analytics.md)' },
    ),
  ),
  pareto: Type.Object({
    customers: Type.Integer({ description: 'Customers with positive net revenue: the population of the shares' }),
    revenue: Money,
    shareFor80: Type.Number({ description: 'Smallest share of customers bringing 80% of revenue' }),
    topShares: Type.Array(ShareSchema),
    gini: Type.Number(),
    lorenz: Type.Array(ShareSchema, { description: 'Smallest customers first, at most 101 points' }),
  }),
  tiers: Type.Record(Type.String(), Type.Object({ customers: Type.Integer(), revenue: Money })),
});

export const ValueOverviewSchema = Type.Object({
  thresholds: Type.Object({ a: Share, b: Share }),
  computedAt: Nullable(Type.String({ format: 'date-time' })),
  summary: Nullable(SummarySchema),
});

export const ThresholdsBody = Type.Object(
  {
    a: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'Cumulative revenue share of the A tier (0.8)' }),
    b: Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'Cumulative share of A and B together (0.95); above a' }),
  },
  { additionalProperties: false },
);

export const RunBody = Type.Object(
  { referenceDate: Type.Optional(Type.String({ format: 'date', description: 'Figures as of this day (default today); later purchases are left out' })) },
  { additionalProperties: false },
);

export const RfmCellSchema = Type.Object({
  r: Type.Integer({ minimum: 1, maximum: 5 }),
  fm: Type.Integer({ minimum: 1, maximum: 5 }),
  segment: StringEnum(RFM_SEGMENTS),
  customers: Type.Integer(),
  revenue: Money,
});

const ReasonSchema = Type.Object({ code: Type.String(), points: Type.Integer(), params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])) });

export const CustomerValueSchema = Type.Object({
  id: Uuid,
  customerType: CustomerTypeSchema,
  name: Type.String(),
  ownerId: Nullable(Uuid),
  currency: Type.String(),
  revenue: Money,
  orders: Type.Integer(),
  firstPurchaseAt: Type.String({ format: 'date-time' }),
  lastPurchaseAt: Type.String({ format: 'date-time' }),
  averageOrderValue: Money,
  ordersPerYear: Type.Number(),
  lifetimeValue: Money,
  ltvModel: StringEnum(['bgnbd', 'simple'] as const, { description: 'bgnbd: BG/NBD + Gamma-Gamma; simple: the documented formula, when the workspace has too few repeat customers for a fit' }),
  probabilityAlive: Nullable(Type.Number({ minimum: 0, maximum: 1, description: "BG/NBD's probability that the customer is still active; null under the simple formula" })),
  expectedPurchases12m: Nullable(Type.Number({ minimum: 0, description: 'BG/NBD: expected purchase days in the next 12 months; null under the simple formula' })),
  abcTier: Tier,
  recencyDays: Type.Integer(),
  r: Type.Integer(),
  f: Type.Integer(),
  m: Type.Integer(),
  fm: Type.Integer(),
  segment: StringEnum(RFM_SEGMENTS),
  churnScore: Type.Integer({ minimum: 0, maximum: 100 }),
  churnReasons: Type.Array(ReasonSchema),
});

export const OfferSchema = Type.Object({
  rank: Type.Integer(),
  productId: Uuid,
  productName: Nullable(Type.String()),
  becauseProductId: Uuid,
  becauseProductName: Nullable(Type.String()),
  together: Type.Integer({ description: 'Customers who bought both' }),
  confidence: Type.Number({ description: 'Share of buyers of the because-product who also bought this one' }),
  lift: Type.Number(),
});

export const CustomerAnalysisSchema = Type.Object({ value: Nullable(CustomerValueSchema), offers: Type.Array(OfferSchema) });

export const ChurnTasksBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          customerType: CustomerTypeSchema,
          customerId: Uuid,
          title: Type.String({ minLength: 1, maxLength: 300 }),
          notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
          dueAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
