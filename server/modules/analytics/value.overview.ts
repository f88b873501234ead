import { contributeToOverview } from '../../platform/records/overview.js';
import { onMerge } from '../../platform/records/merge-hooks.js';
import { sql } from 'drizzle-orm';
import { offersOfCustomer, valueOfCustomer } from './value.service.js';
import { customerValues, productRecommendations } from './value.tables.js';

// What customer value adds to the 360-degree views of accounts and contacts: lifetime value, average order
// and churn risk as key figures, and a panel (the web shows it with tier, RFM segment, churn reasons and the
// next best offers with their evidence; the items here are the offers).

for (const recordType of ['account', 'contact'] as const) {
  contributeToOverview(recordType, async (tx, ctx, id) => {
    const value = await valueOfCustomer(tx, ctx, recordType, id);
    if (!value) return {};
    const offers = await offersOfCustomer(tx, ctx, recordType, id);
    return {
      figures: [
        { key: 'lifetimeValue', value: value.lifetimeValue, format: 'money' as const, currency: value.currency },
        { key: 'averageOrderValue', value: value.averageOrderValue, format: 'money' as const, currency: value.currency },
        { key: 'churnScore', value: value.churnScore, format: 'count' as const },
      ],
      panels: [
        {
          key: 'customerValue',
          recordType: 'product',
          total: offers.length,
          items: offers.map((offer) => ({ id: offer.productId, title: offer.productName ?? offer.productId, subtitle: offer.becauseProductName })),
        },
      ],
    };
  });
  // A merged duplicate's figures are stale: they go, and the next run computes the merged customer.
  onMerge(recordType, async (tx, ctx, { mergedIds }) => {
    for (const table of [customerValues, productRecommendations])
      await tx.execute(sql`delete from ${table} where workspace_id = ${ctx.workspaceId} and customer_type = ${recordType} and customer_id in ${mergedIds}`);
  });
}
