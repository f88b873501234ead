/**
 * A quote's amounts in integers only, shared by the server (which stores them) and the web editor (which shows
 * them live, so the figures on screen are the ones saved). Quantities have up to 3 decimals and percentages up to 2, so both are
 * scaled to integers (thousandths, basis points) and every product is taken in BigInt, then rounded once per
 * step, half up (amounts are never negative), to a whole minor unit:
 *
 *   line subtotal  = quantity × unit price
 *   line discount  = subtotal × line discount %
 *   quote discount = (subtotal − line discount) × quote discount %   (each line its share)
 *   line tax       = (subtotal − both discounts) × tax rate (the line's own, else the quote's)
 *   line total     = subtotal − discounts + tax
 *
 * The quote's subtotal, discount, tax and total are sums of the rounded line amounts, so the document adds up
 * exactly as printed; they may differ by a few minor units from applying the rates to the sums.
 */

export interface QuoteLineFigures {
  quantity: number;
  unitPrice: number;
  listPrice: number | null;
  discountPercent: number;
  /** null: the quote's rate */
  taxRate: number | null;
}

export interface LineAmounts {
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
}

export interface QuoteAmounts extends LineAmounts {
  lines: LineAmounts[];
  /** All discounts against list prices, as a percentage with 2 decimals (0 when nothing is priced). */
  effectiveDiscountPercent: number;
}

const scaled = (value: number, factor: number) => BigInt(Math.round(value * factor));

/** a × b ÷ d rounded half up, for non-negative integers. */
function mulDiv(a: bigint, b: bigint, d: bigint): bigint {
  return (a * b * 2n + d) / (d * 2n);
}

export function quoteAmounts(lines: QuoteLineFigures[], quote: { discountPercent: number; taxRate: number }): QuoteAmounts {
  const quoteBp = scaled(quote.discountPercent, 100);
  let listBase = 0n;
  let afterDiscounts = 0n;
  const amounts = lines.map((line) => {
    const milli = scaled(line.quantity, 1000);
    const subtotal = mulDiv(milli, BigInt(line.unitPrice), 1000n);
    const own = mulDiv(subtotal, scaled(line.discountPercent, 100), 10000n);
    const share = mulDiv(subtotal - own, quoteBp, 10000n);
    const net = subtotal - own - share;
    const tax = mulDiv(net, scaled(line.taxRate ?? quote.taxRate, 100), 10000n);
    // A price below the list price is a discount too; above it is not a negative one.
    const list = line.listPrice === null ? subtotal : mulDiv(milli, BigInt(Math.max(line.listPrice, line.unitPrice)), 1000n);
    listBase += list;
    afterDiscounts += net;
    return { subtotal: Number(subtotal), discount: Number(own + share), tax: Number(tax), total: Number(net + tax) };
  });
  const sum = (key: keyof LineAmounts) => amounts.reduce((s, a) => s + a[key], 0);
  return {
    lines: amounts,
    subtotal: sum('subtotal'),
    discount: sum('discount'),
    tax: sum('tax'),
    total: sum('total'),
    effectiveDiscountPercent: listBase === 0n ? 0 : Number(mulDiv(listBase - afterDiscounts, 10000n, listBase)) / 100,
  };
}
