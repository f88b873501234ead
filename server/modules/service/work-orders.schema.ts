import { Type } from '@sinclair/typebox';
import { DISPATCH_COMPONENTS, DISPATCH_EXCLUSIONS, STATION_ACTIONS, WORK_ORDER_STATUSES, type StationAction } from '../../../contracts/field-service.js';
import { ListQuery, Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';

const Status = StringEnum(WORK_ORDER_STATUSES);
const PartSchema = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), quantity: Type.Number({ exclusiveMinimum: 0, maximum: 100000 }) }, { additionalProperties: false });

export const WorkOrderSchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  numberText: Type.String({ description: 'WO-000123' }),
  caseId: Uuid,
  productId: Nullable(Uuid),
  ownerId: Nullable(Uuid),
  status: Status,
  customerName: Nullable(Type.String()),
  customerPhone: Nullable(Type.String()),
  province: Nullable(Type.String()),
  city: Nullable(Type.String()),
  address: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  problem: Nullable(Type.String()),
  stationId: Nullable(Uuid),
  stationName: Nullable(Type.String()),
  technicianId: Nullable(Uuid),
  technicianName: Nullable(Type.String()),
  note: Nullable(Type.String({ description: 'The station’s last note (on decline or done).' })),
  overrideReason: Nullable(Type.String({ description: 'Why the dispatcher chose another station than the best.' })),
  parts: Type.Array(PartSchema),
  labourMinutes: Nullable(Type.Integer()),
  dispatchedAt: Nullable(Timestamp),
  acceptedAt: Nullable(Timestamp),
  onSiteAt: Nullable(Timestamp),
  doneAt: Nullable(Timestamp),
  declinedAt: Nullable(Timestamp),
  cancelledAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const WorkOrderListQuery = ListQuery;

const place = {
  province: Nullable(Type.String({ maxLength: 100 })),
  city: Nullable(Type.String({ maxLength: 100 })),
  address: Nullable(Type.String({ maxLength: 500 })),
  latitude: Nullable(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
};
export const CreateWorkOrderBody = Type.Object(
  { caseId: Uuid, problem: Type.Optional(Nullable(Type.String({ maxLength: 5000, description: 'Default: the case’s subject.' }))), ...Type.Partial(Type.Object(place)).properties },
  { additionalProperties: false, description: 'From a repair case; without a place, the customer’s first address.' },
);

export const ReasonSchema = Type.Object({
  component: StringEnum(DISPATCH_COMPONENTS),
  points: Type.Number(),
  weight: Type.Number(),
  basis: Type.String({ description: 'location: distance, same_city, same_province, other_region, unknown; skill: product, category, generalist, none; rating; load.' }),
  value: Nullable(Type.Number({ description: 'Kilometres, the adjusted rating, or open orders.' })),
  detail: Type.Optional(Type.Record(Type.String(), Nullable(Type.Number()))),
});
export const CandidatesSchema = Type.Object({
  data: Type.Array(
    Type.Object({ stationId: Uuid, name: Type.String(), score: Type.Number(), eligible: Type.Boolean(), exclusion: Nullable(StringEnum(DISPATCH_EXCLUSIONS)), reasons: Type.Array(ReasonSchema) }),
  ),
});

export const DispatchBody = Type.Object(
  {
    stationId: Type.Optional(Uuid),
    overrideReason: Type.Optional(Nullable(Type.String({ maxLength: 1000, description: 'Required when the station is not the best candidate.' }))),
  },
  { additionalProperties: false, description: 'Without a station: the best candidate.' },
);

export const StationUpdateBody = Type.Object(
  {
    action: StringEnum(Object.keys(STATION_ACTIONS) as StationAction[], { description: 'accept, decline, on_site, done' }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    technicianId: Type.Optional(Nullable(Uuid)),
    parts: Type.Optional(Type.Array(PartSchema, { maxItems: 100 })),
    labourMinutes: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100000 }))),
  },
  { additionalProperties: false },
);
export const CancelBody = Type.Object({ note: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))) }, { additionalProperties: false });

export const WorkOrderEventSchema = Type.Object({
  id: Uuid,
  fromStatus: Nullable(Status),
  toStatus: Status,
  stationId: Nullable(Uuid),
  stationName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  at: Timestamp,
  by: Nullable(Uuid),
  byName: Nullable(Type.String()),
});
