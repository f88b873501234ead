import { ACCOUNT_SIZES, ACCOUNT_TYPES, type AccountSize, type AccountType } from '../../../contracts/customers.js';
import type { FieldErrorCode } from '../../../contracts/errors.js';
import type { Address } from './accounts.tables.js';
import type { AccountInput } from './accounts.service.js';
import type { ContactInput } from './contacts.service.js';
import type { ImportObject } from './import-mapping.js';
import type { CustomFieldDefinition } from '../../platform/custom-fields/custom-fields.service.js';
import { customCellValue, isRowProblem } from './import-custom.js';

export interface RowProblem {
  field: string;
  code: FieldErrorCode | 'duplicate';
  params?: Record<string, unknown>;
}

const HAN = /\p{Script=Han}/u;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** 王 + 伟 → 王伟; John + Smith → John Smith. */
function joinName(first?: string, last?: string): string | undefined {
  if (!first && !last) return undefined;
  if (HAN.test(`${first ?? ''}${last ?? ''}`)) return `${last ?? ''}${first ?? ''}`;
  return [first, last].filter(Boolean).join(' ');
}

function sizeOf(employees: string): AccountSize | null {
  const n = Number(employees.replace(/[,\s]/g, ''));
  if (!Number.isFinite(n) || n <= 0) return null;
  const bounds = [10, 50, 200, 1000, 5000];
  const index = bounds.findIndex((b) => n <= b);
  return ACCOUNT_SIZES[index === -1 ? ACCOUNT_SIZES.length - 1 : index]!;
}

const TYPE_WORDS: Record<string, AccountType> = { 客户: 'customer', 客戶: 'customer', 潜在客户: 'prospect', 潛在客戶: 'prospect', 合作伙伴: 'partner', 合作夥伴: 'partner', 渠道: 'partner', 供应商: 'supplier', 供應商: 'supplier', 竞争对手: 'competitor', 競爭對手: 'competitor', 'channel partner / reseller': 'partner', 'customer - direct': 'customer', 'customer - channel': 'customer' };

export interface ConvertedRow<T> {
  input: T | null;
  problems: RowProblem[];
  /** Account imports: the parent's name, linked once every row is in. */
  parentName?: string;
}

/** A mapped contact row → service input, or the problems that keep it out. Phones are checked by the service. */
export function toContactInput(values: Record<string, string>): ConvertedRow<ContactInput> {
  const problems: RowProblem[] = [];
  const name = values.name ?? joinName(values.firstName, values.lastName);
  if (!name) problems.push({ field: 'name', code: 'required' });
  if (name && name.length > 200) problems.push({ field: 'name', code: 'maxLength', params: { limit: 200 } });
  if (values.email && !EMAIL.test(values.email)) problems.push({ field: 'email', code: 'format', params: { format: 'email' } });
  if (problems.length) return { input: null, problems };
  return { input: { name: name!, company: values.company, title: values.title, email: values.email, phone: values.phone }, problems };
}

/** A mapped account row → service input, or the problems that keep it out. */
export function toAccountInput(values: Record<string, string>): ConvertedRow<AccountInput> {
  const problems: RowProblem[] = [];
  if (!values.name) problems.push({ field: 'name', code: 'required' });
  let type: AccountType | undefined;
  if (values.type) {
    const word = values.type.trim().toLowerCase();
    type = (ACCOUNT_TYPES as readonly string[]).includes(word) ? (word as AccountType) : TYPE_WORDS[word];
    if (!type) problems.push({ field: 'type', code: 'enum', params: { allowed: ACCOUNT_TYPES.join(', ') } });
  }
  if (values.email && !EMAIL.test(values.email)) problems.push({ field: 'email', code: 'format', params: { format: 'email' } });
  if (problems.length) return { input: null, problems };
  const address: Address | null = values.street || values.city
    ? { kind: 'billing', line1: values.street ?? values.city!, city: values.city ?? null, region: values.state ?? null, postalCode: values.postalCode ?? null, country: /^[A-Z]{2}$/.test(values.country ?? '') ? values.country! : null }
    : null;
  return {
    input: {
      name: values.name!,
      ...(type ? { type } : {}),
      industry: values.industry,
      size: values.employees ? sizeOf(values.employees) : undefined,
      region: values.region,
      website: values.website,
      phone: values.phone,
      email: values.email,
      source: values.source,
      ...(address ? { addresses: [address] } : {}),
    },
    problems,
    parentName: values.parentName,
  };
}

/** A mapped row → service input (custom field columns included), or the problems that keep it out. */
export function convertRow(object: ImportObject, values: Record<string, string>, customFields: CustomFieldDefinition[] = []): ConvertedRow<ContactInput | AccountInput> {
  const converted: ConvertedRow<ContactInput | AccountInput> = object === 'contacts' ? toContactInput(values) : toAccountInput(values);
  const custom: Record<string, unknown> = {};
  for (const def of customFields) {
    const cell = values[`custom.${def.key}`];
    if (cell === undefined) continue;
    const value = customCellValue(def, cell);
    if (isRowProblem(value)) converted.problems.push(value);
    else custom[def.key] = value;
  }
  if (converted.problems.length) return { ...converted, input: null };
  if (converted.input && Object.keys(custom).length) converted.input.custom = custom;
  return converted;
}
