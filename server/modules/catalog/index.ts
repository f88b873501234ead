// The catalog module's public surface: other modules import only from here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { registerCustomizableObject } from '../../platform/custom-fields/custom-fields.service.js';
import { registerViewableList } from '../../platform/views/views.service.js';
import { products } from './catalog.tables.js';
import { categoryRoutes, priceBookRoutes } from './price-books.routes.js';
import { productRoutes } from './products.routes.js';
import { productListSpec, PRODUCTS } from './products.service.js';

registerCustomizableObject(PRODUCTS);
registerViewableList(PRODUCTS, productListSpec, products.custom);

/** The catalog's API routes (under /api/v1): products, product categories, price books and their prices. */
export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(productRoutes);
  await app.register(categoryRoutes);
  await app.register(priceBookRoutes);
};
export { productSearchProvider } from './products.search.js';
export { getProduct, listProducts, productsByIds, productsBySkus, productsByNames, type Product } from './products.service.js';
export { createProduct, createProducts } from './products.service.js';
export { priceOf, pricesOfProducts, defaultBookOf, getPriceBook, type PriceBook, type ProductPrice } from './price-books.service.js';
export { priceLineItems, type LineItemProductInput, type PricedLineItem } from './line-items.service.js';
export { assertCategory } from './categories.service.js';
export { isCurrency, currencyDigits, MAX_UNIT_PRICE } from '../../../contracts/catalog.js';
