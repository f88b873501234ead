import { sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../platform/auth/context.js';
import { orderLines, orders } from './orders.tables.js';

/**
 * The workspace's purchase history, one row per order line, for customer analysis (RFM, Pareto, propensity):
 * a parenthesized subquery to use as `select … from ${purchaseLines(ctx)} as p`.
 *
 * Columns:
 * - `customer_type` text: `'account'` when the order has an account, else `'contact'`.
 * - `customer_id` uuid: that account's or contact's id.
 * - `order_id` uuid.
 * - `ordered_at` timestamptz: when the purchase happened; on a cancellation row, when it was cancelled.
 * - `product_id` uuid (a catalog product; it may since have been deleted or made inactive).
 * - `quantity` numeric: negative on cancellation rows.
 * - `amount` bigint: the line's revenue in minor units of `currency`, discounts taken off, tax left out;
 *   negative on cancellation rows. Summing `amount` per customer gives what they bought net of what was
 *   cancelled or returned.
 * - `currency` text: ISO 4217; a workspace may sell in several, so group or filter by it.
 * - `cancelled` boolean: true on cancellation rows.
 *
 * Which rows: orders not in the recycle bin, of a customer (orders with neither account nor contact are left
 * out), and
 * - every line of a confirmed or fulfilled order, at its `ordered_at`, positive;
 * - an order confirmed and then cancelled: its lines as above (it was bought) and again as cancellation rows
 *   at `cancelled_at`, negative, so the two cancel out in sums while the history keeps both events;
 * - a return (an order whose lines have negative quantities, status cancelled: imported credit notes such as
 *   the Online Retail `C…` invoices): cancellation rows only, at `cancelled_at`;
 * - drafts, and drafts cancelled before they were confirmed, give no rows.
 *
 * Reads as the caller's transaction does (row-level security applies); it does not apply ownership scopes:
 * analysis is over the whole workspace. Indexes: `orders_ordered_idx` (workspace, ordered_at) for a period,
 * the `order_lines` primary key (workspace, order) to reach the lines.
 */
export function purchaseLines(ctx: Pick<RequestContext, 'workspaceId'>): SQL {
  const o = orders;
  const l = orderLines;
  const customer = sql`case when o.account_id is not null then 'account' else 'contact' end as customer_type,
         coalesce(o.account_id, o.contact_id) as customer_id, o.id as order_id`;
  const scope = sql`o.workspace_id = ${ctx.workspaceId} and o.deleted_at is null and (o.account_id is not null or o.contact_id is not null)`;
  return sql`(
    select ${customer}, o.ordered_at, l.product_id, l.quantity, l.total as amount, o.currency, false as cancelled
      from ${o} o join ${l} l on l.workspace_id = o.workspace_id and l.order_id = o.id
     where ${scope}
       and (o.status in ('confirmed', 'fulfilled') or (o.status = 'cancelled' and o.confirmed_at is not null and l.quantity > 0))
    union all
    select ${customer}, coalesce(o.cancelled_at, o.ordered_at), l.product_id, -abs(l.quantity), -abs(l.total), o.currency, true
      from ${o} o join ${l} l on l.workspace_id = o.workspace_id and l.order_id = o.id
     where ${scope}
       and o.status = 'cancelled' and (o.confirmed_at is not null or l.quantity < 0)
  )`;
}
