import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { OrderStatus } from '../../../contracts/orders.js';
import { ownedRecordColumns, tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/**
 * A sale: what a customer (an account, else a contact) bought, when, for how much. Confirmed and fulfilled
 * orders are the transaction history that customer analysis reads (`purchaseLines`); an order changes only
 * while it is a draft. Money is in minor units of `currency`.
 */
export const orders = pgTable(
  'orders',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    /** What people call the order: SO-000123 for orders made here, the source's number for imported ones. */
    number: text('number').notNull(),
    /** The n of SO-n for orders made here (null for imported ones): the next number is max + 1. */
    seq: integer('seq'),
    accountId: uuid('account_id'),
    contactId: uuid('contact_id'),
    opportunityId: uuid('opportunity_id'),
    quoteId: uuid('quote_id'),
    status: text('status').$type<OrderStatus>().notNull().default('draft'),
    /** When the customer placed it (the import keeps the source's time); `orderDate` is its day in the workspace. */
    orderedAt: timestamp('ordered_at', { withTimezone: true, precision: 3 }).notNull(),
    orderDate: date('order_date', { mode: 'string' }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, precision: 3 }),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true, precision: 3 }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, precision: 3 }),
    currency: text('currency').notNull(),
    /** Σ quantity × unit price, before discounts. */
    subtotal: bigint('subtotal', { mode: 'number' }).notNull().default(0),
    /** What the line discounts take off the subtotal. */
    discount: bigint('discount', { mode: 'number' }).notNull().default(0),
    tax: bigint('tax', { mode: 'number' }).notNull().default(0),
    /** subtotal − discount + tax */
    total: bigint('total', { mode: 'number' }).notNull().default(0),
    /** The order's id in the system it came from: importing it again finds it instead of adding a twin. */
    externalRef: text('external_ref'),
    notes: text('notes'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    ...ownedRecordColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('orders_number_idx').on(t.workspaceId, t.number),
    uniqueIndex('orders_external_idx').on(t.workspaceId, t.externalRef),
    index('orders_seq_idx').on(t.workspaceId, t.seq),
    // A customer's orders, newest first (360 view, products owned).
    index('orders_account_idx').on(t.workspaceId, t.accountId, t.orderedAt.desc()),
    index('orders_contact_idx').on(t.workspaceId, t.contactId, t.orderedAt.desc()),
    // All orders by date: the list's default order and analysis over a period.
    index('orders_ordered_idx').on(t.workspaceId, t.orderedAt, t.id),
    index('orders_owner_idx').on(t.workspaceId, t.ownerId, t.status),
    index('orders_opportunity_idx').on(t.workspaceId, t.opportunityId),
    index('orders_quote_idx').on(t.workspaceId, t.quoteId),
    tenantPolicy(),
  ],
).enableRLS();

/** What an order sold, line by line, copied from the catalog when written so later catalog changes leave it as sold. */
export const orderLines = pgTable(
  'order_lines',
  {
    workspaceId: workspaceIdColumn(),
    orderId: uuid('order_id').notNull(),
    position: integer('position').notNull(),
    productId: uuid('product_id').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    /** Negative on the lines of a return (an imported credit note). */
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    listPrice: bigint('list_price', { mode: 'number' }),
    /** 0–100 */
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
    /** 0–100, on the discounted amount. */
    taxRate: numeric('tax_rate', { precision: 5, scale: 2 }).notNull().default('0'),
    tax: bigint('tax', { mode: 'number' }).notNull().default(0),
    /** quantity × unit price × (1 − discount), rounded to the minor unit: revenue, without tax. */
    total: bigint('total', { mode: 'number' }).notNull(),
    /** Order day + the product's warranty months; null when the product has none. */
    warrantyEndsOn: date('warranty_ends_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.orderId, t.position] }),
    index('order_lines_product_idx').on(t.workspaceId, t.productId),
    // Warranties ending in a window (service's proactive reminders).
    index('order_lines_warranty_idx').on(t.workspaceId, t.warrantyEndsOn).where(sql`warranty_ends_on is not null`),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * The accounts an order import made for the customer numbers of its files (Online Retail's CustomerID):
 * importing again, or a later file of the same source, finds the same account even after it was renamed.
 */
export const orderCustomerRefs = pgTable(
  'order_customer_refs',
  {
    workspaceId: workspaceIdColumn(),
    externalRef: text('external_ref').notNull(),
    accountId: uuid('account_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.externalRef] }), index('order_customer_refs_account_idx').on(t.workspaceId, t.accountId), tenantPolicy()],
).enableRLS();
