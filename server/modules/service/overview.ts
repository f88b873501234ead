import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { ACTIVE_CASE_STATUSES } from '../../../contracts/service.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { onMerge } from '../../platform/records/merge-hooks.js';
import { contributeToOverview } from '../../platform/records/overview.js';
import { cases } from './cases.tables.js';
import { agentScope, caseNumber, serviceSettingsOf } from './cases.service.js';
import { moveCasesOf } from './case-work.service.js';

// What service adds to the 360-degree views of contacts and accounts: their open cases (a figure and a
// panel), and merged duplicates taking their cases along.

const COLUMN = { contact: cases.contactId, account: cases.accountId } as const;

/** The open cases of a contact or account, most urgent and newest first; the figure counts them. */
export async function openCasesPart(tx: Executor, ctx: RequestContext, recordType: keyof typeof COLUMN, recordId: string) {
  const where = and(
    eq(cases.workspaceId, ctx.workspaceId),
    eq(COLUMN[recordType], recordId),
    isNull(cases.deletedAt),
    inArray(cases.status, [...ACTIVE_CASE_STATUSES]),
    ownershipFilter(ctx, 'read', cases.ownerId),
    agentScope(ctx),
  );
  const rows = await tx
    .select()
    .from(cases)
    .where(where)
    .orderBy(sql`array_position(array['urgent','high','normal','low'], ${cases.priority})`, desc(cases.createdAt))
    .limit(10);
  const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(cases).where(where)) as [{ total: number }];
  const prefix = (await serviceSettingsOf(tx, ctx)).numberPrefix;
  return {
    figures: [{ key: 'openCases', value: total, format: 'count' as const }],
    panels: [
      {
        key: 'cases',
        recordType: 'case',
        total,
        items: rows.map((c) => ({ id: c.id, title: c.subject, subtitle: caseNumber(prefix, c.number), status: c.status, at: c.createdAt.toISOString() })),
      },
    ],
  };
}

for (const recordType of ['contact', 'account'] as const) {
  contributeToOverview(recordType, (tx, ctx, id) => openCasesPart(tx, ctx, recordType, id));
  onMerge(recordType, (tx, ctx, { primaryId, mergedIds }) => moveCasesOf(tx, ctx, recordType === 'contact' ? 'contact_id' : 'account_id', primaryId, mergedIds));
}
