import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldErrorCode } from '../../../contracts/errors.js';
import type { FieldError } from '../errors/app-error.js';

const common = { allErrors: true, strict: false, useDefaults: true, removeAdditional: false } as const;
// Bodies are taken as typed: "12" is not a number. Query strings and path parameters are text by
// nature, so there (and only there) types are coerced.
const bodyAjv = addFormats(new Ajv({ ...common, coerceTypes: false }));
const paramAjv = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));
// People paste addresses with stray spaces around them; accept those (services trim and lower-case).
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** The `email` format of every schema, for services that check addresses from files rather than bodies. */
export const isEmail = (value: string) => value.length <= 254 && EMAIL.test(value.trim());
for (const ajv of [bodyAjv, paramAjv]) {
  ajv.addFormat('email', isEmail);
  // Timestamps arrive as ISO 8601 text and reach the services as Dates (schemas.ts `Timestamp`).
  ajv.addKeyword({
    keyword: 'asDate',
    type: 'string',
    modifying: true,
    errors: false,
    validate(_enabled: boolean, data: string, _schema?: unknown, at?: { parentData: Record<string | number, unknown>; parentDataProperty: string | number }) {
      const date = new Date(data);
      if (Number.isNaN(date.getTime())) return false;
      if (at) at.parentData[at.parentDataProperty] = date;
      return true;
    },
  });
}

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : paramAjv).compile(schema) as never;

const KEYWORD_CODES: Record<string, FieldErrorCode> = {
  required: 'required',
  type: 'type',
  format: 'format',
  minLength: 'minLength',
  maxLength: 'maxLength',
  minimum: 'minimum',
  maximum: 'maximum',
  exclusiveMinimum: 'minimum',
  exclusiveMaximum: 'maximum',
  enum: 'enum',
  const: 'enum',
  pattern: 'pattern',
  additionalProperties: 'unknown',
  minItems: 'minItems',
  maxItems: 'maxItems',
};

/** Turns Ajv's errors into our per-field errors: one per field, the most useful first. */
export function fieldErrorsFromAjv(errors: ErrorObject[], context?: string): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const e of errors) {
    const segments = e.instancePath.split('/').filter(Boolean);
    if (e.keyword === 'required') segments.push(String(e.params.missingProperty));
    if (e.keyword === 'additionalProperties') segments.push(String(e.params.additionalProperty));
    const field = segments.join('.') || context || 'body';
    const code = KEYWORD_CODES[e.keyword] ?? 'invalid';
    // anyOf/union branches repeat the same field; keep the first, and prefer anything to a bare 'invalid'.
    const existing = byField.get(field);
    if (existing && existing.code !== 'invalid') continue;
    byField.set(field, { field, code, params: paramsFor(e) });
  }
  return [...byField.values()];
}

function paramsFor(e: ErrorObject): Record<string, unknown> {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'enum') return { allowed: (p.allowedValues as unknown[]).join(', ') };
  if (e.keyword === 'const') return { allowed: String(p.allowedValue) };
  if (e.keyword === 'type') return { type: p.type };
  if (e.keyword === 'format') return { format: p.format };
  if ('limit' in p) return { limit: p.limit };
  if ('comparison' in p) return { limit: p.limit };
  return {};
}
