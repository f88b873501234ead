import ExcelJS from 'exceljs';
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

/** The rows as the table view shows them: ids by name where the caller may read the name. */
export function displayRows(result: LabelledResult): Cell[][] {
  return result.rows.map((row) => result.columns.map((c) => {
    const value = row[c.key] ?? null;
    return typeof value === 'string' ? (result.labels[c.key]?.[value] ?? value) : value;
  }));
}

/** The run as a file: CSV (UTF-8 with BOM, formulas defused) or XLSX, headings in the caller's language. */
export async function reportFile(format: ReportExportFormat, locale: Locale, name: string, result: LabelledResult): Promise<Buffer> {
  const headers = result.columns.map((c) => columnHeader(locale, c));
  const rows = displayRows(result);
  if (format === 'csv') return Buffer.from(csvText([headers, ...rows.map((r) => r.map((v) => (v === null ? '' : String(v))))]));
  const workbook = new ExcelJS.Workbook();
  // Sheet names are at most 31 characters and may not hold []:*?/\ .
  const sheet = workbook.addWorksheet(name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Report', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'boolean' ? String(v) : v)));
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
