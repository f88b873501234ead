import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { onMerge } from '../../platform/records/merge-hooks.js';
import { contributeToOverview } from '../../platform/records/overview.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { orderLines, orders } from './orders.tables.js';

// What orders add to the 360-degree views of accounts and contacts: the latest orders, the products the
// customer owns (with purchase day and warranty end), lifetime revenue; merged duplicates take their orders.
// A contact's view holds the orders naming the contact, with or without an account.

const COLUMN = { account: orders.accountId, contact: orders.contactId } as const;
export type CustomerType = keyof typeof COLUMN;

export interface OwnedProduct {
  productId: string;
  sku: string;
  name: string;
  /** Net of returns, over confirmed and fulfilled orders. */
  quantity: number;
  firstPurchasedOn: string;
  lastPurchasedOn: string;
  /** The latest warranty end among the purchases; null when the product has no warranty. */
  warrantyEndsOn: string | null;
}

const customerOrders = (ctx: RequestContext, customerType: CustomerType, customerId: string) =>
  and(eq(orders.workspaceId, ctx.workspaceId), eq(COLUMN[customerType], customerId), isNull(orders.deletedAt), ownershipFilter(ctx, 'read', orders.ownerId));

/**
 * What a customer bought and still has: per product, the quantity of confirmed and fulfilled orders net of
 * returns (products all returned are left out), first and last purchase day and the latest warranty end;
 * most recent purchase first.
 */
export async function productsOwned(tx: Executor, ctx: RequestContext, customerType: CustomerType, customerId: string, limit = 200): Promise<{ total: number; data: OwnedProduct[] }> {
  const rows = await tx
    .select({
      productId: orderLines.productId,
      sku: sql<string>`(array_agg(${orderLines.sku} order by ${orders.orderedAt} desc))[1]`,
      name: sql<string>`(array_agg(${orderLines.name} order by ${orders.orderedAt} desc))[1]`,
      quantity: sql<string>`sum(${orderLines.quantity})`,
      firstPurchasedOn: sql<string>`min(${orders.orderDate}) filter (where ${orderLines.quantity} > 0)::text`,
      lastPurchasedOn: sql<string>`max(${orders.orderDate}) filter (where ${orderLines.quantity} > 0)::text`,
      warrantyEndsOn: sql<string | null>`max(${orderLines.warrantyEndsOn})::text`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(orders)
    .innerJoin(orderLines, and(eq(orderLines.workspaceId, orders.workspaceId), eq(orderLines.orderId, orders.id)))
    .where(and(customerOrders(ctx, customerType, customerId), sql`(${orders.status} in ('confirmed', 'fulfilled') or (${orders.status} = 'cancelled' and ${orderLines.quantity} < 0))`))
    .groupBy(orderLines.productId)
    .having(sql`sum(${orderLines.quantity}) > 0`)
    .orderBy(sql`max(${orders.orderDate}) filter (where ${orderLines.quantity} > 0) desc`, orderLines.productId)
    .limit(limit);
  return { total: rows[0]?.total ?? 0, data: rows.map(({ total: _, ...r }) => ({ ...r, quantity: Number(r.quantity) })) };
}

/** What a customer sees of one of their orders (the self-service portal): no drafts, no internal notes. */
export interface CustomerOrder {
  id: string;
  number: string;
  status: 'confirmed' | 'fulfilled' | 'cancelled';
  orderDate: string;
  currency: string;
  total: number;
  lines: { productId: string; sku: string; name: string; quantity: number; warrantyEndsOn: string | null }[];
}

/** A customer's placed orders (drafts are still being written, so left out), newest first, with their lines. */
export async function ordersOfCustomer(tx: Executor, ctx: RequestContext, customerType: CustomerType, customerId: string, limit = 50): Promise<CustomerOrder[]> {
  const rows = await tx
    .select()
    .from(orders)
    .where(and(customerOrders(ctx, customerType, customerId), sql`${orders.status} <> 'draft'`))
    .orderBy(desc(orders.orderedAt), desc(orders.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const lines = await tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.workspaceId, ctx.workspaceId), inArray(orderLines.orderId, rows.map((o) => o.id))))
    .orderBy(orderLines.orderId, orderLines.position);
  return rows.map((o) => ({
    id: o.id,
    number: o.number,
    status: o.status as CustomerOrder['status'],
    orderDate: o.orderDate,
    currency: o.currency,
    total: o.total,
    lines: lines.filter((l) => l.orderId === o.id).map((l) => ({ productId: l.productId, sku: l.sku, name: l.name, quantity: Number(l.quantity), warrantyEndsOn: l.warrantyEndsOn })),
  }));
}

async function ordersPart(tx: Executor, ctx: RequestContext, customerType: CustomerType, customerId: string) {
  const where = customerOrders(ctx, customerType, customerId);
  const currency = (await getWorkspace(tx, ctx)).defaultCurrency ?? 'CNY';
  const latest = await tx.select().from(orders).where(where).orderBy(desc(orders.orderedAt), desc(orders.id)).limit(10);
  // Lifetime revenue: confirmed and fulfilled sales in the workspace currency, less returns (a cancelled
  // sale is not counted; a return document has negative lines). Lines' totals: without tax.
  const [totals] = (await tx
    .select({
      count: sql<number>`count(distinct ${orders.id})::int`,
      revenue: sql<string>`coalesce(sum(${orderLines.total}) filter (where ${orders.currency} = ${currency} and (${orders.status} in ('confirmed', 'fulfilled') or (${orders.status} = 'cancelled' and ${orderLines.quantity} < 0))), 0)`,
    })
    .from(orders)
    .leftJoin(orderLines, and(eq(orderLines.workspaceId, orders.workspaceId), eq(orderLines.orderId, orders.id)))
    .where(where)) as [{ count: number; revenue: string }];
  const owned = await productsOwned(tx, ctx, customerType, customerId, 10);
  return {
    figures: [{ key: 'lifetimeRevenue', value: Number(totals.revenue), format: 'money' as const, currency }],
    panels: [
      {
        key: 'orders',
        recordType: 'order',
        total: totals.count,
        items: latest.map((o) => ({ id: o.id, title: o.number, subtitle: null, status: o.status, amount: { value: o.total, currency: o.currency }, at: o.orderDate })),
      },
      {
        key: 'productsOwned',
        recordType: 'product',
        total: owned.total,
        items: owned.data.map((p) => ({ id: p.productId, title: p.name, subtitle: p.sku, at: p.lastPurchasedOn })),
      },
    ],
  };
}

for (const customerType of ['account', 'contact'] as const) {
  contributeToOverview(customerType, (tx, ctx, id) => ordersPart(tx, ctx, customerType, id));
  onMerge(customerType, async (tx, ctx, { primaryId, mergedIds }) => {
    const column = customerType === 'account' ? sql`account_id` : sql`contact_id`;
    await tx.execute(sql`update ${orders} set ${column} = ${primaryId}, updated_at = now() where workspace_id = ${ctx.workspaceId} and ${column} in ${mergedIds}`);
  });
}
