// The sales module's public surface: other modules import only from here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import { registerCustomizableObject } from '../../platform/custom-fields/custom-fields.service.js';
import { inWorkspace } from '../../db/transaction.js';
import { registerLinkableRecord } from '../../platform/records/linkable.js';
import { registerViewableList } from '../../platform/views/views.service.js';
import { leadRoutes, leadRuleRoutes, RESCORE_JOB } from './leads.routes.js';
import { countLiveLeads, getLead, leadListSpec, rescoreLead, rescoreLeadBatch } from './leads.service.js';
import { leads } from './leads.tables.js';
import { opportunities } from './opportunities.tables.js';
import { getOpportunity, opportunityListSpec } from './opportunities.service.js';
import { opportunityRoutes, pipelineRoutes } from './sales.routes.js';
import { analysisRoutes } from './analysis.routes.js';
import { opportunityImportRoutes } from './opportunities-import.routes.js';
import { orderRoutes } from './orders.routes.js';
import { orderListSpec } from './orders.service.js';
import { orders } from './orders.tables.js';
import { orderImportRoutes } from './orders-import.routes.js';
import { quoteRoutes } from './quotes.routes.js';
import { snapshotDueForecasts } from './forecast.service.js';
import { runPeriodically } from '../../platform/jobs/periodic.js';
import { poolRoutes } from './pools.routes.js';
import { sweepPools } from './pool-rules.js';
import { salesBulkRoutes } from './bulk.routes.js';
import './overview.js';
import './orders-overview.js';

registerCustomizableObject('opportunities');
registerViewableList('opportunities', opportunityListSpec, opportunities.custom);
registerCustomizableObject('leads');
registerCustomizableObject('orders');
registerViewableList('orders', orderListSpec, orders.custom);
registerViewableList('leads', leadListSpec, leads.custom);
registerLinkableRecord('opportunity', {
  titleOf: async (tx, ctx, id) => (await getOpportunity(tx, ctx, id)).name,
  // A call about a deal also shows on its account's and main contact's timelines.
  rollUp: async (tx, ctx, id) => {
    const deal = await getOpportunity(tx, ctx, id);
    return [
      ...(deal.accountId ? [{ type: 'account', id: deal.accountId }] : []),
      ...(deal.contactId ? [{ type: 'contact', id: deal.contactId }] : []),
    ];
  },
});
registerLinkableRecord('lead', {
  titleOf: async (tx, ctx, id) => (await getLead(tx, ctx, id)).name,
  // Replies, form submissions and visits logged on a lead earn it behaviour points at once.
  onLinked: rescoreLead,
});

/** Sales' API routes (under /api/v1): pipelines and their stages, close reasons, opportunities, leads. */
export const salesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.jobs.register<{ userId: string }>(RESCORE_JOB, async (job) => {
    const ctx = await contextOfMember(app.database, job.workspaceId, job.payload.userId);
    if (!ctx) return { rescored: 0 };
    const total = await inWorkspace(app.database.db, job.workspaceId, (tx) => countLiveLeads(tx, ctx));
    let done = 0;
    for (let after: string | null = null; ; ) {
      const batch = await inWorkspace(app.database.db, job.workspaceId, (tx) => rescoreLeadBatch(tx, ctx, after));
      done += batch.count;
      await job.progress(done, Math.max(total, done));
      if (!batch.lastId) break;
      after = batch.lastId;
    }
    return { rescored: done };
  });
  await app.register(pipelineRoutes);
  // Before the record routes, so /opportunities/import and /opportunities/bulk read as paths of their own.
  await app.register(opportunityImportRoutes);
  await app.register(salesBulkRoutes);
  await app.register(opportunityRoutes);
  await app.register(orderImportRoutes);
  await app.register(orderRoutes);
  await app.register(leadRoutes);
  await app.register(leadRuleRoutes);
  await app.register(analysisRoutes);
  await app.register(quoteRoutes);
  // Weekly forecast snapshots: checked hourly, taken once per workspace and week.
  runPeriodically(app, 'forecast snapshots', 3_600_000, () => snapshotDueForecasts(app.database));
  await app.register(poolRoutes);
  // The public pool's return rules: warnings and returns, checked every ten minutes (deadlines are in days).
  runPeriodically(app, 'pool return rules', 600_000, () => sweepPools({ database: app.database, realtime: app.realtime }));
};
export { createOpportunity, getOpportunity, listOpportunities, updateOpportunity, type Opportunity, type OpportunityInput } from './opportunities.service.js';
export { defaultPipeline, listPipelines, type PipelineWithStages } from './pipelines.service.js';
export { createLead, getLead, listLeads, type Lead, type LeadInput } from './leads.service.js';
export { seedPoolDemo } from './pools.demo.js';
export { forecast, type ForecastRow } from './forecast.service.js';
export { winLoss } from './analysis.service.js';
export { changeOrderStatus, createOrder, getOrder, getOrderWithLines, listOrders, type Order, type OrderInput, type OrderLine, type OrderLineInput, type OrderWithLines } from './orders.service.js';
export { purchaseLines } from './purchase-lines.js';
export { warrantiesEndingBetween, type EndingWarranty } from './warranties.js';
export { seedOrdersDemo } from './orders.demo.js';
export { ordersOfCustomer, productsOwned, type CustomerOrder, type OwnedProduct } from './orders-overview.js';
export { getQuoteSettings } from './quotes.service.js';
