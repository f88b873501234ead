// The analytics module's public surface: other modules import only from here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { runPeriodically } from '../../platform/jobs/periodic.js';
import { dashboardRoutes } from './dashboards.routes.js';
import { reportRoutes } from './reports.routes.js';
import { sendDueReports } from './reports.schedule.js';
import { valueRoutes } from './value.routes.js';
import './value.overview.js';
import './value.lists.js';

/** Analytics' API routes (under /api/v1): custom reports and dashboards. */
export const analyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(reportRoutes);
  await app.register(dashboardRoutes);
  await app.register(valueRoutes);
  // Scheduled report mails: due ones are claimed once and queued through the workspace's mail account.
  runPeriodically(app, 'scheduled reports', 60_000, () => sendDueReports({ database: app.database, jobs: app.jobs, publicUrl: app.config.publicUrl }));
};
export { registerDashboardTile, type BuiltinTile } from './dashboards.standard.js';
export { runReportDefinition, type LabelledResult } from './reports.service.js';
export type { ReportDefinition, ReportResult, ReportScope } from './reports.query.js';
export { registerChurnSignal, type ChurnSignal, type ChurnSignalSource } from './churn.js';
