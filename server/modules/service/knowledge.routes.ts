import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Page, errorResponses } from '../../platform/http/schemas.js';
import { createCategory, deleteCategory, listCategories, updateCategory } from './knowledge-categories.service.js';
import { searchArticles, suggestArticles } from './knowledge-search.service.js';
import {
  ArticleHitSchema,
  ArticleListItem,
  ArticleListQuery,
  ArticleSchema,
  CategorySchema,
  CreateArticleBody,
  CreateCategoryBody,
  SearchQuery,
  SuggestQuery,
  UpdateArticleBody,
  UpdateCategoryBody,
  RestoreBody,
  VersionSchema,
  VoteBody,
} from './knowledge.schema.js';
import { countView, createArticle, deleteArticle, getArticle, listArticles, listVersions, restoreVersion, setArticleStatus, updateArticle, voteOnArticle } from './knowledge.service.js';

const tags = ['knowledge'];
const conflict = { 409: Type.Ref('Problem') };

/** The knowledge base: categories, articles in three languages with versions, search and suggestions. */
export const knowledgeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/knowledge/categories', { schema: { tags, summary: 'Knowledge-base categories (a tree by parentId)', response: { 200: Type.Object({ data: Type.Array(CategorySchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listCategories(tx, ctx)),
  }));
  app.post('/knowledge/categories', { schema: { tags, summary: 'Add a category (knowledge.write)', body: CreateCategoryBody, response: { 201: CategorySchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send({ ...(await asCaller(request, (tx, ctx) => createCategory(tx, ctx, request.body))), articles: 0 }),
  );
  app.patch('/knowledge/categories/:id', { schema: { tags, summary: 'Rename or move a category (knowledge.write)', description: 'A parent inside its own subtree is a 400 on `parentId`.', params: IdParams, body: UpdateCategoryBody, response: { 200: CategorySchema, ...errorResponses } } }, async (request) =>
    asCaller(request, async (tx, ctx) => {
      const row = await updateCategory(tx, ctx, request.params.id, request.body);
      return (await listCategories(tx, ctx)).find((c) => c.id === row.id)!;
    }),
  );
  app.delete('/knowledge/categories/:id', { schema: { tags, summary: 'Delete an empty category (knowledge.write)', description: 'One with sub-categories or articles is a 409 KB_CATEGORY_NOT_EMPTY.', params: IdParams, response: { 204: Type.Null(), ...errorResponses, ...conflict } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteCategory(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });

  app.get('/knowledge/articles', { schema: { tags, summary: 'Articles, newest change first', description: 'Drafts only for those who write (knowledge.write).', querystring: ArticleListQuery, response: { 200: Page(ArticleListItem), ...errorResponses } } }, (request) => {
    const { language, ...params } = request.query;
    return asCaller(request, (tx, ctx) => listArticles(tx, ctx, params, language ?? ctx.locale));
  });
  app.post('/knowledge/articles', { schema: { tags, summary: 'Write a draft article (knowledge.write)', body: CreateArticleBody, response: { 201: ArticleSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createArticle(tx, ctx, request.body))),
  );
  app.get('/knowledge/articles/:id', { schema: { tags, summary: 'One article with all its translations', params: IdParams, response: { 200: ArticleSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getArticle(tx, ctx, request.params.id)),
  );
  app.patch(
    '/knowledge/articles/:id',
    { schema: { tags, summary: 'Change an article', description: 'Drafts: knowledge.write. A published article (knowledge.publish) changes live and its new text is kept as the next version.', params: IdParams, body: UpdateArticleBody, response: { 200: ArticleSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => updateArticle(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/knowledge/articles/:id', { schema: { tags, summary: 'Delete an article with its versions (knowledge.publish)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteArticle(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.post('/knowledge/articles/:id/publish', { schema: { tags, summary: 'Publish an article (knowledge.publish)', description: 'Its text is kept as a new version.', params: IdParams, response: { 200: ArticleSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => setArticleStatus(tx, ctx, request.params.id, 'published')),
  );
  app.post('/knowledge/articles/:id/unpublish', { schema: { tags, summary: 'Back to draft (knowledge.publish)', params: IdParams, response: { 200: ArticleSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => setArticleStatus(tx, ctx, request.params.id, 'draft')),
  );
  app.get('/knowledge/articles/:id/versions', { schema: { tags, summary: "An article's kept versions with their text, newest first", params: IdParams, response: { 200: Type.Object({ data: Type.Array(VersionSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listVersions(tx, ctx, request.params.id)),
  }));
  app.post(
    '/knowledge/articles/:id/restore',
    { schema: { tags, summary: 'Make a kept version the current text', description: 'An edit like any other: a published article keeps the result as a new version.', params: IdParams, body: RestoreBody, response: { 200: ArticleSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => restoreVersion(tx, ctx, request.params.id, request.body.version)),
  );
  app.post('/knowledge/articles/:id/votes', { schema: { tags, summary: 'Was this helpful? (one answer per member, changeable)', params: IdParams, body: VoteBody, response: { 200: ArticleSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => voteOnArticle(tx, ctx, request.params.id, request.body.helpful)),
  );
  app.post('/knowledge/articles/:id/views', { schema: { tags, summary: 'Count a reading of a published article', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, async (tx, ctx) => {
      await getArticle(tx, ctx, request.params.id);
      await countView(tx, ctx.workspaceId, request.params.id);
    });
    return reply.status(204).send(null);
  });

  app.get(
    '/knowledge/search',
    { schema: { tags, summary: 'Full-text search of published articles', description: 'Chinese by character bigrams, Latin by words; titles weigh more than bodies; results carry highlight ranges. An empty query finds nothing.', querystring: SearchQuery, response: { 200: Type.Object({ data: Type.Array(ArticleHitSchema) }), ...errorResponses } } },
    async (request) => {
      const { q, ...options } = request.query;
      return { data: await asCaller(request, (tx, ctx) => searchArticles(tx, ctx, q, options)) };
    },
  );
  app.get(
    '/knowledge/suggest',
    { schema: { tags, summary: 'Published articles that may answer a case', description: 'From its subject and description (long text welcome).', querystring: SuggestQuery, response: { 200: Type.Object({ data: Type.Array(ArticleHitSchema) }), ...errorResponses } } },
    async (request) => ({ data: await asCaller(request, (tx, ctx) => suggestArticles(tx, ctx, request.query.text, request.query.limit)) }),
  );
};
