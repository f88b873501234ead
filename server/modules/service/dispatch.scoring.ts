// The dispatch rule (docs/service.md, "Field service"): pure functions, so the rule is tested with concrete stations.
import type { DispatchComponent, DispatchExclusion } from '../../../contracts/field-service.js';
import type { DispatchWeights } from './stations.tables.js';

export const DEFAULT_WEIGHTS: DispatchWeights = { location: 40, skill: 30, rating: 20, workload: 10 };
/** The skill part for a station that lists the product's category but not the product. */
export const CATEGORY_SKILL = 0.7;
/** The skill part for a generalist (a station that lists no products or categories). */
export const GENERALIST_SKILL = 0.4;
/** The location part for the same province but another (or unknown) city, when distance cannot be measured. */
export const SAME_PROVINCE = 0.5;
/** The prior average when the workspace has no ratings yet. */
export const NEUTRAL_RATING = 3.5;

export interface Point {
  latitude: number | null;
  longitude: number | null;
}

/** What dispatch knows of a station. */
export interface StationStanding extends Point {
  id: string;
  name: string;
  province: string;
  city: string | null;
  productIds: string[];
  categoryIds: string[];
  capacity: number;
  active: boolean;
  ratingSum: number;
  ratingCount: number;
  /** Work orders it holds open now (dispatched, accepted, on site). */
  openCount: number;
}

/** Where the work is and on what. */
export interface DispatchJob extends Point {
  province: string | null;
  city: string | null;
  productId: string | null;
  categoryId: string | null;
}

export interface DispatchRule {
  weights: DispatchWeights;
  maxDistanceKm: number;
  ratingPriorCount: number;
  /** Mean of every rating in the workspace (the prior the adjustment pulls towards). */
  ratingPriorMean: number;
}

/** One part of a score: what was measured and how many points it gave (0 … its weight). */
export interface ScoreReason {
  component: DispatchComponent;
  points: number;
  weight: number;
  /** How the part was measured: `distance` (km), `same_city`, `same_province`, `other_region`, `unknown`; `product`, `category`, `generalist`, `none`; `rating`; `load`. */
  basis: string;
  /** The measurement: kilometres, the adjusted rating, open orders… */
  value: number | null;
  /** Extra figures for the reason's sentence (raw average and count, capacity). */
  detail?: Record<string, number | null>;
}

export interface DispatchCandidate {
  stationId: string;
  name: string;
  score: number;
  eligible: boolean;
  exclusion: DispatchExclusion | null;
  reasons: ScoreReason[];
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The average pulled towards the workspace's mean as if the station also had `priorCount` ratings of that mean:
 * one 5.0 does not beat two hundred 4.8s, and a station without ratings sits at the mean.
 */
export function bayesianRating(sum: number, count: number, priorMean: number, priorCount: number): number {
  return (priorMean * priorCount + sum) / (priorCount + count);
}

const sameText = (a: string | null, b: string | null) => Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());

function locationPart(station: StationStanding, job: DispatchJob, rule: DispatchRule): Omit<ScoreReason, 'points' | 'weight'> & { share: number } {
  if (station.latitude !== null && station.longitude !== null && job.latitude !== null && job.longitude !== null) {
    const km = haversineKm(station as { latitude: number; longitude: number }, job as { latitude: number; longitude: number });
    return { component: 'location', basis: 'distance', value: round(km, 1), share: Math.max(0, 1 - km / rule.maxDistanceKm) };
  }
  if (!job.province) return { component: 'location', basis: 'unknown', value: null, share: 0 };
  if (sameText(station.province, job.province) && sameText(station.city, job.city)) return { component: 'location', basis: 'same_city', value: null, share: 1 };
  if (sameText(station.province, job.province)) return { component: 'location', basis: 'same_province', value: null, share: SAME_PROVINCE };
  return { component: 'location', basis: 'other_region', value: null, share: 0 };
}

function skillPart(station: StationStanding, job: DispatchJob): { basis: string; share: number } {
  if (station.productIds.length === 0 && station.categoryIds.length === 0) return { basis: 'generalist', share: GENERALIST_SKILL };
  if (!job.productId) return { basis: 'generalist', share: GENERALIST_SKILL };
  if (station.productIds.includes(job.productId)) return { basis: 'product', share: 1 };
  if (job.categoryId && station.categoryIds.includes(job.categoryId)) return { basis: 'category', share: CATEGORY_SKILL };
  return { basis: 'none', share: 0 };
}

/** Scores one station for a job: each part's points with how they were measured, and whether it may take the job at all. */
export function scoreStation(station: StationStanding, job: DispatchJob, rule: DispatchRule): DispatchCandidate {
  const { weights } = rule;
  const location = locationPart(station, job, rule);
  const skill = skillPart(station, job);
  const adjusted = bayesianRating(station.ratingSum, station.ratingCount, rule.ratingPriorMean, rule.ratingPriorCount);
  const load = station.capacity > 0 ? station.openCount / station.capacity : 1;
  const reasons: ScoreReason[] = [
    { component: 'location', basis: location.basis, value: location.value, weight: weights.location, points: round(weights.location * location.share) },
    { component: 'skill', basis: skill.basis, value: null, weight: weights.skill, points: round(weights.skill * skill.share) },
    {
      component: 'rating',
      basis: 'rating',
      value: round(adjusted),
      weight: weights.rating,
      points: round((weights.rating * (adjusted - 1)) / 4),
      detail: { average: station.ratingCount ? round(station.ratingSum / station.ratingCount) : null, count: station.ratingCount },
    },
    { component: 'workload', basis: 'load', value: station.openCount, weight: weights.workload, points: round(weights.workload * Math.max(0, 1 - load)), detail: { capacity: station.capacity } },
  ];
  const exclusion: DispatchExclusion | null = !station.active ? 'inactive' : skill.share === 0 ? 'no_skill' : load >= 1 ? 'full' : null;
  return { stationId: station.id, name: station.name, score: round(reasons.reduce((s, r) => s + r.points, 0)), eligible: exclusion === null, exclusion, reasons };
}

/** Every station scored, those that may take the job first, best score first (ties: the lighter load, then the name). */
export function rankStations(stations: StationStanding[], job: DispatchJob, rule: DispatchRule): DispatchCandidate[] {
  const loadOf = new Map(stations.map((s) => [s.id, s.capacity > 0 ? s.openCount / s.capacity : 1]));
  return stations
    .map((s) => scoreStation(s, job, rule))
    .sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || loadOf.get(a.stationId)! - loadOf.get(b.stationId)! || a.name.localeCompare(b.name));
}
