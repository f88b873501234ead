import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import { cleanText } from '../../platform/text.js';
import { getProduct } from '../catalog/index.js';
import { rankStations, type DispatchCandidate, type DispatchJob, type DispatchRule } from './dispatch.scoring.js';
import { dispatchStandings, fieldServiceSettingsOf, stationMemberIds, workspaceRatingMean } from './stations.service.js';
import { assertMayDispatch, getWorkOrder, moveWorkOrder, type WorkOrder } from './work-orders.service.js';

/** The workspace's dispatch rule: its weights and range, and the rating prior from every station's ratings. */
export async function dispatchRule(tx: Executor, ctx: RequestContext): Promise<DispatchRule> {
  const settings = await fieldServiceSettingsOf(tx, ctx);
  return { weights: settings.weights, maxDistanceKm: settings.maxDistanceKm, ratingPriorCount: settings.ratingPriorCount, ratingPriorMean: await workspaceRatingMean(tx, ctx) };
}

/** How many candidates an order's dispatch answers and keeps in its history: the best, then those excluded nearby. */
export const CANDIDATES_SHOWN = 50;

async function orderJob(tx: Executor, ctx: RequestContext, order: WorkOrder): Promise<DispatchJob> {
  const product = order.productId ? await getProduct(tx, ctx, order.productId).catch(() => null) : null;
  return { province: order.province, city: order.city, latitude: order.latitude, longitude: order.longitude, productId: order.productId, categoryId: product?.categoryId ?? null };
}

/**
 * The stations scored for an order, best first, each with the reasons of its score (docs/service.md): every
 * station that may take it is ranked (the filter in SQL keeps them all), the first CANDIDATES_SHOWN answered.
 * `stationId`: that station scored too, wherever it ranks or stands.
 */
export async function dispatchCandidates(tx: Executor, ctx: RequestContext, id: string, stationId?: string): Promise<{ order: WorkOrder; candidates: DispatchCandidate[]; chosen?: DispatchCandidate }> {
  const order = await getWorkOrder(tx, ctx, id);
  await assertMayDispatch(tx, ctx, order);
  const [job, rule] = await Promise.all([orderJob(tx, ctx, order), dispatchRule(tx, ctx)]);
  // The order's own station holds it open: scored as if the order were not counted, or a redispatch would see it fuller than it is.
  const scope = { job, maxDistanceKm: rule.maxDistanceKm, ownStationId: order.status !== 'declined' ? order.stationId : null };
  const candidates = rankStations(await dispatchStandings(tx, ctx, scope), job, rule);
  const chosen = stationId ? (candidates.find((c) => c.stationId === stationId) ?? rankStations(await dispatchStandings(tx, ctx, { ...scope, stationIds: [stationId] }), job, rule)[0]) : undefined;
  return { order, candidates: candidates.slice(0, CANDIDATES_SHOWN), chosen };
}

export interface DispatchInput {
  /** Absent: the best eligible candidate. */
  stationId?: string;
  /** Required when the station is not the best candidate (a manual override); kept on the order and in its history. */
  overrideReason?: string | null;
}

/**
 * Dispatches a new or declined order (or moves a dispatched one that no station accepted yet) to a station: the
 * best candidate, or another one with a reason. A station that cannot take the order at all (inactive, full,
 * without the skill) is refused. Returns the members of the station, to tell them after commit.
 */
export async function dispatchWorkOrder(tx: Executor, ctx: RequestContext, id: string, input: DispatchInput): Promise<{ order: WorkOrder; notify: string[] }> {
  const { order, candidates, chosen: named } = await dispatchCandidates(tx, ctx, id, input.stationId);
  if (!['new', 'declined', 'dispatched'].includes(order.status)) throw new AppError('WORK_ORDER_STATUS_CHANGE', 409, { number: order.numberText, from: order.status, to: 'dispatched' });
  const best = candidates.find((c) => c.eligible);
  const chosen = input.stationId ? named : best;
  if (!chosen) {
    if (input.stationId) throw invalidField('stationId', 'invalid');
    throw new AppError('STATION_CANNOT_TAKE', 409, { exclusion: 'no_station' });
  }
  if (!chosen.eligible) throw new AppError('STATION_CANNOT_TAKE', 409, { exclusion: chosen.exclusion });
  const override = chosen.stationId !== best!.stationId;
  const reason = cleanText(input.overrideReason) ?? null;
  if (override && !reason) throw invalidField('overrideReason', 'required');
  await moveWorkOrder(
    tx,
    ctx,
    order,
    'dispatched',
    { stationId: chosen.stationId, technicianId: null, overrideReason: override ? reason : null },
    { note: override ? reason : null, detail: { override, best: best!.stationId, candidates: candidates.map((c) => ({ stationId: c.stationId, score: c.score, eligible: c.eligible })) } },
  );
  return { order: await getWorkOrder(tx, ctx, id), notify: await stationMemberIds(tx, ctx, chosen.stationId) };
}
