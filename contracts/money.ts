/**
 * Money is stored as integer minor units plus a currency code (ARCHITECTURE.md). These turn it into what people
 * read — on screen, in mails and in files — the same way on the server and in the browser, through Intl.
 */

/** Digits after the decimal point of a currency's minor unit (CNY 2, JPY 0, KWD 3); 2 when unknown. */
export function currencyDigits(currency: string | null | undefined): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency ?? 'CNY' }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as a number in major units: 123456 CNY → 1234.56 (an average may carry fractions of a cent). */
export const toMajor = (minor: number, currency: string): number => minor / 10 ** currencyDigits(currency);

/** Minor units for reading in `locale`: ¥1,234.56, -US$5.00, NT$1,235 — the currency's own number of digits. */
export function moneyText(minor: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(toMajor(minor, currency));
  } catch {
    return `${toMajor(minor, currency).toFixed(currencyDigits(currency))} ${currency}`;
  }
}

/** Minor units as a plain decimal for machines (CSV): 123456 CNY → "1234.56", no symbol or separators. */
export const moneyDecimal = (minor: number, currency: string): string => toMajor(minor, currency).toFixed(currencyDigits(currency));

/** A spreadsheet number format showing the currency's symbol in `locale`: `"¥"#,##0.00;-"¥"#,##0.00`. */
export function spreadsheetMoneyFormat(currency: string, locale: string): string {
  let symbol = currency;
  try {
    symbol = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    // An unknown code is shown as the code.
  }
  const digits = currencyDigits(currency);
  const number = digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
  const quoted = `"${symbol.replace(/"/g, '')}"`;
  return `${quoted}${number};-${quoted}${number}`;
}
