import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { orderLines, orders } from './orders.tables.js';

/** One sold line whose warranty ends in a window, with what a reminder about it needs. */
export interface EndingWarranty {
  orderId: string;
  orderNumber: string;
  position: number;
  productId: string;
  productName: string;
  /** YYYY-MM-DD */
  warrantyEndsOn: string;
  accountId: string | null;
  contactId: string | null;
  orderOwnerId: string | null;
}

/**
 * Lines of confirmed or fulfilled orders (not in the recycle bin, quantity above 0) whose warranty ends on a
 * day in [from, to] (YYYY-MM-DD, inclusive), oldest end first, a page
 * (`limit`, `offset`) at a time. Whole workspace, no ownership
 * scope: reminders act for the company. Index: `order_lines_warranty_idx` (workspace, warranty_ends_on).
 */
export async function warrantiesEndingBetween(tx: Executor, ctx: Pick<RequestContext, 'workspaceId'>, range: { from: string; to: string; limit: number; offset: number }): Promise<EndingWarranty[]> {
  const { rows } = (await tx.execute(sql`
    select o.id as "orderId", o.number as "orderNumber", l.position, l.product_id as "productId", l.name as "productName",
           l.warranty_ends_on::text as "warrantyEndsOn", o.account_id as "accountId", o.contact_id as "contactId", o.owner_id as "orderOwnerId"
      from ${orderLines} l join ${orders} o on o.workspace_id = l.workspace_id and o.id = l.order_id
     where l.workspace_id = ${ctx.workspaceId} and l.warranty_ends_on between ${range.from}::date and ${range.to}::date
       and l.quantity > 0 and o.deleted_at is null and o.status in ('confirmed', 'fulfilled')
     order by l.warranty_ends_on, o.id, l.position
     limit ${range.limit} offset ${range.offset}`)) as unknown as { rows: EndingWarranty[] };
  return rows;
}
