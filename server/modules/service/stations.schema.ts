import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp, Uuid } from '../../platform/http/schemas.js';

const Weight = Type.Integer({ minimum: 0, maximum: 100 });
export const DispatchWeightsSchema = Type.Object(
  { location: Weight, skill: Weight, rating: Weight, workload: Weight },
  { additionalProperties: false, description: 'Points each part of the dispatch score is worth at most (docs/service.md, "Field service").' },
);

const editable = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  province: Type.String({ minLength: 1, maxLength: 100, description: 'Province (or municipality) it serves from.' }),
  city: Nullable(Type.String({ maxLength: 100 })),
  address: Nullable(Type.String({ maxLength: 500 })),
  latitude: Nullable(Type.Number({ minimum: -90, maximum: 90, description: 'WGS84; with longitude, dispatch measures distance.' })),
  longitude: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
  productIds: Type.Array(Uuid, { maxItems: 500, description: 'Catalog products it repairs.' }),
  categoryIds: Type.Array(Uuid, { maxItems: 200, description: 'Catalog categories it repairs; no products and no categories: anything.' }),
  capacity: Type.Integer({ minimum: 0, maximum: 10000, description: 'Open work orders it takes at once.' }),
  active: Type.Boolean(),
  phone: Nullable(Type.String({ maxLength: 50 })),
};

const { name, province, capacity, ...optional } = editable;
export const CreateStationBody = Type.Object({ name, province, capacity, ...Type.Partial(Type.Object(optional)).properties }, { additionalProperties: false });
export const UpdateStationBody = Type.Partial(Type.Object(editable), { additionalProperties: false });

export const TechnicianSchema = Type.Object({ userId: Uuid, name: Type.String(), email: Type.String() });

export const StationSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  province: Type.String(),
  city: Nullable(Type.String()),
  address: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  productIds: Type.Array(Uuid),
  categoryIds: Type.Array(Uuid),
  capacity: Type.Integer(),
  active: Type.Boolean(),
  phone: Nullable(Type.String()),
  rating: Nullable(Type.Number({ description: 'Average survey score 1–5; null before the first.' })),
  ratingCount: Type.Integer(),
  openCount: Type.Integer({ description: 'Work orders dispatched, accepted or on site now.' }),
  technicians: Type.Array(TechnicianSchema),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const TechnicianBody = Type.Object({ userId: Uuid }, { additionalProperties: false });
export const TechnicianParams = Type.Object({ id: Uuid, userId: Uuid }, { additionalProperties: false });

export const FieldSettingsSchema = Type.Object({
  weights: DispatchWeightsSchema,
  maxDistanceKm: Type.Integer({ minimum: 1, maximum: 5000, description: 'Distance at which the location part falls to zero.' }),
  ratingPriorCount: Type.Integer({ minimum: 0, maximum: 1000, description: 'Ratings of the workspace mean every station is assumed to have (Bayesian adjustment).' }),
  poorRatingBelow: Type.Number({ minimum: 1, maximum: 5, description: 'The dashboard flags stations rated below this…' }),
  poorRatingMinCount: Type.Integer({ minimum: 1, maximum: 10000, description: '…with at least this many ratings.' }),
});
export const FieldSettingsBody = Type.Partial(FieldSettingsSchema, { additionalProperties: false });

export const DashboardQuery = Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, default: 90 })) }, { additionalProperties: false });
export const DashboardSchema = Type.Object({
  days: Type.Integer(),
  poorRatingBelow: Type.Number(),
  poorRatingMinCount: Type.Integer(),
  stations: Type.Array(
    Type.Object({
      stationId: Uuid,
      name: Type.String(),
      province: Type.String(),
      active: Type.Boolean(),
      volume: Type.Integer({ description: 'Work orders dispatched to it in the period.' }),
      done: Type.Integer(),
      medianHoursToDone: Nullable(Type.Number({ description: 'Median hours from dispatch to done.' })),
      rating: Nullable(Type.Number()),
      ratingCount: Type.Integer(),
      openCount: Type.Integer(),
      capacity: Type.Integer(),
      poorlyRated: Type.Boolean(),
    }),
  ),
});
