import { and, eq, getTableColumns, is, isNull, sql, type SQL } from 'drizzle-orm';
import { PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import { planList, type FieldType, type ListField, type ListSpec } from '../../platform/http/list-query.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { memberships } from '../../platform/tenancy/tenancy.tables.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { contributedJoinSql } from '../../platform/views/list-extensions.js';
import { listSpecOf, viewableObjectTypes } from '../../platform/views/views.service.js';

/**
 * The report engine: a report is a list (any object that registered a list spec for saved views) read as one
 * SQL aggregation — the list's own fields and filter language, grouped, measured and sorted. Every name in a
 * definition is looked up in the object's list spec before any SQL is built; values only ever travel as
 * parameters. Rows the caller's role may not read never count (the list's ownership scope).
 */

export const DATE_BUCKETS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type DateBucket = (typeof DATE_BUCKETS)[number];
export const AGGREGATES = ['count', 'sum', 'avg', 'min', 'max', 'countDistinct'] as const;
export type Aggregate = (typeof AGGREGATES)[number];
/** Aggregates that need numbers (money is integer minor units: a number field). */
const NUMERIC_AGGREGATES: readonly Aggregate[] = ['sum', 'avg', 'min', 'max'];
export const MAX_GROUPS = 2;
export const MAX_ROWS = 1000;

export interface ReportDefinition {
  objectType: string;
  /** Columns of a report without group-by and measures: the records themselves. */
  fields?: string[];
  /** The list's `field:operator:value` filters. */
  filters?: string[];
  filterLogic?: string | null;
  groupBy?: { field: string; bucket?: DateBucket | null }[];
  measures?: { aggregate: Aggregate; field?: string | null }[];
  /** A column key (`g0`, `m1`, or a field of a record report); `-` first for descending. */
  sort?: string | null;
  limit?: number | null;
}

/** Narrowing every tile of a dashboard gets: a period over the report's date and an owner or a team. */
export interface ReportScope {
  /** First and last day (YYYY-MM-DD), in the workspace's time zone. */
  from?: string;
  to?: string;
  ownerId?: string;
  teamId?: string;
}

export type Cell = string | number | boolean | null;
export interface ReportColumn {
  key: string;
  kind: 'group' | 'measure' | 'field';
  /** The object's field; null for a count. */
  field: string | null;
  type: FieldType;
  aggregate?: Aggregate;
  bucket?: DateBucket;
  /** Minor units of money (a money field, or its sum, average, minimum or maximum). */
  money?: boolean;
}
export interface ReportResult {
  objectType: string;
  columns: ReportColumn[];
  /** The workspace's currency, which money columns are in. */
  currency?: string;
  rows: Record<string, Cell>[];
  /** More rows matched than the limit let through. */
  truncated: boolean;
}

/** The columns a reportable object's rows have beside its list fields: which workspace, whose, whether deleted. */
interface Source {
  spec: ListSpec;
  table: PgTable;
  workspaceId: PgColumn;
  ownerId?: PgColumn;
  deletedAt?: PgColumn;
}

/**
 * An object's list spec and the table under it (the table of its id column). Objects without an owner column
 * are read by every member (the catalog); those with one are confined to the caller's read scope.
 */
export async function reportSource(tx: Executor, ctx: RequestContext, objectType: string): Promise<Source> {
  if (!viewableObjectTypes().includes(objectType)) throw invalidField('objectType', 'enum', { allowed: viewableObjectTypes().join(', ') });
  const spec = await listSpecOf(tx, ctx, objectType);
  const table = spec.id.table as PgTable;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  if (!columns.workspaceId) throw new Error(`${objectType}: its table has no workspace_id`);
  return { spec, table, workspaceId: columns.workspaceId, ownerId: columns.ownerId, deletedAt: columns.deletedAt };
}

const unknownField = (objectType: string, name: string, at: string, spec: ListSpec) =>
  new AppError('REPORT_FIELD_UNKNOWN', 400, { name, objectType, allowed: Object.keys(spec.fields).join(', ') }, [{ field: at, code: 'enum', params: { allowed: Object.keys(spec.fields).join(', ') } }]);

function fieldOf(source: Source, objectType: string, name: string | null | undefined, at: string): ListField {
  const field = name ? source.spec.fields[name] : undefined;
  if (!field || !name) throw unknownField(objectType, name ?? '', at, source.spec);
  return field;
}

const isDateColumn = (column: PgColumn | SQL) => is(column, PgColumn) && column.getSQLType() === 'date';

const BUCKET_FORMAT: Record<DateBucket, string> = { day: 'YYYY-MM-DD', week: 'IYYY-"W"IW', month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' };

/** A date bucket as sortable text (`2026-11`, `2026-Q4`, `2026-W48`), the instant read in the workspace's time zone. */
function bucketExpression(column: PgColumn | SQL, bucket: DateBucket, timeZone: string): SQL {
  const local = isDateColumn(column) ? sql`${column}::timestamp` : sql`(${column} at time zone ${timeZone})`;
  return sql`to_char(date_trunc(${bucket}, ${local}), ${BUCKET_FORMAT[bucket]})`;
}

/** A value as the API answers it: uuids and booleans as text keys would lose nothing, numbers as float8. */
function valueExpression(field: ListField): SQL {
  switch (field.type) {
    case 'uuid':
      return sql`(${field.column})::text`;
    case 'number':
      return sql`(${field.column})::float8`;
    default:
      return sql`${field.column}`;
  }
}

function measureExpression(aggregate: Aggregate, field: ListField | null): SQL {
  if (aggregate === 'count') return sql`count(*)::float8`;
  const column = sql`${field!.column}`;
  switch (aggregate) {
    case 'countDistinct':
      return sql`count(distinct ${column})::float8`;
    case 'sum':
      return sql`coalesce(sum(${column}), 0)::float8`;
    default:
      return sql`${sql.raw(aggregate)}(${column})::float8`;
  }
}

/** The period and owner narrowing of a dashboard, over the report's date field and the object's owner. */
function scopeCondition(source: Source, definition: ReportDefinition, scope: ReportScope, ctx: RequestContext, timeZone: string): SQL[] {
  const conditions: SQL[] = [];
  if (scope.from || scope.to) {
    // The period applies to the date the report groups by, else to when the record was created.
    const dateName = definition.groupBy?.find((g) => source.spec.fields[g.field]?.type === 'timestamp')?.field ?? 'createdAt';
    const date = source.spec.fields[dateName];
    if (date?.type === 'timestamp') {
      const column = date.column;
      const bound = (day: string) => (isDateColumn(column) ? sql`${day}::date` : sql`(${day}::date::timestamp at time zone ${timeZone})`);
      if (scope.from) conditions.push(sql`${column} >= ${bound(scope.from)}`);
      if (scope.to) conditions.push(sql`${column} < ${bound(scope.to)} + interval '1 day'`);
    }
  }
  if (source.ownerId && scope.ownerId) conditions.push(eq(source.ownerId, scope.ownerId));
  if (source.ownerId && scope.teamId) {
    conditions.push(sql`${source.ownerId} in (select ${memberships.userId} from ${memberships} where ${memberships.workspaceId} = ${ctx.workspaceId} and ${memberships.teamId} = ${scope.teamId})`);
  }
  return conditions;
}

interface Planned {
  columns: ReportColumn[];
  select: SQL[];
  groupBy: SQL[];
  orderBy: SQL;
  limit: number;
}

/** Checks every name of the definition against the object and plans the select list, grouping and order. */
function plan(source: Source, definition: ReportDefinition, timeZone: string): Planned {
  const { objectType } = definition;
  const groups = definition.groupBy ?? [];
  const measures = definition.measures ?? [];
  if (groups.length > MAX_GROUPS) throw invalidField('groupBy', 'maxItems', { limit: MAX_GROUPS });
  const columns: ReportColumn[] = [];
  const select: SQL[] = [];
  const groupBy: SQL[] = [];
  const expressions = new Map<string, SQL>();
  const add = (column: ReportColumn, expression: SQL) => {
    columns.push(column);
    expressions.set(column.key, expression);
    select.push(sql`${expression} as ${sql.identifier(column.key)}`);
  };
  groups.forEach((group, i) => {
    const field = fieldOf(source, objectType, group.field, `groupBy.${i}.field`);
    if (group.bucket && field.type !== 'timestamp') throw invalidField(`groupBy.${i}.bucket`, 'invalid');
    const bucket = field.type === 'timestamp' ? (group.bucket ?? 'month') : undefined;
    const expression = bucket ? bucketExpression(field.column, bucket, timeZone) : valueExpression(field);
    add({ key: `g${i}`, kind: 'group', field: group.field, type: bucket ? 'text' : field.type, ...(bucket ? { bucket } : {}), ...(field.money ? { money: true } : {}) }, expression);
    groupBy.push(sql.raw(String(i + 1)));
  });
  measures.forEach((measure, i) => {
    const field = measure.aggregate === 'count' ? null : fieldOf(source, objectType, measure.field, `measures.${i}.field`);
    if (field && NUMERIC_AGGREGATES.includes(measure.aggregate) && field.type !== 'number') {
      throw new AppError('REPORT_MEASURE_NOT_NUMERIC', 400, { aggregate: measure.aggregate, name: measure.field }, [{ field: `measures.${i}.field`, code: 'invalid' }]);
    }
    const money = field?.money === true && NUMERIC_AGGREGATES.includes(measure.aggregate);
    add({ key: `m${i}`, kind: 'measure', field: field ? measure.field! : null, type: 'number', aggregate: measure.aggregate, ...(money ? { money } : {}) }, measureExpression(measure.aggregate, field));
  });
  const records = groups.length === 0 && measures.length === 0;
  if (records) {
    const names = definition.fields?.length ? definition.fields : ['id' in source.spec.fields ? 'id' : Object.keys(source.spec.fields)[0]!];
    names.forEach((name, i) => {
      const field = fieldOf(source, objectType, name, `fields.${i}`);
      add({ key: name, kind: 'field', field: name, type: field.type, ...(field.money ? { money: true } : {}) }, valueExpression(field));
    });
  }
  const sortKey = definition.sort?.replace(/^-/, '') || columns[0]!.key;
  if (!expressions.has(sortKey)) throw new AppError('INVALID_SORT', 400, { field: definition.sort, allowed: [...expressions.keys()].join(', ') });
  const descending = definition.sort?.startsWith('-') ?? false;
  return {
    columns,
    select,
    groupBy,
    // By alias and group position: the same expression twice would be two sets of parameters, which
    // PostgreSQL does not see as one grouping expression.
    orderBy: sql`${sql.identifier(sortKey)} ${sql.raw(descending ? 'desc' : 'asc')} nulls last`,
    limit: Math.min(definition.limit ?? (records ? 100 : MAX_ROWS), MAX_ROWS),
  };
}

/** Checks a definition without running it (saving a report): the same 400s as running it. */
export async function validateDefinition(tx: Executor, ctx: RequestContext, definition: ReportDefinition): Promise<void> {
  const source = await reportSource(tx, ctx, definition.objectType);
  plan(source, definition, 'UTC');
  planList(source.spec, { filter: definition.filters, filterLogic: definition.filterLogic ?? undefined });
}

/**
 * Runs a report as the caller: one aggregate query over the object's table, confined to the workspace, to live
 * records, to the caller's read scope and to the dashboard's period and owner. Dates are bucketed in the
 * workspace's time zone (a month is the workspace's month, whoever reads it).
 */
export async function runDefinition(tx: Executor, ctx: RequestContext, definition: ReportDefinition, scope: ReportScope = {}): Promise<ReportResult> {
  const source = await reportSource(tx, ctx, definition.objectType);
  const { timeZone, defaultCurrency } = await getWorkspace(tx, ctx);
  const planned = plan(source, definition, timeZone);
  const filters = planList(source.spec, { filter: definition.filters, filterLogic: definition.filterLogic ?? undefined }).where;
  const where = and(
    eq(source.workspaceId, ctx.workspaceId),
    source.deletedAt ? isNull(source.deletedAt) : undefined,
    source.ownerId ? ownershipFilter(ctx, 'read', source.ownerId) : undefined,
    filters,
    ...scopeCondition(source, definition, scope, ctx, timeZone),
  );
  const grouped = planned.groupBy.length ? sql` group by ${sql.join(planned.groupBy, sql`, `)}` : sql``;
  const { rows } = (await tx.execute(
    sql`select ${sql.join(planned.select, sql`, `)} from ${source.table}${contributedJoinSql(definition.objectType, { workspaceId: source.workspaceId, id: source.spec.id })} where ${where}${grouped} order by ${planned.orderBy} limit ${planned.limit + 1}`,
  )) as unknown as { rows: Record<string, Cell | Date>[] };
  const truncated = rows.length > planned.limit;
  return {
    objectType: definition.objectType,
    columns: planned.columns,
    currency: defaultCurrency,
    rows: rows.slice(0, planned.limit).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]))),
    truncated,
  };
}
