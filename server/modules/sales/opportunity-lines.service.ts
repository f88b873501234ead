import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { assertMayActOn } from '../../platform/permissions/policy.js';
import { priceLineItems } from '../catalog/index.js';
import { opportunities, opportunityLines } from './opportunities.tables.js';
import { getOpportunity } from './opportunities.service.js';

export type OpportunityLine = typeof opportunityLines.$inferSelect;

export interface LineInput {
  productId: string;
  quantity: number;
  /** Minor units; absent: the product's price in the deal currency's default price book. */
  unitPrice?: number | null;
  discountPercent?: number;
}

/** quantity × unit price × (1 − discount %), in whole minor units (half away from zero). */
export function lineTotal(quantity: number, unitPrice: number, discountPercent: number): number {
  return Math.round(quantity * unitPrice * (1 - discountPercent / 100));
}

export async function listLines(tx: Executor, ctx: RequestContext, opportunityId: string): Promise<OpportunityLine[]> {
  await getOpportunity(tx, ctx, opportunityId);
  return tx
    .select()
    .from(opportunityLines)
    .where(and(eq(opportunityLines.workspaceId, ctx.workspaceId), eq(opportunityLines.opportunityId, opportunityId)))
    .orderBy(asc(opportunityLines.position));
}

/**
 * Sets a deal's products, in order: each priced from the catalog unless given a price, and the deal's
 * amount becomes the sum of the lines (no lines: the amount is left as it was, for deals sold by value).
 */
export async function replaceLines(tx: Executor, ctx: RequestContext, opportunityId: string, lines: LineInput[]): Promise<{ lines: OpportunityLine[]; amount: number }> {
  const deal = await getOpportunity(tx, ctx, opportunityId);
  await assertMayActOn(tx, ctx, 'update', deal.ownerId);
  const priced = await priceLineItems(tx, ctx, lines, { currency: deal.currency, field: 'lines' });
  const before = await listLines(tx, ctx, opportunityId);
  await tx.delete(opportunityLines).where(and(eq(opportunityLines.workspaceId, ctx.workspaceId), eq(opportunityLines.opportunityId, opportunityId)));
  const rows = priced.map((p, position) => {
    const input = lines[position]!;
    const discountPercent = input.discountPercent ?? 0;
    return {
      workspaceId: ctx.workspaceId,
      opportunityId,
      position,
      productId: p.productId,
      sku: p.sku,
      name: p.name,
      quantity: String(input.quantity),
      unitPrice: p.unitPrice,
      listPrice: p.listPrice,
      discountPercent: String(discountPercent),
      total: lineTotal(input.quantity, p.unitPrice, discountPercent),
    };
  });
  const after = rows.length ? await tx.insert(opportunityLines).values(rows).returning() : [];
  const amount = rows.length ? rows.reduce((sum, r) => sum + r.total, 0) : deal.amount;
  if (amount !== deal.amount) {
    await tx.update(opportunities).set({ amount, updatedAt: new Date() }).where(and(eq(opportunities.workspaceId, ctx.workspaceId), eq(opportunities.id, opportunityId)));
  }
  await recordAudit(tx, ctx, { action: 'update', recordType: 'opportunity', recordId: opportunityId, before: { lines: before, amount: deal.amount }, after: { lines: after, amount } });
  return { lines: after, amount };
}
