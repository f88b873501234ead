/** ISO codes offered in the workspace settings; names come from Intl in the UI language. */
export const COUNTRIES = [
  'CN', 'TW', 'HK', 'MO', 'SG', 'MY', 'JP', 'KR', 'TH', 'VN', 'ID', 'PH', 'IN', 'AE',
  'AU', 'NZ', 'US', 'CA', 'GB', 'DE', 'FR', 'NL', 'IT', 'ES',
];

export const CURRENCIES = [
  'CNY', 'TWD', 'HKD', 'MOP', 'SGD', 'MYR', 'JPY', 'KRW', 'THB', 'USD', 'EUR', 'GBP', 'AUD', 'CAD',
];

function displayName(locale: string, type: 'region' | 'currency', code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryOptions(locale: string, current?: string) {
  const codes = current && !COUNTRIES.includes(current) ? [current, ...COUNTRIES] : COUNTRIES;
  return codes.map((code) => ({ value: code, label: `${displayName(locale, 'region', code)} (${code})` }));
}

export function currencyOptions(locale: string, current?: string) {
  const codes = current && !CURRENCIES.includes(current) ? [current, ...CURRENCIES] : CURRENCIES;
  return codes.map((code) => ({ value: code, label: `${code} · ${displayName(locale, 'currency', code)}` }));
}
