import { and, asc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { CASE_PRIORITIES, type CasePriority } from '../../../contracts/service.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import { assertCan, ownershipFilter } from '../../platform/permissions/policy.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { getAccount } from '../customers/index.js';
import { timelineOf } from '../interactions/index.js';
import type { BusinessCalendar } from './business-calendar.js';
import { workspaceCalendar } from './business-calendar.service.js';
import { agentScope } from './cases.service.js';
import { caseStatusChanges, cases } from './cases.tables.js';
import { slaClocks, type CaseHistory, type SlaClock, type SlaMetric, type SlaTargets } from './sla.clocks.js';
import { caseSlaClocks, slaPolicies, type SlaConditions, type SlaEscalation } from './sla.tables.js';

export type SlaPolicy = typeof slaPolicies.$inferSelect;
export type StoredSlaClock = typeof caseSlaClocks.$inferSelect;
export interface SlaPolicyInput {
  name: string;
  position?: number;
  active?: boolean;
  conditions?: SlaConditions;
  targets: Record<CasePriority, SlaTargets>;
  businessHours?: boolean;
  warnBeforeMinutes?: number;
  escalation?: SlaEscalation;
}

const ws = (ctx: RequestContext) => eq(slaPolicies.workspaceId, ctx.workspaceId);
/** A case's messages are read a page at a time; a case with more than this many is an outlier, not a reason to loop. */
const MAX_MESSAGES = 2000;

export async function listSlaPolicies(tx: Executor, ctx: RequestContext): Promise<SlaPolicy[]> {
  return tx.select().from(slaPolicies).where(ws(ctx)).orderBy(asc(slaPolicies.position), asc(slaPolicies.createdAt));
}

async function getSlaPolicy(tx: Executor, ctx: RequestContext, id: string): Promise<SlaPolicy> {
  const [row] = await tx.select().from(slaPolicies).where(and(ws(ctx), eq(slaPolicies.id, id)));
  if (!row) throw new AppError('NOT_FOUND', 404, { resource: 'slaPolicy' });
  return row;
}

/** Targets are whole business minutes; a priority left out of `targets` is refused rather than guessed. */
function checkTargets(targets: Record<CasePriority, SlaTargets>): void {
  for (const priority of CASE_PRIORITIES) {
    const t = targets[priority];
    if (!t) throw invalidField(`targets.${priority}`, 'required');
    if (t.first_response !== null && t.resolution !== null && t.first_response > t.resolution) throw invalidField(`targets.${priority}.first_response`, 'invalid', { reason: 'longer than the resolution target' });
  }
}

export async function createSlaPolicy(tx: Executor, ctx: RequestContext, input: SlaPolicyInput): Promise<SlaPolicy> {
  assertCan(ctx, 'service.configure');
  checkTargets(input.targets);
  const name = input.name.trim();
  if (!name) throw invalidField('name', 'required');
  const [row] = await tx
    .insert(slaPolicies)
    .values({ ...input, name, workspaceId: ctx.workspaceId, id: uuidv7() })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'slaPolicy', recordId: row!.id, before: null, after: row });
  return row!;
}

export async function updateSlaPolicy(tx: Executor, ctx: RequestContext, id: string, patch: Partial<SlaPolicyInput>): Promise<SlaPolicy> {
  assertCan(ctx, 'service.configure');
  const before = await getSlaPolicy(tx, ctx, id);
  if (patch.targets) checkTargets(patch.targets);
  if (patch.name !== undefined && !patch.name.trim()) throw invalidField('name', 'required');
  const [after] = await tx
    .update(slaPolicies)
    .set({ ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}), updatedAt: new Date() })
    .where(and(ws(ctx), eq(slaPolicies.id, id)))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'slaPolicy', recordId: id, before, after });
  return after!;
}

/** Removes a policy; the clocks it set stay as history (attainment reads them) until their cases change. */
export async function deleteSlaPolicy(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'service.configure');
  const before = await getSlaPolicy(tx, ctx, id);
  await tx.delete(slaPolicies).where(and(ws(ctx), eq(slaPolicies.id, id)));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'slaPolicy', recordId: id, before, after: null });
}

const holds = <T>(list: T[] | undefined, value: T | null) => !list?.length || (value !== null && list.includes(value));

/** The first active policy, by position, whose conditions the case meets. */
export function matchPolicy(policies: SlaPolicy[], c: { priority: CasePriority; typeId: string | null; channel: string; tier: string | null }): SlaPolicy | null {
  return (
    policies.find((p) => {
      const k = p.conditions;
      return p.active && holds(k.priorities, c.priority) && holds(k.tiers, c.tier) && holds(k.typeIds, c.typeId) && holds(k.channels as string[] | undefined, c.channel);
    }) ?? null
  );
}

/** The workspace's business calendar, or around the clock in its time zone. */
async function calendarFor(tx: Executor, ctx: RequestContext, policy: SlaPolicy): Promise<BusinessCalendar> {
  if (policy.businessHours) return workspaceCalendar(tx, ctx);
  return { timeZone: (await getWorkspace(tx, ctx)).timeZone, alwaysOpen: true, week: [] };
}

/** What happened to a case, as the clocks need it: statuses, agents' replies, customer messages. */
async function historyOf(tx: Executor, ctx: RequestContext, row: typeof cases.$inferSelect): Promise<CaseHistory> {
  const statuses = await tx
    .select({ status: caseStatusChanges.toStatus, at: caseStatusChanges.changedAt })
    .from(caseStatusChanges)
    .where(and(eq(caseStatusChanges.workspaceId, ctx.workspaceId), eq(caseStatusChanges.caseId, row.id)))
    .orderBy(asc(caseStatusChanges.changedAt), asc(caseStatusChanges.id));
  const agentReplies: Date[] = [];
  const customerMessages: Date[] = [];
  let cursor: string | undefined;
  for (let read = 0; read < MAX_MESSAGES; ) {
    const page = await timelineOf(tx, ctx, { recordType: 'case', recordId: row.id }, { limit: 200, cursor });
    for (const item of page.data) {
      if (item.direction === 'outbound') agentReplies.push(new Date(item.occurredAt));
      else if (item.direction === 'inbound') customerMessages.push(new Date(item.occurredAt));
    }
    read += page.data.length;
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  // A response logged some other way (a call back) stamps the case without a message on it.
  if (row.firstResponseAt) agentReplies.push(row.firstResponseAt);
  const byTime = (a: Date, b: Date) => a.getTime() - b.getTime();
  return { createdAt: row.createdAt, statuses: statuses.length ? statuses : [{ status: row.status, at: row.createdAt }], agentReplies: agentReplies.sort(byTime), customerMessages: customerMessages.sort(byTime) };
}

/**
 * Recomputes a case's SLA clocks from its history and stores them (warnings and escalations already done
 * are kept, so nobody is told twice). A case no policy covers, deleted or merged, has no clocks.
 */
export async function refreshCaseSla(tx: Executor, ctx: RequestContext, caseId: string, now = new Date()): Promise<StoredSlaClock[]> {
  const [row] = await tx.select().from(cases).where(and(eq(cases.workspaceId, ctx.workspaceId), eq(cases.id, caseId)));
  const clear = () => tx.delete(caseSlaClocks).where(and(eq(caseSlaClocks.workspaceId, ctx.workspaceId), eq(caseSlaClocks.caseId, caseId)));
  if (!row || row.deletedAt || row.mergedInto) {
    await clear();
    return [];
  }
  const tier = row.accountId ? ((await getAccount(tx, ctx, row.accountId).catch(() => null))?.tier ?? null) : null;
  const policy = matchPolicy(await listSlaPolicies(tx, ctx), { ...row, tier });
  if (!policy) {
    await clear();
    return [];
  }
  const targets = policy.targets[row.priority];
  const clocks = slaClocks(await calendarFor(tx, ctx, policy), targets, await historyOf(tx, ctx, row), now);
  if (!clocks.length) {
    await clear();
    return [];
  }
  const values = clocks.map((c: SlaClock) => ({
    workspaceId: ctx.workspaceId,
    caseId,
    metric: c.metric,
    cycle: c.cycle,
    policyId: policy.id,
    targetMinutes: targets[c.metric]!,
    startedAt: c.startedAt,
    dueAt: c.dueAt,
    stoppedAt: c.stoppedAt,
    paused: c.paused,
    elapsedMinutes: Math.round(c.elapsedMinutes),
    breached: c.breached,
    computedAt: now,
  }));
  const keys = clocks.map((c) => `${c.metric}:${c.cycle}`);
  await tx
    .delete(caseSlaClocks)
    .where(and(eq(caseSlaClocks.workspaceId, ctx.workspaceId), eq(caseSlaClocks.caseId, caseId), notInArray(sql<string>`${caseSlaClocks.metric} || ':' || ${caseSlaClocks.cycle}`, keys)));
  return tx
    .insert(caseSlaClocks)
    .values(values)
    .onConflictDoUpdate({
      target: [caseSlaClocks.workspaceId, caseSlaClocks.caseId, caseSlaClocks.metric, caseSlaClocks.cycle],
      set: {
        policyId: sql`excluded.policy_id`,
        targetMinutes: sql`excluded.target_minutes`,
        startedAt: sql`excluded.started_at`,
        dueAt: sql`excluded.due_at`,
        stoppedAt: sql`excluded.stopped_at`,
        paused: sql`excluded.paused`,
        elapsedMinutes: sql`excluded.elapsed_minutes`,
        breached: sql`excluded.breached`,
        computedAt: sql`excluded.computed_at`,
      },
    })
    .returning();
}

/** The stored clocks of some cases (lists and the case page show them), ordered by metric and cycle. */
export async function slaClocksOf(tx: Executor, ctx: RequestContext, caseIds: string[]): Promise<StoredSlaClock[]> {
  if (!caseIds.length) return [];
  return tx
    .select()
    .from(caseSlaClocks)
    .where(and(eq(caseSlaClocks.workspaceId, ctx.workspaceId), inArray(caseSlaClocks.caseId, caseIds)))
    .orderBy(asc(caseSlaClocks.caseId), asc(caseSlaClocks.metric), asc(caseSlaClocks.cycle));
}

export const ATTAINMENT_GROUPS = ['metric', 'priority', 'queue', 'owner'] as const;
export type AttainmentGroup = (typeof ATTAINMENT_GROUPS)[number];

export interface AttainmentRow {
  /** The group's value (priority, queue id, owner id); null for the metric grouping and for unqueued or unowned cases. */
  key: string | null;
  metric: SlaMetric;
  total: number;
  met: number;
  breached: number;
  /** Still running or paused, within target so far. */
  open: number;
  /** Met ÷ (met + breached), 0–1; null when none has finished. */
  attainment: number | null;
  /** Average business minutes of the clocks that stopped. */
  averageMinutes: number | null;
}

const GROUP_COLUMN: Record<AttainmentGroup, SQL> = { metric: sql`null::text`, priority: sql`k.priority`, queue: sql`k.queue_id::text`, owner: sql`k.owner_id::text` };

/**
 * SLA attainment of the clocks started in [from, to) on cases the caller may read, per metric and group:
 * how many met their target, how many breached, and the average time of those that stopped.
 */
export async function slaAttainment(tx: Executor, ctx: RequestContext, query: { from: Date; to: Date; groupBy: AttainmentGroup }): Promise<AttainmentRow[]> {
  if (query.to <= query.from) throw invalidField('to', 'invalid', { reason: 'not after from' });
  const scope = and(ownershipFilter(ctx, 'read', cases.ownerId), agentScope(ctx));
  const { rows } = (await tx.execute(sql`
    select ${GROUP_COLUMN[query.groupBy]} as key, c.metric,
           count(*)::int as total,
           count(*) filter (where c.stopped_at is not null and not c.breached)::int as met,
           count(*) filter (where c.breached)::int as breached,
           count(*) filter (where c.stopped_at is null and not c.breached)::int as open,
           round(avg(c.elapsed_minutes) filter (where c.stopped_at is not null))::int as "averageMinutes"
      from ${caseSlaClocks} c join ${cases} k on k.workspace_id = c.workspace_id and k.id = c.case_id
     where c.workspace_id = ${ctx.workspaceId} and c.started_at >= ${query.from} and c.started_at < ${query.to}
       and k.deleted_at is null ${scope ? sql`and ${scope}` : sql``}
     group by 1, 2
     order by 1 nulls first, 2`)) as unknown as { rows: Omit<AttainmentRow, 'attainment'>[] };
  return rows.map((r) => ({ ...r, attainment: r.met + r.breached ? r.met / (r.met + r.breached) : null }));
}
