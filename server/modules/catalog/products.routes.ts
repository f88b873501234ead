import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../platform/errors/app-error.js';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, ListQuery, Page, errorResponses } from '../../platform/http/schemas.js';
import { ImportFileError, readImportFile } from '../customers/index.js';
import { CreateProductBody, DeletedProductSchema, ImportProductsBody, ImportResultSchema, ProductPricesSchema, ProductSchema, UpdateProductBody } from './catalog.schema.js';
import { pricesOfProducts } from './price-books.service.js';
import { presentProduct, presentProducts } from './products.presenter.js';
import { importProducts } from './products-import.service.js';
import { createProduct, deleteProduct, getProduct, listProducts, restoreProduct, updateProduct } from './products.service.js';

const tags = ['products'];
const conflict = { 409: Type.Ref('Problem') };

export const productRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/products',
    {
      schema: {
        tags,
        summary: 'Products of the catalog',
        description: 'Filter: name, sku, categoryId, unit, warrantyMonths, active, createdAt, updatedAt, custom.<key>. Sort: name (default), sku, createdAt, updatedAt.',
        querystring: ListQuery,
        response: { 200: Page(ProductSchema), ...errorResponses },
      },
    },
    (request) =>
      asCaller(request, async (tx, ctx) => {
        const page = await listProducts(tx, ctx, request.query);
        return { ...page, data: await presentProducts(tx, ctx, page.data) };
      }),
  );
  app.get(
    '/products/recycle-bin',
    { schema: { tags, summary: 'Deleted products that can be restored', querystring: ListQuery, response: { 200: Page(DeletedProductSchema), ...errorResponses } } },
    (request) =>
      asCaller(request, async (tx, ctx) => {
        const page = await listProducts(tx, ctx, request.query, true);
        return { ...page, data: await presentProducts(tx, ctx, page.data) };
      }),
  );
  app.post(
    '/products',
    { schema: { tags, summary: 'Add a product (catalog.manage)', description: 'A SKU another live product has (compared without case) is a 409 naming `sku`.', body: CreateProductBody, response: { 201: ProductSchema, ...errorResponses, ...conflict } } },
    async (request, reply) => reply.status(201).send(await asCaller(request, async (tx, ctx) => presentProduct(tx, ctx, await createProduct(tx, ctx, request.body)))),
  );
  app.post(
    '/products/import',
    {
      bodyLimit: app.config.IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import products from a CSV or XLSX file (catalog.manage)',
        description: 'Columns are recognized by header (name/product, sku, category/series, price/sales_price, unit, description, warranty). Rows update the product of the same SKU (or name, without a SKU column); prices go into the default price book of `currency`. See docs/catalog.md.',
        body: ImportProductsBody,
        response: { 200: ImportResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      let file;
      try {
        file = await readImportFile(Buffer.from(request.body.content, 'base64'), request.body.encoding);
      } catch (err) {
        if (err instanceof ImportFileError) throw new AppError('VALIDATION_FAILED', 400, {}, [{ field: 'content', code: 'invalid', params: { reason: err.message } }]);
        throw err;
      }
      return asCaller(request, (tx, ctx) => importProducts(tx, ctx, file, request.body.currency));
    },
  );
  app.get('/products/:id', { schema: { tags, summary: 'One product with its list prices', params: IdParams, response: { 200: ProductSchema, ...errorResponses } } }, (request) =>
    asCaller(request, async (tx, ctx) => presentProduct(tx, ctx, await getProduct(tx, ctx, request.params.id))),
  );
  app.get(
    '/products/:id/prices',
    { schema: { tags, summary: "The product's price in every price book, default books first", params: IdParams, response: { 200: ProductPricesSchema, ...errorResponses } } },
    (request) =>
      asCaller(request, async (tx, ctx) => {
        const product = await getProduct(tx, ctx, request.params.id);
        return { data: (await pricesOfProducts(tx, ctx, [product.id])).get(product.id) ?? [] };
      }),
  );
  app.patch(
    '/products/:id',
    { schema: { tags, summary: 'Change a product or its list prices (catalog.manage)', params: IdParams, body: UpdateProductBody, response: { 200: ProductSchema, ...errorResponses, ...conflict } } },
    (request) => asCaller(request, async (tx, ctx) => presentProduct(tx, ctx, await updateProduct(tx, ctx, request.params.id, request.body))),
  );
  app.delete('/products/:id', { schema: { tags, summary: 'Move a product to the recycle bin (catalog.manage)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteProduct(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.post(
    '/products/:id/restore',
    { schema: { tags, summary: 'Restore a product from the recycle bin (catalog.manage)', params: IdParams, response: { 200: ProductSchema, ...errorResponses, ...conflict } } },
    (request) => asCaller(request, async (tx, ctx) => presentProduct(tx, ctx, await restoreProduct(tx, ctx, request.params.id))),
  );
};
