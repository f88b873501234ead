import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { registerAuthentication } from './platform/auth/authenticate.js';
import { Realtime } from './platform/realtime/realtime.js';
import { Secrets } from './platform/secrets/secrets.js';
import { realtimeRoutes } from './platform/realtime/realtime.routes.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { apiKeyRoutes } from './platform/auth/api-keys.routes.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { registerErrorHandling } from './platform/errors/error-handler.js';
import { Problem } from './platform/http/schemas.js';
import { validatorCompiler } from './platform/http/validation.js';
import { JobQueue } from './platform/jobs/queue.js';
import { jobRoutes } from './platform/jobs/jobs.routes.js';
import { tenancyRoutes } from './platform/tenancy/tenancy.routes.js';
import { accountSearchProvider, contactSearchProvider, customerRoutes } from './modules/customers/index.js';
import { interactionsRoutes } from './modules/interactions/index.js';
import { formPageRoutes, marketingRoutes } from './modules/marketing/index.js';
import { calendarRoutes } from './modules/calendar/index.js';
import { salesRoutes } from './modules/sales/index.js';
import { catalogRoutes, productSearchProvider } from './modules/catalog/index.js';
import { analyticsRoutes } from './modules/analytics/index.js';
import { caseSearchProvider, serviceRoutes } from './modules/service/index.js';
import { registerInboundEmail } from './integrations/email/index.js';
import { fileRoutes } from './platform/files/files.routes.js';
import { webhookRoutes } from './platform/webhooks/webhooks.routes.js';
import { searchRoutes } from './platform/search/search.routes.js';
import { viewRoutes } from './platform/views/views.routes.js';
import { customFieldRoutes } from './platform/custom-fields/custom-fields.routes.js';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

/** Every module's routes, mounted under /api/v1, and its search provider. A new module adds both here. */
export const searchProviders = [contactSearchProvider, accountSearchProvider, productSearchProvider, caseSearchProvider];
const apiPlugins = [authRoutes, tenancyRoutes, apiKeyRoutes, auditRoutes, jobRoutes, searchRoutes(searchProviders), viewRoutes, customFieldRoutes, realtimeRoutes, fileRoutes, webhookRoutes, customerRoutes, interactionsRoutes, calendarRoutes, marketingRoutes, salesRoutes, catalogRoutes, analyticsRoutes, serviceRoutes];

export interface AppOptions {
  config: Config;
  database: Database;
  /** Logger setting; tests pass false. */
  logger?: boolean | object;
}

/** Builds the HTTP app with every module registered; does not listen or start workers. */
export async function buildApp({ config, database, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON only: anything else is a 415, not a string handed to a JSON schema.
  app.removeContentTypeParser('text/plain');
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('jobs', new JobQueue(database, app.log));
  const realtime = new Realtime(app.log, database.kind === 'postgres' ? config.DATABASE_URL : undefined);
  app.decorate('realtime', realtime);
  app.decorate('secrets', new Secrets({ secret: config.GUANXI_SECRET, dataDir: config.dataDir }));
  app.addHook('onReady', () => realtime.start());
  app.addHook('onClose', () => realtime.stop());
  app.addSchema(Problem);

  let shuttingDown = false;
  app.addHook('onClose', async () => {
    shuttingDown = true;
  });

  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  registerErrorHandling(app, hasWeb ? fs.readFileSync(path.join(webDist, 'index.html'), 'utf8') : null);
  await app.register(cookie);
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(websocket);
  registerAuthentication(app, database);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Guanxi CRM API', version: '1', description: 'Conventions: docs/api.md — errors are RFC 9457 problem+json.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'guanxi_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'gx_… key from Settings → API keys' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    if (shuttingDown) return reply.status(503).send({ status: 'shutting down' });
    await database.raw.query('select 1');
    return { status: 'ready', database: database.kind };
  });

  await app.register(
    async (api) => {
      for (const plugin of apiPlugins) await api.register(plugin);
    },
    { prefix: '/api/v1' },
  );

  registerInboundEmail(app);
  await app.register(formPageRoutes);
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  return app;
}
