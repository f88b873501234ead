import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * A stored E.164 phone (+8613800138000) as people write it: in the national format when it is of
 * `country` (138 0013 8000), else in the international one (+886 912 345 678). Unparseable text is
 * returned as it is.
 */
export function formatPhone(e164: string | null | undefined, country?: string): string {
  if (!e164) return '';
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country && parsed.country === country ? parsed.formatNational() : parsed.formatInternational();
}

/** A typed phone in E.164, read in `country` when it has no country code; null when it is not a number. */
export function toE164(raw: string, country?: string): string | null {
  const parsed = parsePhoneNumberFromString(raw, country as CountryCode | undefined);
  return parsed?.isValid() ? parsed.number : null;
}
