import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { onMerge } from '../../platform/records/merge-hooks.js';
import { contributeToOverview } from '../../platform/records/overview.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { opportunities, opportunityContacts } from './opportunities.tables.js';

// What sales adds to the 360-degree views of accounts and contacts: their deals, the open pipeline and what
// was won (in the workspace's currency), and merged duplicates taking their deals along.

const COLUMN = { account: opportunities.accountId, contact: opportunities.contactId } as const;

async function dealsPart(tx: Executor, ctx: RequestContext, recordType: keyof typeof COLUMN, recordId: string) {
  const where = and(eq(opportunities.workspaceId, ctx.workspaceId), eq(COLUMN[recordType], recordId), isNull(opportunities.deletedAt), ownershipFilter(ctx, 'read', opportunities.ownerId));
  const currency = (await getWorkspace(tx, ctx)).defaultCurrency ?? 'CNY';
  const rows = await tx
    .select()
    .from(opportunities)
    .where(where)
    .orderBy(sql`${opportunities.status} = 'open' desc`, desc(opportunities.closeDate), desc(opportunities.id))
    .limit(10);
  const [totals] = (await tx
    .select({
      total: sql<number>`count(*)::int`,
      open: sql<number>`coalesce(sum(${opportunities.amount}) filter (where ${opportunities.status} = 'open' and ${opportunities.currency} = ${currency}), 0)::bigint`,
      won: sql<number>`coalesce(sum(${opportunities.amount}) filter (where ${opportunities.status} = 'won' and ${opportunities.currency} = ${currency}), 0)::bigint`,
    })
    .from(opportunities)
    .where(where)) as [{ total: number; open: number; won: number }];
  return {
    figures: [
      { key: 'openPipeline', value: Number(totals.open), format: 'money' as const, currency },
      { key: 'wonRevenue', value: Number(totals.won), format: 'money' as const, currency },
    ],
    panels: [
      {
        key: 'opportunities',
        recordType: 'opportunity',
        total: totals.total,
        items: rows.map((o) => ({ id: o.id, title: o.name, subtitle: null, status: o.status, amount: { value: o.amount, currency: o.currency }, at: o.closeDate })),
      },
    ],
  };
}

for (const recordType of ['account', 'contact'] as const) {
  contributeToOverview(recordType, (tx, ctx, id) => dealsPart(tx, ctx, recordType, id));
  onMerge(recordType, async (tx, ctx, { primaryId, mergedIds }) => {
    const column = recordType === 'account' ? sql`account_id` : sql`contact_id`;
    await tx.execute(sql`update ${opportunities} set ${column} = ${primaryId} where workspace_id = ${ctx.workspaceId} and ${column} in ${mergedIds}`);
  });
}
onMerge('contact', async (tx, ctx, { primaryId, mergedIds }) => {
  // The primary may already be in the deal: keep its role, drop the duplicate's row.
  await tx.execute(sql`
    insert into ${opportunityContacts} (workspace_id, opportunity_id, contact_id, role)
    select workspace_id, opportunity_id, ${primaryId}, role from ${opportunityContacts}
     where workspace_id = ${ctx.workspaceId} and contact_id in ${mergedIds}
    on conflict do nothing`);
  await tx.execute(sql`delete from ${opportunityContacts} where workspace_id = ${ctx.workspaceId} and contact_id in ${mergedIds}`);
});
