import { and, eq, gte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { fieldServiceSettingsOf, openLoads, stationRows } from './stations.service.js';
import { workOrders } from './work-orders.tables.js';

export interface StationFigures {
  stationId: string;
  name: string;
  province: string;
  active: boolean;
  /** Work orders dispatched to it in the period (still its own: declined ones went elsewhere). */
  volume: number;
  done: number;
  /** Median hours from dispatch to done, of orders done in the period; null without any. */
  medianHoursToDone: number | null;
  rating: number | null;
  ratingCount: number;
  openCount: number;
  capacity: number;
  /** Average below the workspace's threshold with at least its minimum number of ratings. */
  poorlyRated: boolean;
}

/**
 * Per station over the last `days` days: volume, orders done and the median time to do them, its rating and
 * open load, flagging poorly rated stations. For those who configure service (managers, admins).
 */
export async function stationDashboard(tx: Executor, ctx: RequestContext, days: number): Promise<{ days: number; poorRatingBelow: number; poorRatingMinCount: number; stations: StationFigures[] }> {
  assertCan(ctx, 'service.configure');
  const since = new Date(Date.now() - days * 86_400_000);
  const [stations, loads, settings, figures] = await Promise.all([
    stationRows(tx, ctx),
    openLoads(tx, ctx),
    fieldServiceSettingsOf(tx, ctx),
    tx
      .select({
        stationId: workOrders.stationId,
        volume: sql<number>`count(*)::int`,
        done: sql<number>`(count(*) filter (where ${workOrders.status} = 'done'))::int`,
        median: sql<number | null>`(percentile_cont(0.5) within group (order by extract(epoch from ${workOrders.doneAt} - ${workOrders.dispatchedAt})) filter (where ${workOrders.status} = 'done'))::float8`,
      })
      .from(workOrders)
      .where(and(eq(workOrders.workspaceId, ctx.workspaceId), gte(workOrders.dispatchedAt, since)))
      .groupBy(workOrders.stationId),
  ]);
  const byStation = new Map(figures.filter((f) => f.stationId).map((f) => [f.stationId!, f]));
  return {
    days,
    poorRatingBelow: settings.poorRatingBelow,
    poorRatingMinCount: settings.poorRatingMinCount,
    stations: stations.map((s) => {
      const f = byStation.get(s.id);
      const rating = s.ratingCount ? Math.round((s.ratingSum / s.ratingCount) * 100) / 100 : null;
      return {
        stationId: s.id,
        name: s.name,
        province: s.province,
        active: s.active,
        volume: f?.volume ?? 0,
        done: f?.done ?? 0,
        medianHoursToDone: f?.median == null ? null : Math.round((f.median / 3600) * 10) / 10,
        rating,
        ratingCount: s.ratingCount,
        openCount: loads.get(s.id) ?? 0,
        capacity: s.capacity,
        poorlyRated: rating !== null && s.ratingCount >= settings.poorRatingMinCount && rating < settings.poorRatingBelow,
      };
    }),
  };
}
