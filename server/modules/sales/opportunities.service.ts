import { and, asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { DealContactRole } from '../../../contracts/sales.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { invalidField, readReferenced } from '../../platform/errors/app-error.js';
import { cleanList } from '../../platform/text.js';
import type { ListParams, ListSpec } from '../../platform/http/list-query.js';
import { assertMayActOn } from '../../platform/permissions/policy.js';
import { ownedRecords } from '../../platform/records/owned-records.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { getAccount, getContact } from '../customers/index.js';
import { opportunities, opportunityContacts, opportunityStageChanges } from './opportunities.tables.js';
import { assertCloseReason, defaultPipeline, getPipeline, reasonRequired, stageForDeal, type Stage } from './pipelines.service.js';
import { pipelineStages } from './pipelines.tables.js';

export type Opportunity = typeof opportunities.$inferSelect;
type Stored = Omit<Opportunity, 'workspaceId' | 'id' | 'status' | 'stageEnteredAt' | 'closedAt' | 'deletedAt' | 'deletedBy' | 'createdAt' | 'updatedAt'>;
export type OpportunityInput = Partial<Stored> & { name: string };

export const opportunityListSpec: ListSpec = {
  fields: {
    name: { column: opportunities.name, type: 'text', sortable: true },
    pipelineId: { column: opportunities.pipelineId, type: 'uuid' },
    stageId: { column: opportunities.stageId, type: 'uuid' },
    status: { column: opportunities.status, type: 'text' },
    amount: { column: opportunities.amount, type: 'number', sortable: true, money: true },
    currency: { column: opportunities.currency, type: 'text' },
    closeDate: { column: opportunities.closeDate, type: 'timestamp', sortable: true },
    probability: { column: opportunities.probability, type: 'number', sortable: true },
    forecastCategory: { column: opportunities.forecastCategory, type: 'text' },
    accountId: { column: opportunities.accountId, type: 'uuid' },
    contactId: { column: opportunities.contactId, type: 'uuid' },
    source: { column: opportunities.source, type: 'text' },
    closeReasonId: { column: opportunities.closeReasonId, type: 'uuid' },
    ownerId: { column: opportunities.ownerId, type: 'uuid' },
    stageEnteredAt: { column: opportunities.stageEnteredAt, type: 'timestamp', sortable: true },
    closedAt: { column: opportunities.closedAt, type: 'timestamp' },
    createdAt: { column: opportunities.createdAt, type: 'timestamp', sortable: true },
    updatedAt: { column: opportunities.updatedAt, type: 'timestamp', sortable: true },
  },
  id: opportunities.id,
  defaultSort: '-createdAt',
};

/** The calendar day of `at` where the workspace is (close dates are days, not instants). */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const cleanOptional = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);

/**
 * Columns that follow from the stage a deal is put in: status, the stage's probability and forecast category
 * (unless given), the close day and time when it closes, and a reason where the workspace asks for one.
 */
async function stageColumns(tx: Executor, ctx: RequestContext, stage: Stage, input: Partial<OpportunityInput>, before: Opportunity | null): Promise<Partial<Opportunity>> {
  const values: Partial<Opportunity> = { stageId: stage.id, pipelineId: stage.pipelineId, status: stage.kind };
  const moved = !before || before.stageId !== stage.id;
  if (moved) {
    values.stageEnteredAt = new Date();
    if (input.probability === undefined) values.probability = stage.probability;
    if (input.forecastCategory === undefined) values.forecastCategory = stage.forecastCategory;
  }
  if (stage.kind === 'open') {
    if (before && before.status !== 'open') Object.assign(values, { closedAt: null, closeReasonId: null, closeCompetitor: null, closeNote: null });
    return values;
  }
  if (moved && (!before || before.status !== stage.kind)) {
    values.closedAt = new Date();
    // A deal's close date is the day it closed, unless the caller says which day it was.
    if (input.closeDate === undefined) values.closeDate = localDate(new Date(), ctx.timeZone);
  }
  const reasonId = input.closeReasonId !== undefined ? input.closeReasonId : before?.status === stage.kind ? before.closeReasonId : null;
  if (reasonId) await assertCloseReason(tx, ctx, reasonId, stage.kind);
  else if (stage.kind === 'lost' && (await reasonRequired(tx, ctx, 'lost'))) throw invalidField('closeReasonId', 'required');
  return values;
}

async function opportunityColumns(tx: Executor, ctx: RequestContext, input: Partial<OpportunityInput>, before: Opportunity | null): Promise<Partial<Opportunity>> {
  const values: Partial<Opportunity> = {};
  if (input.name !== undefined) values.name = input.name.trim();
  for (const key of ['nextStep', 'source', 'closeCompetitor', 'closeNote'] as const) {
    const cleaned = cleanOptional(input[key]);
    if (cleaned !== undefined) values[key] = cleaned;
  }
  for (const key of ['amount', 'currency', 'closeDate', 'probability', 'forecastCategory', 'closeReasonId'] as const) {
    if (input[key] !== undefined) (values as Record<string, unknown>)[key] = input[key];
  }
  if (input.competitors !== undefined) values.competitors = cleanList(input.competitors);
  if (input.tags !== undefined) values.tags = cleanList(input.tags);
  if (input.accountId !== undefined) {
    if (input.accountId) await readReferenced(() => getAccount(tx, ctx, input.accountId!), 'accountId');
    values.accountId = input.accountId;
  }
  if (input.contactId !== undefined) {
    if (input.contactId) await readReferenced(() => getContact(tx, ctx, input.contactId!), 'contactId');
    values.contactId = input.contactId;
  }

  let stage: Stage | null = null;
  if (input.stageId !== undefined && input.stageId !== null) {
    const found = await stageForDeal(tx, ctx, input.stageId);
    if (found.pipelineArchived && found.id !== before?.stageId) throw invalidField('stageId', 'invalid');
    if (input.pipelineId && input.pipelineId !== found.pipelineId) throw invalidField('stageId', 'invalid');
    stage = found;
  } else if (!before || (input.pipelineId && input.pipelineId !== before.pipelineId)) {
    // A new deal, or one moved to another pipeline without a stage: the pipeline's first open stage.
    const pipeline = input.pipelineId ? await getPipeline(tx, ctx, input.pipelineId).catch(() => null) : await defaultPipeline(tx, ctx);
    if (!pipeline || pipeline.archivedAt) throw invalidField('pipelineId', 'invalid');
    stage = pipeline.stages.find((s) => s.kind === 'open') ?? null;
    if (!stage) throw invalidField('pipelineId', 'invalid');
  }
  if (stage) Object.assign(values, await stageColumns(tx, ctx, stage, input, before));
  else if (before && before.status !== 'open' && input.closeReasonId) await assertCloseReason(tx, ctx, input.closeReasonId, before.status);

  if (!before) {
    values.currency ??= (await getWorkspace(tx, ctx)).defaultCurrency ?? 'CNY';
    values.closeDate ??= addDays(localDate(new Date(), ctx.timeZone), 30);
  }
  return values;
}

const records = ownedRecords<Opportunity, OpportunityInput>({
  table: opportunities,
  recordType: 'opportunity',
  listSpec: opportunityListSpec,
  toColumns: opportunityColumns,
  customFieldsOf: 'opportunities',
});

/** Writes the stage-history row of a deal that entered `after.stageId` (on creation, from nowhere). */
async function recordStageChange(tx: Executor, ctx: RequestContext, before: Opportunity | null, after: Opportunity): Promise<void> {
  if (before && before.stageId === after.stageId) return;
  await tx.insert(opportunityStageChanges).values({
    workspaceId: ctx.workspaceId,
    id: uuidv7(),
    opportunityId: after.id,
    pipelineId: after.pipelineId,
    fromStageId: before?.stageId ?? null,
    toStageId: after.stageId,
    changedAt: after.stageEnteredAt,
    changedBy: ctx.userId,
    secondsInFromStage: before ? Math.max(0, Math.round((after.stageEnteredAt.getTime() - before.stageEnteredAt.getTime()) / 1000)) : null,
    amount: after.amount,
  });
}

export const listOpportunities = (tx: Executor, ctx: RequestContext, params: ListParams) => records.list(tx, ctx, params);
export const listDeletedOpportunities = (tx: Executor, ctx: RequestContext, params: ListParams) => records.listDeleted(tx, ctx, params);
export const getOpportunity = records.get;
export const deleteOpportunity = records.remove;
export const restoreOpportunity = records.restore;

export async function createOpportunity(tx: Executor, ctx: RequestContext, input: OpportunityInput): Promise<Opportunity> {
  const created = await records.create(tx, ctx, input);
  await recordStageChange(tx, ctx, null, created);
  return created;
}

export async function updateOpportunity(tx: Executor, ctx: RequestContext, id: string, patch: Partial<OpportunityInput>): Promise<Opportunity> {
  const before = await records.get(tx, ctx, id);
  const after = await records.update(tx, ctx, id, patch);
  await recordStageChange(tx, ctx, before, after);
  return after;
}

export interface StageVisit {
  stageId: string;
  stageName: string | null;
  stageKey: string | null;
  enteredAt: Date;
  /** When it left; null for the stage it is in now. */
  leftAt: Date | null;
  seconds: number;
  changedBy: string | null;
}

/** The stages a deal went through, oldest first, with the exact time spent in each (the last one until now). */
export async function stageHistory(tx: Executor, ctx: RequestContext, id: string): Promise<StageVisit[]> {
  await records.get(tx, ctx, id);
  const rows = await tx
    .select({ change: opportunityStageChanges, name: pipelineStages.name, key: pipelineStages.key })
    .from(opportunityStageChanges)
    .leftJoin(pipelineStages, and(eq(pipelineStages.workspaceId, opportunityStageChanges.workspaceId), eq(pipelineStages.id, opportunityStageChanges.toStageId)))
    .where(and(eq(opportunityStageChanges.workspaceId, ctx.workspaceId), eq(opportunityStageChanges.opportunityId, id)))
    .orderBy(asc(opportunityStageChanges.changedAt), asc(opportunityStageChanges.id));
  const now = Date.now();
  return rows.map(({ change, name, key }, at) => {
    const leftAt = rows[at + 1]?.change.changedAt ?? null;
    return {
      stageId: change.toStageId,
      stageName: name,
      stageKey: key,
      enteredAt: change.changedAt,
      leftAt,
      seconds: Math.max(0, Math.round(((leftAt?.getTime() ?? now) - change.changedAt.getTime()) / 1000)),
      changedBy: change.changedBy,
    };
  });
}

export interface DealContact {
  contactId: string;
  name: string;
  title: string | null;
  role: DealContactRole;
}

export async function listDealContacts(tx: Executor, ctx: RequestContext, id: string): Promise<DealContact[]> {
  await records.get(tx, ctx, id);
  const { rows } = (await tx.execute(sql`
    select oc.contact_id as "contactId", c.name, c.title, oc.role
      from ${opportunityContacts} oc join contacts c on c.workspace_id = oc.workspace_id and c.id = oc.contact_id and c.deleted_at is null
     where oc.workspace_id = ${ctx.workspaceId} and oc.opportunity_id = ${id}
     order by c.name`)) as unknown as { rows: DealContact[] };
  return rows;
}

/** Puts a contact in the deal with a role (or changes the role). */
export async function setDealContact(tx: Executor, ctx: RequestContext, id: string, contactId: string, role: DealContactRole): Promise<DealContact> {
  const deal = await records.get(tx, ctx, id);
  await assertMayActOn(tx, ctx, 'update', deal.ownerId);
  const contact = await getContact(tx, ctx, contactId);
  await tx
    .insert(opportunityContacts)
    .values({ workspaceId: ctx.workspaceId, opportunityId: id, contactId, role })
    .onConflictDoUpdate({ target: [opportunityContacts.workspaceId, opportunityContacts.opportunityId, opportunityContacts.contactId], set: { role } });
  await recordAudit(tx, ctx, { action: 'update', recordType: 'opportunity', recordId: id, after: { dealContact: { contactId, role } } });
  return { contactId, name: contact.name, title: contact.title ?? null, role };
}

export async function removeDealContact(tx: Executor, ctx: RequestContext, id: string, contactId: string): Promise<void> {
  const deal = await records.get(tx, ctx, id);
  await assertMayActOn(tx, ctx, 'update', deal.ownerId);
  await tx
    .delete(opportunityContacts)
    .where(and(eq(opportunityContacts.workspaceId, ctx.workspaceId), eq(opportunityContacts.opportunityId, id), eq(opportunityContacts.contactId, contactId)));
  await recordAudit(tx, ctx, { action: 'update', recordType: 'opportunity', recordId: id, before: { dealContact: { contactId } } });
}

/** The latest won deal's close time of each account that has one (the public pool: an account "converted" since its claim). */
export async function lastWonAt(tx: Executor, ctx: RequestContext, accountIds: string[]): Promise<Map<string, Date>> {
  if (accountIds.length === 0) return new Map();
  const { rows } = (await tx.execute(sql`
    select account_id as "accountId", max(closed_at) as "wonAt" from ${opportunities}
     where workspace_id = ${ctx.workspaceId} and account_id in ${accountIds} and status = 'won' and deleted_at is null
     group by account_id`)) as unknown as { rows: { accountId: string; wonAt: string | Date | null }[] };
  return new Map(rows.filter((r) => r.wonAt).map((r) => [r.accountId, new Date(r.wonAt!)]));
}
