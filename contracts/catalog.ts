/** Enumerations of the catalog module, shared by server and web. Stored values: never rename one. */

/** What a price book is for: a channel (partner, reseller) list, the retail list, or anything else. */
export const PRICE_BOOK_KINDS = ['retail', 'channel', 'other'] as const;
export type PriceBookKind = (typeof PRICE_BOOK_KINDS)[number];

/** Units the web app suggests; a product's unit is free text, these are only the common ones (`catalog.units.<unit>`). */
export const COMMON_UNITS = ['piece', 'box', 'set', 'pack', 'hour', 'day', 'month', 'year', 'license', 'kg', 'm'] as const;

/** The largest unit price, in minor units: far below 2^53, so sums of many line items stay exact in JavaScript. */
export const MAX_UNIT_PRICE = 1e13;

/** Digits after the decimal point of an ISO 4217 currency (2 for CNY, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Whether a code is an ISO 4217 currency this runtime knows. */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (Intl.supportedValuesOf('currency') as string[]).includes(code);
}

/**
 * A decimal amount as typed ("1,299.50", "¥550", "26768") → minor units of the currency, exactly (digit by
 * digit, never through a float); null when it is not an amount, is negative, has more decimals than the
 * currency, or passes MAX_UNIT_PRICE.
 */
export function parseAmount(text: string, currency: string): number | null {
  const cleaned = text.replace(/[\s,，¥￥$€£]/g, '').replace(/^(CNY|RMB|USD|EUR|HKD|TWD|NT)/i, '');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return null;
  const digits = currencyDigits(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return null;
  const minor = BigInt(match[1]!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return minor > BigInt(MAX_UNIT_PRICE) ? null : Number(minor);
}

/** Minor units → the plain decimal a form shows for editing (29900, CNY → "299.00"), exactly. */
export function amountText(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
