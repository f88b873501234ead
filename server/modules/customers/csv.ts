/**
 * CSV as Excel opens it correctly: UTF-8 with a BOM (else Excel reads Chinese as mojibake), CRLF, every
 * field quoted where needed, and cells that a spreadsheet would run as a formula (= + - @) defused.
 */
const cell = (value: string) => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** The byte order mark that starts a CSV file, so Excel reads it as UTF-8. */
export const CSV_BOM = '\uFEFF';

/** One CSV record with its CRLF, for files written a page at a time (exports). */
export const csvLine = (row: string[]): string => `${row.map(cell).join(',')}\r\n`;

export function csvText(rows: string[][]): string {
  return `${CSV_BOM}${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
