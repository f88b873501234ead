import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Page, errorResponses } from '../../platform/http/schemas.js';
import { claimRecords, listPoolEntries, poolHistory, quotaOf, releaseRecords } from './pool-claims.service.js';
import { myClaims } from './pool-rules.js';
import { createPool, deletePool, getPool, listPools, listRoleLimits, setRoleLimits, sizeOf, updatePool } from './pools.service.js';
import {
  ClaimBody,
  ClaimResultSchema,
  CreatePoolBody,
  HistoryQuery,
  MyClaimSchema,
  PoolEntriesQuery,
  PoolEntrySchema,
  PoolEventSchema,
  PoolSchema,
  QuotaSchema,
  ReleaseBody,
  ReleaseResultSchema,
  RoleLimitSchema,
  RoleLimitsBody,
  UpdatePoolBody,
} from './pools.schema.js';

const conflict = { 409: Type.Ref('Problem') };

/** The public pool (公海): pools and their rules, claiming, releasing, quotas, and each record's pool history. */
export const poolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['pools'];
  app.get('/pools', { schema: { tags, summary: 'The pools the caller may see and claim from', response: { 200: Type.Object({ data: Type.Array(PoolSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listPools(tx, ctx)),
  }));
  app.post('/pools', { schema: { tags, summary: 'Add a pool (sales.configure)', body: CreatePoolBody, response: { 201: PoolSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send({ ...(await asCaller(request, (tx, ctx) => createPool(tx, ctx, request.body))), size: 0 }),
  );
  app.get('/pools/quota', { schema: { tags, summary: 'What the caller holds from pools and claimed today, beside their role’s limits', response: { 200: QuotaSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => quotaOf(tx, ctx)),
  );
  app.get('/pools/limits', { schema: { tags, summary: 'Limits per role', response: { 200: Type.Object({ data: Type.Array(RoleLimitSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listRoleLimits(tx, ctx)),
  }));
  app.put('/pools/limits', { schema: { tags, summary: 'Set limits of roles (sales.configure; null: no limit)', body: RoleLimitsBody, response: { 200: Type.Object({ data: Type.Array(RoleLimitSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => setRoleLimits(tx, ctx, request.body.limits)),
  }));
  app.get('/pools/my-claims', { schema: { tags, summary: 'The caller’s claimed records, soonest return first', response: { 200: Type.Object({ data: Type.Array(MyClaimSchema) }), ...errorResponses } } }, async (request) => {
    const standings = await asCaller(request, (tx, ctx) => myClaims(tx, ctx));
    return {
      data: standings.map((s) => ({
        recordType: s.claim.recordType,
        recordId: s.claim.recordId,
        name: s.name,
        poolId: s.claim.poolId,
        poolName: s.poolName,
        claimedAt: s.claim.claimedAt,
        lastContactAt: s.lastContactAt,
        dueAt: s.dueAt,
        rule: s.rule,
        warned: s.dueAt !== null && s.claim.warnedFor?.getTime() === s.dueAt.getTime(),
      })),
    };
  });
  app.get('/pools/history', { schema: { tags, summary: 'A record’s pool history: claims, releases, returns and warnings, newest first', querystring: HistoryQuery, response: { 200: Type.Object({ data: Type.Array(PoolEventSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => poolHistory(tx, ctx, request.query.recordType, request.query.recordId)),
  }));
  app.post(
    '/pools/release',
    {
      schema: {
        tags,
        summary: 'Give records back to a pool, with a reason',
        description: 'By their owner, or whoever may change them. To the pool named, else the one they were claimed from, else the first pool of their type.',
        body: ReleaseBody,
        response: { 200: ReleaseResultSchema, ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => releaseRecords(tx, ctx, request.body)),
  );
  app.get('/pools/:id', { schema: { tags, summary: 'One pool', params: IdParams, response: { 200: PoolSchema, ...errorResponses } } }, (request) =>
    asCaller(request, async (tx, ctx) => ({ ...(await getPool(tx, ctx, request.params.id)), size: await sizeOf(tx, ctx, request.params.id) })),
  );
  app.patch('/pools/:id', { schema: { tags, summary: 'Change a pool’s name, members or rules (sales.configure)', params: IdParams, body: UpdatePoolBody, response: { 200: PoolSchema, ...errorResponses } } }, (request) =>
    asCaller(request, async (tx, ctx) => ({ ...(await updatePool(tx, ctx, request.params.id, request.body)), size: await sizeOf(tx, ctx, request.params.id) })),
  );
  app.delete('/pools/:id', { schema: { tags, summary: 'Remove an empty pool (sales.configure)', params: IdParams, response: { 204: Type.Null(), ...conflict, ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deletePool(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.get('/pools/:id/records', { schema: { tags, summary: 'Records waiting in a pool, newest arrivals first', params: IdParams, querystring: PoolEntriesQuery, response: { 200: Page(PoolEntrySchema), ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => listPoolEntries(tx, ctx, request.params.id, request.query)),
  );
  app.post(
    '/pools/:id/claim',
    {
      schema: {
        tags,
        summary: 'Claim records from a pool',
        description: 'Each record goes to one claimer. 409 POOL_LIMIT_HELD / POOL_LIMIT_DAILY over the role’s limits (nothing claimed); 409 POOL_RECORD_TAKEN or POOL_COOLDOWN when none could be claimed.',
        params: IdParams,
        body: ClaimBody,
        response: { 200: ClaimResultSchema, ...conflict, ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => claimRecords(tx, ctx, request.params.id, request.body.recordIds)),
  );
};
