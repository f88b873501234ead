import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { OPEN_WORK_ORDER_STATUSES } from '../../../contracts/field-service.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { cleanText } from '../../platform/text.js';
import { memberships, users } from '../../platform/tenancy/tenancy.tables.js';
import { assertCategory, productsByIds } from '../catalog/index.js';
import { DEFAULT_WEIGHTS, NEUTRAL_RATING, type DispatchJob, type StationStanding } from './dispatch.scoring.js';
import { fieldServiceSettings, serviceStations, stationTechnicians, type DispatchWeights } from './stations.tables.js';
import { workOrders } from './work-orders.tables.js';

export type Station = typeof serviceStations.$inferSelect;
export type FieldServiceSettings = typeof fieldServiceSettings.$inferSelect;

export interface StationInput {
  name: string;
  province: string;
  city?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  productIds?: string[];
  categoryIds?: string[];
  capacity: number;
  active?: boolean;
  phone?: string | null;
}

export interface Technician {
  userId: string;
  name: string;
  email: string;
}

/** A station as the API shows it: its average rating, open load and technicians. */
export type StationView = Station & { rating: number | null; openCount: number; technicians: Technician[] };

const ws = (ctx: RequestContext) => eq(serviceStations.workspaceId, ctx.workspaceId);

/** The workspace's field-service settings, made with the defaults on first use. */
export async function fieldServiceSettingsOf(tx: Executor, ctx: RequestContext): Promise<FieldServiceSettings> {
  const [row] = await tx.select().from(fieldServiceSettings).where(eq(fieldServiceSettings.workspaceId, ctx.workspaceId));
  if (row) return row;
  const [made] = await tx.insert(fieldServiceSettings).values({ workspaceId: ctx.workspaceId, weights: DEFAULT_WEIGHTS }).onConflictDoNothing().returning();
  return made ?? (await fieldServiceSettingsOf(tx, ctx));
}

export type FieldServiceSettingsPatch = Partial<Pick<FieldServiceSettings, 'weights' | 'maxDistanceKm' | 'ratingPriorCount' | 'poorRatingBelow' | 'poorRatingMinCount'>>;

/** Changes the dispatch weights and thresholds (service configuration). At least one weight must count. */
export async function updateFieldServiceSettings(tx: Executor, ctx: RequestContext, patch: FieldServiceSettingsPatch): Promise<FieldServiceSettings> {
  assertCan(ctx, 'service.configure');
  const before = await fieldServiceSettingsOf(tx, ctx);
  const weights: DispatchWeights | undefined = patch.weights;
  if (weights && Object.values(weights).every((w) => w === 0)) throw invalidField('weights', 'invalid', { reason: 'at least one weight above 0' });
  const [after] = await tx.update(fieldServiceSettings).set(patch).where(eq(fieldServiceSettings.workspaceId, ctx.workspaceId)).returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'field_service_settings', recordId: ctx.workspaceId, before, after });
  return after!;
}

/** The mean of every station rating in the workspace: the prior that pulls thinly rated stations towards it. */
export async function workspaceRatingMean(tx: Executor, ctx: RequestContext): Promise<number> {
  const [row] = await tx.select({ sum: sql<number>`coalesce(sum(${serviceStations.ratingSum}), 0)::float8`, count: sql<number>`coalesce(sum(${serviceStations.ratingCount}), 0)::int` }).from(serviceStations).where(ws(ctx));
  return row && row.count > 0 ? row.sum / row.count : NEUTRAL_RATING;
}

/** Open work orders per station (dispatched, accepted, on site). */
export async function openLoads(tx: Executor, ctx: RequestContext): Promise<Map<string, number>> {
  const rows = await tx
    .select({ stationId: workOrders.stationId, count: sql<number>`count(*)::int` })
    .from(workOrders)
    .where(and(eq(workOrders.workspaceId, ctx.workspaceId), inArray(workOrders.status, [...OPEN_WORK_ORDER_STATUSES])))
    .groupBy(workOrders.stationId);
  return new Map(rows.filter((r) => r.stationId).map((r) => [r.stationId!, r.count]));
}

async function techniciansOf(tx: Executor, ctx: RequestContext, stationIds: string[]): Promise<Map<string, Technician[]>> {
  const byStation = new Map<string, Technician[]>(stationIds.map((id) => [id, []]));
  if (stationIds.length === 0) return byStation;
  const rows = await tx
    .select({ stationId: stationTechnicians.stationId, userId: stationTechnicians.userId, name: users.name, email: users.email })
    .from(stationTechnicians)
    .innerJoin(users, eq(users.id, stationTechnicians.userId))
    .where(and(eq(stationTechnicians.workspaceId, ctx.workspaceId), inArray(stationTechnicians.stationId, stationIds)))
    .orderBy(asc(users.name));
  for (const r of rows) byStation.get(r.stationId)?.push({ userId: r.userId, name: r.name, email: r.email });
  return byStation;
}

async function present(tx: Executor, ctx: RequestContext, rows: Station[]): Promise<StationView[]> {
  const [loads, technicians] = await Promise.all([openLoads(tx, ctx), techniciansOf(tx, ctx, rows.map((r) => r.id))]);
  return rows.map((r) => ({ ...r, rating: r.ratingCount ? Math.round((r.ratingSum / r.ratingCount) * 100) / 100 : null, openCount: loads.get(r.id) ?? 0, technicians: technicians.get(r.id) ?? [] }));
}

/** The station a member works for (station role), or null. */
export async function stationOfMember(tx: Executor, ctx: RequestContext): Promise<string | null> {
  if (!ctx.userId) return null;
  const [row] = await tx.select({ stationId: stationTechnicians.stationId }).from(stationTechnicians).where(and(eq(stationTechnicians.workspaceId, ctx.workspaceId), eq(stationTechnicians.userId, ctx.userId)));
  return row?.stationId ?? null;
}

/** The members working for a station (to tell them of a new order). */
export async function stationMemberIds(tx: Executor, ctx: RequestContext, stationId: string): Promise<string[]> {
  const rows = await tx.select({ userId: stationTechnicians.userId }).from(stationTechnicians).where(and(eq(stationTechnicians.workspaceId, ctx.workspaceId), eq(stationTechnicians.stationId, stationId)));
  return rows.map((r) => r.userId);
}

/** Which stations dispatch scores for a job (see `dispatchStandings`). */
export interface DispatchScope {
  job: DispatchJob;
  maxDistanceKm: number;
  /** The station holding the order open now: the order itself is not counted in its load. */
  ownStationId: string | null;
  /** Only these stations, whatever their standing (a dispatcher's explicit choice). */
  stationIds?: string[];
}

const KM_PER_DEGREE = 111.195;

/**
 * The stations worth scoring for a job, with their open load: every station the rule could find eligible
 * (active, repairing the product, its category or anything, not full) and, so the dispatcher sees why the
 * closest cannot take it, the others nearby (same province, or within range of the job's point). The rule
 * stays in dispatch.scoring.ts: this filter only has to keep every station it could rank eligible, so the
 * best candidates are the same as over all stations, without loading thousands that cannot take the job.
 */
export async function dispatchStandings(tx: Executor, ctx: RequestContext, { job, maxDistanceKm, ownStationId, stationIds }: DispatchScope): Promise<StationStanding[]> {
  const loads = tx
    .select({ stationId: workOrders.stationId, open: sql<number>`count(*)::int`.as('open') })
    .from(workOrders)
    .where(and(eq(workOrders.workspaceId, ctx.workspaceId), inArray(workOrders.status, [...OPEN_WORK_ORDER_STATUSES])))
    .groupBy(workOrders.stationId)
    .as('loads');
  const s = serviceStations;
  const openCount = sql<number>`(coalesce(${loads.open}, 0) - case when ${s.id} = ${ownStationId} then 1 else 0 end)::int`;
  const generalist = sql`cardinality(${s.productIds}) = 0 and cardinality(${s.categoryIds}) = 0`;
  const skilled = job.productId
    ? or(generalist, sql`${job.productId}::uuid = any(${s.productIds})`, job.categoryId ? sql`${job.categoryId}::uuid = any(${s.categoryIds})` : undefined)
    : undefined;
  const mayTake = and(eq(s.active, true), skilled, sql`${openCount} < ${s.capacity}`);
  const sameProvince = job.province ? sql`lower(trim(${s.province})) = ${job.province.trim().toLowerCase()}` : undefined;
  let inRange: SQL | undefined;
  if (job.latitude !== null && job.longitude !== null) {
    // A box holding the circle of range: degrees of longitude shrink towards the poles, so measured at the box's far edge.
    const dLat = maxDistanceKm / KM_PER_DEGREE;
    const dLng = Math.min(180, maxDistanceKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos((Math.min(90, Math.abs(job.latitude) + dLat) * Math.PI) / 180))));
    inRange = sql`${s.latitude} between ${job.latitude - dLat} and ${job.latitude + dLat} and ${s.longitude} between ${job.longitude - dLng} and ${job.longitude + dLng}`;
  }
  return tx
    .select({
      id: s.id,
      name: s.name,
      province: s.province,
      city: s.city,
      latitude: s.latitude,
      longitude: s.longitude,
      productIds: s.productIds,
      categoryIds: s.categoryIds,
      capacity: s.capacity,
      active: s.active,
      ratingSum: s.ratingSum,
      ratingCount: s.ratingCount,
      openCount,
    })
    .from(s)
    .leftJoin(loads, eq(loads.stationId, s.id))
    .where(and(ws(ctx), stationIds ? inArray(s.id, stationIds) : or(mayTake, sameProvince, inRange)));
}

/** Station rows for dispatch and the dashboard (no permission check: callers check). */
export function stationRows(tx: Executor, ctx: RequestContext): Promise<Station[]> {
  return tx.select().from(serviceStations).where(ws(ctx)).orderBy(asc(serviceStations.name));
}

/** Every station (a station member: only their own). */
export async function listStations(tx: Executor, ctx: RequestContext): Promise<StationView[]> {
  if (ctx.role === 'station') {
    const own = await stationOfMember(tx, ctx);
    return own ? [await getStation(tx, ctx, own)] : [];
  }
  return present(tx, ctx, await stationRows(tx, ctx));
}

async function stationRow(tx: Executor, ctx: RequestContext, id: string): Promise<Station> {
  const [row] = await tx.select().from(serviceStations).where(and(ws(ctx), eq(serviceStations.id, id)));
  if (!row) throw notFound('service_station');
  if (ctx.role === 'station' && (await stationOfMember(tx, ctx)) !== id) throw notFound('service_station');
  return row;
}

export async function getStation(tx: Executor, ctx: RequestContext, id: string): Promise<StationView> {
  return (await present(tx, ctx, [await stationRow(tx, ctx, id)]))[0]!;
}

async function stationColumns(tx: Executor, ctx: RequestContext, input: Partial<StationInput>): Promise<Partial<Station>> {
  const values: Partial<Station> = {};
  for (const key of ['name', 'province'] as const) {
    if (input[key] === undefined) continue;
    const cleaned = cleanText(input[key]);
    if (!cleaned) throw invalidField(key, 'required');
    values[key] = cleaned;
  }
  for (const key of ['city', 'address', 'phone'] as const) if (input[key] !== undefined) values[key] = cleanText(input[key]) || null;
  if (input.latitude !== undefined || input.longitude !== undefined) {
    if ((input.latitude ?? null) === null !== ((input.longitude ?? null) === null)) throw invalidField('longitude', 'required', { reason: 'latitude and longitude go together' });
    values.latitude = input.latitude ?? null;
    values.longitude = input.longitude ?? null;
  }
  if (input.productIds !== undefined) {
    const ids = [...new Set(input.productIds)];
    const found = new Set((await productsByIds(tx, ctx, ids)).map((p) => p.id));
    const missing = input.productIds.findIndex((id) => !found.has(id));
    if (missing >= 0) throw invalidField(`productIds.${missing}`, 'invalid');
    values.productIds = ids;
  }
  if (input.categoryIds !== undefined) {
    for (const [i, id] of input.categoryIds.entries()) await assertCategory(tx, ctx, id, `categoryIds.${i}`);
    values.categoryIds = [...new Set(input.categoryIds)];
  }
  if (input.capacity !== undefined) values.capacity = input.capacity;
  if (input.active !== undefined) values.active = input.active;
  return values;
}

export async function createStation(tx: Executor, ctx: RequestContext, input: StationInput): Promise<StationView> {
  assertCan(ctx, 'service.configure');
  const values = await stationColumns(tx, ctx, input);
  const [row] = await tx
    .insert(serviceStations)
    .values({ ...(values as Station), workspaceId: ctx.workspaceId, id: uuidv7() })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'service_station', recordId: row!.id, before: null, after: row! });
  return getStation(tx, ctx, row!.id);
}

export async function updateStation(tx: Executor, ctx: RequestContext, id: string, patch: Partial<StationInput>): Promise<StationView> {
  assertCan(ctx, 'service.configure');
  const before = await stationRow(tx, ctx, id);
  const values = await stationColumns(tx, ctx, patch);
  const [after] = await tx.update(serviceStations).set({ ...values, updatedAt: new Date() }).where(and(ws(ctx), eq(serviceStations.id, id))).returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'service_station', recordId: id, before, after: after! });
  return getStation(tx, ctx, id);
}

/**
 * Ties a member to a station as a technician. Members with the station role see only that station's work;
 * a member of another role (a dispatcher who also repairs) may be tied too. A member is at one station at most.
 */
export async function addTechnician(tx: Executor, ctx: RequestContext, stationId: string, userId: string): Promise<StationView> {
  assertCan(ctx, 'service.configure');
  await stationRow(tx, ctx, stationId);
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId), eq(memberships.status, 'active')));
  if (!member) throw invalidField('userId', 'invalid');
  const [existing] = await tx.select().from(stationTechnicians).where(and(eq(stationTechnicians.workspaceId, ctx.workspaceId), eq(stationTechnicians.userId, userId)));
  if (existing && existing.stationId !== stationId) throw new AppError('TECHNICIAN_AT_OTHER_STATION', 409, { stationId: existing.stationId });
  if (!existing) {
    await tx.insert(stationTechnicians).values({ workspaceId: ctx.workspaceId, userId, stationId });
    await recordAudit(tx, ctx, { action: 'create', recordType: 'station_technician', recordId: userId, before: null, after: { stationId, userId } });
  }
  return getStation(tx, ctx, stationId);
}

export async function removeTechnician(tx: Executor, ctx: RequestContext, stationId: string, userId: string): Promise<StationView> {
  assertCan(ctx, 'service.configure');
  await stationRow(tx, ctx, stationId);
  const removed = await tx
    .delete(stationTechnicians)
    .where(and(eq(stationTechnicians.workspaceId, ctx.workspaceId), eq(stationTechnicians.stationId, stationId), eq(stationTechnicians.userId, userId)))
    .returning();
  if (removed.length === 0) throw notFound('station_technician');
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'station_technician', recordId: userId, before: { stationId, userId }, after: null });
  return getStation(tx, ctx, stationId);
}

/**
 * Adds a customer's survey score (1–5) to a station's rating. For the surveys work: the caller decides who may
 * rate (a survey answer acts for the customer), so no permission is checked here.
 */
export async function recordStationRating(tx: Executor, ctx: RequestContext, stationId: string, score: number): Promise<Station> {
  if (!Number.isFinite(score) || score < 1 || score > 5) throw invalidField('score', 'invalid', { reason: '1 to 5' });
  const [after] = await tx
    .update(serviceStations)
    .set({ ratingSum: sql`${serviceStations.ratingSum} + ${score}`, ratingCount: sql`${serviceStations.ratingCount} + 1`, updatedAt: new Date() })
    .where(and(ws(ctx), eq(serviceStations.id, stationId)))
    .returning();
  if (!after) throw notFound('service_station');
  await recordAudit(tx, ctx, { action: 'update', recordType: 'service_station', recordId: stationId, before: { ratingCount: after.ratingCount - 1 }, after: { ratingCount: after.ratingCount, score } });
  return after;
}
