import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { GRID_COLUMNS } from './dashboards.service.js';
import { ResultSchema } from './reports.schema.js';
import { REPORT_CHARTS } from './reports.tables.js';

const Day = Type.String({ format: 'date' });

export const TileSchema = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 60, description: 'Unique in the dashboard.' }),
    reportId: Type.Optional(Nullable(Uuid)),
    builtin: Type.Optional(Nullable(Type.String({ maxLength: 60, description: 'A built-in tile: `sales.pipelineByStage`, `sales.forecastVsQuota`, `sales.winRate`…' }))),
    chart: Type.Optional(Nullable(StringEnum(REPORT_CHARTS, { description: 'Draw it otherwise than the report was saved.' }))),
    title: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    x: Type.Integer({ minimum: 0, maximum: GRID_COLUMNS - 1 }),
    y: Type.Integer({ minimum: 0, maximum: 10_000 }),
    w: Type.Integer({ minimum: 1, maximum: GRID_COLUMNS }),
    h: Type.Integer({ minimum: 1, maximum: 40 }),
  },
  { additionalProperties: false },
);

export const FiltersSchema = Type.Object(
  {
    period: Type.Optional(Nullable(StringEnum(['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'last12Months', 'custom'] as const, { description: 'In the workspace’s calendar; `custom` uses from/to.' }))),
    from: Type.Optional(Nullable(Day)),
    to: Type.Optional(Nullable(Day)),
    ownerId: Type.Optional(Nullable(Uuid)),
    teamId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false, description: 'Applied to every tile: the period over each report’s date, the owner or team over its records.' },
);

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  shared: Type.Boolean({ description: 'Everyone in the workspace sees it (admins and managers share).' }),
  tiles: Type.Array(TileSchema, { maxItems: 40 }),
  filters: FiltersSchema,
};

export const DashboardSchema = Type.Object({ id: Uuid, ownerId: Uuid, ...fields, createdAt: Timestamp, updatedAt: Timestamp });
export const CreateDashboardBody = Type.Composite([Type.Object({ name: fields.name }), Type.Partial(Type.Object({ shared: fields.shared, tiles: fields.tiles, filters: fields.filters }))], { additionalProperties: false });
export const UpdateDashboardBody = Type.Partial(Type.Object(fields), { additionalProperties: false });
export const PinBody = Type.Object({ reportId: Uuid }, { additionalProperties: false });

export const RunTileBody = Type.Object(
  {
    reportId: Type.Optional(Uuid),
    builtin: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    chart: Type.Optional(Nullable(StringEnum(REPORT_CHARTS))),
    filters: Type.Optional(FiltersSchema),
  },
  { additionalProperties: false },
);
export const TileRunSchema = Type.Object({
  chart: StringEnum(REPORT_CHARTS),
  result: Nullable(ResultSchema),
  name: Nullable(Type.String({ description: 'The report’s name; null for a built-in tile.' })),
});
export const StandardDashboardSchema = Type.Object({ key: StringEnum(['sales', 'customers', 'service'] as const), tiles: Type.Array(TileSchema) });
