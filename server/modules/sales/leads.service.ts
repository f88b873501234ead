import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { invalidField } from '../../platform/errors/app-error.js';
import type { ListParams, ListSpec } from '../../platform/http/list-query.js';
import { phoneField } from '../../platform/phones.js';
import { ownedRecords } from '../../platform/records/owned-records.js';
import { cleanList, cleanText } from '../../platform/text.js';
import { leads } from './leads.tables.js';
import { assignedOwner } from './lead-assignment.js';
import { scoreOf } from './lead-scoring.js';

export type Lead = typeof leads.$inferSelect;
type Writable = Omit<Lead, 'workspaceId' | 'id' | 'score' | 'scoreReasons' | 'convertedAt' | 'convertedAccountId' | 'convertedContactId' | 'convertedOpportunityId' | 'deletedAt' | 'deletedBy' | 'createdAt' | 'updatedAt'>;
export type LeadInput = Partial<Writable> & { name: string };

export const leadListSpec: ListSpec = {
  fields: {
    name: { column: leads.name, type: 'text', sortable: true },
    company: { column: leads.company, type: 'text' },
    title: { column: leads.title, type: 'text' },
    email: { column: leads.email, type: 'text' },
    phone: { column: leads.phone, type: 'text' },
    industry: { column: leads.industry, type: 'text' },
    region: { column: leads.region, type: 'text' },
    source: { column: leads.source, type: 'text' },
    status: { column: leads.status, type: 'text' },
    disqualifyReason: { column: leads.disqualifyReason, type: 'text' },
    score: { column: leads.score, type: 'number', sortable: true },
    ownerId: { column: leads.ownerId, type: 'uuid' },
    createdAt: { column: leads.createdAt, type: 'timestamp', sortable: true },
    updatedAt: { column: leads.updatedAt, type: 'timestamp', sortable: true },
  },
  id: leads.id,
  defaultSort: '-createdAt',
};

const TEXT_FIELDS = ['company', 'title', 'wechatId', 'industry', 'region', 'source', 'description'] as const;

async function leadColumns(tx: Executor, ctx: RequestContext, input: Partial<LeadInput>, before: Lead | null): Promise<Partial<Lead>> {
  const values: Partial<Lead> = {};
  if (input.name !== undefined) values.name = input.name.trim();
  for (const key of TEXT_FIELDS) if (input[key] !== undefined) values[key] = cleanText(input[key]) ?? null;
  if (input.email !== undefined) values.email = cleanText(input.email, true) ?? null;
  if (input.phone !== undefined) values.phone = phoneField(input.phone, ctx.country, 'phone');
  if (input.tags !== undefined) values.tags = cleanList(input.tags);
  if (input.status !== undefined) {
    // Conversion has its own route: it creates the customer records a converted lead points at.
    if (input.status === 'converted' && before?.status !== 'converted') throw invalidField('status', 'invalid');
    if (before?.status === 'converted' && input.status !== 'converted') throw invalidField('status', 'invalid');
    values.status = input.status;
  }
  const status = values.status ?? before?.status ?? 'new';
  if (input.disqualifyReason !== undefined) values.disqualifyReason = input.disqualifyReason;
  if (status === 'disqualified' && !(values.disqualifyReason ?? before?.disqualifyReason)) throw invalidField('disqualifyReason', 'required');
  if (status !== 'disqualified' && (values.status !== undefined || values.disqualifyReason)) values.disqualifyReason = null;
  const whole = { ...before, ...values } as Lead;
  Object.assign(values, await scoreOf(tx, ctx, whole));
  return values;
}

const records = ownedRecords<Lead, LeadInput>({ table: leads, recordType: 'lead', listSpec: leadListSpec, toColumns: leadColumns, customFieldsOf: 'leads' });

export const listLeads = (tx: Executor, ctx: RequestContext, params: ListParams) => records.list(tx, ctx, params);
export const listDeletedLeads = (tx: Executor, ctx: RequestContext, params: ListParams) => records.listDeleted(tx, ctx, params);
export const getLead = records.get;
export const updateLead = records.update;
export const deleteLead = records.remove;
export const restoreLead = records.restore;

/**
 * Creates a lead. With `assign`, and no owner named, the workspace's assignment rules pick the owner (round
 * robin within the first matching territory); the caller creates it and hands it over in the same
 * transaction, so a sales rep may route a lead to a colleague without the right to create it as theirs.
 */
export async function createLead(tx: Executor, ctx: RequestContext, input: LeadInput & { assign?: boolean }): Promise<Lead> {
  const { assign, ...fields } = input;
  const created = await records.create(tx, ctx, fields);
  if (!assign || fields.ownerId !== undefined) return created;
  const ownerId = await assignedOwner(tx, ctx, created);
  if (ownerId === undefined || ownerId === created.ownerId) return created;
  const [after] = await tx
    .update(leads)
    .set({ ownerId, updatedAt: new Date() })
    .where(and(eq(leads.workspaceId, ctx.workspaceId), eq(leads.id, created.id)))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'lead', recordId: created.id, before: created, after: after! });
  return after!;
}

/** Moves leads between owners where the owner is still the expected one (the public pool: claim, release, return). */
export const handOverLeads = records.handOver;

/** Live leads by id, whoever owns them: for the public pool, which decides itself who may see them. */
export async function leadsByIds(tx: Executor, ctx: RequestContext, ids: string[]): Promise<Lead[]> {
  if (ids.length === 0) return [];
  return tx.select().from(leads).where(and(eq(leads.workspaceId, ctx.workspaceId), inArray(leads.id, ids), isNull(leads.deletedAt)));
}

/** Many leads from an import, each validated alone (refusals in their places), routed by the rules when `assign`. */
export const createLeads = records.createMany;

/** Recomputes a lead's score (after behaviour was logged on it, or rules changed). */
export async function rescoreLead(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  const [lead] = await tx.select().from(leads).where(and(eq(leads.workspaceId, ctx.workspaceId), eq(leads.id, id)));
  if (!lead) return;
  const { score, scoreReasons } = await scoreOf(tx, ctx, lead);
  if (score !== lead.score || JSON.stringify(scoreReasons) !== JSON.stringify(lead.scoreReasons)) {
    await tx.update(leads).set({ score, scoreReasons }).where(and(eq(leads.workspaceId, ctx.workspaceId), eq(leads.id, id)));
  }
}

/**
 * Rescores the next `limit` live leads after `afterId` (id order), for the rescoring job after rules changed:
 * a batch per transaction, so a workspace with a million leads is rescored without one endless transaction.
 */
export async function rescoreLeadBatch(tx: Executor, ctx: RequestContext, afterId: string | null, limit = 500): Promise<{ lastId: string | null; count: number }> {
  const { rows } = (await tx.execute(sql`
    select id from ${leads}
     where workspace_id = ${ctx.workspaceId} and deleted_at is null and status <> 'converted' ${afterId ? sql`and id > ${afterId}` : sql``}
     order by id limit ${limit}`)) as unknown as { rows: { id: string }[] };
  for (const { id } of rows) await rescoreLead(tx, ctx, id);
  return { lastId: rows.at(-1)?.id ?? null, count: rows.length };
}

export async function countLiveLeads(tx: Executor, ctx: RequestContext): Promise<number> {
  const { rows } = (await tx.execute(sql`select count(*)::int as n from ${leads} where workspace_id = ${ctx.workspaceId} and deleted_at is null and status <> 'converted'`)) as unknown as { rows: { n: number }[] };
  return rows[0]!.n;
}
