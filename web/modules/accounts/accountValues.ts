import type { Account } from '../../app/types';
import { currencyDigits } from '../../ui/format';
import { toE164 } from '../../ui/phone';

/** The account form's fields; the credit limit in major units (yuan, dollars) of `currency`. */
export interface AccountValues {
  name: string;
  type?: string;
  industry?: string;
  size?: string | null;
  tier?: string | null;
  region?: string;
  website?: string;
  phone?: string;
  email?: string;
  parentId?: string | null;
  creditStatus?: string | null;
  creditLimit?: number | null;
  currency?: string | null;
  tags?: string[];
  source?: string;
  lifecycleStage?: string | null;
  ownerId?: string | null;
}

type Body = Partial<Record<keyof AccountValues, unknown>>;

/** Major units (12,345.67 yuan) → minor units (1234567 fen) of the currency; and back. */
export const toMinor = (major: number, currency: string) => Math.round(major * 10 ** currencyDigits(currency));
export const toMajor = (minor: number, currency: string) => minor / 10 ** currencyDigits(currency);

const clean = (value: unknown) => (typeof value === 'string' ? value.trim() || null : (value ?? null));

/** The API body of the form's values: trimmed, empty → null, the credit limit in minor units. */
function toBody(values: AccountValues, fallbackCurrency: string): Body {
  const body: Body = {};
  for (const [key, value] of Object.entries(values) as [keyof AccountValues, unknown][]) {
    if (value === undefined) continue;
    body[key] = key === 'tags' ? (value as string[]) : clean(value);
  }
  if (typeof values.creditLimit === 'number') {
    const currency = values.currency || fallbackCurrency;
    body.creditLimit = toMinor(values.creditLimit, currency);
    body.currency = currency;
  }
  return body;
}

/** A new account's body: only the fields that were filled in. */
export function filledFields(values: AccountValues, currency: string): Body {
  return Object.fromEntries(
    Object.entries(toBody(values, currency)).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)),
  );
}

/** A PATCH body: the fields that differ from the account; a cleared field is null (tags: []). */
export function changedFields(account: Account, values: AccountValues, currency: string, country: string): Body {
  const patch: Body = {};
  for (const [key, value] of Object.entries(toBody(values, currency)) as [keyof AccountValues, unknown][]) {
    const before = (account as unknown as Record<string, unknown>)[key] ?? null;
    if (key === 'phone' && typeof value === 'string' && toE164(value, country) === before) continue;
    if (JSON.stringify(value) !== JSON.stringify(before)) patch[key] = value;
  }
  return patch;
}

/** The form's start values of an account. */
export function accountToValues(account: Account): AccountValues {
  return {
    name: account.name,
    type: account.type,
    industry: account.industry ?? '',
    size: account.size,
    tier: account.tier,
    region: account.region ?? '',
    website: account.website ?? '',
    phone: account.phone ?? '',
    email: account.email ?? '',
    parentId: account.parentId,
    creditStatus: account.creditStatus,
    creditLimit: account.creditLimit === null ? null : toMajor(account.creditLimit, account.currency ?? 'CNY'),
    currency: account.currency,
    tags: account.tags,
    source: account.source ?? '',
    lifecycleStage: account.lifecycleStage,
    ownerId: account.ownerId,
  };
}
