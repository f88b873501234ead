import { Type } from '@sinclair/typebox';
import { FILTER_LOGIC_MAX_LENGTH } from '../../platform/http/filter-logic.js';
import { FIELD_TYPES } from '../../platform/http/list-query.js';
import { Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { REPORT_EXPORT_FORMATS } from './reports.export.js';
import { AGGREGATES, DATE_BUCKETS, MAX_GROUPS, MAX_ROWS } from './reports.query.js';
import { REPORT_CHARTS, SCHEDULE_FREQUENCIES } from './reports.tables.js';

const FieldName = Type.String({ minLength: 1, maxLength: 60, description: 'A field of the object as its list filters by it: `amount`, `custom.region` (GET /views/fields).' });

export const DefinitionSchema = Type.Object(
  {
    objectType: Type.String({ minLength: 1, maxLength: 40, description: 'Any object with a list: contacts, accounts, leads, opportunities, products…' }),
    fields: Type.Optional(Type.Array(FieldName, { maxItems: 30, description: 'Columns of a report without group-by and measures (a list of records).' })),
    filters: Type.Optional(Type.Array(Type.String({ minLength: 3, maxLength: 500 }), { maxItems: 20, description: '`field:operator:value`, as the list API takes them.' })),
    filterLogic: Type.Optional(Nullable(Type.String({ maxLength: FILTER_LOGIC_MAX_LENGTH, description: 'How the filters combine: `1 AND (2 OR 3)`; null: all must hold.' }))),
    groupBy: Type.Optional(
      Type.Array(
        Type.Object(
          { field: FieldName, bucket: Type.Optional(Nullable(StringEnum(DATE_BUCKETS, { description: 'Dates only: day, week (ISO), month (default), quarter or year, in the workspace’s time zone.' }))) },
          { additionalProperties: false },
        ),
        { maxItems: MAX_GROUPS, description: 'Up to two levels; two make a pivot.' },
      ),
    ),
    measures: Type.Optional(
      Type.Array(
        Type.Object(
          { aggregate: StringEnum(AGGREGATES), field: Type.Optional(Nullable(FieldName)) },
          { additionalProperties: false, description: 'count needs no field; sum, avg, min and max a number field; countDistinct any field.' },
        ),
        { maxItems: 10 },
      ),
    ),
    sort: Type.Optional(Nullable(Type.String({ maxLength: 70, description: 'A column key (`g0`, `m1`, or a field of a record report); `-` first for descending.' }))),
    limit: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: MAX_ROWS }))),
  },
  { additionalProperties: false },
);

export const ScheduleSchema = Type.Object(
  {
    frequency: StringEnum(SCHEDULE_FREQUENCIES, { description: 'At 08:00 workspace time: every day, every Monday, or the first of each month.' }),
    recipientIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, description: 'Members; a personal report goes to its owner only. Each gets the rows they may read.' }),
    attachment: Type.Optional(Nullable(StringEnum(REPORT_EXPORT_FORMATS, { description: 'The whole report attached to the mail as this file; null: the first rows in the text only.' }))),
  },
  { additionalProperties: false },
);

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  description: Nullable(Type.String({ maxLength: 2000 })),
  shared: Type.Boolean({ description: 'Everyone in the workspace sees it (admins and managers share).' }),
  definition: DefinitionSchema,
  chart: StringEnum(REPORT_CHARTS),
  schedule: Nullable(ScheduleSchema),
};

export const ReportSchema = Type.Object({
  id: Uuid,
  ownerId: Uuid,
  ...fields,
  nextSendAt: Nullable(Timestamp),
  lastSentAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CreateReportBody = Type.Composite(
  [Type.Object({ name: fields.name, definition: fields.definition }), Type.Partial(Type.Object({ description: fields.description, shared: fields.shared, chart: fields.chart, schedule: fields.schedule }))],
  { additionalProperties: false },
);
export const UpdateReportBody = Type.Partial(Type.Object(fields), { additionalProperties: false });

const Cell = Nullable(Type.Union([Type.String(), Type.Number(), Type.Boolean()]));
export const ResultSchema = Type.Object({
  objectType: Type.String(),
  columns: Type.Array(
    Type.Object({
      key: Type.String({ description: '`g0`, `g1` for groups, `m0`… for measures, the field name in a record report.' }),
      kind: StringEnum(['group', 'measure', 'field'] as const),
      field: Nullable(Type.String()),
      type: StringEnum(FIELD_TYPES),
      aggregate: Type.Optional(StringEnum(AGGREGATES)),
      bucket: Type.Optional(StringEnum(DATE_BUCKETS)),
      money: Type.Optional(Type.Boolean({ description: 'Its numbers are minor units of `currency`: show them as money.' })),
    }),
  ),
  currency: Type.Optional(Type.String({ description: "The workspace's currency: what money columns are in." })),
  rows: Type.Array(Type.Record(Type.String(), Cell)),
  truncated: Type.Boolean({ description: 'More rows matched than the limit let through.' }),
  labels: Type.Record(Type.String(), Type.Record(Type.String(), Type.String()), { description: 'By column key: names of the ids in it that the caller may read (owners, stages, accounts).' }),
});

const Day = Type.String({ format: 'date', description: 'A calendar day: 2026-12-31.' });
export const ScopeQuery = Type.Object(
  {
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    ownerId: Type.Optional(Uuid),
    teamId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export const ExportQuery = Type.Object({ format: Type.Optional(StringEnum(REPORT_EXPORT_FORMATS, { default: 'csv' })) }, { additionalProperties: false });
