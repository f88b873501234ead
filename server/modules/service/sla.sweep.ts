import { and, eq, isNull, sql } from 'drizzle-orm';
import { CASE_PRIORITIES } from '../../../contracts/service.js';
import type { Database } from '../../db/client.js';
import { asSystem, inWorkspace } from '../../db/transaction.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { contextOfIntegration } from '../../platform/auth/context-loader.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { RealtimeMessage } from '../../platform/realtime/realtime.js';
import { managerOf } from '../../platform/tenancy/teams.service.js';
import type { Executor } from '../../db/client.js';
import { cases } from './cases.tables.js';
import { refreshCaseSla, type StoredSlaClock } from './sla.service.js';
import { caseSlaClocks, slaPolicies } from './sla.tables.js';

/** The longest warning a policy may ask for; the sweep looks this far ahead. */
export const MAX_WARN_MINUTES = 7 * 24 * 60;

export interface SlaSweepResult {
  warned: number;
  escalated: number;
}

type Publish = (message: RealtimeMessage) => Promise<void>;

/**
 * Warns of coming breaches and escalates breaches, once per clock. Each candidate case is recomputed first,
 * so a reply or a pause that arrived since the last computation is seen and nobody is warned for nothing.
 * Candidates: running clocks due within their policy's warning time and not yet warned, or due and not yet
 * escalated. The warning time is wall-clock minutes before the due time (business minutes would need each
 * calendar here; the due time itself is in business time). Takes an optional workspace (tests).
 */
export async function sweepSlaClocks(database: Database, publish: Publish, now = new Date(), onlyWorkspaceId?: string): Promise<SlaSweepResult> {
  const candidates = await asSystem(database.db, async (tx) => {
    const { rows } = (await tx.execute(sql`
      select distinct c.workspace_id as "workspaceId", c.case_id as "caseId"
        from ${caseSlaClocks} c join ${slaPolicies} p on p.workspace_id = c.workspace_id and p.id = c.policy_id
       where c.stopped_at is null and not c.paused
         and c.due_at <= ${new Date(now.getTime() + MAX_WARN_MINUTES * 60_000)}
         and ((c.warned_at is null and p.warn_before_minutes > 0 and c.due_at - make_interval(mins => p.warn_before_minutes) <= ${now})
              or (c.escalated_at is null and c.due_at <= ${now}))
         ${onlyWorkspaceId ? sql`and c.workspace_id = ${onlyWorkspaceId}` : sql``}
       order by 1, 2`)) as unknown as { rows: { workspaceId: string; caseId: string }[] };
    return rows;
  });
  const result: SlaSweepResult = { warned: 0, escalated: 0 };
  const byWorkspace = new Map<string, string[]>();
  for (const c of candidates) byWorkspace.set(c.workspaceId, [...(byWorkspace.get(c.workspaceId) ?? []), c.caseId]);
  for (const [workspaceId, caseIds] of byWorkspace) {
    const ctx = await contextOfIntegration(database, workspaceId);
    if (!ctx) continue;
    for (const caseId of caseIds) {
      const messages = await inWorkspace(database.db, workspaceId, (tx) => actOnCase(tx, ctx, caseId, now, result));
      for (const message of messages) await publish(message);
    }
  }
  return result;
}

/** Recomputes one case's clocks, then warns and escalates what is due; returns the realtime messages to send after commit. */
async function actOnCase(tx: Executor, ctx: RequestContext, caseId: string, now: Date, result: SlaSweepResult): Promise<RealtimeMessage[]> {
  const clocks = await refreshCaseSla(tx, ctx, caseId, now);
  if (!clocks.length) return [];
  const [row] = await tx.select().from(cases).where(and(eq(cases.workspaceId, ctx.workspaceId), eq(cases.id, caseId)));
  const [policy] = await tx.select().from(slaPolicies).where(and(eq(slaPolicies.workspaceId, ctx.workspaceId), eq(slaPolicies.id, clocks[0]!.policyId)));
  if (!row || !policy) return [];
  const messages: RealtimeMessage[] = [];
  const tell = async (clock: StoredSlaClock, type: 'sla.warning' | 'sla.breached', alsoManager: boolean) => {
    const manager = alsoManager && row.ownerId ? await managerOf(tx, ctx, row.ownerId) : null;
    const userIds = [row.ownerId, manager].filter((u): u is string => Boolean(u));
    if (userIds.length) messages.push({ workspaceId: ctx.workspaceId, userIds, event: { type, caseId, number: row.number, subject: row.subject, metric: clock.metric, dueAt: clock.dueAt.toISOString() } });
  };
  const stamp = (clock: StoredSlaClock, column: 'warnedAt' | 'escalatedAt') =>
    tx
      .update(caseSlaClocks)
      .set({ [column]: now })
      .where(and(eq(caseSlaClocks.workspaceId, ctx.workspaceId), eq(caseSlaClocks.caseId, caseId), eq(caseSlaClocks.metric, clock.metric), eq(caseSlaClocks.cycle, clock.cycle), isNull(caseSlaClocks[column])));
  let raised = false;
  for (const clock of clocks) {
    if (clock.stoppedAt || clock.paused) continue;
    if (clock.dueAt <= now && !clock.escalatedAt) {
      await stamp(clock, 'escalatedAt');
      result.escalated += 1;
      const escalation = policy.escalation;
      if (escalation.notifyAssignee || escalation.notifyManagers) await tell(clock, 'sla.breached', escalation.notifyManagers);
      if (escalation.raisePriority && !raised) raised = await raisePriority(tx, ctx, row);
      await recordAudit(tx, ctx, { action: 'update', recordType: 'case', recordId: caseId, before: { sla: null }, after: { sla: { metric: clock.metric, cycle: clock.cycle, breachedAt: now } } });
    } else if (!clock.warnedAt && !clock.escalatedAt && policy.warnBeforeMinutes > 0 && clock.dueAt.getTime() - policy.warnBeforeMinutes * 60_000 <= now.getTime()) {
      await stamp(clock, 'warnedAt');
      result.warned += 1;
      if (policy.escalation.notifyAssignee) await tell(clock, 'sla.warning', false);
    }
  }
  return messages;
}

/** One step up (normal → high → urgent); false when it is already urgent. */
async function raisePriority(tx: Executor, ctx: RequestContext, row: typeof cases.$inferSelect): Promise<boolean> {
  const next = CASE_PRIORITIES[CASE_PRIORITIES.indexOf(row.priority) + 1];
  if (!next) return false;
  await tx.update(cases).set({ priority: next, updatedAt: new Date() }).where(and(eq(cases.workspaceId, ctx.workspaceId), eq(cases.id, row.id)));
  await recordAudit(tx, ctx, { action: 'update', recordType: 'case', recordId: row.id, before: { priority: row.priority }, after: { priority: next } });
  return true;
}
