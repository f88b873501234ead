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
