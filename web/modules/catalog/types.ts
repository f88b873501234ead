import type { PriceBookKind } from '../../../contracts/catalog';

/** A product's price in one price book (GET /products/{id}/prices; list prices on products). */
export interface ProductPrice {
  priceBookId: string;
  priceBookName: string;
  kind: PriceBookKind;
  currency: string;
  isDefault: boolean;
  active: boolean;
  /** Minor units of `currency`. */
  unitPrice: number;
}

export interface Product {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  categoryId: string | null;
  categoryName: string | null;
  unit: string | null;
  warrantyMonths: number | null;
  active: boolean;
  custom: Record<string, unknown>;
  listPrices: ProductPrice[];
  createdAt: string;
  updatedAt: string;
}

export interface ProductCategory {
  id: string;
  name: string;
  parentId: string | null;
  productCount: number;
}

export interface PriceBook {
  id: string;
  name: string;
  kind: PriceBookKind;
  currency: string;
  isDefault: boolean;
  active: boolean;
  description: string | null;
}

export interface PriceBookEntry {
  productId: string;
  productName: string;
  sku: string;
  unit: string | null;
  active: boolean;
  unitPrice: number;
}
