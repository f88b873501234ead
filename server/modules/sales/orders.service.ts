import { and, asc, eq, sql } from 'drizzle-orm';
import { ORDER_TRANSITIONS, type OrderStatus } from '../../../contracts/orders.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, invalidField, readReferenced } from '../../platform/errors/app-error.js';
import type { ListParams, ListSpec } from '../../platform/http/list-query.js';
import { assertMayActOn } from '../../platform/permissions/policy.js';
import { ownedRecords } from '../../platform/records/owned-records.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { priceLineItems, productsByIds } from '../catalog/index.js';
import { getAccount, getContact } from '../customers/index.js';
import { getOpportunity, localDate } from './opportunities.service.js';
import { lineTotal } from './opportunity-lines.service.js';
import { orderLines, orders } from './orders.tables.js';

export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
export type OrderWithLines = Order & { lines: OrderLine[] };

export interface OrderLineInput {
  productId: string;
  /** More than 0. */
  quantity: number;
  /** Minor units of the order's currency; absent or null: the product's price in the currency's default price book. */
  unitPrice?: number | null;
  /** 0–100 */
  discountPercent?: number;
  /** 0–100, charged on the discounted amount. */
  taxRate?: number;
}

/** What a new order needs: a customer (an account, a contact or both) and its lines. */
export interface OrderInput {
  accountId?: string | null;
  contactId?: string | null;
  opportunityId?: string | null;
  /** The quote the order was made from (the quotes module passes it). */
  quoteId?: string | null;
  ownerId?: string | null;
  /** ISO 4217; absent: the workspace's currency. */
  currency?: string;
  /** When the customer ordered; absent: now. */
  orderedAt?: string | Date;
  /** `confirmed` makes it a sale at once (an accepted quote); default `draft`. */
  status?: 'draft' | 'confirmed';
  externalRef?: string | null;
  notes?: string | null;
  custom?: Record<string, unknown>;
  lines: OrderLineInput[];
  /** Price book to price lines from (absent: the currency's default book). */
  priceBookId?: string | null;
}

export type OrderPatch = Partial<Omit<OrderInput, 'status' | 'currency'>>;

export const orderListSpec: ListSpec = {
  fields: {
    number: { column: orders.number, type: 'text', sortable: true },
    status: { column: orders.status, type: 'text' },
    accountId: { column: orders.accountId, type: 'uuid' },
    contactId: { column: orders.contactId, type: 'uuid' },
    opportunityId: { column: orders.opportunityId, type: 'uuid' },
    quoteId: { column: orders.quoteId, type: 'uuid' },
    ownerId: { column: orders.ownerId, type: 'uuid' },
    currency: { column: orders.currency, type: 'text' },
    total: { column: orders.total, type: 'number', sortable: true, money: true },
    orderedAt: { column: orders.orderedAt, type: 'timestamp', sortable: true },
    orderDate: { column: orders.orderDate, type: 'timestamp', sortable: true },
    externalRef: { column: orders.externalRef, type: 'text' },
    createdAt: { column: orders.createdAt, type: 'timestamp', sortable: true },
    updatedAt: { column: orders.updatedAt, type: 'timestamp', sortable: true },
  },
  id: orders.id,
  defaultSort: '-orderedAt',
};

/** The money columns of one line, in whole minor units (half away from zero, like opportunity lines). */
export function lineAmounts(quantity: number, unitPrice: number, discountPercent: number, taxRate: number) {
  const gross = Math.round(quantity * unitPrice);
  const total = lineTotal(quantity, unitPrice, discountPercent);
  return { gross, total, tax: Math.round((total * taxRate) / 100) };
}

/** `day` + `months` calendar months, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

const cleanOptional = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);

async function orderColumns(tx: Executor, ctx: RequestContext, input: Partial<OrderInput>, before: Order | null): Promise<Partial<Order>> {
  const values: Partial<Order> = {};
  if (input.accountId !== undefined) {
    if (input.accountId) await readReferenced(() => getAccount(tx, ctx, input.accountId!), 'accountId');
    values.accountId = input.accountId;
  }
  if (input.contactId !== undefined) {
    if (input.contactId) await readReferenced(() => getContact(tx, ctx, input.contactId!), 'contactId');
    values.contactId = input.contactId;
  }
  const accountId = values.accountId !== undefined ? values.accountId : (before?.accountId ?? null);
  const contactId = values.contactId !== undefined ? values.contactId : (before?.contactId ?? null);
  if (!accountId && !contactId) throw invalidField('accountId', 'required');
  if (input.opportunityId !== undefined) {
    if (input.opportunityId) await readReferenced(() => getOpportunity(tx, ctx, input.opportunityId!), 'opportunityId');
    values.opportunityId = input.opportunityId;
  }
  if (input.quoteId !== undefined) values.quoteId = input.quoteId;
  for (const key of ['notes', 'externalRef'] as const) {
    const cleaned = cleanOptional(input[key]);
    if (cleaned !== undefined) values[key] = cleaned;
  }
  if (!before) {
    // Set by createOrder, not by callers: the number, and the currency the lines are priced in.
    const fixed = input as Partial<OrderInput> & { number: string; seq: number | null; currency: string };
    Object.assign(values, { number: fixed.number, seq: fixed.seq, currency: fixed.currency, status: 'draft' });
  }
  if (input.orderedAt !== undefined) {
    const at = new Date(input.orderedAt);
    if (Number.isNaN(at.getTime())) throw invalidField('orderedAt', 'invalid');
    values.orderedAt = at;
    values.orderDate = localDate(at, ctx.timeZone);
  }
  return values;
}

const records = ownedRecords<Order, OrderInput>({
  table: orders,
  recordType: 'order',
  listSpec: orderListSpec,
  toColumns: orderColumns,
  customFieldsOf: 'orders',
});

export const listOrders = (tx: Executor, ctx: RequestContext, params: ListParams) => records.list(tx, ctx, params);
export const listDeletedOrders = (tx: Executor, ctx: RequestContext, params: ListParams) => records.listDeleted(tx, ctx, params);
export const getOrder = records.get;
export const restoreOrder = records.restore;

export async function listOrderLines(tx: Executor, ctx: RequestContext, orderId: string): Promise<OrderLine[]> {
  return tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.workspaceId, ctx.workspaceId), eq(orderLines.orderId, orderId)))
    .orderBy(asc(orderLines.position));
}

export async function getOrderWithLines(tx: Executor, ctx: RequestContext, id: string): Promise<OrderWithLines> {
  const order = await records.get(tx, ctx, id);
  return { ...order, lines: await listOrderLines(tx, ctx, id) };
}

/**
 * Prices the lines (catalog prices unless given), works out warranty ends from the order day, writes them in
 * place of the order's old ones and puts the totals on the order.
 */
async function writeLines(tx: Executor, ctx: RequestContext, order: Order, lines: OrderLineInput[], priceBookId: string | null | undefined, keep: readonly string[]): Promise<{ order: Order; lines: OrderLine[] }> {
  if (lines.length === 0) throw invalidField('lines', 'required');
  const priced = await priceLineItems(tx, ctx, lines, { currency: order.currency, priceBookId, field: 'lines', keep });
  const warranty = new Map((await productsByIds(tx, ctx, priced.map((p) => p.productId))).map((p) => [p.id, p.warrantyMonths]));
  let subtotal = 0;
  let net = 0;
  let tax = 0;
  const rows = priced.map((p, position) => {
    const input = lines[position]!;
    const discountPercent = input.discountPercent ?? 0;
    const taxRate = input.taxRate ?? 0;
    const amounts = lineAmounts(input.quantity, p.unitPrice, discountPercent, taxRate);
    subtotal += amounts.gross;
    net += amounts.total;
    tax += amounts.tax;
    const months = warranty.get(p.productId);
    return {
      workspaceId: ctx.workspaceId,
      orderId: order.id,
      position,
      productId: p.productId,
      sku: p.sku,
      name: p.name,
      quantity: String(input.quantity),
      unitPrice: p.unitPrice,
      listPrice: p.listPrice,
      discountPercent: String(discountPercent),
      taxRate: String(taxRate),
      tax: amounts.tax,
      total: amounts.total,
      warrantyEndsOn: months ? addMonths(order.orderDate, months) : null,
    };
  });
  await tx.delete(orderLines).where(and(eq(orderLines.workspaceId, ctx.workspaceId), eq(orderLines.orderId, order.id)));
  const written = await tx.insert(orderLines).values(rows).returning();
  const [updated] = await tx
    .update(orders)
    .set({ subtotal, discount: subtotal - net, tax, total: net + tax })
    .where(and(eq(orders.workspaceId, ctx.workspaceId), eq(orders.id, order.id)))
    .returning();
  return { order: updated!, lines: written };
}

/** The next SO-number of the workspace; the advisory lock makes two orders made at once wait for each other. */
async function nextNumber(tx: Executor, ctx: RequestContext): Promise<{ seq: number; number: string }> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`orders:${ctx.workspaceId}`}))`);
  const [row] = await tx
    .select({ seq: sql<number>`coalesce(max(${orders.seq}), 0)::int + 1` })
    .from(orders)
    .where(eq(orders.workspaceId, ctx.workspaceId));
  const seq = row!.seq;
  return { seq, number: `SO-${String(seq).padStart(6, '0')}` };
}

async function assertExternalRefFree(tx: Executor, ctx: RequestContext, externalRef: string | null | undefined, id: string | null): Promise<void> {
  const ref = externalRef?.trim();
  if (!ref) return;
  const [taken] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.workspaceId, ctx.workspaceId), eq(orders.externalRef, ref)));
  if (taken && taken.id !== id) throw new AppError('CONFLICT', 409, {}, [{ field: 'externalRef', code: 'taken' }]);
}

/**
 * Creates an order with its lines, priced from the catalog where no price is given (the quotes module calls
 * this to turn an accepted quote into an order, with `quoteId` and `status: 'confirmed'`).
 */
export async function createOrder(tx: Executor, ctx: RequestContext, input: OrderInput): Promise<OrderWithLines> {
  const currency = input.currency ?? (await getWorkspace(tx, ctx)).defaultCurrency ?? 'CNY';
  await assertExternalRefFree(tx, ctx, input.externalRef, null);
  const { seq, number } = await nextNumber(tx, ctx);
  const orderedAt = input.orderedAt ?? new Date();
  const created = await records.create(tx, ctx, { ...input, orderedAt, number, seq, currency } as OrderInput);
  const { order, lines } = await writeLines(tx, ctx, created, input.lines, input.priceBookId, []);
  await recordAudit(tx, ctx, { action: 'update', recordType: 'order', recordId: order.id, after: { lines, subtotal: order.subtotal, discount: order.discount, tax: order.tax, total: order.total } });
  if (input.status === 'confirmed') return changeOrderStatus(tx, ctx, order.id, 'confirmed');
  return { ...order, lines };
}

const notDraft = (order: Order) => new AppError('ORDER_NOT_DRAFT', 409, { number: order.number, status: order.status });

/** Changes a draft: its header, and its lines when given (all of them, in order). */
export async function updateOrder(tx: Executor, ctx: RequestContext, id: string, patch: OrderPatch): Promise<OrderWithLines> {
  const before = await getOrderWithLines(tx, ctx, id);
  if (before.status !== 'draft') throw notDraft(before);
  await assertMayActOn(tx, ctx, 'update', before.ownerId);
  await assertExternalRefFree(tx, ctx, patch.externalRef, id);
  const { lines, priceBookId, ...header } = patch;
  let order = await records.update(tx, ctx, id, header);
  // A new order day moves the warranty ends with it.
  if (lines || order.orderDate !== before.orderDate) {
    const next = lines ?? before.lines.map((l) => ({ productId: l.productId, quantity: Number(l.quantity), unitPrice: l.unitPrice, discountPercent: Number(l.discountPercent), taxRate: Number(l.taxRate) }));
    const written = await writeLines(tx, ctx, order, next, priceBookId, before.lines.map((l) => l.productId));
    order = written.order;
    await recordAudit(tx, ctx, { action: 'update', recordType: 'order', recordId: id, before: { lines: before.lines, total: before.total }, after: { lines: written.lines, total: order.total } });
    return { ...order, lines: written.lines };
  }
  return { ...order, lines: before.lines };
}

const STAMP = { confirmed: 'confirmedAt', fulfilled: 'fulfilledAt', cancelled: 'cancelledAt' } as const;

/**
 * Moves an order along draft → confirmed → fulfilled, or to cancelled from draft or confirmed (409
 * ORDER_STATUS_CHANGE otherwise; the same status again is a no-op). Each move stamps its time.
 */
export async function changeOrderStatus(tx: Executor, ctx: RequestContext, id: string, status: OrderStatus): Promise<OrderWithLines> {
  const before = await records.get(tx, ctx, id);
  await assertMayActOn(tx, ctx, 'update', before.ownerId);
  if (before.status === status) return { ...before, lines: await listOrderLines(tx, ctx, id) };
  if (!ORDER_TRANSITIONS[before.status].includes(status)) throw new AppError('ORDER_STATUS_CHANGE', 409, { number: before.number, from: before.status, to: status });
  const now = new Date();
  const [after] = await tx
    .update(orders)
    .set({ status, updatedAt: now, ...(status === 'draft' ? {} : { [STAMP[status]]: now }) })
    .where(and(eq(orders.workspaceId, ctx.workspaceId), eq(orders.id, id)))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'order', recordId: id, before: { status: before.status }, after: { status, at: now } });
  return { ...after!, lines: await listOrderLines(tx, ctx, id) };
}

/** To the recycle bin: drafts and cancelled orders only — a sale that happened stays in the history. */
export async function deleteOrder(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  const order = await records.get(tx, ctx, id);
  if (order.status === 'confirmed' || order.status === 'fulfilled') throw new AppError('ORDER_NOT_DELETABLE', 409, { number: order.number, status: order.status });
  await records.remove(tx, ctx, id);
}

/** A page of orders with each one's customer name (the account's, else the contact's), for lists. */
export async function listOrdersNamed(tx: Executor, ctx: RequestContext, params: ListParams) {
  const page = await records.list(tx, ctx, params);
  const accountIds = [...new Set(page.data.map((o) => o.accountId).filter((id): id is string => !!id))];
  const contactIds = [...new Set(page.data.filter((o) => !o.accountId && o.contactId).map((o) => o.contactId!))];
  // Names only: the order is readable, so its customer's name is shown even outside the caller's scope.
  const { rows } = (await tx.execute(sql`
    select id, name from accounts where workspace_id = ${ctx.workspaceId} and id in ${accountIds.length ? accountIds : [null]}
    union all
    select id, name from contacts where workspace_id = ${ctx.workspaceId} and id in ${contactIds.length ? contactIds : [null]}`)) as unknown as { rows: { id: string; name: string }[] };
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return { ...page, data: page.data.map((o) => ({ ...o, name: o.number, customerName: names.get(o.accountId ?? o.contactId ?? '') ?? null })) };
}
