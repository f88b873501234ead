import { and, asc, desc, eq, gt, gte, ilike, inArray, isNotNull, isNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError, because, type Reason } from '../errors/app-error.js';
import { combineByLogic } from './filter-logic.js';

export const FIELD_TYPES = ['text', 'uuid', 'timestamp', 'number', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface ListField {
  /** A column, or an expression over one (custom fields: `(custom->>'key')::numeric`). */
  column: PgColumn | SQL;
  type: FieldType;
  /** Sortable fields must be NOT NULL columns, so that keyset paging is exact. */
  sortable?: boolean;
  /**
   * For a sortable expression that may be null (custom fields): the NOT NULL expression to order by, and how
   * to read its value from a row for the cursor.
   */
  sortBy?: { expression: SQL; valueOf(row: Record<string, unknown>): unknown };
  /** A number of integer minor units of money: reports show and export it (and its sums) as money. */
  money?: boolean;
}

/** What a list route exposes: its filterable/sortable fields, the id tie-breaker and the default order. */
export interface ListSpec {
  fields: Record<string, ListField>;
  id: PgColumn;
  /** e.g. `-createdAt` */
  defaultSort: string;
}

export interface ListParams {
  limit?: number;
  cursor?: string;
  sort?: string;
  filter?: string | string[];
  /** How the filters combine, by number: `1 AND (2 OR 3)`; without it, all must hold. See filter-logic.ts. */
  filterLogic?: string;
}

export interface ListPlan {
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number;
  /** Splits the fetched rows (limit + 1) into a page and the cursor of the next one. */
  page<T extends Record<string, unknown>>(rows: T[]): { data: T[]; nextCursor: string | null };
}

const OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'contains', 'startsWith', 'in', 'isNull'] as const;
type Operator = (typeof OPERATORS)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CAST: Record<FieldType, string> = { text: 'text', uuid: 'uuid', timestamp: 'timestamptz', number: 'numeric', boolean: 'boolean' };

/**
 * What a record without a value sorts as, so that keyset paging over a nullable field stays exact: empty
 * values come first in ascending order, last in descending.
 */
const SORT_FLOOR: Record<FieldType, string | boolean> = { text: '', number: '-Infinity', timestamp: '-infinity', uuid: '00000000-0000-0000-0000-000000000000', boolean: false };

/**
 * A filterable and sortable field over a nullable expression (custom fields, other modules' computed fields):
 * ordered by the expression with nulls as the type's floor; `read` gives a row's value for the cursor.
 */
export function nullableSortable(expression: PgColumn | SQL, type: FieldType, read: (row: Record<string, unknown>) => unknown): ListField {
  const floor = SORT_FLOOR[type];
  return {
    column: expression,
    type,
    sortable: true,
    sortBy: { expression: sql`coalesce(${expression}, cast(${floor} as ${sql.raw(CAST[type])}))`, valueOf: (row) => read(row) ?? floor },
  };
}

const filterError = (filter: string, reason: Reason) => new AppError('INVALID_FILTER', 400, { filter, reason });

function parseValue(raw: string, type: FieldType, filter: string): unknown {
  switch (type) {
    case 'uuid':
      if (!UUID.test(raw)) throw filterError(filter, because('notUuid', { value: raw }));
      return raw;
    case 'timestamp': {
      const d = new Date(raw);
      if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(d.getTime())) throw filterError(filter, because('notDate', { value: raw }));
      return d;
    }
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw filterError(filter, because('notNumber', { value: raw }));
      return n;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw filterError(filter, because('notBoolean', { value: raw }));
      return raw === 'true';
    default:
      return raw;
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One `field:operator:value` term → SQL. The value may itself contain colons. */
function parseFilter(term: string, spec: ListSpec): SQL {
  const [name, op, ...rest] = term.split(':');
  const value = rest.join(':');
  const field = name ? spec.fields[name] : undefined;
  // (custom field names contain a dot: custom.region)
  if (!field) throw filterError(term, because('unknownField', { allowed: Object.keys(spec.fields).join(', ') }));
  if (!OPERATORS.includes(op as Operator)) throw filterError(term, because('unknownOperator', { allowed: OPERATORS.join(', ') }));
  // Drizzle's operators take a column or an SQL expression alike; the union only confuses overloads.
  const c = field.column as PgColumn;
  switch (op as Operator) {
    case 'isNull':
      return parseValue(value, 'boolean', term) ? isNull(c) : isNotNull(c);
    case 'in':
      return inArray(c, value.split('|').map((v) => parseValue(v, field.type, term)));
    case 'contains':
    case 'startsWith': {
      if (field.type !== 'text') throw filterError(term, because('textOnly', { operator: op }));
      return ilike(c, `${op === 'contains' ? '%' : ''}${escapeLike(value)}%`);
    }
    default: {
      const v = parseValue(value, field.type, term);
      const fn = { eq, ne, lt, lte, gt, gte }[op as 'eq'];
      return fn(c, v);
    }
  }
}

function decodeCursor(cursor: string): [unknown, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string' && UUID.test(parsed[1])) {
      return parsed as [unknown, string];
    }
  } catch {
    // fall through
  }
  throw new AppError('INVALID_CURSOR', 400);
}

/**
 * Turns `limit`, `cursor`, `sort` and `filter` query parameters into a keyset-paged query plan.
 * Keyset (not OFFSET) paging keeps deep pages as fast as the first and stable under inserts.
 */
export function planList(spec: ListSpec, params: ListParams): ListPlan {
  const limit = params.limit ?? 50;
  const sortParam = params.sort?.trim() || spec.defaultSort;
  const descending = sortParam.startsWith('-');
  const sortName = descending ? sortParam.slice(1) : sortParam;
  const sortField = spec.fields[sortName];
  if (!sortField?.sortable) {
    const allowed = Object.entries(spec.fields).filter(([, f]) => f.sortable).map(([n]) => n);
    throw new AppError('INVALID_SORT', 400, { field: sortParam, allowed: allowed.join(', ') });
  }
  const terms = (Array.isArray(params.filter) ? params.filter : params.filter ? [params.filter] : []).map((f) => parseFilter(f, spec));
  const logic = params.filterLogic?.trim();
  const filters = logic ? [combineByLogic(logic, terms)] : terms;
  const orderColumn = sortField.sortBy?.expression ?? sortField.column;
  if (params.cursor) {
    const [value, id] = decodeCursor(params.cursor);
    const v = sql`cast(${value} as ${sql.raw(CAST[sortField.type])})`;
    const cmp = descending ? sql`<` : sql`>`;
    filters.push(sql`(${orderColumn}, ${spec.id}) ${cmp} (${v}, cast(${id} as uuid))`);
  }
  const dir = descending ? desc : asc;
  return {
    where: filters.length ? and(...filters) : undefined,
    orderBy: [dir(orderColumn), dir(spec.id)],
    limit: limit + 1,
    page(rows) {
      const data = rows.slice(0, limit);
      const last = data.at(-1);
      if (rows.length <= limit || !last) return { data, nextCursor: null };
      const sortValue = sortField.sortBy ? sortField.sortBy.valueOf(last) : (last as Record<string, unknown>)[sortName];
      const idValue = String((last as Record<string, unknown>).id ?? '');
      const encoded = sortValue instanceof Date ? sortValue.toISOString() : sortValue;
      return { data, nextCursor: Buffer.from(JSON.stringify([encoded, idValue])).toString('base64url') };
    },
  };
}
