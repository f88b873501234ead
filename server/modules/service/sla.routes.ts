import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CASE_CHANNELS, CASE_PRIORITIES } from '../../../contracts/service.js';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Nullable, StringEnum, Timestamp, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { getCase } from './cases.service.js';
import { SLA_METRICS } from './sla.clocks.js';
import { ATTAINMENT_GROUPS, createSlaPolicy, deleteSlaPolicy, listSlaPolicies, refreshCaseSla, slaAttainment, updateSlaPolicy } from './sla.service.js';

/** Business minutes; a year at most (a longer target is a typo, not a service level). */
const Minutes = Nullable(Type.Integer({ minimum: 1, maximum: 525_600, description: 'Business minutes; null: not timed' }));
const Targets = Type.Object({ first_response: Minutes, next_response: Minutes, resolution: Minutes }, { additionalProperties: false });
const TargetsByPriority = Type.Object(Object.fromEntries(CASE_PRIORITIES.map((p) => [p, Targets])) as Record<(typeof CASE_PRIORITIES)[number], typeof Targets>, { additionalProperties: false });
const Conditions = Type.Object(
  {
    priorities: Type.Optional(Type.Array(StringEnum(CASE_PRIORITIES), { maxItems: 4, uniqueItems: true })),
    tiers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20, uniqueItems: true })),
    typeIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
    channels: Type.Optional(Type.Array(StringEnum(CASE_CHANNELS), { maxItems: CASE_CHANNELS.length, uniqueItems: true })),
  },
  { additionalProperties: false },
);
const Escalation = Type.Object({ notifyAssignee: Type.Boolean(), notifyManagers: Type.Boolean(), raisePriority: Type.Boolean() }, { additionalProperties: false });
const policyFields = {
  name: Type.String({ minLength: 1, maxLength: 120 }),
  position: Type.Integer({ minimum: 0, maximum: 10_000 }),
  active: Type.Boolean(),
  conditions: Conditions,
  targets: TargetsByPriority,
  businessHours: Type.Boolean({ description: 'true: the workspace business calendar; false: around the clock' }),
  warnBeforeMinutes: Type.Integer({ minimum: 0, maximum: 10_080, description: 'Warn the assignee this long (wall-clock minutes) before a breach; 0: never' }),
  escalation: Escalation,
};
const { name, targets, ...optional } = policyFields;
const CreatePolicyBody = Type.Composite([Type.Object({ name, targets }), Type.Partial(Type.Object(optional))], { additionalProperties: false });
const UpdatePolicyBody = Type.Partial(Type.Object(policyFields), { additionalProperties: false });
const PolicySchema = Type.Object({ id: Uuid, ...policyFields, createdAt: Timestamp, updatedAt: Timestamp });

const ClockSchema = Type.Object({
  metric: StringEnum(SLA_METRICS),
  cycle: Type.Integer(),
  policyId: Uuid,
  targetMinutes: Type.Integer(),
  startedAt: Timestamp,
  dueAt: Timestamp,
  stoppedAt: Nullable(Timestamp),
  paused: Type.Boolean(),
  elapsedMinutes: Type.Integer(),
  breached: Type.Boolean(),
  warnedAt: Nullable(Timestamp),
  escalatedAt: Nullable(Timestamp),
});
const AttainmentQuery = Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }), groupBy: StringEnum(ATTAINMENT_GROUPS, { default: 'metric' }) }, { additionalProperties: false });
const AttainmentSchema = Type.Object({
  key: Nullable(Type.String()),
  metric: StringEnum(SLA_METRICS),
  total: Type.Integer(),
  met: Type.Integer(),
  breached: Type.Integer(),
  open: Type.Integer(),
  attainment: Nullable(Type.Number()),
  averageMinutes: Nullable(Type.Integer()),
});

/** SLA policies, a case's clocks and the attainment report. */
export const slaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['sla'];
  app.get('/sla-policies', { schema: { tags, summary: 'SLA policies, first match first', response: { 200: Type.Object({ data: Type.Array(PolicySchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listSlaPolicies(tx, ctx)),
  }));
  app.post('/sla-policies', { schema: { tags, summary: 'Add an SLA policy', body: CreatePolicyBody, response: { 201: PolicySchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createSlaPolicy(tx, ctx, request.body))),
  );
  app.patch('/sla-policies/:id', { schema: { tags, summary: 'Change an SLA policy (cases take it on as their clocks are next computed)', params: IdParams, body: UpdatePolicyBody, response: { 200: PolicySchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateSlaPolicy(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/sla-policies/:id', { schema: { tags, summary: 'Remove an SLA policy', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteSlaPolicy(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.get('/cases/:id/sla', { schema: { tags: ['cases', ...tags], summary: 'A case’s SLA clocks, computed now', params: IdParams, response: { 200: Type.Object({ data: Type.Array(ClockSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, async (tx, ctx) => {
      await getCase(tx, ctx, request.params.id);
      return refreshCaseSla(tx, ctx, request.params.id);
    }),
  }));
  app.get('/sla/attainment', { schema: { tags, summary: 'Met and breached clocks started in a period, per metric and group', querystring: AttainmentQuery, response: { 200: Type.Object({ data: Type.Array(AttainmentSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => slaAttainment(tx, ctx, { from: new Date(request.query.from), to: new Date(request.query.to), groupBy: request.query.groupBy })),
  }));
};
