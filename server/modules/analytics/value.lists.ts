import { and, eq, sql } from 'drizzle-orm';
import { registerListExtension, type ContributedField } from '../../platform/views/list-extensions.js';
import type { CustomerType } from './churn.js';
import { RFM_SEGMENTS } from './rfm.js';
import { customerValues as cv } from './value.tables.js';

// What customer value adds to the lists of accounts and contacts (and so to their filters, saved views, exports,
// reports and the segments built on them): the stored value row of each customer, joined on its primary key
// (workspace, type, id). Customers who never bought have none: their fields are empty.

const TIER_COLORS = { A: 'gold', B: 'blue', C: 'default' } as const;
const SEGMENT_COLORS: Record<(typeof RFM_SEGMENTS)[number], string> = {
  champions: 'green',
  loyal: 'green',
  potentialLoyalist: 'cyan',
  new: 'cyan',
  promising: 'blue',
  needAttention: 'gold',
  aboutToSleep: 'orange',
  atRisk: 'volcano',
  cantLose: 'red',
  hibernating: 'default',
  lost: 'default',
};

export const VALUE_LIST_FIELDS: Readonly<Record<string, ContributedField>> = {
  abcTier: {
    display: 'select',
    column: cv.abcTier,
    labelKey: 'customerValue.fields.abcTier',
    options: (['A', 'B', 'C'] as const).map((value) => ({ value, labelKey: `customerValue.fields.tier${value}`, color: TIER_COLORS[value] })),
  },
  segment: {
    display: 'select',
    column: cv.segment,
    labelKey: 'customerValue.fields.segment',
    options: RFM_SEGMENTS.map((value) => ({ value, labelKey: `customerValue.segments.${value}`, color: SEGMENT_COLORS[value] })),
  },
  // The dashboard's churn bands: a third each.
  churnScore: { display: 'number', column: cv.churnScore, labelKey: 'customerValue.churnScore', bands: [{ min: 67, color: 'red' }, { min: 34, color: 'orange' }, { min: 0, color: 'green' }] },
  revenue: { display: 'currency', column: cv.revenue, labelKey: 'customerValue.fields.revenue' },
  lifetimeValue: { display: 'currency', column: cv.lifetimeValue, labelKey: 'customerValue.lifetimeValue' },
  // BG/NBD figures, empty where the simple formula gave the value; the chance in whole percent to read and filter.
  probabilityAlive: { display: 'number', column: sql`round(${cv.probabilityAlive} * 100)`, labelKey: 'customerValue.fields.probabilityAlive', bands: [{ min: 50, color: 'green' }, { min: 20, color: 'orange' }, { min: 0, color: 'red' }] },
  expectedPurchases12m: { display: 'number', column: sql`round(${cv.expectedPurchases12m}::numeric, 1)`, labelKey: 'customerValue.fields.expectedPurchases12m' },
  ltvModel: {
    display: 'select',
    column: cv.ltvModel,
    labelKey: 'customerValue.fields.ltvModel',
    options: (['bgnbd', 'simple'] as const).map((value) => ({ value, labelKey: `customerValue.models.${value}` })),
  },
  lastPurchaseAt: { display: 'date', column: cv.lastPurchaseAt, labelKey: 'customerValue.lastPurchase' },
  orders: { display: 'number', column: cv.orders, labelKey: 'customerValue.orders' },
};

for (const [objectType, customerType] of [['accounts', 'account'], ['contacts', 'contact']] as [string, CustomerType][]) {
  registerListExtension(objectType, {
    namespace: 'value',
    join: (record) => ({
      table: cv,
      on: and(eq(cv.workspaceId, record.workspaceId), eq(cv.customerType, customerType), eq(cv.customerId, record.id))!,
    }),
    fields: VALUE_LIST_FIELDS,
  });
}
