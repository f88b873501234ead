import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { pricesInBook, pricingBook } from './price-books.service.js';
import { productsByIds } from './products.service.js';

export interface LineItemProductInput {
  productId: string;
  /** A price agreed for this line, in minor units; absent or null: the price book's. */
  unitPrice?: number | null;
}

/** What a line item copies from the catalog when it is written, so later catalog changes leave it as sold. */
export interface PricedLineItem {
  productId: string;
  sku: string;
  name: string;
  unit: string | null;
  /** The price the line uses, in minor units of the currency. */
  unitPrice: number;
  /** The price book's price (null when the book has none): a line below it is discounted. */
  listPrice: number | null;
}

/**
 * Checks the products of line items (quotes, orders, opportunities) and prices them: each product must be a
 * live, active one of the workspace (or one in `keep`), and each line needs a price — its own, or the
 * product's in the price book (else the currency's default book). Every problem is reported at once, named
 * by its place: `<field>.<i>.productId` (unknown, deleted, inactive) or `<field>.<i>.unitPrice` (no price
 * anywhere). A price book of another workspace is a 404; one in another currency or inactive, a 400 on
 * `priceBookId`.
 */
export async function priceLineItems(
  tx: Executor,
  ctx: RequestContext,
  items: LineItemProductInput[],
  options: {
    currency: string;
    priceBookId?: string | null;
    field?: string;
    /** Products already on the document: still accepted once inactive or deleted, so its other lines can change. */
    keep?: readonly string[];
  },
): Promise<PricedLineItem[]> {
  const field = options.field ?? 'lineItems';
  const book = await pricingBook(tx, ctx, options.currency, options.priceBookId);
  const ids = items.map((i) => i.productId);
  const found = new Map((await productsByIds(tx, ctx, ids)).map((p) => [p.id, p]));
  const prices = book ? await pricesInBook(tx, ctx, book.id, ids) : new Map<string, number>();
  const errors: FieldError[] = [];
  const priced: PricedLineItem[] = [];
  for (const [i, item] of items.entries()) {
    const product = found.get(item.productId);
    const kept = product && options.keep?.includes(product.id);
    if (!product || (!kept && (product.deletedAt || !product.active))) {
      errors.push({ field: `${field}.${i}.productId`, code: 'invalid' });
      continue;
    }
    const listPrice = prices.get(product.id) ?? null;
    const unitPrice = item.unitPrice ?? listPrice;
    if (unitPrice === null) {
      errors.push({ field: `${field}.${i}.unitPrice`, code: 'required' });
      continue;
    }
    priced.push({ productId: product.id, sku: product.sku, name: product.name, unit: product.unit, unitPrice, listPrice });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', 400, {}, errors);
  return priced;
}
