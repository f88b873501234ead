import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { IdParams, Nullable, StringEnum, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { stageFunnel, winLoss, WIN_LOSS_DIMENSIONS } from './analysis.service.js';
import { forecast, forecastHistory, FORECAST_GROUPS, listQuotas, setQuotas } from './forecast.service.js';
import { localDate } from './opportunities.service.js';

/** A period defaulting to the twelve months up to today (in the workspace's time zone). */
function lastYearUnlessGiven(query: { from?: string; to?: string }, timeZone: string): { from: string; to: string } {
  const to = query.to ?? localDate(new Date(), timeZone);
  const yearBefore = new Date(`${to}T00:00:00Z`);
  yearBefore.setUTCFullYear(yearBefore.getUTCFullYear() - 1);
  yearBefore.setUTCDate(yearBefore.getUTCDate() + 1);
  return { from: query.from ?? yearBefore.toISOString().slice(0, 10), to };
}

const Day = Type.String({ format: 'date', description: 'A calendar day: 2026-12-31.' });
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'A month: 2026-11.' });
const Currency = Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'Amounts in this currency (the workspace’s by default); deals in others are not summed.' }));
const Money = Type.Number({ description: 'Minor units.' });

const WinLossRow = Type.Object({
  key: Nullable(Type.String()),
  won: Type.Integer(),
  lost: Type.Integer(),
  winRate: Nullable(Type.Number()),
  wonAmount: Money,
  lostAmount: Money,
  averageDealSize: Nullable(Money),
  averageCycleDays: Nullable(Type.Number()),
});

const ForecastRow = Type.Object({
  period: Type.String(),
  key: Nullable(Type.String()),
  closed: Money,
  commit: Money,
  bestCase: Money,
  pipeline: Money,
  weighted: Money,
  openDeals: Type.Integer(),
  quota: Nullable(Money),
  attainment: Nullable(Type.Number()),
  coverage: Nullable(Type.Number()),
  coverageLow: Type.Boolean(),
});

const QuotaInput = Type.Object(
  { subjectType: StringEnum(['user', 'team'] as const), subjectId: Uuid, month: Month, amount: Nullable(Type.Integer({ minimum: 0, maximum: 1e15 })), currency: Currency },
  { additionalProperties: false },
);

/** Win/loss analysis, the stage funnel with time in stage, forecast against quotas and its weekly history. */
export const analysisRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['sales analysis'];
  app.get(
    '/sales/win-loss',
    {
      schema: {
        tags,
        summary: 'Win rate, deal size and sales cycle of deals closed in a period, by one dimension',
        querystring: Type.Object(
          { from: Day, to: Day, by: StringEnum(WIN_LOSS_DIMENSIONS, { description: WIN_LOSS_DIMENSIONS.join(', ') }), currency: Currency, pipelineId: Type.Optional(Uuid) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ currency: Type.String(), total: WinLossRow, rows: Type.Array(WinLossRow) }), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => winLoss(tx, ctx, request.query)),
  );
  app.get(
    '/pipelines/:id/funnel',
    {
      schema: {
        tags,
        summary: 'Stage-to-stage conversion of deals created in a period, and time spent in each stage',
        params: IdParams,
        querystring: Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }, { additionalProperties: false, description: 'Deals created from … to (inclusive); the last twelve months by default.' }),
        response: {
          200: Type.Object({
            won: Type.Integer(),
            lost: Type.Integer(),
            stages: Type.Array(
              Type.Object({
                stageId: Uuid,
                key: Nullable(Type.String()),
                name: Nullable(Type.String()),
                reached: Type.Integer(),
                conversion: Nullable(Type.Number()),
                averageSeconds: Nullable(Type.Integer()),
                medianSeconds: Nullable(Type.Integer()),
                current: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => asCaller(request, (tx, ctx) => stageFunnel(tx, ctx, request.params.id, lastYearUnlessGiven(request.query, ctx.timeZone))),
  );
  app.get(
    '/sales/forecast',
    {
      schema: {
        tags,
        summary: 'Forecast by period and owner, team or region, with quota, attainment and pipeline coverage',
        querystring: Type.Object(
          { from: Month, to: Month, interval: Type.Optional(StringEnum(['month', 'quarter'] as const, { default: 'month' })), by: Type.Optional(StringEnum(FORECAST_GROUPS, { default: 'all' })), currency: Currency },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ currency: Type.String(), coverageTarget: Type.Number(), rows: Type.Array(ForecastRow) }), ...errorResponses },
      },
    },
    async (request) => {
      const result = await asCaller(request, (tx, ctx) => forecast(tx, ctx, { interval: 'month', by: 'all', ...request.query }));
      return { ...result, coverageTarget: 3 };
    },
  );
  app.get(
    '/sales/forecast/history',
    {
      schema: {
        tags,
        summary: 'How the forecast for some months moved, one point per weekly snapshot',
        querystring: Type.Object({ from: Month, to: Month, currency: Currency, ownerId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            currency: Type.String(),
            points: Type.Array(Type.Object({ takenOn: Type.String(), closed: Money, commit: Money, bestCase: Money, pipeline: Money, weighted: Money })),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => asCaller(request, (tx, ctx) => forecastHistory(tx, ctx, request.query)),
  );
  app.get(
    '/sales/quotas',
    {
      schema: {
        tags,
        summary: 'Monthly quotas of members and teams',
        querystring: Type.Object({ from: Month, to: Month }, { additionalProperties: false }),
        response: {
          200: Type.Object({ data: Type.Array(Type.Object({ id: Uuid, subjectType: Type.String(), subjectId: Uuid, month: Type.String(), amount: Money, currency: Type.String() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ data: await asCaller(request, (tx, ctx) => listQuotas(tx, ctx, request.query)) }),
  );
  app.put(
    '/sales/quotas',
    {
      schema: {
        tags,
        summary: 'Set monthly quotas (managers and admins); a null amount removes one',
        body: Type.Object({ quotas: Type.Array(QuotaInput, { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ saved: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => ({ saved: await asCaller(request, (tx, ctx) => setQuotas(tx, ctx, request.body.quotas)) }),
  );
};
