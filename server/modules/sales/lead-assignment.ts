import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { memberships } from '../../platform/tenancy/tenancy.tables.js';
import { meets } from './lead-rules.js';
import { leadAssignmentRules } from './leads.tables.js';
import type { Lead } from './leads.service.js';

/**
 * The owner the workspace's assignment rules give a new lead: the first active rule (by position) whose
 * conditions all hold picks its next active member in turn. The turn counter is advanced with a single
 * UPDATE … RETURNING, so concurrent leads never get the same turn. Undefined when no rule applies.
 */
export async function assignedOwner(tx: Executor, ctx: RequestContext, lead: Lead): Promise<string | undefined> {
  const rules = await tx
    .select()
    .from(leadAssignmentRules)
    .where(and(eq(leadAssignmentRules.workspaceId, ctx.workspaceId), eq(leadAssignmentRules.active, true)))
    .orderBy(asc(leadAssignmentRules.position), asc(leadAssignmentRules.createdAt));
  const rule = rules.find((r) => r.conditions.every((c) => meets(lead, c)));
  if (!rule) return undefined;
  // Members who left or were deactivated get no more leads.
  const active = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.status, 'active'), inArray(memberships.userId, rule.assignees)));
  const eligible = rule.assignees.filter((id) => active.some((m) => m.userId === id));
  if (eligible.length === 0) return undefined;
  const [turn] = await tx
    .update(leadAssignmentRules)
    .set({ turns: sql`${leadAssignmentRules.turns} + 1` })
    .where(and(eq(leadAssignmentRules.workspaceId, ctx.workspaceId), eq(leadAssignmentRules.id, rule.id)))
    .returning({ turns: leadAssignmentRules.turns });
  return eligible[(turn!.turns - 1) % eligible.length];
}
