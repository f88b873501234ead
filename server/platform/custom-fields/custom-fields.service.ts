import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { CustomFieldType } from '../../../contracts/customers.js';
import type { RequestContext } from '../auth/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError, invalidField, notFound, type FieldError } from '../errors/app-error.js';
import { nullableSortable, type ListField, type ListSpec } from '../http/list-query.js';
import { assertCan } from '../permissions/policy.js';
import { assertActiveMember } from '../tenancy/membership-checks.js';
import { customFieldDefinitions, type CustomFieldOptions, type Labels } from './custom-fields.tables.js';

export type CustomFieldDefinition = typeof customFieldDefinitions.$inferSelect;

/** Objects admins may add fields to; each module registers its own at start. */
const customizable = new Set<string>();
export function registerCustomizableObject(objectType: string): void {
  customizable.add(objectType);
}

export async function listCustomFields(tx: Executor, ctx: RequestContext, objectType: string, includeArchived = false): Promise<CustomFieldDefinition[]> {
  return tx
    .select()
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, ctx.workspaceId), eq(customFieldDefinitions.objectType, objectType), includeArchived ? undefined : isNull(customFieldDefinitions.archivedAt)))
    .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.id));
}

function checkOptions(type: CustomFieldType, options: CustomFieldOptions): void {
  if (type === 'single_select' || type === 'multi_select') {
    const values = (options.choices ?? []).map((c) => c.value);
    if (values.length === 0) throw invalidField('options.choices', 'minItems', { limit: 1 });
    if (new Set(values).size !== values.length) throw invalidField('options.choices', 'invalid');
  }
  if (type === 'lookup' && !options.lookupType) throw invalidField('options.lookupType', 'required');
  if (type === 'currency' && !options.currency) throw invalidField('options.currency', 'required');
}

export async function createCustomField(
  tx: Executor,
  ctx: RequestContext,
  input: { objectType: string; key: string; label: Labels; type: CustomFieldType; options?: CustomFieldOptions; required?: boolean; position?: number },
): Promise<CustomFieldDefinition> {
  assertCan(ctx, 'workspace.manage');
  if (!customizable.has(input.objectType)) throw invalidField('objectType', 'enum', { allowed: [...customizable].join(', ') });
  const options = input.options ?? {};
  checkOptions(input.type, options);
  const [taken] = await tx
    .select({ id: customFieldDefinitions.id })
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, ctx.workspaceId), eq(customFieldDefinitions.objectType, input.objectType), eq(customFieldDefinitions.key, input.key)));
  if (taken) throw new AppError('CONFLICT', 409, {}, [{ field: 'key', code: 'taken' }]);
  const [created] = await tx
    .insert(customFieldDefinitions)
    .values({ workspaceId: ctx.workspaceId, id: uuidv7(), ...input, options, required: input.required ?? false, position: input.position ?? 0 })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'customField', recordId: created!.id, after: created });
  return created!;
}

/** Changes a field's label, choices, required flag or position; its key and type never change. */
export async function updateCustomField(
  tx: Executor,
  ctx: RequestContext,
  id: string,
  patch: { label?: Labels; options?: CustomFieldOptions; required?: boolean; position?: number; archived?: boolean },
): Promise<CustomFieldDefinition> {
  assertCan(ctx, 'workspace.manage');
  const [before] = await tx.select().from(customFieldDefinitions).where(and(eq(customFieldDefinitions.workspaceId, ctx.workspaceId), eq(customFieldDefinitions.id, id)));
  if (!before) throw notFound('customField');
  if (patch.options) checkOptions(before.type, patch.options);
  const { archived, ...rest } = patch;
  const [after] = await tx
    .update(customFieldDefinitions)
    .set({ ...rest, ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }) })
    .where(and(eq(customFieldDefinitions.workspaceId, ctx.workspaceId), eq(customFieldDefinitions.id, id)))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'customField', recordId: id, before, after });
  return after!;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One value against its field's type; returns the value to store or the field error. */
async function checkValue(tx: Executor, ctx: RequestContext, def: CustomFieldDefinition, value: unknown): Promise<{ value: unknown } | FieldError> {
  const field = `custom.${def.key}`;
  const wrongType = (type: string): FieldError => ({ field, code: 'type', params: { type } });
  const choices = (def.options.choices ?? []).map((c) => c.value);
  switch (def.type) {
    case 'text':
    case 'long_text': {
      if (typeof value !== 'string') return wrongType('string');
      const limit = def.type === 'text' ? 1000 : 20_000;
      return value.length > limit ? { field, code: 'maxLength', params: { limit } } : { value: value.trim() };
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { value } : wrongType('number');
    case 'currency':
      return Number.isSafeInteger(value) ? { value } : wrongType('integer (minor units)');
    case 'boolean':
      return typeof value === 'boolean' ? { value } : wrongType('boolean');
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
        ? { value }
        : { field, code: 'format', params: { format: 'date' } };
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && /T/.test(value) ? { value: new Date(value).toISOString() } : { field, code: 'format', params: { format: 'date-time' } };
    case 'single_select':
      return typeof value === 'string' && choices.includes(value) ? { value } : { field, code: 'enum', params: { allowed: choices.join(', ') } };
    case 'multi_select':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && choices.includes(v)) ? { value: [...new Set(value)] } : { field, code: 'enum', params: { allowed: choices.join(', ') } };
    case 'user':
      if (typeof value !== 'string' || !UUID.test(value)) return { field, code: 'format', params: { format: 'uuid' } };
      try {
        await assertActiveMember(tx, ctx, value, field);
        return { value };
      } catch {
        return { field, code: 'invalid' };
      }
    case 'lookup':
      return typeof value === 'string' && UUID.test(value) ? { value } : { field, code: 'format', params: { format: 'uuid' } };
  }
}

/**
 * Validates custom values written to a record of `objectType` and merges them over the stored ones:
 * unknown keys, wrong types, values outside the choices and missing required fields are 400s naming
 * `custom.<key>`; null clears a value. Returns the object to store.
 */
export async function validateCustomValues(
  tx: Executor,
  ctx: RequestContext,
  objectType: string,
  input: Record<string, unknown> | undefined,
  before: Record<string, unknown> | null,
  /** The object's definitions when the caller already has them (a batch of creates). */
  known?: CustomFieldDefinition[],
): Promise<Record<string, unknown>> {
  const definitions = known ?? (await listCustomFields(tx, ctx, objectType));
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const merged: Record<string, unknown> = { ...(before ?? {}) };
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(input ?? {})) {
    const def = byKey.get(key);
    if (!def) {
      errors.push({ field: `custom.${key}`, code: 'unknown' });
      continue;
    }
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
      delete merged[key];
      continue;
    }
    const checked = await checkValue(tx, ctx, def, value);
    if ('field' in checked) errors.push(checked);
    else merged[key] = checked.value;
  }
  for (const def of definitions) if (def.required && merged[def.key] === undefined && (before === null || touches(input, def.key))) errors.push({ field: `custom.${def.key}`, code: 'required' });
  if (errors.length) throw new AppError('VALIDATION_FAILED', 400, {}, errors);
  return merged;
}

/** Whether the write touches `k` (a required field may stay unset on records that predate it). */
const touches = (input: Record<string, unknown> | undefined, k: string) => input !== undefined && k in input;

/** The SQL expression of a custom field's value, typed for filtering (`custom.<key>:op:value`). */
function customFieldExpression(column: unknown, def: CustomFieldDefinition) {
  const text = sql`(${column}->>${def.key})`;
  switch (def.type) {
    case 'number':
    case 'currency':
      return { expression: sql`(${text})::numeric`, type: 'number' as const };
    case 'boolean':
      return { expression: sql`(${text})::boolean`, type: 'boolean' as const };
    case 'datetime':
    case 'date':
      return { expression: sql`(${text})::timestamptz`, type: 'timestamp' as const };
    case 'user':
    case 'lookup':
      return { expression: sql`(${text})::uuid`, type: 'uuid' as const };
    default:
      return { expression: text, type: 'text' as const };
  }
}

/** A custom field as a list field: filterable, and sortable unless it holds a list (multi select). */
function customListField(column: unknown, def: CustomFieldDefinition): ListField {
  const { expression, type } = customFieldExpression(column, def);
  if (def.type === 'multi_select') return { column: expression, type };
  const field = nullableSortable(expression, type, (row) => (row.custom as Record<string, unknown> | null)?.[def.key]);
  return def.type === 'currency' ? { ...field, money: true } : field;
}

/** A list spec with the workspace's custom fields of `objectType` added as `custom.<key>` (stored in `column`). */
export async function withCustomFields(tx: Executor, ctx: RequestContext, objectType: string, base: ListSpec, column: unknown): Promise<ListSpec> {
  const defs = await listCustomFields(tx, ctx, objectType);
  return { ...base, fields: { ...base.fields, ...Object.fromEntries(defs.map((d) => [`custom.${d.key}`, customListField(column, d)])) } };
}
