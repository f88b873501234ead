// Every table, for Drizzle's query builder and drizzle-kit's migration generator.
// Each table is owned by one module; other modules reach it through that module's services.
export * from '../platform/tenancy/tenancy.tables.js';
export * from '../platform/auth/auth.tables.js';
export * from '../platform/audit/audit.tables.js';
export * from '../platform/jobs/jobs.tables.js';
export * from '../modules/customers/contacts.tables.js';
export * from '../modules/customers/accounts.tables.js';
export * from '../modules/customers/imports.tables.js';
export * from '../platform/views/views.tables.js';
export * from '../platform/custom-fields/custom-fields.tables.js';
export * from '../modules/interactions/interactions.tables.js';
export * from '../platform/files/files.tables.js';
export * from '../platform/webhooks/webhooks.tables.js';
export * from '../modules/marketing/forms.tables.js';
export * from '../modules/calendar/calendar.tables.js';
export * from '../modules/catalog/catalog.tables.js';
export * from '../modules/sales/pipelines.tables.js';
export * from '../modules/sales/opportunities.tables.js';
export * from '../modules/sales/leads.tables.js';
export * from '../modules/sales/forecast.tables.js';
export * from '../modules/analytics/reports.tables.js';
export * from '../modules/analytics/dashboards.tables.js';
export * from '../modules/sales/pools.tables.js';
export * from '../modules/sales/orders.tables.js';
export * from '../modules/sales/quotes.tables.js';
export * from '../modules/service/cases.tables.js';
export * from '../modules/service/sla.tables.js';
