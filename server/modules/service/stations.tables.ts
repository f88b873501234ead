import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/** How dispatch weighs its parts and when a station counts as poorly rated (docs/service.md, "Field service"). */
export interface DispatchWeights {
  location: number;
  skill: number;
  rating: number;
  workload: number;
}

/** A service station: a repair shop (own or a partner's) that field work orders are dispatched to. */
export const serviceStations = pgTable(
  'service_stations',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    province: text('province').notNull(),
    city: text('city'),
    address: text('address'),
    /** WGS84 degrees; both or neither. With the customer's point, dispatch measures distance instead of matching regions. */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Catalog products it repairs; with `categoryIds`, empty both: it repairs anything (a generalist). */
    productIds: uuid('product_ids').array().notNull().default(sql`'{}'`),
    categoryIds: uuid('category_ids').array().notNull().default(sql`'{}'`),
    /** Open work orders (dispatched, accepted, on site) it takes at once. */
    capacity: integer('capacity').notNull(),
    active: boolean('active').notNull().default(true),
    phone: text('phone'),
    /** Survey scores 1–5: their sum and count, so the average and its Bayesian adjustment stay exact. */
    ratingSum: doublePrecision('rating_sum').notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('service_stations_province_idx').on(t.workspaceId, t.province), tenantPolicy()],
).enableRLS();

/** A technician: a workspace member working for one station (a member is at one station at most). */
export const stationTechnicians = pgTable(
  'station_technicians',
  {
    workspaceId: workspaceIdColumn(),
    userId: uuid('user_id').notNull(),
    stationId: uuid('station_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('station_technicians_station_idx').on(t.workspaceId, t.stationId), tenantPolicy()],
).enableRLS();

/** Per workspace: work-order numbering and the dispatch rule's weights and thresholds. */
export const fieldServiceSettings = pgTable(
  'field_service_settings',
  {
    workspaceId: workspaceIdColumn(),
    lastNumber: integer('last_number').notNull().default(0),
    weights: jsonb('weights').$type<DispatchWeights>().notNull().default(sql`'{"location":40,"skill":30,"rating":20,"workload":10}'::jsonb`),
    /** Kilometres at which the location part falls to zero. */
    maxDistanceKm: integer('max_distance_km').notNull().default(300),
    /** The Bayesian prior: a station's average counts as if it also had this many ratings of the workspace's mean. */
    ratingPriorCount: integer('rating_prior_count').notNull().default(10),
    /** Dashboard flag: average below this, with at least `poorRatingMinCount` ratings. */
    poorRatingBelow: doublePrecision('poor_rating_below').notNull().default(3.5),
    poorRatingMinCount: integer('poor_rating_min_count').notNull().default(5),
  },
  (t) => [primaryKey({ columns: [t.workspaceId] }), tenantPolicy()],
).enableRLS();
