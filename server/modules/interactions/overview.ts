import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { onMerge } from '../../platform/records/merge-hooks.js';
import { contributeToOverview } from '../../platform/records/overview.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { tasks } from './interactions.tables.js';
import { contactSummary, moveTimeline } from './interactions.service.js';

// What the timeline adds to the 360-degree views: when the customer was last in touch, how often, and the
// open tasks about them. Registered for the record types whose views exist; later ones add theirs.

async function openTasks(tx: Executor, ctx: RequestContext, recordType: string, recordId: string) {
  const where = and(eq(tasks.workspaceId, ctx.workspaceId), eq(tasks.recordType, recordType), eq(tasks.recordId, recordId), eq(tasks.status, 'open'), isNull(tasks.deletedAt), ownershipFilter(ctx, 'read', tasks.ownerId));
  const rows = await tx.select().from(tasks).where(where).orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.createdAt)).limit(10);
  const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(tasks).where(where)) as [{ total: number }];
  return { rows, total };
}

for (const recordType of ['contact', 'account']) {
  contributeToOverview(recordType, async (tx, ctx, id) => {
    const summary = await contactSummary(tx, ctx, { recordType, recordId: id });
    const open = await openTasks(tx, ctx, recordType, id);
    return {
      figures: [
        { key: 'lastContact', value: summary.lastAt?.toISOString() ?? null, format: 'date' },
        { key: 'interactions', value: summary.count, format: 'count' },
        { key: 'openTasks', value: open.total, format: 'count' },
      ],
      panels: [{ key: 'tasks', recordType: 'task', total: open.total, items: open.rows.map((t) => ({ id: t.id, title: t.title, subtitle: t.priority, at: t.dueAt?.toISOString() ?? null })) }],
    };
  });
  onMerge(recordType, (tx, ctx, { primaryId, mergedIds }) => moveTimeline(tx, ctx, recordType, primaryId, mergedIds));
  onMerge(recordType, async (tx, ctx, { primaryId, mergedIds }) => {
    await tx.execute(sql`update ${tasks} set record_id = ${primaryId} where workspace_id = ${ctx.workspaceId} and record_type = ${recordType} and record_id in ${mergedIds}`);
  });
}
