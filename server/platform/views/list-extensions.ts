import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { Type, type TObject } from '@sinclair/typebox';
import { nullableSortable, type FieldType, type ListField, type ListSpec } from '../http/list-query.js';

/**
 * List extensions: a module contributes computed, read-only fields to another module's list (analytics adds
 * the ABC tier and churn risk to accounts and contacts) without that module knowing it. A contribution is a
 * table LEFT JOINed once per list query on the record's workspace and id, and fields over its columns; they
 * then filter, sort (empty values first ascending, last descending, keyset paging exact), show as columns
 * (`computed` on each row), export and report like the list's own fields.
 */

/** How a contributed field shows, beyond the type it filters by. */
export type ContributedDisplay = 'number' | 'currency' | 'select' | 'text' | 'date';

export interface ContributedField {
  display: ContributedDisplay;
  /** A column of the joined table or an expression over it; null where the record has no row there. */
  column: PgColumn | SQL;
  /** i18n key of its label. */
  labelKey: string;
  /** A select's values, in order, with the i18n keys of their labels and an Ant Design tag colour. */
  options?: readonly { value: string; labelKey: string; color?: string }[];
  /** A number's colour by value: the first band whose `min` the value reaches (bands from the highest down). */
  bands?: readonly { min: number; color: string }[];
}

export interface ListExtension {
  /** Prefix of its field names: `value` → `value.abcTier`. */
  namespace: string;
  /** The table joined, and the condition tying one of its rows to the record (workspace first: its key). */
  join(record: { workspaceId: PgColumn; id: PgColumn }): { table: PgTable; on: SQL };
  fields: Readonly<Record<string, ContributedField>>;
}

/** Contributed field values of a list row, by field name (`value.abcTier`); instants as ISO text. */
export const ComputedValuesSchema = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]), {
  description: 'Read-only fields other modules contribute to this list (`value.abcTier`, `value.churnScore`…), by field name; null where not computed.',
});
export type ComputedValues = Record<string, string | number | null>;

/** A list's row schema with the contributed values (`computed`). */
export const WithComputed = <T extends TObject>(row: T) => Type.Composite([row, Type.Object({ computed: Type.Optional(ComputedValuesSchema) })]);

/** How GET /views/fields describes a contributed field. */
export const ContributedFieldSchema = Type.Object({
  display: Type.Union([Type.Literal('number'), Type.Literal('currency'), Type.Literal('select'), Type.Literal('text'), Type.Literal('date')], {
    description: 'currency: minor units of the workspace currency',
  }),
  labelKey: Type.String({ description: 'i18n key of its label' }),
  options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), labelKey: Type.String(), color: Type.Optional(Type.String()) }))),
  bands: Type.Optional(Type.Array(Type.Object({ min: Type.Number(), color: Type.String() }), { description: 'A number\'s colour: the first band whose min it reaches' })),
});

const extensions = new Map<string, ListExtension[]>();

/** Adds fields to the list of `objectType` (`accounts`, `contacts`). Called once at module load. */
export function registerListExtension(objectType: string, extension: ListExtension): void {
  const list = extensions.get(objectType) ?? [];
  if (list.some((e) => e.namespace === extension.namespace)) throw new Error(`${objectType}: list extension ${extension.namespace} registered twice`);
  extensions.set(objectType, [...list, extension]);
}

export const listExtensionsOf = (objectType: string): readonly ListExtension[] => extensions.get(objectType) ?? [];

const TYPES: Record<ContributedDisplay, FieldType> = { number: 'number', currency: 'number', select: 'text', text: 'text', date: 'timestamp' };

/** Every contributed field of a list, by its full name. */
export function contributedFields(objectType: string): [string, ContributedField][] {
  return listExtensionsOf(objectType).flatMap((e) => Object.entries(e.fields).map(([key, field]): [string, ContributedField] => [`${e.namespace}.${key}`, field]));
}

const alias = (name: string) => `computed:${name}`;

/** Numbers are read as float8 (bigint minor units would come back as text), instants as ISO text in UTC. */
function selected(field: ContributedField): SQL {
  if (TYPES[field.display] === 'number') return sql`(${field.column})::float8`;
  if (field.display === 'date') return sql`to_char((${field.column}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return sql`${field.column}`;
}

/** A contributed field as a list field: filterable with its type's operators, sortable with nulls in place. */
function asListField(name: string, field: ContributedField): ListField {
  const type = TYPES[field.display];
  const listField = nullableSortable(field.column, type, (row) => (row.computed as ComputedValues | undefined)?.[name]);
  return field.display === 'currency' ? { ...listField, money: true } : listField;
}

/** `base` with the contributed fields of `objectType` added (unchanged when nothing is contributed). */
export function withContributedFields(objectType: string, base: ListSpec): ListSpec {
  const fields = contributedFields(objectType);
  if (fields.length === 0) return base;
  return { ...base, fields: { ...base.fields, ...Object.fromEntries(fields.map(([name, f]) => [name, asListField(name, f)])) } };
}

/** What a list query over `objectType` adds: its joins, and the columns to select under their aliases. */
export function contributedQuery(objectType: string, record: { workspaceId: PgColumn; id: PgColumn }) {
  const joins = listExtensionsOf(objectType).map((e) => e.join(record));
  const columns = Object.fromEntries(contributedFields(objectType).map(([name, f]) => [alias(name), selected(f)]));
  return { joins, columns };
}

/** The joins as SQL after a FROM (the report engine writes its query as text). */
export function contributedJoinSql(objectType: string, record: { workspaceId: PgColumn; id: PgColumn }): SQL {
  return sql.join(
    contributedQuery(objectType, record).joins.map((j) => sql` left join ${j.table} on ${j.on}`),
    sql``,
  );
}

/** Moves the aliased contributed columns of fetched rows into `computed`. */
export function foldComputed<T extends Record<string, unknown>>(objectType: string, rows: T[]): (T & { computed?: ComputedValues })[] {
  const names = contributedFields(objectType).map(([name]) => name);
  if (names.length === 0) return rows;
  return rows.map((row) => {
    const rest: Record<string, unknown> = { ...row };
    const computed: ComputedValues = {};
    for (const name of names) {
      const value = rest[alias(name)];
      delete rest[alias(name)];
      computed[name] = (value as string | number | null | undefined) ?? null;
    }
    return { ...(rest as T), computed };
  });
}

/** What the filter builder and column chooser are told about a contributed field (GET /views/fields). */
export function describeContributed(field: ContributedField) {
  return {
    display: field.display,
    labelKey: field.labelKey,
    ...(field.options ? { options: field.options.map((o) => ({ ...o })) } : {}),
    ...(field.bands ? { bands: field.bands.map((b) => ({ ...b })) } : {}),
  };
}
