import { sql } from 'drizzle-orm';
import { bigint, boolean, foreignKey, index, integer, jsonb, pgTable, pgView, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PriceBookKind } from '../../../contracts/catalog.js';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** Groups of products, as a tree (a series under a product line). */
export const productCategories = pgTable(
  'product_categories',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // One name per level: "GTX" twice under the same parent is a mistake, not two categories.
    uniqueIndex('product_categories_name_idx').on(t.workspaceId, sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`, sql`lower(${t.name})`),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * What the workspace sells: goods or services, each with a SKU unique in the workspace (case-insensitive,
 * among live products). Not owned by anyone: everyone reads the catalog, `catalog.manage` changes it.
 * Prices live in price books (`price_book_entries`), not here.
 */
export const products = pgTable(
  'products',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    categoryId: uuid('category_id'),
    /** How it is counted and sold: piece, box, hour… (free text; the web app suggests common ones). */
    unit: text('unit'),
    warrantyMonths: integer('warranty_months'),
    /** Inactive products stay on old quotes and orders but cannot be added to new ones. */
    active: boolean('active').notNull().default(true),
    /** Values of the workspace's custom fields, by key (platform/custom-fields). */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    searchKeys: text('search_keys').array().notNull().default(sql`'{}'`),
    searchText: text('search_text').notNull().default(''),
    createdBy: uuid('created_by'),
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
    deletedBy: uuid('deleted_by'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('products_sku_idx').on(t.workspaceId, sql`lower(${t.sku})`).where(sql`deleted_at is null`),
    index('products_name_idx').on(t.workspaceId, t.name, t.id),
    index('products_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('products_category_idx').on(t.workspaceId, t.categoryId),
    index('products_search_keys_idx').using('gin', t.workspaceId, t.searchKeys),
    index('products_search_order_idx').on(t.workspaceId, sql`length(${t.name})`, t.createdAt.desc(), t.id.desc()),
    index('products_search_text_idx').using('gin', t.workspaceId, t.searchText.op('gin_trgm_ops')),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * The columns search reads, for the transaction's workspace only: see `contactsSearch` for why a view.
 * Products have no owner; the view says so with a null `owner_id`. Created by hand in the catalog migration.
 */
export const productsSearch = pgView('products_search', {
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull(),
  deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
  name: text('name').notNull(),
  searchKeys: text('search_keys').array().notNull(),
  searchText: text('search_text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
}).existing();

/**
 * A list of prices in one currency: a retail list, a channel (partner) list… The default book of a
 * currency (at most one) holds the products' list prices in that currency.
 */
export const priceBooks = pgTable(
  'price_books',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<PriceBookKind>().notNull().default('retail'),
    /** ISO 4217 code; every price in the book is in it. */
    currency: text('currency').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
    description: text('description'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('price_books_default_idx').on(t.workspaceId, t.currency).where(sql`is_default`),
    tenantPolicy(),
  ],
).enableRLS();

/** A product's price in a price book. */
export const priceBookEntries = pgTable(
  'price_book_entries',
  {
    workspaceId: workspaceIdColumn(),
    priceBookId: uuid('price_book_id').notNull(),
    productId: uuid('product_id').notNull(),
    /** Per unit, in minor units (fen, cents; yen as is) of the book's currency: an integer, never a float. */
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.priceBookId, t.productId] }),
    foreignKey({ columns: [t.workspaceId, t.priceBookId], foreignColumns: [priceBooks.workspaceId, priceBooks.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }).onDelete('cascade'),
    index('price_book_entries_product_idx').on(t.workspaceId, t.productId),
    tenantPolicy(),
  ],
).enableRLS();
