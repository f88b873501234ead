import { Type, type TSchema } from '@sinclair/typebox';
import { FILTER_LOGIC_MAX_LENGTH } from './filter-logic.js';

/** Shared request/response schema pieces. Every route declares its schemas; OpenAPI is generated from them. */

export const Uuid = Type.String({ format: 'uuid', description: 'UUID' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
/** A point in time: a Date in code, ISO 8601 with offset on the wire (requests: converted by `asDate`). */
export const Timestamp = Type.Unsafe<Date>(Type.String({ format: 'date-time', asDate: true }));
/** A string from a fixed list; statically typed as the list's union. */
export const StringEnum = <T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Page size.' })),
    cursor: Type.Optional(Type.String({ maxLength: 500, description: 'The `nextCursor` of the previous page.' })),
    sort: Type.Optional(Type.String({ maxLength: 100, description: 'Field to sort by; prefix `-` for descending.' })),
    filter: Type.Optional(
      Type.Union([Type.String({ maxLength: 500 }), Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 })], {
        description: 'Repeatable `field:operator:value`; all must hold unless `filterLogic` says otherwise. See docs/api.md.',
      }),
    ),
    filterLogic: Type.Optional(
      Type.String({ maxLength: FILTER_LOGIC_MAX_LENGTH, description: 'How the filters combine, numbered from 1 in the order given: `1 AND (2 OR 3)`, `NOT 2`.' }),
    ),
  },
  { additionalProperties: false },
);

/** Values of the workspace's custom fields by key; validated against their definitions on write (platform/custom-fields). */
export const CustomValuesSchema = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }), Type.Unknown(), {
  description: 'Custom field values by key (GET /custom-fields); null clears one.',
});

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ data: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable error code (contracts/errors.ts).' }),
    detail: Type.String(),
    instance: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

/** Error responses every authenticated route may give, for the OpenAPI document. */
export const errorResponses = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
};
