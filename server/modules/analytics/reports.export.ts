import ExcelJS from 'exceljs';
import { moneyDecimal, spreadsheetMoneyFormat, toMajor } from '../../../contracts/money.js';
import type { Locale } from '../../../contracts/roles.js';
import { translator } from '../../platform/i18n/i18n.js';
import { csvText } from '../customers/index.js';
import type { Cell, ReportColumn } from './reports.query.js';
import type { LabelledResult } from './reports.service.js';

export const REPORT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ReportExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A column's heading in a language: the field's name, or the measure (`Sum of amount`, `数量`). */
export function columnHeader(locale: Locale, column: ReportColumn): string {
  const t = translator(locale);
  const field = column.field ? t(`reports.fieldNames.${column.field}`, { defaultValue: column.field }) : '';
  if (column.kind !== 'measure') return column.bucket ? `${field} (${t(`reports.buckets.${column.bucket}`)})` : field;
  return t(`reports.aggregates.${column.aggregate}`, { field });
}

/** Money in minor units of a currency → what a file or a text wants (a decimal, a number, `¥1,234.56`). */
type MoneyCell = (minor: number, currency: string) => Cell;

/**
 * The rows as the table view shows them: ids by name where the caller may read the name, amounts of money
 * columns through `money`.
 */
export function displayRows(result: LabelledResult, money: MoneyCell): Cell[][] {
  const currency = result.currency ?? 'CNY';
  return result.rows.map((row) => result.columns.map((c) => {
    const value = row[c.key] ?? null;
    if (c.money && typeof value === 'number') return money(value, currency);
    return typeof value === 'string' ? (result.labels[c.key]?.[value] ?? value) : value;
  }));
}

/** The run as a file: CSV (UTF-8 with BOM, formulas defused) or XLSX, headings in the caller's language. */
export async function reportFile(format: ReportExportFormat, locale: Locale, name: string, result: LabelledResult): Promise<Buffer> {
  const headers = result.columns.map((c) => columnHeader(locale, c));
  // CSV is for machines: amounts as plain decimals. XLSX keeps numbers, shown with the currency's format.
  if (format === 'csv') return Buffer.from(csvText([headers, ...displayRows(result, moneyDecimal).map((r) => r.map((v) => (v === null ? '' : String(v))))]));
  const rows = displayRows(result, toMajor);
  const workbook = new ExcelJS.Workbook();
  // Sheet names are at most 31 characters and may not hold []:*?/\ .
  const sheet = workbook.addWorksheet(name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Report', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'boolean' ? String(v) : v)));
  const moneyFormat = spreadsheetMoneyFormat(result.currency ?? 'CNY', locale);
  sheet.columns.forEach((column, i) => {
    column.width = 18;
    if (result.columns[i]?.money) column.eachCell?.((cell, row) => row > 1 && (cell.numFmt = moneyFormat));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
