import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, ListQuery, Page, errorResponses } from '../../platform/http/schemas.js';
import {
  CategorySchema,
  CreateCategoryBody,
  CreatePriceBookBody,
  EntryPageSchema,
  EntryParams,
  PriceBookSchema,
  UpdateCategoryBody,
  UpdatePriceBookBody,
  UpsertEntriesBody,
} from './catalog.schema.js';
import { createCategory, deleteCategory, getCategory, listCategories, updateCategory } from './categories.service.js';
import { createPriceBook, deletePriceBook, getPriceBook, listEntries, listPriceBooks, removeEntry, updatePriceBook, upsertEntries } from './price-books.service.js';

const noContent = { 204: Type.Null(), ...errorResponses };

export const priceBookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['price books'];
  app.get(
    '/price-books',
    { schema: { tags, summary: 'Price books', description: 'Filter: name, kind, currency, isDefault, active, createdAt. Sort: name (default), currency, createdAt.', querystring: ListQuery, response: { 200: Page(PriceBookSchema), ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => listPriceBooks(tx, ctx, request.query)),
  );
  app.post('/price-books', { schema: { tags, summary: 'Add a price book (catalog.manage)', description: "The first book of a currency becomes its default (list prices) unless `isDefault` says otherwise.", body: CreatePriceBookBody, response: { 201: PriceBookSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createPriceBook(tx, ctx, request.body))),
  );
  app.get('/price-books/:id', { schema: { tags, summary: 'One price book', params: IdParams, response: { 200: PriceBookSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getPriceBook(tx, ctx, request.params.id)),
  );
  app.patch('/price-books/:id', { schema: { tags, summary: 'Change a price book (catalog.manage)', description: 'Its currency can change only while it has no prices.', params: IdParams, body: UpdatePriceBookBody, response: { 200: PriceBookSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updatePriceBook(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/price-books/:id', { schema: { tags, summary: 'Delete a price book and its prices (catalog.manage)', params: IdParams, response: noContent } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deletePriceBook(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.get(
    '/price-books/:id/entries',
    { schema: { tags, summary: "The book's prices with product names", description: 'Filter: productName, sku, productId, unitPrice, updatedAt. Sort: productName (default), sku, unitPrice, updatedAt.', params: IdParams, querystring: ListQuery, response: { 200: EntryPageSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => listEntries(tx, ctx, request.params.id, request.query)),
  );
  app.put(
    '/price-books/:id/entries',
    { schema: { tags, summary: 'Set many prices of the book at once (catalog.manage)', description: 'Adds or changes each product’s price; products not listed keep theirs.', params: IdParams, body: UpsertEntriesBody, response: { 200: Type.Object({ changed: Type.Integer() }), ...errorResponses } } },
    async (request) => ({ changed: await asCaller(request, (tx, ctx) => upsertEntries(tx, ctx, request.params.id, request.body.entries)) }),
  );
  app.delete('/price-books/:id/entries/:productId', { schema: { tags, summary: "Remove a product's price from the book (catalog.manage)", params: EntryParams, response: noContent } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => removeEntry(tx, ctx, request.params.id, request.params.productId));
    return reply.status(204).send(null);
  });
};

export const categoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['product categories'];
  app.get('/product-categories', { schema: { tags, summary: 'Every product category (a tree by parentId), by name', response: { 200: Type.Object({ data: Type.Array(CategorySchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listCategories(tx, ctx)),
  }));
  app.post('/product-categories', { schema: { tags, summary: 'Add a category (catalog.manage)', body: CreateCategoryBody, response: { 201: CategorySchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send({ ...(await asCaller(request, (tx, ctx) => createCategory(tx, ctx, request.body))), productCount: 0 }),
  );
  app.get('/product-categories/:id', { schema: { tags, summary: 'One category', params: IdParams, response: { 200: CategorySchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getCategory(tx, ctx, request.params.id)),
  );
  app.patch('/product-categories/:id', { schema: { tags, summary: 'Rename or move a category (catalog.manage)', params: IdParams, body: UpdateCategoryBody, response: { 200: CategorySchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateCategory(tx, ctx, request.params.id, request.body)),
  );
  app.delete(
    '/product-categories/:id',
    { schema: { tags, summary: 'Delete a category (catalog.manage)', description: 'Its products stay, without a category; a category with sub-categories is refused (409).', params: IdParams, response: { ...noContent, 409: Type.Ref('Problem') } } },
    async (request, reply) => {
      await asCaller(request, (tx, ctx) => deleteCategory(tx, ctx, request.params.id));
      return reply.status(204).send(null);
    },
  );
};
