/**
 * The filter builder's state and the list API's query (docs/api.md "Lists"): conditions are
 * `field:operator:value` terms, combined by all / any / a custom logic such as `1 AND (2 OR 3)`.
 * Pure: no React, so it is unit-tested (filterQuery.test.ts).
 */

/** Field types of GET /views/fields. */
export type FieldType = 'text' | 'number' | 'timestamp' | 'uuid' | 'boolean';

/** How a field's value is edited and shown: refines the API type (a text field with choices is a select). */
export type FieldKind = 'text' | 'number' | 'date' | 'boolean' | 'select' | 'multiselect' | 'member' | 'record' | 'uuid';

/** The list API's operators. */
export type ApiOperator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains' | 'startsWith' | 'in' | 'isNull';

/** The builder's operators: the API's, with `isNull` split into "is empty" and "is not empty". */
export type Operator = Exclude<ApiOperator, 'isNull'> | 'isEmpty' | 'isNotEmpty';

/** Operators the server accepts per field type (docs/api.md). */
export const OPERATORS_BY_TYPE: Record<FieldType, readonly ApiOperator[]> = {
  text: ['eq', 'ne', 'contains', 'startsWith', 'in', 'isNull'],
  number: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'isNull'],
  timestamp: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'isNull'],
  uuid: ['eq', 'ne', 'in', 'isNull'],
  boolean: ['eq', 'ne', 'isNull'],
};

/** What the builder offers per kind: a subset of the type's operators that makes sense for the editor. */
const OPERATORS_BY_KIND: Record<FieldKind, readonly Operator[]> = {
  text: ['contains', 'eq', 'ne', 'startsWith', 'in', 'isEmpty', 'isNotEmpty'],
  number: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'isEmpty', 'isNotEmpty'],
  date: ['gte', 'lt', 'isEmpty', 'isNotEmpty'],
  boolean: ['eq', 'isEmpty', 'isNotEmpty'],
  select: ['eq', 'ne', 'in', 'isEmpty', 'isNotEmpty'],
  // Stored as a JSON array: "includes" is a `contains` of the quoted value.
  multiselect: ['contains', 'isEmpty', 'isNotEmpty'],
  member: ['eq', 'ne', 'in', 'isEmpty', 'isNotEmpty'],
  record: ['eq', 'ne', 'isEmpty', 'isNotEmpty'],
  uuid: ['eq', 'ne', 'isEmpty', 'isNotEmpty'],
};

const apiOperator = (op: Operator): ApiOperator => (op === 'isEmpty' || op === 'isNotEmpty' ? 'isNull' : op);

/** The operators the builder offers for a field: those of its kind the server allows for its type. */
export function operatorsFor(field: { type: FieldType; kind: FieldKind }): Operator[] {
  const allowed = OPERATORS_BY_TYPE[field.type];
  return OPERATORS_BY_KIND[field.kind].filter((op) => allowed.includes(apiOperator(op)));
}

/** One row of the builder. `value` is what the editor holds: for `in`, values joined by `|`. */
export interface Condition {
  field: string;
  op: Operator;
  value: string;
}

export type Match = 'all' | 'any' | 'custom';

/** A condition needs a value unless it asks for (non-)emptiness. */
export const needsValue = (op: Operator) => op !== 'isEmpty' && op !== 'isNotEmpty';
export const isComplete = (c: Condition) => c.field !== '' && (!needsValue(c.op) || c.value.trim() !== '');

/** The API term of a condition (`company:contains:华为`); `kind` is the field's (a multi select quotes its value). */
export function toTerm(c: Condition, kind?: FieldKind): string {
  if (!needsValue(c.op)) return `${c.field}:isNull:${c.op === 'isEmpty'}`;
  const value = c.value.trim();
  return `${c.field}:${c.op}:${kind === 'multiselect' ? JSON.stringify(value) : value}`;
}

/** A term back into a condition (the URL and saved views hold terms); null when it is not one. */
export function fromTerm(term: string, kindOf: (field: string) => FieldKind | undefined = () => undefined): Condition | null {
  const [field, op, ...rest] = term.split(':');
  const value = rest.join(':');
  if (!field || !op) return null;
  if (op === 'isNull') return { field, op: value === 'false' ? 'isNotEmpty' : 'isEmpty', value: '' };
  if (!(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'contains', 'startsWith', 'in'] as string[]).includes(op)) return null;
  let shown = value;
  if (kindOf(field) === 'multiselect' && /^".*"$/.test(value)) {
    try {
      shown = String(JSON.parse(value));
    } catch {
      shown = value;
    }
  }
  return { field, op: op as Operator, value: shown };
}

/** `1 OR 2 OR … OR n`. */
const anyOf = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1)).join(' OR ');

/** The `filterLogic` of n conditions combined by `match` (undefined: all must hold, the API's default). */
export function logicOf(match: Match, custom: string, n: number): string | undefined {
  if (match === 'any') return n > 1 ? anyOf(n) : undefined;
  if (match === 'custom') return custom.trim() || undefined;
  return undefined;
}

const normalize = (logic: string) => logic.replace(/\s+/g, ' ').trim().toUpperCase();

/** How a stored `filterLogic` reads in the builder: none is "all", `1 OR 2 …` is "any", else custom. */
export function matchOf(logic: string | null | undefined, n: number): { match: Match; custom: string } {
  if (!logic?.trim()) return { match: 'all', custom: '' };
  if (n > 1 && normalize(logic) === anyOf(n)) return { match: 'any', custom: '' };
  return { match: 'custom', custom: logic.trim() };
}

/** The URL's `logic` parameter: absent for all, `any`, or the custom expression. */
export function logicParam(match: Match, custom: string): string {
  return match === 'any' ? 'any' : match === 'custom' ? custom.trim() : '';
}
export function fromLogicParam(param: string): { match: Match; custom: string } {
  if (!param) return { match: 'all', custom: '' };
  if (param === 'any') return { match: 'any', custom: '' };
  return { match: 'custom', custom: param };
}

/**
 * The list API's `filter` and `filterLogic` for the builder's terms with their logic, and further terms that
 * must all hold as well (the quick text and owner filters, a kanban column's value): those are numbered after
 * the builder's and ANDed to its logic.
 */
export function listFilterQuery(terms: readonly string[], logic: string | undefined, extra: readonly string[] = []): { filter: string[]; filterLogic?: string } {
  const filter = [...terms, ...extra];
  if (!logic || terms.length === 0) return { filter };
  if (extra.length === 0) return { filter, filterLogic: logic };
  const extras = extra.map((_, i) => String(terms.length + i + 1)).join(' AND ');
  return { filter, filterLogic: `(${logic}) AND ${extras}` };
}
