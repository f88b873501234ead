import chardet from 'chardet';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type TextEncoding = 'utf-8' | 'gb18030' | 'big5';
export const ENCODINGS: readonly TextEncoding[] = ['utf-8', 'gb18030', 'big5'];

export interface ParsedFile {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  headers: string[];
  rows: string[][];
}

export class ImportFileError extends Error {}

const decode = (bytes: Uint8Array, encoding: TextEncoding, fatal = false) => new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);

/**
 * The text encoding of a CSV: a UTF-8 BOM or valid UTF-8 is UTF-8. Otherwise GB18030 (a superset of
 * GB2312/GBK) decodes any bytes, while Big5 rejects most GBK text (GBK trail bytes 0x80–0xA0 are invalid
 * in Big5), so Big5 wins only when it decodes cleanly and the statistical detector also prefers it.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  try {
    decode(bytes, 'utf-8', true);
    return 'utf-8';
  } catch {
    // not UTF-8
  }
  const big5Clean = !decode(bytes, 'big5').includes('\uFFFD');
  if (!big5Clean) return 'gb18030';
  const ranked = chardet.analyse(bytes).filter((m) => ['Big5', 'GB18030'].includes(m.name));
  return ranked[0]?.name === 'Big5' ? 'big5' : 'gb18030';
}

const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b; // a ZIP container

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    throw new ImportFileError('the file is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map(cellText));
  });
  return rows;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[]; hyperlink?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return cellText(v.result);
    return '';
  }
  return String(value);
}

/** Our exports defuse cells that start like a formula with a leading `'`; reading them back removes it. */
const unescapeFormula = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);

/**
 * Reads an uploaded CSV (UTF-8 with or without BOM, GB18030/GBK, Big5; comma, semicolon or tab) or XLSX
 * (first sheet) into a header row and data rows; blank rows are dropped, short rows padded.
 */
export async function readImportFile(bytes: Uint8Array, encoding?: TextEncoding): Promise<ParsedFile> {
  if (bytes.length === 0) throw new ImportFileError('the file is empty');
  let table: string[][];
  let used: TextEncoding | null = null;
  let format: ParsedFile['format'];
  if (isXlsx(bytes)) {
    format = 'xlsx';
    table = await readXlsx(bytes);
  } else {
    format = 'csv';
    used = encoding ?? detectEncoding(bytes);
    const text = decode(bytes, used).replace(/^\uFEFF/, '');
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
    const delimiter = [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
    try {
      table = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
    } catch (err) {
      throw new ImportFileError(`the CSV cannot be read: ${(err as Error).message}`);
    }
  }
  const nonEmpty = table.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (nonEmpty.length === 0) throw new ImportFileError('the file has no rows');
  const headers = nonEmpty[0]!.map((h) => h.trim());
  const width = headers.length;
  const rows = nonEmpty.slice(1).map((row) => Array.from({ length: width }, (_, i) => unescapeFormula((row[i] ?? '').trim())));
  return { format, encoding: used, headers, rows };
}
