import { bulkRoutes } from '../../platform/records/bulk-routes.js';
import { CreateLeadBody, UpdateLeadBody } from './leads.schema.js';
import { createLead, deleteLead, updateLead } from './leads.service.js';
import { CreateOpportunityBody, UpdateOpportunityBody } from './sales.schema.js';
import { createOpportunity, deleteOpportunity, updateOpportunity } from './opportunities.service.js';

/** POST/PATCH /opportunities/bulk, /leads/bulk and their bulk-delete: assign, tag, set a field, delete many. */
export const salesBulkRoutes = bulkRoutes([
  { path: '/opportunities', tag: 'opportunities', createBody: CreateOpportunityBody, updateBody: UpdateOpportunityBody, create: createOpportunity, update: updateOpportunity, remove: deleteOpportunity },
  { path: '/leads', tag: 'leads', createBody: CreateLeadBody, updateBody: UpdateLeadBody, create: createLead, update: updateLead, remove: deleteLead },
]);
