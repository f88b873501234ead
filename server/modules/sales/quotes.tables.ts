import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Locale } from '../../../contracts/roles.js';
import type { QuoteStatus } from '../../../contracts/quotes.js';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/**
 * A priced offer to the customer of a deal. One quote number has one or more versions; a row is one version.
 * Amounts are minor units of `currency` and follow from the lines (see contracts/quote-math.ts).
 */
export const quotes = pgTable(
  'quotes',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    /** Per workspace: Q-000123 is number 123; every version of a quote shares it. */
    number: integer('number').notNull(),
    version: integer('version').notNull().default(1),
    opportunityId: uuid('opportunity_id').notNull(),
    /** Copied from the deal when the quote is written: the customer it is addressed to. */
    accountId: uuid('account_id'),
    contactId: uuid('contact_id'),
    status: text('status').$type<QuoteStatus>().notNull().default('draft'),
    language: text('language').$type<Locale>().notNull(),
    currency: text('currency').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** Applied to every line's amount after its own discount, 0–100. */
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
    /** Tax of lines that carry no rate of their own, 0–100. */
    taxRate: numeric('tax_rate', { precision: 5, scale: 2 }).notNull().default('0'),
    terms: text('terms'),
    notes: text('notes'),
    /** Quantities × unit prices, before any discount. */
    subtotal: bigint('subtotal', { mode: 'number' }).notNull().default(0),
    /** Line discounts and the quote's discount together. */
    discount: bigint('discount', { mode: 'number' }).notNull().default(0),
    tax: bigint('tax', { mode: 'number' }).notNull().default(0),
    total: bigint('total', { mode: 'number' }).notNull().default(0),
    /** How far below list price the quote sells, all discounts included (0–100): what approval looks at. */
    effectiveDiscountPercent: numeric('effective_discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
    approvalRequestedBy: uuid('approval_requested_by'),
    approvalRequestedAt: timestamp('approval_requested_at', { withTimezone: true, precision: 3 }),
    /** The last decision on the discount: who, when, how and why. */
    approvalDecision: text('approval_decision').$type<'approved' | 'rejected'>(),
    approvalDecidedBy: uuid('approval_decided_by'),
    approvalDecidedAt: timestamp('approval_decided_at', { withTimezone: true, precision: 3 }),
    approvalComment: text('approval_comment'),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
    /** The order an accepted quote became. */
    orderId: uuid('order_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('quotes_number_version_key').on(t.workspaceId, t.number, t.version),
    index('quotes_opportunity_idx').on(t.workspaceId, t.opportunityId, t.number, t.version),
    index('quotes_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('quotes_status_idx').on(t.workspaceId, t.status),
    tenantPolicy(),
  ],
).enableRLS();

/** What a quote offers, in order: products priced from the catalog when written, then kept as quoted. */
export const quoteLines = pgTable(
  'quote_lines',
  {
    workspaceId: workspaceIdColumn(),
    quoteId: uuid('quote_id').notNull(),
    position: integer('position').notNull(),
    productId: uuid('product_id').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    unit: text('unit'),
    description: text('description'),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    listPrice: bigint('list_price', { mode: 'number' }),
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
    /** null: the quote's rate. */
    taxRate: numeric('tax_rate', { precision: 5, scale: 2 }),
    /** quantity × unit price */
    subtotal: bigint('subtotal', { mode: 'number' }).notNull(),
    /** This line's own discount and its share of the quote's discount. */
    discount: bigint('discount', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    /** subtotal − discount + tax */
    total: bigint('total', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.quoteId, t.position] }), index('quote_lines_product_idx').on(t.workspaceId, t.productId), tenantPolicy()],
).enableRLS();

/** Quote rules of a workspace; no row: the defaults. */
export const quoteSettings = pgTable(
  'quote_settings',
  {
    workspaceId: workspaceIdColumn(),
    /** A quote whose effective discount is above this (per cent) needs a manager's approval before it is sent. */
    approvalThresholdPercent: numeric('approval_threshold_percent', { precision: 5, scale: 2 }).notNull().default('15'),
    /** Days a new quote is valid. */
    validityDays: integer('validity_days').notNull().default(30),
    /** An accepted quote moves its deal to the pipeline's won stage. */
    winDealOnAccept: boolean('win_deal_on_accept').notNull().default(true),
    defaultTerms: text('default_terms'),
    /** A PNG or JPEG in stored files printed at the top of proposals; none: the workspace's name. */
    logoFileId: uuid('logo_file_id'),
    defaultTaxRate: numeric('default_tax_rate', { precision: 5, scale: 2 }).notNull().default(sql`0`),
  },
  (t) => [primaryKey({ columns: [t.workspaceId] }), tenantPolicy()],
).enableRLS();
