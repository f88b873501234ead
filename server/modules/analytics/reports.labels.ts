import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { translator } from '../../platform/i18n/i18n.js';
import { linkableRecord } from '../../platform/records/linkable.js';
import { memberships, teams, users } from '../../platform/tenancy/tenancy.tables.js';
import { listPipelines } from '../sales/index.js';
import type { ReportResult } from './reports.query.js';

/** More distinct ids than this in one column are left unnamed (a record report of 1,000 accounts). */
const MAX_NAMED = 200;

/**
 * Names for the ids a report shows, by column: members (owners, creators, `user` custom fields), teams,
 * pipelines and stages, and linkable records (`accountId` → the account's name) that the caller may read —
 * a record they may not read keeps its id unnamed, so names never leak past the read scope.
 */
export async function labelsOf(tx: Executor, ctx: RequestContext, result: ReportResult): Promise<Record<string, Record<string, string>>> {
  const labels: Record<string, Record<string, string>> = {};
  const idColumns = result.columns.filter((c) => c.type === 'uuid' && c.kind !== 'measure');
  if (idColumns.length === 0) return labels;
  const known = await commonNames(tx, ctx, new Set(idColumns.flatMap((c) => result.rows.map((r) => r[c.key]).filter((v): v is string => typeof v === 'string'))));
  for (const column of idColumns) {
    const ids = [...new Set(result.rows.map((r) => r[column.key]).filter((v): v is string => typeof v === 'string'))].slice(0, MAX_NAMED);
    const named: Record<string, string> = {};
    const linkable = column.field ? linkableRecord(column.field.replace(/Id$/, '')) : undefined;
    for (const id of ids) {
      const common = known.get(id);
      if (common) named[id] = common;
      else if (linkable) {
        try {
          named[id] = await linkable.titleOf(tx, ctx, id);
        } catch {
          // Not readable (or gone): the id stays as it is.
        }
      }
    }
    labels[column.key] = named;
  }
  return labels;
}

/** Names of members, teams, pipelines and stages among `ids`: one query each, whatever the column. */
async function commonNames(tx: Executor, ctx: RequestContext, ids: Set<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wanted = [...ids].slice(0, MAX_NAMED * 2);
  if (wanted.length === 0) return names;
  const people = await tx
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), inArray(memberships.userId, wanted)));
  for (const p of people) names.set(p.id, p.name);
  const teamRows = await tx.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.workspaceId, ctx.workspaceId), inArray(teams.id, wanted)));
  for (const t of teamRows) names.set(t.id, t.name);
  const t = translator(ctx.locale);
  for (const pipeline of await listPipelines(tx, ctx, { includeArchived: true })) {
    if (ids.has(pipeline.id)) names.set(pipeline.id, pipeline.name);
    // A built-in stage is named in the reader's language until someone names it.
    for (const stage of pipeline.stages) if (ids.has(stage.id)) names.set(stage.id, stage.name ?? t(`sales.stageKeys.${stage.key}`));
  }
  return names;
}
