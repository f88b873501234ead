import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
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
}

/**
 * A pipeline as a kanban: for each live stage, how many deals and how much (per currency, also weighted by
 * probability) match the filters, and the first cards. Counts and sums are one grouped scan of the board
 * index; cards are one keyset page per stage, so a pipeline with 10,000 open deals loads as fast as one with 10.
 */
export async function pipelineBoard(tx: Executor, ctx: RequestContext, pipelineId: string, query: BoardQuery): Promise<{ pipeline: PipelineWithStages; columns: BoardColumn[] }> {
  const pipeline = await getPipeline(tx, ctx, pipelineId);
  const spec = await withCustomFields(tx, ctx, 'opportunities', opportunityListSpec, opportunities.custom);
  const plan = planList(spec, { filter: query.filter, filterLogic: query.filterLogic });
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
        plan.where,
      ),
    )
    .groupBy(opportunities.stageId, opportunities.currency)) as { stageId: string; currency: string; count: number; amount: string; weighted: string }[];

  const filters = Array.isArray(query.filter) ? query.filter : query.filter ? [query.filter] : [];
  const columns: BoardColumn[] = [];
  for (const stage of pipeline.stages) {
    const mine = rows.filter((r) => r.stageId === stage.id);
    // The caller's own filters keep their numbers in filterLogic; the stage condition is ANDed after them.
    const stageFilter = `stageId:eq:${stage.id}`;
    const page = await listOpportunities(tx, ctx, {
      filter: [...filters, stageFilter],
      filterLogic: query.filterLogic ? `(${query.filterLogic}) AND ${filters.length + 1}` : undefined,
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
