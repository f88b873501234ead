import { and, eq, sql } from 'drizzle-orm';
import type { LeadBehaviour } from '../../../contracts/sales.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { meets } from './lead-rules.js';
import { leadScoringRules, type ScoreReason } from './leads.tables.js';
import type { Lead } from './leads.service.js';

/** Which interactions count as each behaviour (interaction_links joined to interactions for the direction). */
const BEHAVIOUR_SQL: Record<LeadBehaviour, ReturnType<typeof sql>> = {
  email_in: sql`i.type = 'email' and i.direction = 'inbound'`,
  web_form: sql`i.channel = 'web'`,
  visit: sql`i.type = 'visit'`,
  meeting: sql`i.type = 'meeting'`,
  call: sql`i.type = 'call'`,
};

async function behaviourCounts(tx: Executor, ctx: RequestContext, leadId: string | undefined): Promise<Record<LeadBehaviour, number>> {
  const zero = { email_in: 0, web_form: 0, visit: 0, meeting: 0, call: 0 };
  if (!leadId) return zero;
  const columns = Object.entries(BEHAVIOUR_SQL).map(([name, condition]) => sql`count(*) filter (where ${condition})::int as ${sql.identifier(name)}`);
  const { rows } = (await tx.execute(sql`
    select ${sql.join(columns, sql`, `)}
      from interaction_links l join interactions i on i.workspace_id = l.workspace_id and i.id = l.interaction_id and i.deleted_at is null
     where l.workspace_id = ${ctx.workspaceId} and l.record_type = 'lead' and l.record_id = ${leadId}`)) as unknown as { rows: Record<LeadBehaviour, number>[] };
  return { ...zero, ...rows[0] };
}

/**
 * A lead's score: points of every active field rule whose condition holds, plus behaviour points per
 * interaction of the rule's kind on the lead's timeline (up to the rule's cap) — with the reasons, so
 * people see why a lead ranks where it does.
 */
export async function scoreOf(tx: Executor, ctx: RequestContext, lead: Partial<Lead>): Promise<{ score: number; scoreReasons: ScoreReason[] }> {
  const rules = await tx.select().from(leadScoringRules).where(and(eq(leadScoringRules.workspaceId, ctx.workspaceId), eq(leadScoringRules.active, true)));
  if (rules.length === 0) return { score: 0, scoreReasons: [] };
  const counts = rules.some((r) => r.behaviour) ? await behaviourCounts(tx, ctx, lead.id) : null;
  const reasons: ScoreReason[] = [];
  for (const rule of rules) {
    if (rule.condition && meets(lead as Lead, rule.condition)) reasons.push({ ruleId: rule.id, points: rule.points });
    if (rule.behaviour && counts) {
      const times = Math.min(counts[rule.behaviour], rule.maxTimes);
      if (times > 0) reasons.push({ ruleId: rule.id, points: rule.points * times, times });
    }
  }
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), scoreReasons: reasons };
}
