import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { OPEN_WORK_ORDER_STATUSES, type WorkOrderStatus } from '../../../contracts/field-service.js';
import { sqlLiterals } from '../../db/sql-arrays.js';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/** A part used on a repair. */
export interface WorkOrderPart {
  name: string;
  quantity: number;
}

/** A station's visit to repair a customer's product, made from a repair case. */
export const workOrders = pgTable(
  'work_orders',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    /** 123 shows as WO-000123. */
    number: integer('number').notNull(),
    caseId: uuid('case_id').notNull(),
    productId: uuid('product_id'),
    /** The case's agent when the order was made: told when the station is done; their read scope covers the order. */
    ownerId: uuid('owner_id'),
    status: text('status').$type<WorkOrderStatus>().notNull().default('new'),
    /**
     * The customer's name, phone and address are copied from the case when the order is made: the station
     * reads them here, since its role may not read customer records.
     */
    customerName: text('customer_name'),
    customerPhone: text('customer_phone'),
    province: text('province'),
    city: text('city'),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    problem: text('problem'),
    stationId: uuid('station_id'),
    technicianId: uuid('technician_id'),
    /** The station's note when it declines or finishes, and the dispatcher's reason for an override. */
    note: text('note'),
    overrideReason: text('override_reason'),
    parts: jsonb('parts').$type<WorkOrderPart[]>().notNull().default(sql`'[]'::jsonb`),
    labourMinutes: integer('labour_minutes'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true, precision: 3 }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, precision: 3 }),
    onSiteAt: timestamp('on_site_at', { withTimezone: true, precision: 3 }),
    doneAt: timestamp('done_at', { withTimezone: true, precision: 3 }),
    declinedAt: timestamp('declined_at', { withTimezone: true, precision: 3 }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, precision: 3 }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('work_orders_number_idx').on(t.workspaceId, t.number),
    index('work_orders_station_idx').on(t.workspaceId, t.stationId, t.status),
    // Open loads per station (dispatch, the stations page): the open orders only, not the years of done ones.
    index('work_orders_open_station_idx')
      .on(t.workspaceId, t.stationId)
      .where(sql`${t.status} in (${sqlLiterals(OPEN_WORK_ORDER_STATUSES)})`),
    index('work_orders_case_idx').on(t.workspaceId, t.caseId),
    index('work_orders_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('work_orders_owner_idx').on(t.workspaceId, t.ownerId),
    tenantPolicy(),
  ],
).enableRLS();

/** A work order's history: every status change with its station, who made it and the note given. */
export const workOrderEvents = pgTable(
  'work_order_events',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    workOrderId: uuid('work_order_id').notNull(),
    fromStatus: text('from_status').$type<WorkOrderStatus>(),
    toStatus: text('to_status').$type<WorkOrderStatus>().notNull(),
    stationId: uuid('station_id'),
    note: text('note'),
    /** For a dispatch: the candidates as scored then (the reasons behind the choice). */
    detail: jsonb('detail'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    by: uuid('by'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('work_order_events_order_idx').on(t.workspaceId, t.workOrderId, t.at), tenantPolicy()],
).enableRLS();
