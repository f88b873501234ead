// The service module's public surface: other modules import only from here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { registerCustomizableObject } from '../../platform/custom-fields/custom-fields.service.js';
import { registerLinkableRecord } from '../../platform/records/linkable.js';
import { registerViewableList } from '../../platform/views/views.service.js';
import { onInboundEmail } from '../interactions/index.js';
import { registerChurnSignal } from '../analytics/index.js';
import { serviceChurnSignals } from './churn-signals.js';
import { caseRoutes, serviceConfigRoutes } from './cases.routes.js';
import { businessCalendarRoutes } from './business-calendar.routes.js';
import { knowledgeRoutes } from './knowledge.routes.js';
import { caseListSpec, getCase, onCaseChanged } from './cases.service.js';
import { cases } from './cases.tables.js';
import { supportMailHandler } from './case-email.service.js';
import { slaRoutes } from './sla.routes.js';
import { reminderRoutes } from './reminders.routes.js';
import { sweepReminders } from './reminders.service.js';
import { serviceReportRoutes } from './reports.routes.js';
import { refreshCaseSla } from './sla.service.js';
import { sweepSlaClocks } from './sla.sweep.js';
import { publicSurveyRoutes, surveyRoutes } from './surveys.routes.js';
import { followUpResolution, sendDueSurveys } from './surveys.service.js';
import { runPeriodically } from '../../platform/jobs/periodic.js';
import { stationRoutes } from './stations.routes.js';
import { workOrderRoutes } from './work-orders.routes.js';
import { portalPublicRoutes, portalStaffRoutes } from './portal.routes.js';
import './overview.js';
import './reports.tiles.js';

registerCustomizableObject('cases');
registerViewableList('cases', caseListSpec, cases.custom);
registerLinkableRecord('case', {
  titleOf: async (tx, ctx, id) => (await getCase(tx, ctx, id)).subject,
  // Replies and notes on a case also show on its contact's and account's timelines.
  rollUp: async (tx, ctx, id) => {
    const row = await getCase(tx, ctx, id);
    return [...(row.contactId ? [{ type: 'contact', id: row.contactId }] : []), ...(row.accountId ? [{ type: 'account', id: row.accountId }] : [])];
  },
});
onInboundEmail(supportMailHandler);
onCaseChanged(refreshCaseSla);
onCaseChanged(followUpResolution);
registerChurnSignal('service', serviceChurnSignals);

/** Service's API routes (under /api/v1): cases, their conversation, queues, routing rules, agents. */
export const serviceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(serviceConfigRoutes);
  await app.register(caseRoutes);
  await app.register(slaRoutes);
  await app.register(surveyRoutes);
  await app.register(publicSurveyRoutes);
  runPeriodically(app, 'satisfaction surveys', 60_000, () => sendDueSurveys({ database: app.database, jobs: app.jobs, publicUrl: app.config.publicUrl }));
  // SLA warnings and breaches: a minute late at most.
  runPeriodically(app, 'sla clocks', 60_000, () => sweepSlaClocks(app.database, (message) => app.realtime.publish(message)));
  await app.register(reminderRoutes);
  await app.register(serviceReportRoutes);
  // Windows are whole days where each workspace is; looking hourly sees each workspace's new day within the hour (firing is once per rule and subject whatever the frequency).
  runPeriodically(app, 'service reminders', 3_600_000, () => sweepReminders({ database: app.database, jobs: app.jobs, publish: (message) => app.realtime.publish(message) }));
  await app.register(knowledgeRoutes);
  await app.register(businessCalendarRoutes);
  await app.register(stationRoutes);
  await app.register(workOrderRoutes);
  await app.register(portalStaffRoutes);
  await app.register(portalPublicRoutes);
};
export { caseSearchProvider } from './cases.search.js';
export { getCase, listCases, caseHistory, type Case } from './cases.service.js';
export { createCase, createCases } from './case-work.service.js';
export { suggestArticles, searchPublicArticles, readPublicArticle, type ArticleHit } from './knowledge-search.service.js';
export { workspaceCalendar } from './business-calendar.service.js';
export { seedKnowledgeDemo } from './knowledge.demo.js';
export { seedCasesDemo } from './cases.demo.js';
export { addBusinessTime, businessMinutesBetween, isOpenAt, type BusinessCalendar, type Pause } from './business-calendar.js';
export { recordStationRating } from './stations.service.js';
export { seedFieldServiceDemo } from './stations.demo.js';
export { seedPortalDemo, DEMO_PORTAL } from './portal.demo.js';
