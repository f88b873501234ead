import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { LeadBehaviour } from '../../../contracts/sales.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { invalidField, notFound } from '../../platform/errors/app-error.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { assertActiveMember } from '../../platform/tenancy/membership-checks.js';
import { leadAssignmentRules, leadScoringRules, type RuleCondition } from './leads.tables.js';

// Admins' and managers' rules for leads: territories with round-robin assignment, and scoring.

export type AssignmentRule = typeof leadAssignmentRules.$inferSelect;
export type ScoringRule = typeof leadScoringRules.$inferSelect;

export interface AssignmentRuleInput {
  name: string;
  position?: number;
  active?: boolean;
  conditions?: RuleCondition[];
  assignees: string[];
}

async function assertAssignees(tx: Executor, ctx: RequestContext, assignees: string[]): Promise<void> {
  for (const [at, userId] of assignees.entries()) await assertActiveMember(tx, ctx, userId, `assignees.${at}`);
}

export function listAssignmentRules(tx: Executor, ctx: RequestContext): Promise<AssignmentRule[]> {
  return tx.select().from(leadAssignmentRules).where(eq(leadAssignmentRules.workspaceId, ctx.workspaceId)).orderBy(asc(leadAssignmentRules.position), asc(leadAssignmentRules.createdAt));
}

export async function createAssignmentRule(tx: Executor, ctx: RequestContext, input: AssignmentRuleInput): Promise<AssignmentRule> {
  assertCan(ctx, 'sales.configure');
  await assertAssignees(tx, ctx, input.assignees);
  const [row] = await tx
    .insert(leadAssignmentRules)
    .values({ workspaceId: ctx.workspaceId, id: uuidv7(), name: input.name.trim(), position: input.position ?? 0, active: input.active ?? true, conditions: input.conditions ?? [], assignees: [...new Set(input.assignees)] })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'leadAssignmentRule', recordId: row!.id, after: row! });
  return row!;
}

export async function updateAssignmentRule(tx: Executor, ctx: RequestContext, id: string, patch: Partial<AssignmentRuleInput>): Promise<AssignmentRule> {
  assertCan(ctx, 'sales.configure');
  const byId = and(eq(leadAssignmentRules.workspaceId, ctx.workspaceId), eq(leadAssignmentRules.id, id));
  const [before] = await tx.select().from(leadAssignmentRules).where(byId);
  if (!before) throw notFound('leadAssignmentRule');
  if (patch.assignees) await assertAssignees(tx, ctx, patch.assignees);
  const [after] = await tx
    .update(leadAssignmentRules)
    .set({
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.position !== undefined ? { position: patch.position } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.conditions !== undefined ? { conditions: patch.conditions } : {}),
      ...(patch.assignees !== undefined ? { assignees: [...new Set(patch.assignees)] } : {}),
    })
    .where(byId)
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'leadAssignmentRule', recordId: id, before, after: after! });
  return after!;
}

export async function deleteAssignmentRule(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'sales.configure');
  const [before] = await tx.delete(leadAssignmentRules).where(and(eq(leadAssignmentRules.workspaceId, ctx.workspaceId), eq(leadAssignmentRules.id, id))).returning();
  if (!before) throw notFound('leadAssignmentRule');
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'leadAssignmentRule', recordId: id, before });
}

export interface ScoringRuleInput {
  name: string;
  /** Exactly one of a field condition and a behaviour. */
  condition?: RuleCondition | null;
  behaviour?: LeadBehaviour | null;
  points: number;
  maxTimes?: number;
  active?: boolean;
}

function assertOneKind(rule: Pick<ScoringRuleInput, 'condition' | 'behaviour'>): void {
  if (Boolean(rule.condition) === Boolean(rule.behaviour)) throw invalidField(rule.condition ? 'behaviour' : 'condition', 'invalid');
}

export function listScoringRules(tx: Executor, ctx: RequestContext): Promise<ScoringRule[]> {
  return tx.select().from(leadScoringRules).where(eq(leadScoringRules.workspaceId, ctx.workspaceId)).orderBy(asc(leadScoringRules.createdAt));
}

export async function createScoringRule(tx: Executor, ctx: RequestContext, input: ScoringRuleInput): Promise<ScoringRule> {
  assertCan(ctx, 'sales.configure');
  assertOneKind(input);
  const [row] = await tx
    .insert(leadScoringRules)
    .values({ workspaceId: ctx.workspaceId, id: uuidv7(), name: input.name.trim(), condition: input.condition ?? null, behaviour: input.behaviour ?? null, points: input.points, maxTimes: input.maxTimes ?? 1, active: input.active ?? true })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'leadScoringRule', recordId: row!.id, after: row! });
  return row!;
}

export async function updateScoringRule(tx: Executor, ctx: RequestContext, id: string, patch: Partial<ScoringRuleInput>): Promise<ScoringRule> {
  assertCan(ctx, 'sales.configure');
  const byId = and(eq(leadScoringRules.workspaceId, ctx.workspaceId), eq(leadScoringRules.id, id));
  const [before] = await tx.select().from(leadScoringRules).where(byId);
  if (!before) throw notFound('leadScoringRule');
  const condition = patch.condition !== undefined ? patch.condition : before.condition;
  const behaviour = patch.behaviour !== undefined ? patch.behaviour : before.behaviour;
  assertOneKind({ condition, behaviour });
  const [after] = await tx
    .update(leadScoringRules)
    .set({
      condition,
      behaviour,
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.points !== undefined ? { points: patch.points } : {}),
      ...(patch.maxTimes !== undefined ? { maxTimes: patch.maxTimes } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
    })
    .where(byId)
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'leadScoringRule', recordId: id, before, after: after! });
  return after!;
}

export async function deleteScoringRule(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'sales.configure');
  const [before] = await tx.delete(leadScoringRules).where(and(eq(leadScoringRules.workspaceId, ctx.workspaceId), eq(leadScoringRules.id, id))).returning();
  if (!before) throw notFound('leadScoringRule');
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'leadScoringRule', recordId: id, before });
}
