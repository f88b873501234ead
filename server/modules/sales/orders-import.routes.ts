import { gunzipSync } from 'node:zlib';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import { AppError, forbidden, invalidField } from '../../platform/errors/app-error.js';
import { readFile, storeFile } from '../../platform/files/files.service.js';
import { ENCODINGS, type TextEncoding } from '../../platform/imports/import-files.js';
import { asCaller } from '../../platform/http/route-context.js';
import { StringEnum, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { getWorkspace, isTimeZone } from '../../platform/tenancy/workspaces.service.js';
import { isCurrency } from '../catalog/index.js';
import { importInvoiceBatch, mapOrderColumns, parseOrderRows, readOrderFile, resolveCustomers, resolveProducts, type ImportProblem } from './orders-import.service.js';

export const ORDER_IMPORT_JOB = 'orders.import';
/** Invoices per transaction: a crash loses no committed batch, and the rerun skips them. */
const BATCH = 1000;
const PROBLEMS_KEPT = 200;

interface ImportPayload {
  userId: string;
  fileId: string;
  currency: string;
  timeZone: string;
  encoding?: TextEncoding;
}

/** A CSV's header line, without reading the whole file: refusing a file with the wrong columns at once. */
function csvHeader(bytes: Buffer): string[] | null {
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).subarray(0, 64 * 1024).toString('utf8').replace(/^\uFEFF/, '');
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].sort((a, b) => line.split(b).length - line.split(a).length)[0]!;
  return line ? line.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, '')) : null;
}

export const orderImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.jobs.register<ImportPayload>(ORDER_IMPORT_JOB, async (job) => {
    const { userId, fileId, currency, timeZone, encoding } = job.payload;
    const ctx = await contextOfMember(app.database, job.workspaceId, userId);
    if (!ctx) throw new Error('the member who started this import is no longer active');
    const run = <T>(fn: Parameters<typeof inWorkspace<T>>[2]) => inWorkspace(app.database.db, job.workspaceId, fn);
    const stored = await run((tx) => readFile(tx, ctx, fileId));
    const parsed = parseOrderRows(await readOrderFile(stored.data, encoding), currency);
    const total = parsed.invoices.length;
    await job.progress(0, total);
    const products = await run((tx) => resolveProducts(tx, ctx, parsed.invoices));
    const customers = await run((tx) => resolveCustomers(tx, ctx, parsed.invoices));
    const problems: ImportProblem[] = [...products.refused, ...parsed.problems];
    const totals = { ordersCreated: 0, ordersExisting: 0, returnsCreated: 0, linesCreated: 0 };
    for (let at = 0; at < total; at += BATCH) {
      const batch = await run((tx) => importInvoiceBatch(tx, ctx, parsed.invoices.slice(at, at + BATCH), { accounts: customers.accounts, products: products.products }, { currency, timeZone }));
      totals.ordersCreated += batch.created;
      totals.ordersExisting += batch.existing;
      totals.returnsCreated += batch.returns;
      totals.linesCreated += batch.lines;
      await job.progress(Math.min(at + BATCH, total), total);
    }
    return {
      rows: parsed.rows,
      invoices: total,
      ...totals,
      customersCreated: customers.created,
      productsCreated: products.created,
      adjustmentRowsSkipped: parsed.adjustmentRows,
      rowsWithoutCustomer: parsed.rowsWithoutCustomer,
      problemCount: problems.length,
      problems: problems.slice(0, PROBLEMS_KEPT),
    };
  });

  app.post(
    '/orders/import',
    {
      bodyLimit: app.config.IMPORT_BODY_LIMIT,
      schema: {
        tags: ['orders'],
        summary: 'Import orders from a file of invoice lines (CSV, gzipped CSV or XLSX), in a job (sales.configure)',
        description:
          'Columns by header: InvoiceNo/order number, StockCode/sku, Description, Quantity, InvoiceDate/order date, UnitPrice/price, CustomerID/customer, Country. One order per invoice; C… invoices are returns (cancelled, negative lines), A… adjustments and rows without a customer are skipped and counted; customers become accounts (Customer <id>), unknown SKUs products. Invoices imported before are skipped. See docs/sales.md. Follow the job at GET /jobs/{jobId}.',
        body: Type.Object(
          {
            content: Type.String({ maxLength: 40_000_000, description: 'The file, base64.' }),
            fileName: Type.Optional(Type.String({ maxLength: 200 })),
            encoding: Type.Optional(StringEnum(ENCODINGS)),
            currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'Of the prices; default the workspace’s.' })),
            timeZone: Type.Optional(Type.String({ maxLength: 60, description: 'Of the file’s times (IANA, e.g. Europe/London); default the workspace’s.' })),
          },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ jobId: Uuid }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const bytes = Buffer.from(request.body.content, 'base64');
      if (bytes.length === 0) throw invalidField('content', 'required');
      const isXlsx = bytes[0] === 0x50 && bytes[1] === 0x4b;
      try {
        // Columns are checked now (a CSV by its header line; a workbook is read whole), rows in the job.
        mapOrderColumns(isXlsx ? (await readOrderFile(bytes)).headers : (csvHeader(bytes) ?? []));
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('VALIDATION_FAILED', 400, {}, [{ field: 'content', code: 'invalid', params: { reason: (err as Error).message } }]);
      }
      const { timeZone, currency } = request.body;
      if (timeZone && !isTimeZone(timeZone)) throw invalidField('timeZone', 'invalid');
      if (currency && !isCurrency(currency)) throw invalidField('currency', 'invalid');
      const { jobId, workspaceId } = await asCaller(request, async (tx, ctx) => {
        assertCan(ctx, 'sales.configure');
        // The job acts as the member who started it; an API key has no member to act as.
        if (!ctx.userId) throw forbidden();
        const workspace = await getWorkspace(tx, ctx);
        const file = await storeFile(tx, ctx, { name: request.body.fileName ?? 'orders-import', contentType: isXlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv', data: bytes });
        const payload: ImportPayload = {
          userId: ctx.userId,
          fileId: file.id,
          currency: currency ?? workspace.defaultCurrency ?? 'CNY',
          timeZone: timeZone ?? workspace.timeZone,
          ...(request.body.encoding ? { encoding: request.body.encoding } : {}),
        };
        return { jobId: await app.jobs.enqueue(tx, ctx.workspaceId, ctx.userId, ORDER_IMPORT_JOB, payload), workspaceId: ctx.workspaceId };
      });
      await app.jobs.dispatch(jobId, workspaceId, ORDER_IMPORT_JOB);
      return reply.status(202).send({ jobId });
    },
  );
};
