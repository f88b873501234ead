import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { toMajor } from '../../../contracts/money.js';
import type { Locale } from '../../../contracts/roles.js';
import type { Executor, Tx } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import type { ListParams } from '../../platform/http/list-query.js';
import { translator } from '../../platform/i18n/i18n.js';
import { listCustomFields, type CustomFieldDefinition } from '../../platform/custom-fields/custom-fields.service.js';
import { memberships, users } from '../../platform/tenancy/tenancy.tables.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { contributedFields, type ComputedValues } from '../../platform/views/list-extensions.js';
import type { Address } from './addresses.js';
import { listAccounts, type Account } from './accounts.service.js';
import { listContacts, type Contact } from './contacts.service.js';
import { CSV_BOM, csvLine } from './csv.js';
import { writeVCard, type VCardVersion } from './vcard.js';

/**
 * Export of a list view — the same filter, sort and ownership scope as the list route — as CSV, XLSX or
 * (contacts) vCard. Rows are read 500 at a time with the list's keyset cursor, each page in its own short
 * transaction, and written out as they come, so a large export never sits whole in memory nor holds the
 * database for the length of a slow download.
 */

export const EXPORT_PAGE_SIZE = 500;
export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export const CONTACT_EXPORT_FORMATS = [...TABLE_FORMATS, 'vcf'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];
export type ContactExportFormat = (typeof CONTACT_EXPORT_FORMATS)[number];

/** Runs `fn` in a transaction as the caller (the route's `asCaller`); called once per page. */
export type CallerRunner = <T>(fn: (tx: Tx, ctx: RequestContext) => Promise<T>) => Promise<T>;

export interface ExportQuery<F extends string> {
  format?: F;
  /** vCard version (vcf only). */
  version?: VCardVersion;
  sort?: string;
  filter?: string | string[];
  filterLogic?: string;
}

export interface ExportFile {
  /** In the caller's language: 联系人-2026-11-23.csv */
  fileName: string;
  /** The same in English, for clients that cannot read an RFC 5987 name. */
  asciiFileName: string;
  contentType: string;
  body: Readable;
}

const CONTENT_TYPES: Record<ContactExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  vcf: 'text/vcard; charset=utf-8',
};

type Cell = string | number | Date | null;
type OwnerName = (ownerId: string | null) => string | null;
interface Column<T> {
  /** `fields.<field>` is the header, in the caller's language, unless `header` is given. */
  field: string;
  header?: string;
  value(row: T, ownerName: OwnerName): Cell;
  /** XLSX column width in characters and number format. */
  width?: number;
  numFmt?: string;
}

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const joined = (values: string[]) => values.join(', ') || null;
const addressLine = (a: Address) => [a.line1, a.line2, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ');
const addressLines = (addresses: Address[]) => addresses.map(addressLine).join('\n') || null;

const contactColumns: Column<Contact>[] = [
  { field: 'name', value: (c) => c.name, width: 20 },
  { field: 'company', value: (c) => c.company, width: 28 },
  { field: 'department', value: (c) => c.department },
  { field: 'jobTitle', value: (c) => c.title },
  { field: 'email', value: (c) => c.email, width: 28 },
  { field: 'otherEmails', value: (c) => joined(c.otherEmails), width: 28 },
  { field: 'phone', value: (c) => c.phone },
  { field: 'otherPhones', value: (c) => joined(c.otherPhones), width: 20 },
  { field: 'wechatId', value: (c) => c.wechatId },
  { field: 'handles', value: (c) => c.handles.map((h) => `${h.type}: ${h.value}`).join('\n') || null, width: 24 },
  { field: 'birthday', value: (c) => c.birthday, width: 12 },
  { field: 'addresses', value: (c) => addressLines(c.addresses), width: 40 },
  { field: 'tags', value: (c) => joined(c.tags) },
  { field: 'source', value: (c) => c.source },
  { field: 'lifecycleStage', value: (c) => c.lifecycleStage },
  { field: 'ownerId', value: (c, owner) => owner(c.ownerId) },
  { field: 'createdAt', value: (c) => c.createdAt, numFmt: DATE_FORMAT },
  { field: 'updatedAt', value: (c) => c.updatedAt, numFmt: DATE_FORMAT },
];


const accountColumns: Column<Account>[] = [
  { field: 'accountName', value: (a) => a.name, width: 28 },
  { field: 'type', value: (a) => a.type },
  { field: 'industry', value: (a) => a.industry },
  { field: 'size', value: (a) => a.size },
  { field: 'tier', value: (a) => a.tier },
  { field: 'region', value: (a) => a.region },
  { field: 'website', value: (a) => a.website, width: 24 },
  { field: 'phone', value: (a) => a.phone },
  { field: 'email', value: (a) => a.email, width: 28 },
  { field: 'creditStatus', value: (a) => a.creditStatus },
  { field: 'creditLimit', value: (a) => (a.creditLimit === null ? null : toMajor(a.creditLimit, a.currency ?? 'CNY')), numFmt: '#,##0.00' },
  { field: 'currency', value: (a) => a.currency },
  { field: 'tags', value: (a) => joined(a.tags) },
  { field: 'source', value: (a) => a.source },
  { field: 'lifecycleStage', value: (a) => a.lifecycleStage },
  { field: 'addresses', value: (a) => addressLines(a.addresses), width: 40 },
  { field: 'ownerId', value: (a, owner) => owner(a.ownerId) },
  { field: 'createdAt', value: (a) => a.createdAt, numFmt: DATE_FORMAT },
  { field: 'updatedAt', value: (a) => a.updatedAt, numFmt: DATE_FORMAT },
];

/** A date as the wall-clock time in `timeZone`, expressed as a UTC Date (what spreadsheets show). */
function wallClock(timeZone: string): (d: Date) => Date {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  } catch {
    return (d) => d;
  }
  return (d) => {
    const part = Object.fromEntries(format.formatToParts(d).map((p) => [p.type, Number(p.value)]));
    return new Date(Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!));
  };
}

type Page<T> = { data: T[]; nextCursor: string | null };
type Lister<T> = (tx: Executor, ctx: RequestContext, params: ListParams) => Promise<Page<T>>;

/** Names of the workspace's members, for the owner column. */
async function memberNames(tx: Executor, ctx: RequestContext): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: memberships.userId, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, ctx.workspaceId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

interface Started<T> {
  pages: AsyncGenerator<T[]>;
  ownerName: OwnerName;
  ctx: RequestContext;
  customFields: CustomFieldDefinition[];
  /** The workspace's currency: the one computed amounts (customer value) are in. */
  currency: string;
}

/**
 * One column per field other modules contribute to the list (customer value's tier, churn risk…), headed by
 * its label: choices by their labels, amounts in major units, instants as dates.
 */
function contributedColumns<T extends object>(objectType: string, locale: Locale, currency: string): Column<T>[] {
  const t = translator(locale);
  return contributedFields(objectType).map(([name, f]) => ({
    field: name,
    header: t(f.labelKey),
    ...(f.display === 'currency' ? { numFmt: '#,##0.00' } : f.display === 'date' ? { numFmt: DATE_FORMAT } : {}),
    value: (row: T): Cell => {
      const v = (row as { computed?: ComputedValues }).computed?.[name] ?? null;
      if (v === null) return null;
      if (f.display === 'select') return t(f.options?.find((o) => o.value === v)?.labelKey ?? String(v), { defaultValue: String(v) });
      if (f.display === 'currency') return toMajor(Number(v), currency);
      if (f.display === 'date') return new Date(String(v));
      return v;
    },
  }));
}

/**
 * One column per custom field, headed by its label in `locale`; choices by their labels, amounts in major
 * units, yes/no as true/false — the forms an import reads back.
 */
function customColumns<T extends { custom: Record<string, unknown> }>(defs: CustomFieldDefinition[], locale: Locale): Column<T>[] {
  const label = (labels: Partial<Record<Locale, string>>, fallback: string) => labels[locale] ?? labels.en ?? labels['zh-CN'] ?? labels['zh-TW'] ?? fallback;
  const choiceLabel = (d: CustomFieldDefinition, v: unknown) => {
    const c = d.options.choices?.find((x) => x.value === v);
    return c ? label(c.label, c.value) : String(v);
  };
  return defs.map((d) => ({
    field: `custom.${d.key}`,
    header: label(d.label, d.key),
    value: (row: T): Cell => {
      const v = row.custom?.[d.key];
      if (v === undefined || v === null) return null;
      if (d.type === 'single_select') return choiceLabel(d, v);
      if (d.type === 'multi_select') return (v as unknown[]).map((x) => choiceLabel(d, x)).join(', ');
      if (d.type === 'currency') return (v as number) / 100;
      if (typeof v === 'number' || typeof v === 'string') return v;
      return String(v);
    },
  }));
}

/**
 * Reads the first page at once — so that a bad filter or sort is a 400 before any byte is sent — and
 * returns the pages as they will be read, each later one in a transaction of its own.
 */
async function start<T>(run: CallerRunner, list: Lister<T>, query: ExportQuery<string>, objectType: 'contacts' | 'accounts'): Promise<Started<T>> {
  const params: ListParams = { filter: query.filter, filterLogic: query.filterLogic, sort: query.sort, limit: EXPORT_PAGE_SIZE };
  const { ctx, first, owners, customFields, currency } = await run(async (tx, ctx) => ({
    ctx,
    first: await list(tx, ctx, params),
    owners: await memberNames(tx, ctx),
    customFields: await listCustomFields(tx, ctx, objectType),
    currency: (await getWorkspace(tx, ctx)).defaultCurrency,
  }));
  async function* pages(): AsyncGenerator<T[]> {
    let page = first;
    yield page.data;
    while (page.nextCursor) {
      const cursor = page.nextCursor;
      page = await run((tx, c) => list(tx, c, { ...params, cursor }));
      yield page.data;
    }
  }
  return { pages: pages(), ownerName: (id) => (id ? (owners.get(id) ?? null) : null), ctx, customFields, currency };
}

async function* csvChunks<T>(headers: string[], columns: Column<T>[], { pages, ownerName, ctx }: Started<T>): AsyncGenerator<Buffer> {
  const local = wallClock(ctx.timeZone);
  const text = (cell: Cell) => (cell === null ? '' : cell instanceof Date ? local(cell).toISOString().slice(0, 19).replace('T', ' ') : String(cell));
  yield Buffer.from(CSV_BOM + csvLine(headers));
  for await (const rows of pages) {
    if (rows.length) yield Buffer.from(rows.map((row) => csvLine(columns.map((c) => text(c.value(row, ownerName))))).join(''));
  }
}

function xlsxStream<T>(sheetName: string, headers: string[], columns: Column<T>[], { pages, ownerName, ctx }: Started<T>): Readable {
  const out = new PassThrough();
  const local = wallClock(ctx.timeZone);
  const cell = (value: Cell) => (value instanceof Date ? local(value) : value);
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    // Strings are written as text cells, never formulas, so no formula escaping is needed here.
    const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c, i) => ({ header: headers[i], key: c.field, width: c.width ?? 16, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
    sheet.getRow(1).font = { bold: true };
    for await (const rows of pages) {
      if (out.destroyed) return;
      for (const row of rows) sheet.addRow(columns.map((c) => cell(c.value(row, ownerName)))).commit();
      // Let a slow download catch up before reading the next page.
      if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

async function* vcardChunks(pages: AsyncGenerator<Contact[]>, version: VCardVersion): AsyncGenerator<Buffer> {
  for await (const rows of pages) if (rows.length) yield Buffer.from(rows.map((c) => writeVCard(c, version)).join(''));
}

function fileNames(locale: Locale, ctx: RequestContext, kind: 'contacts' | 'accounts', ext: string) {
  const date = wallClock(ctx.timeZone)(new Date()).toISOString().slice(0, 10);
  const base = translator(locale)(`nav.${kind}`);
  return { fileName: `${base}-${date}.${ext}`, asciiFileName: `${kind}-${date}.${ext}`, sheetName: base };
}

function tableFile<T>(format: TableFormat, locale: Locale, kind: 'contacts' | 'accounts', columns: Column<T>[], started: Started<T>): ExportFile {
  const t = translator(locale);
  const headers = columns.map((c) => c.header ?? t(`fields.${c.field}`));
  const { fileName, asciiFileName, sheetName } = fileNames(locale, started.ctx, kind, format);
  const body = format === 'csv' ? Readable.from(csvChunks(headers, columns, started), { objectMode: false }) : xlsxStream(sheetName, headers, columns, started);
  return { fileName, asciiFileName, contentType: CONTENT_TYPES[format], body };
}

/** The contacts the caller may see, filtered and sorted as the list: CSV (default), XLSX or vCard. */
export async function exportContacts(run: CallerRunner, query: ExportQuery<ContactExportFormat>, locale: Locale): Promise<ExportFile> {
  // The owned-records list is typed loosely (rows as records); its rows are contacts.
  const started = await start(run, listContacts as Lister<Contact>, query, 'contacts');
  const format = query.format ?? 'csv';
  if (format !== 'vcf') return tableFile(format, locale, 'contacts', [...contactColumns, ...contributedColumns<Contact>('contacts', locale, started.currency), ...customColumns<Contact>(started.customFields, locale)], started);
  const body = Readable.from(vcardChunks(started.pages, query.version ?? '3.0'), { objectMode: false });
  const { fileName, asciiFileName } = fileNames(locale, started.ctx, 'contacts', 'vcf');
  return { fileName, asciiFileName, contentType: CONTENT_TYPES.vcf, body };
}

/** The accounts the caller may see, filtered and sorted as the list: CSV (default) or XLSX. */
export async function exportAccounts(run: CallerRunner, query: ExportQuery<TableFormat>, locale: Locale): Promise<ExportFile> {
  const started = await start(run, listAccounts as Lister<Account>, query, 'accounts');
  return tableFile(query.format ?? 'csv', locale, 'accounts', [...accountColumns, ...contributedColumns<Account>('accounts', locale, started.currency), ...customColumns<Account>(started.customFields, locale)], started);
}
