import type { FieldKind, FieldType } from './filterQuery';

/** One choice of a select field, labelled in the UI language. */
export interface Choice {
  value: string;
  label: string;
}

/** A field of a list as the builder, the columns, the bulk editor and the kanban see it. */
export interface ListField {
  /** As the list API takes it: `company`, `custom.budget`. */
  name: string;
  type: FieldType;
  sortable: boolean;
  label: string;
  kind: FieldKind;
  choices?: Choice[];
  /** For `record` fields: the list route of the records it points to (`/accounts`). */
  recordPath?: string;
  /** A calendar day (a custom `date` field, stored `YYYY-MM-DD`), not an instant: filtered by the day as written. */
  day?: boolean;
  /** The record cannot be saved without a value (no "(none)" kanban column, no clearing in bulk). */
  required?: boolean;
  custom: boolean;
  /** Read-only, computed by another module (customer value's tier on accounts): a column and a filter only. */
  contributed?: boolean;
  /** Integer minor units of the workspace's currency. */
  money?: boolean;
  /** A select's tag colour by value. */
  colors?: Record<string, string>;
  /** A number's colour: the first band whose `min` it reaches. */
  bands?: readonly { min: number; color: string }[];
}

/** How GET /views/fields describes a field another module contributes. */
export interface ContributedInfo {
  display: 'number' | 'currency' | 'select' | 'text' | 'date';
  labelKey: string;
  options?: { value: string; labelKey: string; color?: string }[];
  bands?: { min: number; color: string }[];
}

/** A field of GET /views/fields. */
export interface ApiField {
  name: string;
  type: FieldType;
  sortable: boolean;
  contributed?: ContributedInfo;
}

const CONTRIBUTED_KINDS: Record<ContributedInfo['display'], FieldKind> = { number: 'number', currency: 'number', select: 'select', text: 'text', date: 'date' };

function contributedField(f: ApiField & { contributed: ContributedInfo }, t: (key: string) => string): ListField {
  const { contributed: info, ...rest } = f;
  return {
    ...rest,
    custom: false,
    contributed: true,
    label: t(info.labelKey),
    kind: CONTRIBUTED_KINDS[info.display],
    choices: info.options?.map((o) => ({ value: o.value, label: t(o.labelKey) })),
    colors: info.options ? Object.fromEntries(info.options.filter((o) => o.color).map((o) => [o.value, o.color!])) : undefined,
    bands: info.bands,
    money: info.display === 'currency',
  };
}

/** A custom field definition (GET /custom-fields). */
export interface CustomFieldDefinition {
  id: string;
  key: string;
  label: Record<string, string>;
  type: string;
  options: { choices?: { value: string; label: Record<string, string> }[]; lookupType?: string; currency?: string };
  required: boolean;
  position: number;
  archivedAt: string | null;
}

/** What a module says about one of its standard fields beyond its API type. */
export interface StandardField {
  /** i18n key of its label; default `fields.<name>`. */
  labelKey?: string;
  /** Its values, when it is a select: `value` and the i18n key of the label (or a label as is). */
  choices?: readonly { value: string; labelKey?: string; label?: string }[];
  kind?: FieldKind;
  recordPath?: string;
  required?: boolean;
}

/** A label of a custom field in the UI language: else English, else any, else the key. */
export function localLabel(labels: Record<string, string> | undefined, language: string, fallback: string): string {
  if (!labels) return fallback;
  return labels[language] ?? labels[language.startsWith('zh') ? (language === 'zh-TW' ? 'zh-CN' : 'zh-TW') : 'en'] ?? labels.en ?? Object.values(labels)[0] ?? fallback;
}

const CUSTOM_KINDS: Record<string, FieldKind> = {
  text: 'text',
  long_text: 'text',
  number: 'number',
  currency: 'number',
  date: 'date',
  datetime: 'date',
  boolean: 'boolean',
  single_select: 'select',
  multi_select: 'multiselect',
  user: 'member',
  lookup: 'record',
};

function standardKind(name: string, type: FieldType): FieldKind {
  if (name === 'ownerId') return 'member';
  return ({ text: 'text', number: 'number', timestamp: 'date', boolean: 'boolean', uuid: 'uuid' } as const)[type];
}

/**
 * The list's fields: those GET /views/fields names, labelled and typed for editing with the module's
 * configuration (standard fields) and the custom field definitions (`custom.<key>`).
 */
export function toListFields(
  apiFields: readonly ApiField[],
  definitions: readonly CustomFieldDefinition[],
  standard: Readonly<Record<string, StandardField>>,
  t: (key: string) => string,
  language: string,
): ListField[] {
  const defs = new Map(definitions.map((d) => [`custom.${d.key}`, d]));
  return apiFields.map(({ contributed, ...f }) => {
    if (contributed) return contributedField({ ...f, contributed }, t);
    const def = defs.get(f.name);
    if (def) {
      return {
        ...f,
        custom: true,
        label: localLabel(def.label, language, def.key),
        kind: CUSTOM_KINDS[def.type] ?? 'text',
        choices: def.options.choices?.map((c) => ({ value: c.value, label: localLabel(c.label, language, c.value) })),
        recordPath: def.options.lookupType ? `/${def.options.lookupType}` : undefined,
        required: def.required,
        day: def.type === 'date',
      };
    }
    const config = standard[f.name] ?? {};
    return {
      ...f,
      custom: false,
      label: t(config.labelKey ?? `fields.${f.name}`),
      kind: config.kind ?? (config.choices ? 'select' : standardKind(f.name, f.type)),
      choices: config.choices?.map((c) => ({ value: c.value, label: c.label ?? t(c.labelKey ?? c.value) })),
      recordPath: config.recordPath,
      required: config.required,
    };
  });
}

/** The fields a kanban can group by: single selects (the module's and custom ones). */
export const groupableFields = (fields: readonly ListField[]) => fields.filter((f) => f.kind === 'select' && f.choices?.length);

/**
 * Kanban columns: "(none)" first unless the field is required (records not sorted into a column yet, the
 * ones to work on), then one per choice in the field's order. `value` null is the none column.
 */
export function kanbanColumns(field: ListField): { key: string; value: string | null; label: string | null }[] {
  const choices = (field.choices ?? []).map((c) => ({ key: c.value, value: c.value as string | null, label: c.label as string | null }));
  return field.required ? choices : [{ key: '(none)', value: null, label: null }, ...choices];
}

/** The extra filter term of one kanban column. */
export const columnTerm = (field: string, value: string | null) => (value === null ? `${field}:isNull:true` : `${field}:eq:${value}`);
