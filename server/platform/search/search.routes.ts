import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../http/route-context.js';
import { runPeriodically } from '../jobs/periodic.js';
import { refreshSearchKeyStats } from './key-stats.js';
import { Nullable, Uuid, errorResponses } from '../http/schemas.js';
import { searchEverything, type SearchProvider } from './search.service.js';

const SearchQuerySchema = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 100, description: 'Name, pinyin (full or initials), company, e-mail or phone in any written form.' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);

const SearchHitSchema = Type.Object({
  type: Type.String({ description: 'Record type: contact, …' }),
  id: Uuid,
  title: Type.String(),
  subtitle: Nullable(Type.String()),
  score: Type.Number(),
});

/** The global search box: one query across every object whose module registered a provider. */
export function searchRoutes(providers: SearchProvider[]): FastifyPluginAsyncTypebox {
  return async (app) => {
    runPeriodically(app, 'search key counts', 3_600_000, () => refreshSearchKeyStats(app.database, providers));
    app.get(
      '/search',
      { schema: { tags: ['search'], summary: 'Search across records', querystring: SearchQuerySchema, response: { 200: Type.Object({ data: Type.Array(SearchHitSchema) }), ...errorResponses } } },
      async (request) => ({
        data: await asCaller(request, (tx, ctx) => searchEverything(tx, ctx, providers, request.query.q, request.query.limit ?? 20)),
      }),
    );
  };
}
