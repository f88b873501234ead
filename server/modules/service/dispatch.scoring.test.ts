import { describe, expect, it } from 'vitest';
import { bayesianRating, DEFAULT_WEIGHTS, haversineKm, rankStations, scoreStation, type DispatchJob, type DispatchRule, type StationStanding } from './dispatch.scoring.js';

const rule: DispatchRule = { weights: DEFAULT_WEIGHTS, maxDistanceKm: 300, ratingPriorCount: 10, ratingPriorMean: 4 };
const PHONE = 'p-phone';
const TABLETS = 'c-tablets';
const station = (over: Partial<StationStanding>): StationStanding => ({
  id: over.name ?? 's',
  name: 's',
  province: '北京市',
  city: '北京市',
  latitude: null,
  longitude: null,
  productIds: [],
  categoryIds: [],
  capacity: 10,
  active: true,
  ratingSum: 0,
  ratingCount: 0,
  openCount: 0,
  ...over,
});
const job = (over: Partial<DispatchJob> = {}): DispatchJob => ({ province: '北京市', city: '北京市', latitude: null, longitude: null, productId: PHONE, categoryId: TABLETS, ...over });
const part = (c: ReturnType<typeof scoreStation>, component: string) => c.reasons.find((r) => r.component === component)!;

describe('haversineKm', () => {
  it('measures Beijing–Tianjin and Beijing–Shanghai like a map does', () => {
    const beijing = { latitude: 39.9042, longitude: 116.4074 };
    expect(haversineKm(beijing, { latitude: 39.0842, longitude: 117.201 })).toBeCloseTo(113.7, 0);
    expect(haversineKm(beijing, { latitude: 31.2304, longitude: 121.4737 })).toBeCloseTo(1067.3, 0);
    expect(haversineKm(beijing, beijing)).toBe(0);
  });
});

describe('bayesianRating', () => {
  it('ranks two hundred 4.8s above a single 5.0, and puts an unrated station at the mean', () => {
    const single = bayesianRating(5, 1, 4, 10);
    const many = bayesianRating(4.8 * 200, 200, 4, 10);
    expect(single).toBeCloseTo(4.091, 3);
    expect(many).toBeCloseTo(4.762, 3);
    expect(many).toBeGreaterThan(single);
    expect(bayesianRating(0, 0, 4, 10)).toBe(4);
  });
});

describe('scoreStation', () => {
  it('gives every part its points with how it was measured', () => {
    const c = scoreStation(station({ name: 'A', productIds: [PHONE], ratingSum: 4.8 * 200, ratingCount: 200, openCount: 2, capacity: 8 }), job(), rule);
    expect(c.reasons.map((r) => [r.component, r.basis, r.points])).toEqual([
      ['location', 'same_city', 40],
      ['skill', 'product', 30],
      ['rating', 'rating', 18.81],
      ['workload', 'load', 7.5],
    ]);
    expect(c).toMatchObject({ eligible: true, exclusion: null, score: 96.31 });
    expect(part(c, 'rating').detail).toEqual({ average: 4.8, count: 200 });
  });

  it('measures distance when both sides have a point, falling to zero at the configured range', () => {
    const here = { latitude: 39.9042, longitude: 116.4074 };
    const tianjin = scoreStation(station({ province: '天津市', city: '天津市', latitude: 39.0842, longitude: 117.201 }), job(here), rule);
    expect(part(tianjin, 'location')).toMatchObject({ basis: 'distance', value: 113.8, points: 24.83 });
    const shanghai = scoreStation(station({ province: '上海市', latitude: 31.2304, longitude: 121.4737 }), job(here), rule);
    expect(part(shanghai, 'location')).toMatchObject({ basis: 'distance', points: 0 });
  });

  it('falls back to regions without points: same city, same province (another city), elsewhere', () => {
    expect(part(scoreStation(station({ province: '广东省', city: '深圳市' }), job({ province: '广东省', city: '深圳市' }), rule), 'location').points).toBe(40);
    expect(part(scoreStation(station({ province: '广东省', city: '广州市' }), job({ province: '广东省', city: '深圳市' }), rule), 'location')).toMatchObject({ basis: 'same_province', points: 20 });
    expect(part(scoreStation(station({ province: '浙江省' }), job({ province: '广东省' }), rule), 'location')).toMatchObject({ basis: 'other_region', points: 0 });
    expect(part(scoreStation(station({}), job({ province: null, city: null }), rule), 'location')).toMatchObject({ basis: 'unknown', points: 0 });
  });

  it('counts the category below the product and a generalist below both; no skill excludes the station', () => {
    expect(part(scoreStation(station({ categoryIds: [TABLETS] }), job(), rule), 'skill')).toMatchObject({ basis: 'category', points: 21 });
    expect(part(scoreStation(station({}), job(), rule), 'skill')).toMatchObject({ basis: 'generalist', points: 12 });
    expect(scoreStation(station({ productIds: ['other'] }), job(), rule)).toMatchObject({ eligible: false, exclusion: 'no_skill' });
  });

  it('excludes a full or inactive station but still scores it, so the dispatcher sees why', () => {
    const full = scoreStation(station({ productIds: [PHONE], capacity: 3, openCount: 3 }), job(), rule);
    expect(full).toMatchObject({ eligible: false, exclusion: 'full' });
    expect(part(full, 'workload').points).toBe(0);
    expect(scoreStation(station({ active: false }), job(), rule).exclusion).toBe('inactive');
    expect(scoreStation(station({ capacity: 0 }), job(), rule).exclusion).toBe('full');
  });

  it('follows the workspace weights', () => {
    const c = scoreStation(station({ productIds: [PHONE] }), job(), { ...rule, weights: { location: 0, skill: 0, rating: 0, workload: 100 } });
    expect(c.score).toBe(100);
  });
});

describe('rankStations', () => {
  it('puts the nearby, skilled, well-rated, lightly loaded station first and the excluded ones last', () => {
    const ranked = rankStations(
      [
        station({ name: '朝阳站 one review', productIds: [PHONE], ratingSum: 5, ratingCount: 1, openCount: 0 }),
        station({ name: '海淀站 veteran', productIds: [PHONE], ratingSum: 4.8 * 200, ratingCount: 200, openCount: 0 }),
        station({ name: '满站 full', productIds: [PHONE], ratingSum: 500, ratingCount: 100, capacity: 2, openCount: 2 }),
        station({ name: '上海站', province: '上海市', city: '上海市', productIds: [PHONE] }),
        station({ name: 'Generalist 通用', ratingSum: 45, ratingCount: 10 }),
      ],
      job(),
      rule,
    );
    expect(ranked.map((c) => c.name)).toEqual(['海淀站 veteran', '朝阳站 one review', 'Generalist 通用', '上海站', '满站 full']);
    expect(ranked.at(-1)!.eligible).toBe(false);
  });

  it('breaks a tie by the lighter load, then by name', () => {
    const ranked = rankStations([station({ name: 'b', openCount: 5 }), station({ name: 'a', openCount: 5 }), station({ name: 'c', openCount: 5, capacity: 20 })], job({ productId: null }), { ...rule, weights: { ...rule.weights, workload: 0 } });
    expect(ranked.map((c) => c.name)).toEqual(['c', 'a', 'b']);
  });

  it('answers nothing when there are no stations', () => {
    expect(rankStations([], job(), rule)).toEqual([]);
  });
});
