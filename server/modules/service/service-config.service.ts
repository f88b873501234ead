import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors/app-error.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { assertActiveMember } from '../../platform/tenancy/membership-checks.js';
import { cleanList } from '../../platform/text.js';
import { caseAgents, caseQueueMembers, caseQueues, caseRoutingRules, caseTypes, cases, serviceSettings, type RoutingConditions } from './cases.tables.js';
import { listCaseTypes, openCaseCounts, serviceSettingsOf, type CaseType } from './cases.service.js';

// What admins set up for service: case types, queues and their members, routing rules, agents' skills and
// availability, the support addresses and the case number prefix.

const cleanSkills = (skills: readonly string[] | undefined) => (skills === undefined ? undefined : cleanList(skills.map((s) => s.toLowerCase())));

// ——— Case types ———

export async function createCaseType(tx: Executor, ctx: RequestContext, input: { name: string }): Promise<CaseType> {
  assertCan(ctx, 'service.configure');
  const existing = await listCaseTypes(tx, ctx);
  const [row] = await tx
    .insert(caseTypes)
    .values({ workspaceId: ctx.workspaceId, id: uuidv7(), name: input.name.trim(), position: Math.max(0, ...existing.map((t) => t.position)) + 1 })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'caseType', recordId: row!.id, after: row! });
  return row!;
}

/** Renames (a built-in then shows its new name in every language; null: back to the built-in name), moves or retires a type. */
export async function updateCaseType(tx: Executor, ctx: RequestContext, id: string, patch: { name?: string | null; position?: number; active?: boolean }): Promise<CaseType> {
  assertCan(ctx, 'service.configure');
  const [before] = await tx.select().from(caseTypes).where(and(eq(caseTypes.workspaceId, ctx.workspaceId), eq(caseTypes.id, id)));
  if (!before) throw notFound('caseType');
  const name = patch.name === undefined ? undefined : patch.name?.trim() || null;
  if (name === null && !before.key) throw invalidField('name', 'required');
  const [after] = await tx
    .update(caseTypes)
    .set({ ...(name !== undefined ? { name } : {}), ...(patch.position !== undefined ? { position: patch.position } : {}), ...(patch.active !== undefined ? { active: patch.active } : {}) })
    .where(and(eq(caseTypes.workspaceId, ctx.workspaceId), eq(caseTypes.id, id)))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'caseType', recordId: id, before, after: after! });
  return after!;
}

// ——— Queues ———

export type CaseQueue = typeof caseQueues.$inferSelect & { memberIds: string[] };
export interface QueueInput {
  name: string;
  skills?: string[];
  memberIds?: string[];
}

async function membersOf(tx: Executor, ctx: RequestContext, queueIds: string[]): Promise<Map<string, string[]>> {
  const byQueue = new Map<string, string[]>(queueIds.map((id) => [id, []]));
  if (queueIds.length === 0) return byQueue;
  const rows = await tx
    .select()
    .from(caseQueueMembers)
    .where(and(eq(caseQueueMembers.workspaceId, ctx.workspaceId), inArray(caseQueueMembers.queueId, queueIds)));
  for (const r of rows) byQueue.get(r.queueId)?.push(r.userId);
  return byQueue;
}

export async function listQueues(tx: Executor, ctx: RequestContext): Promise<CaseQueue[]> {
  const rows = await tx.select().from(caseQueues).where(eq(caseQueues.workspaceId, ctx.workspaceId)).orderBy(asc(caseQueues.name));
  const members = await membersOf(tx, ctx, rows.map((q) => q.id));
  return rows.map((q) => ({ ...q, memberIds: members.get(q.id) ?? [] }));
}

export async function getQueue(tx: Executor, ctx: RequestContext, id: string): Promise<CaseQueue> {
  const [row] = await tx.select().from(caseQueues).where(and(eq(caseQueues.workspaceId, ctx.workspaceId), eq(caseQueues.id, id)));
  if (!row) throw notFound('caseQueue');
  return { ...row, memberIds: (await membersOf(tx, ctx, [id])).get(id) ?? [] };
}

async function setMembers(tx: Executor, ctx: RequestContext, queueId: string, memberIds: string[]): Promise<void> {
  const unique = [...new Set(memberIds)];
  for (const [i, userId] of unique.entries()) await assertActiveMember(tx, ctx, userId, `memberIds.${i}`);
  await tx.delete(caseQueueMembers).where(and(eq(caseQueueMembers.workspaceId, ctx.workspaceId), eq(caseQueueMembers.queueId, queueId)));
  if (unique.length) await tx.insert(caseQueueMembers).values(unique.map((userId) => ({ workspaceId: ctx.workspaceId, queueId, userId })));
}

export async function createQueue(tx: Executor, ctx: RequestContext, input: QueueInput): Promise<CaseQueue> {
  assertCan(ctx, 'service.configure');
  const id = uuidv7();
  await tx.insert(caseQueues).values({ workspaceId: ctx.workspaceId, id, name: input.name.trim(), skills: cleanSkills(input.skills) ?? [] });
  await setMembers(tx, ctx, id, input.memberIds ?? []);
  const created = await getQueue(tx, ctx, id);
  await recordAudit(tx, ctx, { action: 'create', recordType: 'caseQueue', recordId: id, after: created });
  return created;
}

export async function updateQueue(tx: Executor, ctx: RequestContext, id: string, patch: Partial<QueueInput>): Promise<CaseQueue> {
  assertCan(ctx, 'service.configure');
  const before = await getQueue(tx, ctx, id);
  await tx
    .update(caseQueues)
    .set({ ...(patch.name !== undefined ? { name: patch.name.trim() } : {}), ...(patch.skills !== undefined ? { skills: cleanSkills(patch.skills) } : {}), updatedAt: new Date() })
    .where(and(eq(caseQueues.workspaceId, ctx.workspaceId), eq(caseQueues.id, id)));
  if (patch.memberIds !== undefined) await setMembers(tx, ctx, id, patch.memberIds);
  const after = await getQueue(tx, ctx, id);
  await recordAudit(tx, ctx, { action: 'update', recordType: 'caseQueue', recordId: id, before, after });
  return after;
}

/** Removes a queue no case and no routing rule uses any more (409 otherwise: move them first). */
export async function deleteQueue(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'service.configure');
  const before = await getQueue(tx, ctx, id);
  const { rows } = (await tx.execute(sql`
    select (select count(*) from ${cases} where workspace_id = ${ctx.workspaceId} and queue_id = ${id})::int as cases,
           (select count(*) from ${caseRoutingRules} where workspace_id = ${ctx.workspaceId} and queue_id = ${id})::int as rules`)) as unknown as { rows: { cases: number; rules: number }[] };
  const used = rows[0]!;
  if (used.cases > 0 || used.rules > 0) throw new AppError('QUEUE_IN_USE', 409, { cases: used.cases, rules: used.rules });
  await tx.delete(caseQueueMembers).where(and(eq(caseQueueMembers.workspaceId, ctx.workspaceId), eq(caseQueueMembers.queueId, id)));
  await tx.delete(caseQueues).where(and(eq(caseQueues.workspaceId, ctx.workspaceId), eq(caseQueues.id, id)));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'caseQueue', recordId: id, before });
}

// ——— Routing rules ———

export type RoutingRule = typeof caseRoutingRules.$inferSelect;
export interface RoutingRuleInput {
  name: string;
  queueId: string;
  position?: number;
  active?: boolean;
  conditions?: RoutingConditions;
  skills?: string[];
}

export function listRoutingRules(tx: Executor, ctx: RequestContext): Promise<RoutingRule[]> {
  return tx.select().from(caseRoutingRules).where(eq(caseRoutingRules.workspaceId, ctx.workspaceId)).orderBy(asc(caseRoutingRules.position), asc(caseRoutingRules.createdAt));
}

async function getRoutingRule(tx: Executor, ctx: RequestContext, id: string): Promise<RoutingRule> {
  const [row] = await tx.select().from(caseRoutingRules).where(and(eq(caseRoutingRules.workspaceId, ctx.workspaceId), eq(caseRoutingRules.id, id)));
  if (!row) throw notFound('caseRoutingRule');
  return row;
}

/** Conditions as stored: empty lists dropped (an empty list would match nothing, which nobody means). */
function cleanConditions(conditions: RoutingConditions): RoutingConditions {
  return Object.fromEntries(Object.entries(conditions).filter(([, values]) => Array.isArray(values) && values.length > 0)) as RoutingConditions;
}

export async function createRoutingRule(tx: Executor, ctx: RequestContext, input: RoutingRuleInput): Promise<RoutingRule> {
  assertCan(ctx, 'service.configure');
  await getQueue(tx, ctx, input.queueId).catch(() => {
    throw invalidField('queueId', 'invalid');
  });
  const [row] = await tx
    .insert(caseRoutingRules)
    .values({
      workspaceId: ctx.workspaceId,
      id: uuidv7(),
      name: input.name.trim(),
      queueId: input.queueId,
      position: input.position ?? 0,
      active: input.active ?? true,
      conditions: cleanConditions(input.conditions ?? {}),
      skills: cleanSkills(input.skills) ?? [],
    })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'caseRoutingRule', recordId: row!.id, after: row! });
  return row!;
}

export async function updateRoutingRule(tx: Executor, ctx: RequestContext, id: string, patch: Partial<RoutingRuleInput>): Promise<RoutingRule> {
  assertCan(ctx, 'service.configure');
  const before = await getRoutingRule(tx, ctx, id);
  if (patch.queueId !== undefined)
    await getQueue(tx, ctx, patch.queueId).catch(() => {
      throw invalidField('queueId', 'invalid');
    });
  const [after] = await tx
    .update(caseRoutingRules)
    .set({
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.queueId !== undefined ? { queueId: patch.queueId } : {}),
      ...(patch.position !== undefined ? { position: patch.position } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.conditions !== undefined ? { conditions: cleanConditions(patch.conditions) } : {}),
      ...(patch.skills !== undefined ? { skills: cleanSkills(patch.skills) } : {}),
    })
    .where(and(eq(caseRoutingRules.workspaceId, ctx.workspaceId), eq(caseRoutingRules.id, id)))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'caseRoutingRule', recordId: id, before, after: after! });
  return after!;
}

export async function deleteRoutingRule(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'service.configure');
  const before = await getRoutingRule(tx, ctx, id);
  await tx.delete(caseRoutingRules).where(and(eq(caseRoutingRules.workspaceId, ctx.workspaceId), eq(caseRoutingRules.id, id)));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'caseRoutingRule', recordId: id, before });
}

// ——— Agents ———

export interface Agent {
  userId: string;
  skills: string[];
  away: boolean;
  capacity: number | null;
  lastAssignedAt: Date | null;
  openCases: number;
  queueIds: string[];
}

/** Agents' routing profiles: every member of a queue, and anyone with a profile, with their open workload. */
export async function listAgents(tx: Executor, ctx: RequestContext): Promise<Agent[]> {
  const profiles = await tx.select().from(caseAgents).where(eq(caseAgents.workspaceId, ctx.workspaceId));
  const memberships = await tx.select().from(caseQueueMembers).where(eq(caseQueueMembers.workspaceId, ctx.workspaceId));
  const ids = [...new Set([...profiles.map((p) => p.userId), ...memberships.map((m) => m.userId)])].sort();
  const counts = await openCaseCounts(tx, ctx, ids);
  const byUser = new Map(profiles.map((p) => [p.userId, p]));
  return ids.map((userId) => {
    const p = byUser.get(userId);
    return {
      userId,
      skills: p?.skills ?? [],
      away: p?.away ?? false,
      capacity: p?.capacity ?? null,
      lastAssignedAt: p?.lastAssignedAt ?? null,
      openCases: counts.get(userId) ?? 0,
      queueIds: memberships.filter((m) => m.userId === userId).map((m) => m.queueId),
    };
  });
}

/**
 * Sets an agent's profile. Skills and capacity are the configurers'; availability (away) is also each
 * agent's own to set.
 */
export async function updateAgent(tx: Executor, ctx: RequestContext, userId: string, patch: { skills?: string[]; capacity?: number | null; away?: boolean }): Promise<Agent> {
  const self = ctx.userId === userId;
  const onlyAway = patch.skills === undefined && patch.capacity === undefined;
  if (!(self && onlyAway)) assertCan(ctx, 'service.configure');
  await assertActiveMember(tx, ctx, userId, 'userId').catch(() => {
    throw notFound('member');
  });
  const [before] = await tx.select().from(caseAgents).where(and(eq(caseAgents.workspaceId, ctx.workspaceId), eq(caseAgents.userId, userId)));
  const values = {
    ...(patch.skills !== undefined ? { skills: cleanSkills(patch.skills) } : {}),
    ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
    ...(patch.away !== undefined ? { away: patch.away } : {}),
  };
  const [after] = await tx
    .insert(caseAgents)
    .values({ workspaceId: ctx.workspaceId, userId, ...values })
    .onConflictDoUpdate({ target: [caseAgents.workspaceId, caseAgents.userId], set: Object.keys(values).length ? values : { away: sql`${caseAgents.away}` } })
    .returning();
  await recordAudit(tx, ctx, { action: before ? 'update' : 'create', recordType: 'caseAgent', recordId: userId, before: before ?? null, after: after! });
  const agent = (await listAgents(tx, ctx)).find((a) => a.userId === userId);
  if (!agent) throw forbidden();
  return agent;
}

// ——— Settings ———

export async function getServiceSettings(tx: Executor, ctx: RequestContext) {
  const { numberPrefix, supportAddresses } = await serviceSettingsOf(tx, ctx);
  return { numberPrefix, supportAddresses };
}

export async function updateServiceSettings(tx: Executor, ctx: RequestContext, patch: { numberPrefix?: string; supportAddresses?: string[] }) {
  assertCan(ctx, 'service.configure');
  const before = await getServiceSettings(tx, ctx);
  await tx
    .update(serviceSettings)
    .set({
      ...(patch.numberPrefix !== undefined ? { numberPrefix: patch.numberPrefix.trim().toUpperCase() } : {}),
      ...(patch.supportAddresses !== undefined ? { supportAddresses: cleanList(patch.supportAddresses.map((a) => a.toLowerCase())) } : {}),
    })
    .where(eq(serviceSettings.workspaceId, ctx.workspaceId));
  const after = await getServiceSettings(tx, ctx);
  await recordAudit(tx, ctx, { action: 'update', recordType: 'serviceSettings', recordId: ctx.workspaceId, before, after });
  return after;
}
