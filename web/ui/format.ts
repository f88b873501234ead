import { moneyText } from '../../contracts/money';
import { formatPhone } from './phone';

/**
 * Dates, numbers, money and phones for one locale and time zone, through Intl. Pure functions; the app binds
 * them to the UI language and the user's time zone (useFormat).
 */

export interface FormatOptions {
  /** BCP 47 tag: zh-CN, zh-TW, en. */
  locale: string;
  /** IANA zone; the browser's when absent. */
  timeZone?: string;
  /** ISO 3166 country whose phones are shown in the national format (the workspace's). */
  country?: string;
}

type DateInput = string | number | Date | null | undefined;

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Digits after the decimal point of a currency's minor unit (CNY 2, JPY 0, KWD 3). */
export { currencyDigits } from '../../contracts/money';

export function formatDateTime(value: DateInput, { locale, timeZone }: FormatOptions): string {
  const date = toDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

export function formatDate(value: DateInput, { locale, timeZone }: FormatOptions): string {
  const date = toDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
}

/** A calendar date without a time (a birthday, `YYYY-MM-DD`): the same day in every time zone. */
export function formatDay(value: string | null | undefined, { locale }: FormatOptions): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value ?? '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
}

/** "3 days ago", "in 2 hours": relative to now. */
export function formatRelative(value: DateInput, { locale }: FormatOptions, now = Date.now()): string {
  const date = toDate(value);
  if (!date) return '';
  const seconds = Math.round((date.getTime() - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(seconds, 'second');
}

export function formatNumber(value: number | null | undefined, { locale }: FormatOptions): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return new Intl.NumberFormat(locale).format(value);
}

/** Money stored as integer minor units plus currency: formatMoney(123456, 'CNY') → ¥1,234.56. */
export function formatMoney(minor: number | null | undefined, currency: string, { locale }: FormatOptions): string {
  if (minor === null || minor === undefined || Number.isNaN(minor)) return '';
  return moneyText(minor, currency, locale);
}

export interface Formatter {
  locale: string;
  timeZone?: string;
  dateTime: (value: DateInput) => string;
  date: (value: DateInput) => string;
  day: (value: string | null | undefined) => string;
  relative: (value: DateInput) => string;
  number: (value: number | null | undefined) => string;
  money: (minor: number | null | undefined, currency: string) => string;
  /** A stored E.164 phone, national when of `country`, else international. */
  phone: (e164: string | null | undefined) => string;
}

export function createFormatter(options: FormatOptions): Formatter {
  return {
    ...options,
    dateTime: (value) => formatDateTime(value, options),
    date: (value) => formatDate(value, options),
    day: (value) => formatDay(value, options),
    relative: (value) => formatRelative(value, options),
    number: (value) => formatNumber(value, options),
    money: (minor, currency) => formatMoney(minor, currency, options),
    phone: (e164) => formatPhone(e164, options.country),
  };
}
