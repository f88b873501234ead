import type { OrderStatus } from '../../../../contracts/orders';

export interface OrderLine {
  position: number;
  productId: string;
  sku: string;
  name: string;
  /** Decimal text; negative on a return. */
  quantity: string;
  unitPrice: number;
  listPrice: number | null;
  discountPercent: string;
  taxRate: string;
  tax: number;
  total: number;
  warrantyEndsOn: string | null;
}

export interface Order {
  id: string;
  number: string;
  accountId: string | null;
  contactId: string | null;
  opportunityId: string | null;
  quoteId: string | null;
  ownerId: string | null;
  status: OrderStatus;
  orderedAt: string;
  orderDate: string;
  confirmedAt: string | null;
  fulfilledAt: string | null;
  cancelledAt: string | null;
  currency: string;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  externalRef: string | null;
  notes: string | null;
  custom: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  [key: string]: unknown;
}

/** An order in a list: `name` is its number (the title generic lists show). */
export type ListedOrder = Order & { name: string; customerName: string | null };
export type OrderWithLines = Order & { lines: OrderLine[] };

export interface OwnedProduct {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  firstPurchasedOn: string;
  lastPurchasedOn: string;
  warrantyEndsOn: string | null;
}
