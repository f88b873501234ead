import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { STATION_ACTIONS, type StationAction, type WorkOrderStatus } from '../../../contracts/field-service.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.js';
import { planList, type ListParams, type ListSpec } from '../../platform/http/list-query.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { cleanText } from '../../platform/text.js';
import { users } from '../../platform/tenancy/tenancy.tables.js';
import { getAccount, getContact } from '../customers/index.js';
import { logInteraction } from '../interactions/index.js';
import { assertMayWork, caseTypeByKey, getCase, type Case } from './cases.service.js';
import { fieldServiceSettings, serviceStations } from './stations.tables.js';
import { stationOfMember } from './stations.service.js';
import { workOrderEvents, workOrders, type WorkOrderPart } from './work-orders.tables.js';

export type WorkOrderRow = typeof workOrders.$inferSelect;
/** A work order as the API shows it: its number as people quote it and its station's name. */
export type WorkOrder = WorkOrderRow & { numberText: string; stationName: string | null; technicianName: string | null };

/** `WO-000123` */
export const workOrderNumber = (number: number) => `WO-${String(number).padStart(6, '0')}`;

export const workOrderListSpec: ListSpec = {
  fields: {
    number: { column: workOrders.number, type: 'number', sortable: true },
    status: { column: workOrders.status, type: 'text' },
    caseId: { column: workOrders.caseId, type: 'uuid' },
    stationId: { column: workOrders.stationId, type: 'uuid' },
    productId: { column: workOrders.productId, type: 'uuid' },
    ownerId: { column: workOrders.ownerId, type: 'uuid' },
    province: { column: workOrders.province, type: 'text' },
    dispatchedAt: { column: workOrders.dispatchedAt, type: 'timestamp' },
    doneAt: { column: workOrders.doneAt, type: 'timestamp' },
    createdAt: { column: workOrders.createdAt, type: 'timestamp', sortable: true },
    updatedAt: { column: workOrders.updatedAt, type: 'timestamp', sortable: true },
  },
  id: workOrders.id,
  defaultSort: '-createdAt',
};

const ws = (ctx: RequestContext) => eq(workOrders.workspaceId, ctx.workspaceId);
const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * Which work orders the caller reads: a station member only their station's; others as their read scope says
 * of the order's owner (the case's agent).
 */
async function readScope(tx: Executor, ctx: RequestContext): Promise<SQL | undefined> {
  if (ctx.role === 'station') return eq(workOrders.stationId, (await stationOfMember(tx, ctx)) ?? NOBODY);
  return ownershipFilter(ctx, 'read', workOrders.ownerId);
}

const technicianUsers = sql`(select ${users.name} from ${users} where ${users.id} = ${workOrders.technicianId})`;

async function selectOrders(tx: Executor, ctx: RequestContext, where: SQL | undefined, orderBy: SQL[] = [], limit?: number) {
  const query = tx
    .select({ order: workOrders, stationName: serviceStations.name, technicianName: sql<string | null>`${technicianUsers}` })
    .from(workOrders)
    .leftJoin(serviceStations, and(eq(serviceStations.workspaceId, workOrders.workspaceId), eq(serviceStations.id, workOrders.stationId)))
    .where(and(ws(ctx), where))
    .orderBy(...orderBy);
  const rows = await (limit ? query.limit(limit) : query);
  return rows.map((r) => ({ ...r.order, numberText: workOrderNumber(r.order.number), stationName: r.stationName, technicianName: r.technicianName }));
}

export async function listWorkOrders(tx: Executor, ctx: RequestContext, params: ListParams) {
  const plan = planList(workOrderListSpec, params);
  return plan.page(await selectOrders(tx, ctx, and(await readScope(tx, ctx), plan.where), plan.orderBy, plan.limit));
}

/** One work order the caller may read (404 otherwise). */
export async function getWorkOrder(tx: Executor, ctx: RequestContext, id: string): Promise<WorkOrder> {
  const [row] = await selectOrders(tx, ctx, and(eq(workOrders.id, id), await readScope(tx, ctx)));
  if (!row) throw notFound('work_order');
  return row;
}

export async function workOrderHistory(tx: Executor, ctx: RequestContext, id: string) {
  await getWorkOrder(tx, ctx, id);
  return tx
    .select({ event: workOrderEvents, stationName: serviceStations.name, byName: users.name })
    .from(workOrderEvents)
    .leftJoin(serviceStations, and(eq(serviceStations.workspaceId, workOrderEvents.workspaceId), eq(serviceStations.id, workOrderEvents.stationId)))
    .leftJoin(users, eq(users.id, workOrderEvents.by))
    .where(and(eq(workOrderEvents.workspaceId, ctx.workspaceId), eq(workOrderEvents.workOrderId, id)))
    .orderBy(asc(workOrderEvents.at), asc(workOrderEvents.id))
    .then((rows) => rows.map((r) => ({ ...r.event, stationName: r.stationName, byName: r.byName })));
}

/** The case behind an order, when the caller may work it: dispatching and cancelling are the case agent's work. */
export async function assertMayDispatch(tx: Executor, ctx: RequestContext, order: WorkOrderRow): Promise<Case> {
  if (ctx.role === 'station') throw forbidden();
  const row = await getCase(tx, ctx, order.caseId);
  await assertMayWork(tx, ctx, row);
  return row;
}

export interface WorkOrderInput {
  caseId: string;
  problem?: string | null;
  /** Where the work is; absent: the case contact's (else account's) first address. */
  province?: string | null;
  city?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

async function nextNumber(tx: Executor, ctx: RequestContext): Promise<number> {
  await tx.insert(fieldServiceSettings).values({ workspaceId: ctx.workspaceId }).onConflictDoNothing();
  const [row] = await tx
    .update(fieldServiceSettings)
    .set({ lastNumber: sql`${fieldServiceSettings.lastNumber} + 1` })
    .where(eq(fieldServiceSettings.workspaceId, ctx.workspaceId))
    .returning({ n: fieldServiceSettings.lastNumber });
  return row!.n;
}

/** The customer's name, phone and first address from the case's contact, else its account. */
async function customerOf(tx: Executor, ctx: RequestContext, row: Case) {
  const contact = row.contactId ? await getContact(tx, ctx, row.contactId) : null;
  const account = row.accountId ? await getAccount(tx, ctx, row.accountId) : null;
  const address = contact?.addresses[0] ?? account?.addresses[0] ?? null;
  return {
    customerName: contact?.name ?? account?.name ?? null,
    customerPhone: contact?.phone ?? account?.phone ?? null,
    province: address?.region ?? account?.region ?? null,
    city: address?.city ?? null,
    address: address ? [address.line1, address.line2].filter(Boolean).join(', ') : null,
  };
}

export async function recordEvent(tx: Executor, ctx: RequestContext, order: WorkOrderRow, from: WorkOrderStatus | null, to: WorkOrderStatus, at: Date, extra: { note?: string | null; detail?: unknown } = {}) {
  await tx.insert(workOrderEvents).values({ workspaceId: ctx.workspaceId, id: uuidv7(), workOrderId: order.id, fromStatus: from, toStatus: to, stationId: order.stationId, note: extra.note ?? null, detail: extra.detail ?? null, at, by: ctx.userId });
}

/** Makes a work order (status new) from a repair case the caller may work; the customer's details are copied onto it. */
export async function createWorkOrder(tx: Executor, ctx: RequestContext, input: WorkOrderInput): Promise<WorkOrder> {
  if (ctx.role === 'station') throw forbidden();
  const row = await getCase(tx, ctx, input.caseId).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) throw new AppError('VALIDATION_FAILED', 400, {}, [{ field: 'caseId', code: 'invalid' }]);
    throw err;
  });
  await assertMayWork(tx, ctx, row);
  const repair = await caseTypeByKey(tx, ctx, 'repair');
  if (!repair || row.typeId !== repair.id) throw new AppError('WORK_ORDER_NOT_REPAIR', 409);
  const customer = await customerOf(tx, ctx, row);
  const place = input.province !== undefined || input.address !== undefined ? { province: cleanText(input.province) ?? null, city: cleanText(input.city) ?? null, address: cleanText(input.address) ?? null } : {};
  const now = new Date();
  const [made] = await tx
    .insert(workOrders)
    .values({
      workspaceId: ctx.workspaceId,
      id: uuidv7(),
      number: await nextNumber(tx, ctx),
      caseId: row.id,
      productId: row.productId,
      ownerId: row.ownerId ?? ctx.userId,
      ...customer,
      ...place,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      problem: cleanText(input.problem) ?? row.subject,
      createdBy: ctx.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordEvent(tx, ctx, made!, null, 'new', now);
  await recordAudit(tx, ctx, { action: 'create', recordType: 'work_order', recordId: made!.id, before: null, after: made! });
  return getWorkOrder(tx, ctx, made!.id);
}

/** Moves an order to a status, stamping its time, keeping history and audit. Callers check who may. */
export async function moveWorkOrder(tx: Executor, ctx: RequestContext, before: WorkOrderRow, to: WorkOrderStatus, set: Partial<WorkOrderRow> = {}, extra: { note?: string | null; detail?: unknown } = {}): Promise<WorkOrderRow> {
  const now = new Date();
  const stamp: Partial<Record<WorkOrderStatus, Partial<WorkOrderRow>>> = { dispatched: { dispatchedAt: now }, accepted: { acceptedAt: now }, on_site: { onSiteAt: now }, done: { doneAt: now }, declined: { declinedAt: now }, cancelled: { cancelledAt: now } };
  const [after] = await tx
    .update(workOrders)
    .set({ ...set, ...stamp[to], status: to, updatedAt: now })
    .where(and(ws(ctx), eq(workOrders.id, before.id), eq(workOrders.status, before.status)))
    .returning();
  // Another request moved it meanwhile: report the conflict against what it is now.
  if (!after) throw new AppError('WORK_ORDER_STATUS_CHANGE', 409, { number: workOrderNumber(before.number), from: before.status, to });
  await recordEvent(tx, ctx, after, before.status, to, now, extra);
  await recordAudit(tx, ctx, { action: 'update', recordType: 'work_order', recordId: before.id, before, after });
  return after;
}

/** Cancels an order not yet done (the case's agent). */
export async function cancelWorkOrder(tx: Executor, ctx: RequestContext, id: string, note: string | null): Promise<WorkOrder> {
  const before = await getWorkOrder(tx, ctx, id);
  await assertMayDispatch(tx, ctx, before);
  if (before.status === 'done' || before.status === 'cancelled') throw new AppError('WORK_ORDER_STATUS_CHANGE', 409, { number: before.numberText, from: before.status, to: 'cancelled' });
  await moveWorkOrder(tx, ctx, before, 'cancelled', {}, { note: cleanText(note) ?? null });
  return getWorkOrder(tx, ctx, id);
}

export interface StationUpdate {
  action: StationAction;
  note?: string | null;
  technicianId?: string | null;
  parts?: WorkOrderPart[];
  labourMinutes?: number | null;
}

const TARGET: Record<StationAction, WorkOrderStatus> = { accept: 'accepted', decline: 'declined', on_site: 'on_site', done: 'done' };

/**
 * The station's own moves: accept, decline (the order goes back to be dispatched again), on site, done.
 * Only members of the order's station may make them. When done, the case's timeline says so and the
 * returned `notify` lists whom to tell (the order's owner), for the route to publish after commit.
 */
export async function stationUpdate(tx: Executor, ctx: RequestContext, id: string, update: StationUpdate): Promise<{ order: WorkOrder; notify: string[] }> {
  const before = await getWorkOrder(tx, ctx, id);
  const own = await stationOfMember(tx, ctx);
  if (!before.stationId || own !== before.stationId) throw forbidden();
  const to = TARGET[update.action];
  if (!(STATION_ACTIONS[update.action] as readonly WorkOrderStatus[]).includes(before.status)) throw new AppError('WORK_ORDER_STATUS_CHANGE', 409, { number: before.numberText, from: before.status, to });
  const note = cleanText(update.note) ?? null;
  const set: Partial<WorkOrderRow> = { note: note ?? before.note };
  if (update.action === 'accept') set.technicianId = update.technicianId ?? ctx.userId;
  if (update.action === 'decline') Object.assign(set, { stationId: null, technicianId: null });
  if (update.action === 'done') Object.assign(set, { ...(update.parts ? { parts: update.parts } : {}), ...(update.labourMinutes !== undefined ? { labourMinutes: update.labourMinutes } : {}) });
  // The decline is kept in history under the station that declined (the order itself no longer has one).
  const after = await moveWorkOrder(tx, ctx, before, to, set, { note });
  if (update.action === 'decline') await tx.update(workOrderEvents).set({ stationId: before.stationId }).where(and(eq(workOrderEvents.workspaceId, ctx.workspaceId), eq(workOrderEvents.workOrderId, id), eq(workOrderEvents.toStatus, 'declined'), sql`${workOrderEvents.stationId} is null`));
  let notify: string[] = [];
  if (update.action === 'done' || update.action === 'decline') {
    await noteOnCase(tx, ctx, after, update.action, before.stationName, note);
    notify = after.ownerId ? [after.ownerId] : [];
  }
  // Read without the station's scope: a declined order is no longer its own, yet the answer shows the decline.
  return { order: (await selectOrders(tx, ctx, eq(workOrders.id, id)))[0]!, notify };
}

/**
 * A note on the case's timeline that its work order is done or was declined. The station's member may not read
 * the case (their role reads no customer records), so the note is written with the workspace's rights: it is the
 * consequence of a move the station may make, and the audit still names the member.
 */
async function noteOnCase(tx: Executor, ctx: RequestContext, order: WorkOrderRow, action: 'done' | 'decline', stationName: string | null, note: string | null) {
  const system: RequestContext = { ...ctx, role: 'admin' };
  const head = `${workOrderNumber(order.number)} · ${stationName ?? ''} · ${action === 'done' ? 'done' : 'declined'}`;
  await logInteraction(tx, system, { type: 'note', channel: 'other', direction: 'internal', subject: head, body: note ?? head, links: [{ recordType: 'case', recordId: order.caseId }], participants: [], ownerId: order.ownerId });
}

