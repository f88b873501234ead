import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { Nullable, StringEnum, errorResponses } from '../../platform/http/schemas.js';
import { SLA_METRICS } from './sla.clocks.js';
import { AGE_BUCKETS, REPORT_INTERVALS, serviceReport } from './reports.service.js';

const Minutes = Nullable(Type.Integer({ description: 'Minutes; null: none to measure' }));
const Count = Type.Integer({ minimum: 0 });
const KeyCount = Type.Object({ key: Nullable(Type.String()), count: Count });
const Attainment = Type.Object({
  key: Nullable(Type.String()),
  metric: StringEnum(SLA_METRICS),
  total: Count,
  met: Count,
  breached: Count,
  open: Count,
  attainment: Nullable(Type.Number()),
  averageMinutes: Nullable(Type.Integer()),
});
const Satisfaction = Type.Object({ key: Nullable(Type.String()), sent: Count, answered: Count, csat: Nullable(Type.Number()), nps: Nullable(Type.Integer()) });
const ReportSchema = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  interval: StringEnum(REPORT_INTERVALS),
  volume: Type.Object({ type: Type.Array(KeyCount), channel: Type.Array(KeyCount), product: Type.Array(KeyCount) }),
  series: Type.Array(Type.Object({ period: Type.String({ format: 'date', description: 'First day of the interval' }), created: Count, backlog: Nullable(Count) })),
  backlogByAge: Type.Array(Type.Object({ bucket: StringEnum(AGE_BUCKETS), count: Count })),
  backlogNow: Count,
  times: Type.Array(
    Type.Object({
      dimension: StringEnum(['all', 'channel', 'type'] as const),
      key: Nullable(Type.String()),
      cases: Count,
      responded: Count,
      resolved: Count,
      firstResponseMedian: Minutes,
      firstResponseP90: Minutes,
      resolutionMedian: Minutes,
      resolutionP90: Minutes,
      firstResponseBusinessMedian: Minutes,
      firstResponseBusinessP90: Minutes,
      resolutionBusinessMedian: Minutes,
      resolutionBusinessP90: Minutes,
    }),
  ),
  sla: Type.Array(Attainment),
  slaByAgent: Type.Array(Attainment),
  satisfaction: Type.Object({ agent: Type.Array(Satisfaction), station: Type.Array(Satisfaction), product: Type.Array(Satisfaction) }),
  labels: Type.Record(Type.String(), Type.String(), { description: 'Display names of the ids in the report' }),
});
const ReportQuery = Type.Object(
  {
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    groupBy: StringEnum(REPORT_INTERVALS, { default: 'week', description: 'Interval of the series: day, ISO week or month in the caller’s time zone' }),
  },
  { additionalProperties: false },
);

/** The service reports: volume, durations, backlog, SLA and satisfaction of a period. */
export const serviceReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/service/reports',
    { schema: { tags: ['service reports'], summary: 'Cases of a period by type, channel and product; first-response and resolution times; backlog; SLA; satisfaction', querystring: ReportQuery, response: { 200: ReportSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => serviceReport(tx, ctx, { from: new Date(request.query.from), to: new Date(request.query.to), interval: request.query.groupBy })),
  );
};
