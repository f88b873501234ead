import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { invalidField, notFound } from '../../platform/errors/app-error.js';
import { createTask } from '../interactions/index.js';
import { planList, type ListParams, type ListSpec } from '../../platform/http/list-query.js';
import { assertCan, ownershipFilter } from '../../platform/permissions/policy.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { churnRisk, collectChurnSignals, type ChurnReason, type CustomerType } from './churn.js';
import { abcTiers, paretoSummary, type AbcThresholds } from './pareto.js';
import { learnRules, recommend } from './propensity.js';
import { rfmScores } from './rfm.js';
import { clvScorer, fitClv, rfmSummary } from './clv.bgnbd.js';
import { customerValue, DEFAULT_LTV, retentionRate } from './value.model.js';
import { customerValues, productRecommendations, valueAnalyses, type LtvModel, type ValueRunSummary } from './value.tables.js';

// The customer-value run: one pass over the purchase lines of a workspace computes value, Pareto tiers, RFM,
// churn risk and next best offers, and stores them, so that pages and lists read rows instead of history.

const DAY = 86_400_000;
const INSERT_CHUNK = 1000;

/**
 * The purchase lines to analyse: a parenthesized subquery with customer_type, customer_id, order_id, ordered_at,
 * product_id, quantity, amount (minor units, negative for cancellations), currency, cancelled. The sales
 * module provides it (`purchaseLines`); tests pass their own.
 */
export type LineSource = SQL;

export interface RunOptions {
  /** The day the figures are "as of" (RFM recency, churn); default now. Lines after it are ignored. */
  referenceDate?: Date;
}

interface Aggregate {
  customerType: CustomerType;
  customerId: string;
  revenue: number;
  orders: number;
  /** Distinct UTC days with a purchase: BG/NBD counts repeat purchases in days. */
  purchaseDays: number;
  firstAt: Date;
  lastAt: Date;
  recentOrders: number;
  previousOrders: number;
  boughtYearBefore: boolean;
  boughtLastYear: boolean;
}

async function settingsOf(tx: Executor, ctx: RequestContext) {
  const [row] = await tx.select().from(valueAnalyses).where(eq(valueAnalyses.workspaceId, ctx.workspaceId));
  return row ?? { workspaceId: ctx.workspaceId, abcA: 0.8, abcB: 0.95, summary: null, computedAt: null, updatedAt: null };
}

/**
 * Per customer, in the workspace's currency, as of the reference date: net revenue (cancellations and returns
 * subtract), orders (those still worth something net: a confirmed-then-cancelled order or a return is not a
 * purchase), first and last purchase, orders in the last two half-years, and whether they bought in each of
 * the last two years.
 */
async function aggregate(tx: Executor, lines: LineSource, currency: string, reference: Date): Promise<Aggregate[]> {
  const at = reference.toISOString();
  const since = (days: number) => sql`${at}::timestamptz - make_interval(days => ${days})`;
  const { rows } = (await tx.execute(sql`
    with per_order as (
      select l.customer_type, l.customer_id, l.order_id, sum(l.amount) as net,
             min(l.ordered_at) filter (where not l.cancelled) as placed_at
        from ${lines} l
       where l.currency = ${currency} and l.ordered_at <= ${at}::timestamptz
       group by 1, 2, 3
    ), purchases as (
      select *, placed_at is not null and net > 0 as bought from per_order
    )
    select customer_type as "customerType", customer_id as "customerId",
           sum(net)::bigint as revenue,
           count(*) filter (where bought)::int as orders,
           count(distinct (placed_at at time zone 'UTC')::date) filter (where bought)::int as "purchaseDays",
           min(placed_at) filter (where bought) as "firstAt",
           max(placed_at) filter (where bought) as "lastAt",
           count(*) filter (where bought and placed_at > ${since(180)})::int as "recentOrders",
           count(*) filter (where bought and placed_at > ${since(360)} and placed_at <= ${since(180)})::int as "previousOrders",
           coalesce(bool_or(bought and placed_at > ${since(730)} and placed_at <= ${since(365)}), false) as "boughtYearBefore",
           coalesce(bool_or(bought and placed_at > ${since(365)}), false) as "boughtLastYear"
      from purchases
     group by 1, 2
    having count(*) filter (where bought) > 0`)) as unknown as { rows: (Omit<Aggregate, 'revenue' | 'firstAt' | 'lastAt'> & { revenue: string | number; firstAt: string | Date; lastAt: string | Date })[] };
  return rows.map((r) => ({ ...r, revenue: Number(r.revenue), firstAt: new Date(r.firstAt), lastAt: new Date(r.lastAt) }));
}

/** Each customer's products with a positive net quantity up to the reference date (any currency). */
async function baskets(tx: Executor, lines: LineSource, reference: Date): Promise<Map<string, Set<string>>> {
  const { rows } = (await tx.execute(sql`
    select l.customer_type || ':' || l.customer_id as key, l.product_id as "productId"
      from ${lines} l
     where l.ordered_at <= ${reference.toISOString()}::timestamptz and l.product_id is not null
     group by 1, 2
    having sum(l.quantity) > 0`)) as unknown as { rows: { key: string; productId: string }[] };
  const byCustomer = new Map<string, Set<string>>();
  for (const { key, productId } of rows) {
    const basket = byCustomer.get(key) ?? new Set<string>();
    basket.add(productId);
    byCustomer.set(key, basket);
  }
  return byCustomer;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insert(rows.slice(i, i + INSERT_CHUNK));
}

/**
 * Recomputes and stores every customer's value row (value, ABC tier, RFM, churn risk) and the run's summary
 * for the workspace, replacing the last run. Idempotent: running it twice for the same reference date gives the same rows.
 */
export async function recomputeCustomerValue(tx: Executor, ctx: RequestContext, lines: LineSource, options: RunOptions = {}): Promise<ValueRunSummary> {
  const reference = options.referenceDate ?? new Date();
  const currency = (await getWorkspace(tx, ctx)).defaultCurrency ?? 'CNY';
  const settings = await settingsOf(tx, ctx);

  const customers = await aggregate(tx, lines, currency, reference);
  const keyOf = (c: { customerType: string; customerId: string }) => `${c.customerType}:${c.customerId}`;
  const retention = retentionRate(customers);
  const revenues = customers.map((c) => ({ key: keyOf(c), revenue: c.revenue }));
  const tiers = abcTiers(revenues, { a: settings.abcA, b: settings.abcB });
  const figures = new Map(customers.map((c) => [keyOf(c), customerValue({ key: keyOf(c), ...c }, reference, { ...DEFAULT_LTV, retention })]));
  // BG/NBD + Gamma-Gamma where the workspace's history identifies it; otherwise the simple formula above.
  const clvInputs = new Map(customers.map((c) => [keyOf(c), { ...rfmSummary(c.purchaseDays, c.firstAt, c.lastAt, reference), orders: c.orders, meanSpend: c.revenue / c.orders }]));
  const clvModel = fitClv([...clvInputs.values()]);
  const clvOf = clvModel && clvScorer(clvModel, { horizonMonths: DEFAULT_LTV.horizonYears * 12, yearlyDiscount: DEFAULT_LTV.discount });
  const rfm = rfmScores(customers.map((c) => ({ key: keyOf(c), recencyDays: figures.get(keyOf(c))!.recencyDays, orders: c.orders, revenue: c.revenue })));
  const signals = await collectChurnSignals(tx, ctx, reference);

  const computedAt = new Date();
  await tx.delete(customerValues).where(eq(customerValues.workspaceId, ctx.workspaceId));
  await insertChunks(customers, (chunk) =>
    tx.insert(customerValues).values(
      chunk.map((c) => {
        const key = keyOf(c);
        const value = figures.get(key)!;
        const clv = clvOf?.(clvInputs.get(key)!);
        const score = rfm.get(key)!;
        const risk = churnRisk(
          { recencyDays: value.recencyDays, orders: c.orders, spanDays: (c.lastAt.getTime() - c.firstAt.getTime()) / DAY, recentOrders: c.recentOrders, previousOrders: c.previousOrders },
          signals.get(key),
        );
        return {
          workspaceId: ctx.workspaceId,
          customerType: c.customerType,
          customerId: c.customerId,
          currency,
          revenue: c.revenue,
          orders: c.orders,
          firstPurchaseAt: c.firstAt,
          lastPurchaseAt: c.lastAt,
          averageOrderValue: Math.round(value.averageOrderValue),
          ordersPerYear: value.ordersPerYear,
          lifetimeValue: clv?.lifetimeValue ?? value.lifetimeValue,
          ltvModel: clv ? ('bgnbd' as const) : ('simple' as const),
          probabilityAlive: clv?.probabilityAlive ?? null,
          expectedPurchases12m: clv?.expectedPurchases12m ?? null,
          abcTier: tiers.get(key)!,
          recencyDays: value.recencyDays,
          r: score.r,
          f: score.f,
          m: score.m,
          fm: score.fm,
          segment: score.segment,
          churnScore: risk.score,
          churnReasons: risk.reasons,
          computedAt,
        };
      }),
    ),
  );
  const tierTotals: ValueRunSummary['tiers'] = { A: { customers: 0, revenue: 0 }, B: { customers: 0, revenue: 0 }, C: { customers: 0, revenue: 0 } };
  for (const c of customers) {
    const tier = tierTotals[tiers.get(keyOf(c))!];
    tier.customers++;
    tier.revenue += c.revenue;
  }
  const summary: ValueRunSummary = {
    referenceDate: reference.toISOString(),
    currency,
    customers: customers.length,
    retention,
    lifetimeValue: clvModel && clvOf
      ? { model: 'bgnbd', repeatCustomers: clvModel.repeatCustomers, bgnbd: clvModel.bgnbd.params, gammaGamma: clvModel.gammaGamma.params, frequencySpendCorrelation: clvModel.frequencySpendCorrelation }
      : { model: 'simple', repeatCustomers: [...clvInputs.values()].filter((c) => c.x > 0).length },
    pareto: paretoSummary(revenues),
    tiers: tierTotals,
  };
  await tx
    .insert(valueAnalyses)
    .values({ workspaceId: ctx.workspaceId, summary, computedAt })
    .onConflictDoUpdate({ target: valueAnalyses.workspaceId, set: { summary, computedAt } });
  return summary;
}

/**
 * Learns the association rules from the workspace's purchases and stores every customer's next best offers,
 * replacing the last ones. Returns the number of rules kept.
 */
export async function recomputeOffers(tx: Executor, ctx: RequestContext, lines: LineSource, referenceDate = new Date()): Promise<{ rules: number; offers: number }> {
  const owned = await baskets(tx, lines, referenceDate);
  const rules = learnRules(owned);
  await tx.delete(productRecommendations).where(eq(productRecommendations.workspaceId, ctx.workspaceId));
  const offers = [...owned].flatMap(([key, basket]) => {
    const [customerType, customerId] = key.split(':') as [CustomerType, string];
    return recommend(basket, rules).map((offer) => ({
      workspaceId: ctx.workspaceId,
      customerType,
      customerId,
      rank: offer.rank,
      productId: offer.productId,
      becauseProductId: offer.because.from,
      together: offer.because.together,
      confidence: offer.because.confidence,
      lift: offer.because.lift,
    }));
  });
  await insertChunks(offers, (chunk) => tx.insert(productRecommendations).values(chunk));
  return { rules: [...rules.values()].reduce((n, list) => n + list.length, 0), offers: offers.length };
}

/** The last run's figures (null before the first run) and the tier thresholds. */
export async function valueOverview(tx: Executor, ctx: RequestContext) {
  const settings = await settingsOf(tx, ctx);
  return { thresholds: { a: settings.abcA, b: settings.abcB }, computedAt: settings.computedAt?.toISOString() ?? null, summary: settings.summary };
}

/** Changes the A/B thresholds (admins and managers); they apply from the next run. */
export async function updateThresholds(tx: Executor, ctx: RequestContext, thresholds: AbcThresholds) {
  assertCan(ctx, 'sales.configure');
  if (!(thresholds.a < thresholds.b)) throw invalidField('b', 'minimum', { limit: thresholds.a });
  const before = await settingsOf(tx, ctx);
  await tx
    .insert(valueAnalyses)
    .values({ workspaceId: ctx.workspaceId, abcA: thresholds.a, abcB: thresholds.b })
    .onConflictDoUpdate({ target: valueAnalyses.workspaceId, set: { abcA: thresholds.a, abcB: thresholds.b, updatedAt: new Date() } });
  await recordAudit(tx, ctx, { action: 'update', recordType: 'valueAnalysis', recordId: ctx.workspaceId, before: { a: before.abcA, b: before.abcB }, after: { ...thresholds } });
  return valueOverview(tx, ctx);
}

/** Customers per R × FM cell (all customers of the workspace: counts, not records). */
export async function rfmGrid(tx: Executor, ctx: RequestContext) {
  const rows = await tx
    .select({ r: customerValues.r, fm: customerValues.fm, segment: customerValues.segment, customers: sql<number>`count(*)::int`, revenue: sql<string>`sum(${customerValues.revenue})::bigint` })
    .from(customerValues)
    .where(eq(customerValues.workspaceId, ctx.workspaceId))
    .groupBy(customerValues.r, customerValues.fm, customerValues.segment);
  return rows.map((row) => ({ ...row, revenue: Number(row.revenue) }));
}

// Accounts and contacts by table name: the customers module keeps its tables to itself; these joins only
// read names, owners and the recycle bin.
const ownerOf = sql`coalesce(a.owner_id, ct.owner_id)`;

export const customerValueListSpec: ListSpec = {
  fields: {
    id: { column: customerValues.customerId, type: 'uuid' },
    customerType: { column: customerValues.customerType, type: 'text' },
    r: { column: customerValues.r, type: 'number' },
    f: { column: customerValues.f, type: 'number' },
    m: { column: customerValues.m, type: 'number' },
    fm: { column: customerValues.fm, type: 'number' },
    segment: { column: customerValues.segment, type: 'text' },
    abcTier: { column: customerValues.abcTier, type: 'text' },
    orders: { column: customerValues.orders, type: 'number', sortable: true },
    revenue: { column: customerValues.revenue, type: 'number', sortable: true },
    lifetimeValue: { column: customerValues.lifetimeValue, type: 'number', sortable: true },
    ltvModel: { column: customerValues.ltvModel, type: 'text' },
    probabilityAlive: { column: customerValues.probabilityAlive, type: 'number', sortable: true },
    expectedPurchases12m: { column: customerValues.expectedPurchases12m, type: 'number', sortable: true },
    churnScore: { column: customerValues.churnScore, type: 'number', sortable: true },
    recencyDays: { column: customerValues.recencyDays, type: 'number', sortable: true },
    lastPurchaseAt: { column: customerValues.lastPurchaseAt, type: 'timestamp', sortable: true },
    ownerId: { column: ownerOf, type: 'uuid' },
  },
  id: customerValues.customerId,
  defaultSort: '-revenue',
};

export interface CustomerValueRow {
  id: string;
  customerType: CustomerType;
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
  ltvModel: LtvModel;
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

/**
 * Value rows of the customers the caller may read, with their names and owners: an RFM cell
 * (`filter=r:eq:5&filter=fm:eq:4`), a tier, the churn list (`sort=-churnScore`)…
 */
export async function listCustomerValues(tx: Executor, ctx: RequestContext, params: ListParams): Promise<{ data: CustomerValueRow[]; nextCursor: string | null }> {
  const plan = planList(customerValueListSpec, params);
  const scope = ownershipFilter(ctx, 'read', ownerOf);
  const { rows } = (await tx.execute(sql`
    select ${customerValues.customerId} as id, ${customerValues.customerType} as "customerType", coalesce(a.name, ct.name) as name, ${ownerOf} as "ownerId",
           ${customerValues.currency} as currency, ${customerValues.revenue} as revenue, ${customerValues.orders} as orders,
           ${customerValues.firstPurchaseAt} as "firstPurchaseAt", ${customerValues.lastPurchaseAt} as "lastPurchaseAt",
           ${customerValues.averageOrderValue} as "averageOrderValue", ${customerValues.ordersPerYear} as "ordersPerYear", ${customerValues.lifetimeValue} as "lifetimeValue",
           ${customerValues.ltvModel} as "ltvModel", ${customerValues.probabilityAlive} as "probabilityAlive", ${customerValues.expectedPurchases12m} as "expectedPurchases12m",
           ${customerValues.abcTier} as "abcTier", ${customerValues.recencyDays} as "recencyDays", ${customerValues.r} as r, ${customerValues.f} as f, ${customerValues.m} as m, ${customerValues.fm} as fm,
           ${customerValues.segment} as segment, ${customerValues.churnScore} as "churnScore", ${customerValues.churnReasons} as "churnReasons"
      from ${customerValues}
      left join accounts a on ${customerValues.customerType} = 'account' and a.workspace_id = ${customerValues.workspaceId} and a.id = ${customerValues.customerId}
      left join contacts ct on ${customerValues.customerType} = 'contact' and ct.workspace_id = ${customerValues.workspaceId} and ct.id = ${customerValues.customerId}
     where ${customerValues.workspaceId} = ${ctx.workspaceId}
       -- Customers in the recycle bin or gone since the run drop out; the scope is the caller's read scope.
       and coalesce(a.id, ct.id) is not null and coalesce(a.deleted_at, ct.deleted_at) is null
       ${scope ? sql`and ${scope}` : sql``}
       ${plan.where ? sql`and ${plan.where}` : sql``}
     order by ${sql.join(plan.orderBy, sql`, `)}
     limit ${plan.limit}`)) as unknown as { rows: Record<string, unknown>[] };
  const data = rows.map(
    (row) =>
      ({
        ...row,
        revenue: Number(row.revenue),
        averageOrderValue: Number(row.averageOrderValue),
        lifetimeValue: Number(row.lifetimeValue),
        ordersPerYear: Number(row.ordersPerYear),
        probabilityAlive: row.probabilityAlive === null ? null : Number(row.probabilityAlive),
        expectedPurchases12m: row.expectedPurchases12m === null ? null : Number(row.expectedPurchases12m),
        firstPurchaseAt: new Date(row.firstPurchaseAt as string).toISOString(),
        lastPurchaseAt: new Date(row.lastPurchaseAt as string).toISOString(),
      }) as unknown as CustomerValueRow & Record<string, unknown>,
  );
  return plan.page(data);
}

/** One customer's value row, or null when they have not bought (the caller has read the customer already). */
export async function valueOfCustomer(tx: Executor, ctx: RequestContext, customerType: CustomerType, customerId: string) {
  const [row] = await tx
    .select()
    .from(customerValues)
    .where(and(eq(customerValues.workspaceId, ctx.workspaceId), eq(customerValues.customerType, customerType), eq(customerValues.customerId, customerId)));
  return row ?? null;
}

/** A customer's next best offers with the evidence, products named. */
export async function offersOfCustomer(tx: Executor, ctx: RequestContext, customerType: CustomerType, customerId: string) {
  const { rows } = (await tx.execute(sql`
    select r.rank, r.product_id as "productId", p.name as "productName", r.because_product_id as "becauseProductId", b.name as "becauseProductName",
           r.together, r.confidence, r.lift
      from ${productRecommendations} r
      left join products p on p.workspace_id = r.workspace_id and p.id = r.product_id
      left join products b on b.workspace_id = r.workspace_id and b.id = r.because_product_id
     where r.workspace_id = ${ctx.workspaceId} and r.customer_type = ${customerType} and r.customer_id = ${customerId}
     order by r.rank`)) as unknown as { rows: { rank: number; productId: string; productName: string | null; becauseProductId: string; becauseProductName: string | null; together: number; confidence: number; lift: number }[] };
  return rows.map((row) => ({ ...row, confidence: Number(row.confidence), lift: Number(row.lift) }));
}

export interface ChurnTaskInput {
  customerType: CustomerType;
  customerId: string;
  /** The task as the caller wrote it (in their language), the reasons in the notes. */
  title: string;
  notes?: string | null;
  dueAt?: string | null;
}

/**
 * A follow-up task for an at-risk customer, owned by the customer's owner (the caller when nobody owns it)
 * and linked to the customer, so it shows on their timeline and the owner's day. The usual task checks apply:
 * a sales rep may only give tasks to themselves.
 */
export async function createChurnTask(tx: Executor, ctx: RequestContext, input: ChurnTaskInput): Promise<{ id: string }> {
  const [row] = (await listCustomerValues(tx, ctx, { filter: [`customerType:eq:${input.customerType}`, `id:eq:${input.customerId}`], limit: 1 })).data;
  if (!row) throw notFound(input.customerType);
  const task = await createTask(tx, ctx, {
    title: input.title,
    notes: input.notes ?? null,
    recordType: input.customerType,
    recordId: input.customerId,
    ownerId: row.ownerId ?? ctx.userId,
    dueAt: input.dueAt ? new Date(input.dueAt) : null,
    priority: row.churnScore >= 70 ? 'high' : 'normal',
  });
  return { id: task.id };
}
