import type { TFunction } from 'i18next';
import { moneyText } from '../../../contracts/money';
import type { Cell, ReportColumn, ReportResult } from './types';

/** A field's name in the UI language; custom fields (`custom.region`) by their key. */
export const fieldLabel = (t: TFunction, field: string) => t(`reports.fieldNames.${field}`, { defaultValue: field.replace(/^custom\./, '') });

/** A column's heading, as the server writes it into exports: `Close date (month)`, `Sum of Amount`. */
export function columnTitle(t: TFunction, column: ReportColumn): string {
  const field = column.field ? fieldLabel(t, column.field) : '';
  if (column.kind !== 'measure') return column.bucket ? `${field} (${t(`reports.buckets.${column.bucket}`)})` : field;
  return column.aggregate ? t(`reports.aggregates.${column.aggregate}`, { field }) : field;
}

/** A number of a column as shown: money with its currency, rates as percentages, else in the UI language. */
export function numberText(result: Pick<ReportResult, 'currency'>, column: ReportColumn, value: number, locale: string): string {
  if (column.money) return moneyText(value, result.currency ?? 'CNY', locale);
  // Rates (0–1) read better as percentages.
  if (column.field === 'winRate') return `${Math.round(value * 1000) / 10}%`;
  return value.toLocaleString(locale, { maximumFractionDigits: 2 });
}

/** A cell as shown: ids by the names the server gave, numbers in the UI language, booleans as ✓/✗. */
export function cellText(result: ReportResult, column: ReportColumn, value: Cell, locale: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'number') return numberText(result, column, value, locale);
  if (column.type === 'timestamp' && !column.bucket) return new Date(value).toLocaleString(locale);
  return result.labels[column.key]?.[value] ?? value;
}
