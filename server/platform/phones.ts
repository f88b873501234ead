import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { invalidField } from './errors/app-error.js';
import { cleanText } from './text.js';

/**
 * A phone number as typed (138 0013 8000, +86-138-0013-8000, (02) 2345-6789) in E.164 (+8613800138000),
 * read in the workspace's default country when it has no country code; null when it is not a valid number.
 */
export function toE164(raw: string, defaultCountry: string): string | null {
  const parsed = parsePhoneNumberFromString(raw, defaultCountry as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

/** Digit strings a typed phone query may be stored as: its E.164 digits, or the raw digits (4+). */
export function phoneQueryDigits(raw: string, defaultCountry: string): string[] {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 4 || /[^\d\s()+\-.]/.test(raw.trim())) return [];
  const e164 = toE164(raw, defaultCountry);
  return [...new Set([e164?.slice(1), digits].filter((d): d is string => Boolean(d)))];
}

/** A typed phone in E.164, or a 400 naming the field when it is not a number; blank → null. */
export function phoneField(raw: string | null | undefined, country: string, field: string): string | null {
  const text = cleanText(raw);
  if (!text) return null;
  const e164 = toE164(text, country);
  if (!e164) throw invalidField(field, 'invalid');
  return e164;
}
