import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { getAccount } from '../customers/index.js';
import { caseAgents, cases, type RoutingCandidate, type RoutingConditions, type RoutingDecision } from './cases.tables.js';
import { openCaseCounts, type Case } from './cases.service.js';
import { getQueue, listRoutingRules, type RoutingRule } from './service-config.service.js';

/** What routing knows of a case: its own fields and its account's tier. */
export interface RoutableCase {
  typeId: string | null;
  productId: string | null;
  language: string | null;
  channel: string;
  tier: string | null;
}

/** The first active rule (by position) whose every given condition holds; none: no queue. */
export function matchRule(rules: RoutingRule[], routable: RoutableCase): RoutingRule | null {
  const holds = (values: string[] | undefined, value: string | null) => !values?.length || (value !== null && values.includes(value));
  return (
    rules
      .filter((r) => r.active)
      .sort((a, b) => a.position - b.position)
      .find((r) => {
        const c: RoutingConditions = r.conditions;
        return holds(c.typeIds, routable.typeId) && holds(c.productIds, routable.productId) && holds(c.languages, routable.language) && holds(c.tiers, routable.tier) && holds(c.channels, routable.channel);
      }) ?? null
  );
}

export interface AgentStanding {
  userId: string;
  skills: string[];
  away: boolean;
  capacity: number | null;
  openCases: number;
  lastAssignedAt: Date | null;
}

/** Points for having every wanted skill; a share of them for some. */
export const SKILL_POINTS = 100;
/** Points taken per open case the agent already has. */
export const WORKLOAD_POINTS = 10;

/**
 * Scores each agent for a case wanting `skillsWanted`: SKILL_POINTS × the share of wanted skills they have
 * (all of it when nothing is wanted), minus WORKLOAD_POINTS per open case. Away agents and those at their
 * capacity are listed but excluded. The best score wins; on a tie, fewer open cases, then whoever was given
 * a case longest ago (never: first), then the user id, so the choice is the same on every run.
 */
export function scoreAgents(agents: AgentStanding[], skillsWanted: string[]): { chosen: string | null; candidates: RoutingCandidate[] } {
  const candidates = agents.map((a): RoutingCandidate & { lastAssignedAt: number } => {
    const have = new Set(a.skills);
    const skillsMatched = skillsWanted.filter((s) => have.has(s));
    const skillsMissing = skillsWanted.filter((s) => !have.has(s));
    const share = skillsWanted.length === 0 ? 1 : skillsMatched.length / skillsWanted.length;
    const excluded = a.away ? ('away' as const) : a.capacity !== null && a.openCases >= a.capacity ? ('at_capacity' as const) : undefined;
    return {
      userId: a.userId,
      score: Math.round(SKILL_POINTS * share) - WORKLOAD_POINTS * a.openCases,
      skillsMatched,
      skillsMissing,
      openCases: a.openCases,
      ...(excluded ? { excluded } : {}),
      lastAssignedAt: a.lastAssignedAt?.getTime() ?? -Infinity,
    };
  });
  candidates.sort((a, b) => b.score - a.score || a.openCases - b.openCases || a.lastAssignedAt - b.lastAssignedAt || (a.userId < b.userId ? -1 : 1));
  const chosen = candidates.find((c) => !c.excluded)?.userId ?? null;
  return { chosen, candidates: candidates.map(({ lastAssignedAt: _, ...c }) => c) };
}

/** The queue's members with their skills, availability and open workload. */
async function standingsOf(tx: Executor, ctx: RequestContext, memberIds: string[]): Promise<AgentStanding[]> {
  if (memberIds.length === 0) return [];
  const profiles = await tx.select().from(caseAgents).where(eq(caseAgents.workspaceId, ctx.workspaceId));
  const byUser = new Map(profiles.map((p) => [p.userId, p]));
  const counts = await openCaseCounts(tx, ctx, memberIds);
  return memberIds.map((userId) => {
    const p = byUser.get(userId);
    return { userId, skills: p?.skills ?? [], away: p?.away ?? false, capacity: p?.capacity ?? null, openCases: counts.get(userId) ?? 0, lastAssignedAt: p?.lastAssignedAt ?? null };
  });
}

/**
 * Routes a case: the matching rule picks its queue (unless `keepQueue` and it has one), then the queue's best
 * agent by scoreAgents becomes its owner (unless `keepOwner`). The decision, with every candidate's score and
 * reasons, is stored on the case. System work: the caller has checked the right to create or work the case.
 */
export async function routeCase(tx: Executor, ctx: RequestContext, row: Case, options: { keepQueue?: boolean; keepOwner?: boolean } = {}): Promise<Case> {
  const tier = row.accountId ? ((await getAccount(tx, ctx, row.accountId).catch(() => null))?.tier ?? null) : null;
  const rule = options.keepQueue && row.queueId ? null : matchRule(await listRoutingRules(tx, ctx), { ...row, tier });
  const queueId = options.keepQueue && row.queueId ? row.queueId : (rule?.queueId ?? row.queueId);
  const queue = queueId ? await getQueue(tx, ctx, queueId).catch(() => null) : null;
  const skillsWanted = [...new Set([...(queue?.skills ?? []), ...(rule?.skills ?? []), ...(row.language ? [row.language.toLowerCase()] : [])])];
  const { chosen, candidates } = options.keepOwner || !queue ? { chosen: null, candidates: [] } : scoreAgents(await standingsOf(tx, ctx, queue.memberIds), skillsWanted);
  const ownerId = options.keepOwner ? row.ownerId : (chosen ?? row.ownerId);
  const routing: RoutingDecision = { at: new Date().toISOString(), ruleId: rule?.id ?? null, queueId: queue?.id ?? null, agentId: chosen, skillsWanted, candidates };
  const [after] = await tx
    .update(cases)
    .set({ queueId: queue?.id ?? null, ownerId, routing, updatedAt: new Date() })
    .where(and(eq(cases.workspaceId, ctx.workspaceId), eq(cases.id, row.id)))
    .returning();
  if (chosen) {
    await tx
      .insert(caseAgents)
      .values({ workspaceId: ctx.workspaceId, userId: chosen, lastAssignedAt: new Date() })
      .onConflictDoUpdate({ target: [caseAgents.workspaceId, caseAgents.userId], set: { lastAssignedAt: new Date() } });
  }
  await recordAudit(tx, ctx, { action: 'update', recordType: 'case', recordId: row.id, before: { queueId: row.queueId, ownerId: row.ownerId }, after: { queueId: after!.queueId, ownerId: after!.ownerId, routing } });
  return after!;
}
