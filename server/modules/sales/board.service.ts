import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { withCustomFields } from '../../platform/custom-fields/custom-fields.service.js';
import { planList } from '../../platform/http/list-query.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { opportunities } from './opportunities.tables.js';
import { listOpportunities, opportunityListSpec, type Opportunity } from './opportunities.service.js';
import { getPipeline, type PipelineWithStages, type Stage } from './pipelines.service.js';

export interface StageTotal {
  currency: string;
  /** Minor units. */
  amount: number;
  /** Σ amount × probability / 100, minor units. */
  weighted: number;
}

export interface BoardColumn {
  stage: Stage;
  count: number;
  totals: StageTotal[];
  /** The newest deals of the stage; the rest through the list route (`stageId` filter) with `nextCursor`. */
  cards: Opportunity[];
  nextCursor: string | null;
}

export interface BoardQuery {
  filter?: string | string[];
  filterLogic?: string;
  /** Cards per column. */
  limit?: number;
  /** Won and lost columns hold the deals closed in this many days (default 90): the board is about live work. */
  closedWithinDays?: number;
}

/**
 * A pipeline as a kanban: for each live stage, how many deals and how much (per currency, also weighted by
 * probability) match the filters, and the first cards. Won and lost columns hold what closed lately, so the
 * board stays the size of the live work however long the history grows. Counts and sums are one grouped
 * scan; cards are one keyset page per stage (the board index).
 */
export async function pipelineBoard(tx: Executor, ctx: RequestContext, pipelineId: string, query: BoardQuery): Promise<{ pipeline: PipelineWithStages; columns: BoardColumn[] }> {
  const pipeline = await getPipeline(tx, ctx, pipelineId);
  const spec = await withCustomFields(tx, ctx, 'opportunities', opportunityListSpec, opportunities.custom);
  const plan = planList(spec, { filter: query.filter, filterLogic: query.filterLogic });
  const closedSince = new Date(Date.now() - (query.closedWithinDays ?? 90) * 86_400_000);
  const rows = (await tx
    .select({
      stageId: opportunities.stageId,
      currency: opportunities.currency,
      count: sql<number>`count(*)::int`,
      amount: sql<string>`sum(${opportunities.amount})`,
      weighted: sql<string>`round(sum(${opportunities.amount} * ${opportunities.probability}) / 100.0)`,
    })
    .from(opportunities)
    .where(
      and(
        eq(opportunities.workspaceId, ctx.workspaceId),
        inArray(opportunities.stageId, pipeline.stages.map((s) => s.id)),
        isNull(opportunities.deletedAt),
        ownershipFilter(ctx, 'read', opportunities.ownerId),
        or(eq(opportunities.status, 'open'), gte(opportunities.closedAt, closedSince)),
        plan.where,
      ),
    )
    .groupBy(opportunities.stageId, opportunities.currency)) as { stageId: string; currency: string; count: number; amount: string; weighted: string }[];

  const filters = Array.isArray(query.filter) ? query.filter : query.filter ? [query.filter] : [];
  const columns: BoardColumn[] = [];
  for (const stage of pipeline.stages) {
    const mine = rows.filter((r) => r.stageId === stage.id);
    // The caller's own filters keep their numbers in filterLogic; the stage condition is ANDed after them.
    const stageFilters = [`stageId:eq:${stage.id}`, ...(stage.kind === 'open' ? [] : [`closedAt:gte:${closedSince.toISOString()}`])];
    const page = await listOpportunities(tx, ctx, {
      filter: [...filters, ...stageFilters],
      filterLogic: query.filterLogic ? `(${query.filterLogic})${stageFilters.map((_, i) => ` AND ${filters.length + i + 1}`).join('')}` : undefined,
      limit: query.limit ?? 20,
      sort: '-createdAt',
    });
    columns.push({
      stage,
      count: mine.reduce((n, r) => n + r.count, 0),
      totals: mine.map((r) => ({ currency: r.currency, amount: Number(r.amount), weighted: Number(r.weighted) })).sort((a, b) => b.amount - a.amount),
      cards: page.data,
      nextCursor: page.nextCursor,
    });
  }
  return { pipeline, columns };
}
