import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { ACTIVE_CASE_STATUSES, CASE_TRANSITIONS, DEFAULT_CASE_TYPES, type CaseStatus } from '../../../contracts/service.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, forbidden, invalidField, readReferenced } from '../../platform/errors/app-error.js';
import type { ListParams, ListSpec } from '../../platform/http/list-query.js';
import { mayActOn } from '../../platform/permissions/policy.js';
import { ownedRecords } from '../../platform/records/owned-records.js';
import { normalizeText, stripAccents } from '../../platform/search/normalize.js';
import { searchKeys } from '../../platform/search/search-keys.js';
import { cleanText } from '../../platform/text.js';
import { getAccount, getContact } from '../customers/index.js';
import { getProduct } from '../catalog/index.js';
import { caseQueueMembers, caseQueues, caseStatusChanges, caseTypes, cases, serviceSettings } from './cases.tables.js';

export type Case = typeof cases.$inferSelect;
type Writable = Pick<Case, 'subject' | 'description' | 'typeId' | 'channel' | 'priority' | 'language' | 'queueId' | 'contactId' | 'accountId' | 'productId' | 'orderId' | 'ownerId' | 'custom'>;
export type CaseInput = Partial<Writable> & Pick<Case, 'subject' | 'channel'>;
export type CaseType = typeof caseTypes.$inferSelect;

export const caseListSpec: ListSpec = {
  fields: {
    number: { column: cases.number, type: 'number', sortable: true },
    subject: { column: cases.subject, type: 'text' },
    typeId: { column: cases.typeId, type: 'uuid' },
    channel: { column: cases.channel, type: 'text' },
    priority: { column: cases.priority, type: 'text' },
    status: { column: cases.status, type: 'text' },
    language: { column: cases.language, type: 'text' },
    queueId: { column: cases.queueId, type: 'uuid' },
    contactId: { column: cases.contactId, type: 'uuid' },
    accountId: { column: cases.accountId, type: 'uuid' },
    productId: { column: cases.productId, type: 'uuid' },
    orderId: { column: cases.orderId, type: 'uuid' },
    ownerId: { column: cases.ownerId, type: 'uuid' },
    firstResponseAt: { column: cases.firstResponseAt, type: 'timestamp' },
    resolvedAt: { column: cases.resolvedAt, type: 'timestamp' },
    closedAt: { column: cases.closedAt, type: 'timestamp' },
    createdAt: { column: cases.createdAt, type: 'timestamp', sortable: true },
    updatedAt: { column: cases.updatedAt, type: 'timestamp', sortable: true },
  },
  id: cases.id,
  defaultSort: '-createdAt',
};

const ws = (ctx: RequestContext) => eq(cases.workspaceId, ctx.workspaceId);

/** The workspace's service settings, made with the defaults on first use. */
export async function serviceSettingsOf(tx: Executor, ctx: RequestContext): Promise<typeof serviceSettings.$inferSelect> {
  const [row] = await tx.select().from(serviceSettings).where(eq(serviceSettings.workspaceId, ctx.workspaceId));
  if (row) return row;
  await tx.insert(serviceSettings).values({ workspaceId: ctx.workspaceId }).onConflictDoNothing();
  const [created] = await tx.select().from(serviceSettings).where(eq(serviceSettings.workspaceId, ctx.workspaceId));
  return created!;
}

/** `CS-000123`: the number as people quote it. */
export const caseNumber = (prefix: string, number: number) => `${prefix}-${String(number).padStart(6, '0')}`;

/**
 * The next case number of the workspace. The counter row is locked until the transaction ends, so numbers
 * are never given twice; a rolled-back creation leaves no gap either, since its increment rolls back too.
 */
async function nextNumber(tx: Executor, ctx: RequestContext): Promise<{ number: number; prefix: string }> {
  const { rows } = (await tx.execute(sql`
    insert into ${serviceSettings} (workspace_id, last_number) values (${ctx.workspaceId}, 1)
    on conflict (workspace_id) do update set last_number = ${serviceSettings}.last_number + 1
    returning last_number, number_prefix`)) as unknown as { rows: { last_number: number; number_prefix: string }[] };
  return { number: rows[0]!.last_number, prefix: rows[0]!.number_prefix };
}

/** Search keys of a case: its subject's keys and its number as quoted (cs-000123, cs000123, 000123, 123). */
function caseSearchColumns(prefix: string, number: number, subject: string): Pick<Case, 'searchKeys' | 'searchText'> {
  const quoted = stripAccents(normalizeText(caseNumber(prefix, number)));
  const numberKeys = [quoted, quoted.replace('-', ''), String(number).padStart(6, '0'), String(number)].map((k) => `n:${k}`);
  return {
    searchKeys: [...new Set([...searchKeys({ name: subject, isPersonName: false }), ...numberKeys])],
    searchText: normalizeText(`${quoted} ${subject}`),
  };
}

async function assertTypeUsable(tx: Executor, ctx: RequestContext, typeId: string, field: string): Promise<void> {
  const [type] = await tx.select().from(caseTypes).where(and(eq(caseTypes.workspaceId, ctx.workspaceId), eq(caseTypes.id, typeId)));
  if (!type || !type.active) throw invalidField(field, 'invalid');
}

async function assertQueue(tx: Executor, ctx: RequestContext, queueId: string, field: string): Promise<void> {
  const [queue] = await tx.select({ id: caseQueues.id }).from(caseQueues).where(and(eq(caseQueues.workspaceId, ctx.workspaceId), eq(caseQueues.id, queueId)));
  if (!queue) throw invalidField(field, 'invalid');
}

async function caseColumns(tx: Executor, ctx: RequestContext, input: Partial<CaseInput>, before: Case | null): Promise<Partial<Case>> {
  const values: Partial<Case> = {};
  if (input.subject !== undefined) values.subject = input.subject.trim();
  if (input.description !== undefined) values.description = cleanText(input.description) ?? null;
  for (const key of ['channel', 'priority', 'language', 'orderId'] as const) if (input[key] !== undefined) (values as Record<string, unknown>)[key] = input[key];
  if (input.typeId !== undefined && input.typeId !== before?.typeId) {
    if (input.typeId) await assertTypeUsable(tx, ctx, input.typeId, 'typeId');
    values.typeId = input.typeId;
  }
  if (input.queueId !== undefined) {
    if (input.queueId) await assertQueue(tx, ctx, input.queueId, 'queueId');
    values.queueId = input.queueId;
  }
  if (input.contactId !== undefined) {
    if (input.contactId) await readReferenced(() => getContact(tx, ctx, input.contactId!), 'contactId');
    values.contactId = input.contactId;
  }
  if (input.accountId !== undefined) {
    if (input.accountId) await readReferenced(() => getAccount(tx, ctx, input.accountId!), 'accountId');
    values.accountId = input.accountId;
  }
  if (input.productId !== undefined) {
    if (input.productId) await readReferenced(() => getProduct(tx, ctx, input.productId!), 'productId');
    values.productId = input.productId;
  }
  if (before === null) {
    const { number, prefix } = await nextNumber(tx, ctx);
    values.number = number;
    Object.assign(values, caseSearchColumns(prefix, number, values.subject!));
  } else if (values.subject !== undefined && values.subject !== before.subject) {
    Object.assign(values, caseSearchColumns((await serviceSettingsOf(tx, ctx)).numberPrefix, before.number, values.subject));
  }
  return values;
}

/** Members of any queue the caller is in. */
const myQueues = (ctx: RequestContext) =>
  sql`select ${caseQueueMembers.queueId} from ${caseQueueMembers} where ${caseQueueMembers.workspaceId} = ${ctx.workspaceId} and ${caseQueueMembers.userId} = ${ctx.userId ?? '00000000-0000-0000-0000-000000000000'}`;

/**
 * Service agents read their own cases, those of their queues and those not queued yet (the triage pool);
 * other roles read as their owner scopes say.
 */
export function agentScope(ctx: RequestContext) {
  if (ctx.role !== 'service') return undefined;
  return or(eq(cases.ownerId, ctx.userId ?? '00000000-0000-0000-0000-000000000000'), isNull(cases.queueId), sql`${cases.queueId} in (${myQueues(ctx)})`);
}

type CaseChangeListener = (tx: Executor, ctx: RequestContext, caseId: string) => Promise<unknown>;
const changeListeners: CaseChangeListener[] = [];

/** What is derived from a case's history (its SLA clocks) is recomputed, in the same transaction, when the case changes. */
export function onCaseChanged(listener: CaseChangeListener): void {
  changeListeners.push(listener);
}

/** Tells the listeners a case changed: created, moved, answered, written to, edited. */
export async function caseChanged(tx: Executor, ctx: RequestContext, caseId: string): Promise<void> {
  for (const listener of changeListeners) await listener(tx, ctx, caseId);
}

const records = ownedRecords<Case, CaseInput>({ table: cases, recordType: 'case', listSpec: caseListSpec, toColumns: caseColumns, customFieldsOf: 'cases', readScope: agentScope });

/** Cases, each with its subject also as `name` (generic record lists show a record by name). */
export async function listCases(tx: Executor, ctx: RequestContext, params: ListParams) {
  const page = await records.list(tx, ctx, params);
  return { ...page, data: page.data.map((row) => ({ ...row, name: row.subject })) };
}
export const listDeletedCases = (tx: Executor, ctx: RequestContext, params: ListParams) => records.listDeleted(tx, ctx, params);
export const getCase = records.get;
/** Changes a case's fields (priority, type, account… which may change its SLA policy). */
export async function updateCase(tx: Executor, ctx: RequestContext, id: string, patch: Partial<CaseInput>): Promise<Case> {
  const after = await records.update(tx, ctx, id, patch);
  await caseChanged(tx, ctx, id);
  return after;
}
export const deleteCase = records.remove;
export const restoreCase = records.restore;

/** Keeps a status change in the history (durations for SLA and reports are computed from it). */
async function recordStatusChange(tx: Executor, ctx: RequestContext, caseId: string, from: CaseStatus | null, to: CaseStatus, at = new Date()): Promise<void> {
  await tx.insert(caseStatusChanges).values({ workspaceId: ctx.workspaceId, id: uuidv7(), caseId, fromStatus: from, toStatus: to, changedAt: at, changedBy: ctx.userId });
}

/** Creates a case (status new), with its first history entry. Routing is the caller's choice (routing.service). */
export async function createCaseRecord(tx: Executor, ctx: RequestContext, input: CaseInput): Promise<Case> {
  const created = await records.create(tx, ctx, input);
  await recordStatusChange(tx, ctx, created.id, null, created.status, created.createdAt);
  await caseChanged(tx, ctx, created.id);
  return created;
}

/**
 * Whether the caller may work a case (reply, change its status, take it): as their update scope allows, or,
 * for a service agent, when it is theirs or unowned in one of their queues or in no queue.
 */
export async function mayWork(tx: Executor, ctx: RequestContext, row: Case): Promise<boolean> {
  if (await mayActOn(tx, ctx, 'update', row.ownerId)) return true;
  if (ctx.role !== 'service' || row.ownerId !== null) return false;
  if (row.queueId === null) return true;
  const [member] = await tx
    .select({ userId: caseQueueMembers.userId })
    .from(caseQueueMembers)
    .where(and(eq(caseQueueMembers.workspaceId, ctx.workspaceId), eq(caseQueueMembers.queueId, row.queueId), eq(caseQueueMembers.userId, ctx.userId ?? '')));
  return Boolean(member);
}

export async function assertMayWork(tx: Executor, ctx: RequestContext, row: Case): Promise<void> {
  if (!(await mayWork(tx, ctx, row))) throw forbidden();
}

/**
 * Moves a case to another status without permission checks (callers check, or act for the customer):
 * validates the transition, stamps resolved/closed times (a reopen clears them and counts), keeps history.
 */
export async function applyStatus(tx: Executor, ctx: RequestContext, before: Case, to: CaseStatus): Promise<Case> {
  if (before.status === to) return before;
  if (!CASE_TRANSITIONS[before.status].includes(to)) throw new AppError('CASE_STATUS_TRANSITION', 409, { from: before.status, to });
  if (before.mergedInto) throw new AppError('CASE_MERGED', 409, { caseId: before.mergedInto });
  const now = new Date();
  const reopening = to === 'open' && (before.status === 'resolved' || before.status === 'closed');
  const [after] = await tx
    .update(cases)
    .set({
      status: to,
      updatedAt: now,
      ...(to === 'resolved' ? { resolvedAt: now } : {}),
      ...(to === 'closed' ? { closedAt: now } : {}),
      ...(reopening ? { resolvedAt: null, closedAt: null, reopenCount: before.reopenCount + 1 } : {}),
    })
    .where(and(ws(ctx), eq(cases.id, before.id)))
    .returning();
  await recordStatusChange(tx, ctx, before.id, before.status, to, now);
  await recordAudit(tx, ctx, { action: 'update', recordType: 'case', recordId: before.id, before: { status: before.status }, after: { status: to } });
  await caseChanged(tx, ctx, before.id);
  return after!;
}

export async function changeCaseStatus(tx: Executor, ctx: RequestContext, id: string, to: CaseStatus): Promise<Case> {
  const before = await getCase(tx, ctx, id);
  await assertMayWork(tx, ctx, before);
  return applyStatus(tx, ctx, before, to);
}

/** A case's status history, oldest first. */
export async function caseHistory(tx: Executor, ctx: RequestContext, id: string) {
  await getCase(tx, ctx, id);
  return tx
    .select()
    .from(caseStatusChanges)
    .where(and(eq(caseStatusChanges.workspaceId, ctx.workspaceId), eq(caseStatusChanges.caseId, id)))
    .orderBy(asc(caseStatusChanges.changedAt), asc(caseStatusChanges.id));
}

/** Stamps the first response (the first reply the customer got) and opens a new case. */
export async function noteResponse(tx: Executor, ctx: RequestContext, row: Case, at: Date): Promise<Case> {
  let current = row;
  if (current.firstResponseAt === null) {
    const [after] = await tx.update(cases).set({ firstResponseAt: at }).where(and(ws(ctx), eq(cases.id, row.id))).returning();
    current = after!;
  }
  return current.status === 'new' ? applyStatus(tx, ctx, current, 'open') : current;
}

/** The case with this number, ignoring read scopes (mail threading looks it up for the customer). */
export async function caseByNumber(tx: Executor, ctx: RequestContext, number: number): Promise<Case | undefined> {
  const [row] = await tx.select().from(cases).where(and(ws(ctx), eq(cases.number, number), isNull(cases.deletedAt)));
  return row;
}

/** Live cases by id, without read scopes (system paths: mail threading). */
export async function casesByIds(tx: Executor, ctx: RequestContext, ids: string[]): Promise<Case[]> {
  if (ids.length === 0) return [];
  return tx.select().from(cases).where(and(ws(ctx), inArray(cases.id, ids), isNull(cases.deletedAt)));
}

/** Open workload per member: cases still being worked (new, open, pending customer). */
export async function openCaseCounts(tx: Executor, ctx: RequestContext, userIds: string[]): Promise<Map<string, number>> {
  const counts = new Map(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return counts;
  const rows = await tx
    .select({ ownerId: cases.ownerId, n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(ws(ctx), inArray(cases.ownerId, userIds), inArray(cases.status, [...ACTIVE_CASE_STATUSES]), isNull(cases.deletedAt)))
    .groupBy(cases.ownerId);
  for (const r of rows) counts.set(r.ownerId!, r.n);
  return counts;
}

// ——— Case types ———

/** Gives a workspace the built-in case types the first time service is used (safe under concurrency: unique key). */
async function ensureCaseTypes(tx: Executor, ctx: RequestContext): Promise<void> {
  const [existing] = await tx.select({ id: caseTypes.id }).from(caseTypes).where(eq(caseTypes.workspaceId, ctx.workspaceId)).limit(1);
  if (existing) return;
  await tx
    .insert(caseTypes)
    .values(DEFAULT_CASE_TYPES.map((key, position) => ({ workspaceId: ctx.workspaceId, id: uuidv7(), key, position })))
    .onConflictDoNothing();
}

export async function listCaseTypes(tx: Executor, ctx: RequestContext): Promise<CaseType[]> {
  await ensureCaseTypes(tx, ctx);
  return tx.select().from(caseTypes).where(eq(caseTypes.workspaceId, ctx.workspaceId)).orderBy(asc(caseTypes.position), asc(caseTypes.id));
}

/** The built-in type with this key (e-mail opens inquiries). */
export async function caseTypeByKey(tx: Executor, ctx: RequestContext, key: string): Promise<CaseType | undefined> {
  return (await listCaseTypes(tx, ctx)).find((t) => t.key === key);
}
