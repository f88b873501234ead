/**
 * SLA clocks of one case, computed from what happened to it: its status history, the agents' public replies
 * and the customer's messages. Pure: the same history always gives the same clocks, so they can be
 * recomputed at any time (after a change, by the sweep, on a read) instead of being ticked by events.
 *
 * - **First response**: from creation to the first public reply of an agent.
 * - **Next response**: from each customer message that waits for an answer (the first one after the
 *   latest agent reply) to the agent's next public reply; one clock per such cycle.
 * - **Resolution**: from creation to the case being resolved (or closed); a reopened case's clock runs on
 *   from where it stopped, the time it spent resolved not counted.
 * Every clock stands still while the case is pending the customer, and counts business time only.
 */
import type { CaseStatus } from '../../../contracts/service.js';
import { addBusinessTime, businessMinutesBetween, type BusinessCalendar, type Pause } from './business-calendar.js';

export const SLA_METRICS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** Business minutes allowed per metric; null: the policy does not time it. */
export type SlaTargets = Record<SlaMetric, number | null>;

export interface CaseHistory {
  createdAt: Date;
  /** Every status the case entered, oldest first (creation included). */
  statuses: { status: CaseStatus; at: Date }[];
  /** When agents replied publicly (internal notes do not count), oldest first. */
  agentReplies: Date[];
  /** When the customer wrote, oldest first. */
  customerMessages: Date[];
}

export interface SlaClock {
  metric: SlaMetric;
  /** 0 for first response and resolution; 0, 1, 2… for the next-response cycles. */
  cycle: number;
  startedAt: Date;
  /** When the target is reached; for a paused clock, as if it resumed now. */
  dueAt: Date;
  /** When the clock stopped (the reply, the resolution); null while it runs or stands paused. */
  stoppedAt: Date | null;
  paused: boolean;
  /** Business minutes counted so far (until it stopped, or until `now`). */
  elapsedMinutes: number;
  breached: boolean;
}

interface Interval {
  from: Date;
  to: Date | null;
}

/** The stretches during which the case was in one of `statuses` (the last open-ended when it still is). */
function intervalsIn(history: CaseHistory, statuses: ReadonlySet<CaseStatus>): Interval[] {
  const out: Interval[] = [];
  let open: Date | null = null;
  for (const { status, at } of history.statuses) {
    if (statuses.has(status)) open ??= at;
    else if (open) {
      out.push({ from: open, to: at });
      open = null;
    }
  }
  if (open) out.push({ from: open, to: null });
  return out;
}

const PENDING = new Set<CaseStatus>(['pending_customer']);
const DONE = new Set<CaseStatus>(['resolved', 'closed']);

/** The pauses that matter between `start` and `stop` (or now), open-ended ones closed at `now` for the due time. */
function pausesFor(intervals: Interval[], start: Date, now: Date): { pauses: Pause[]; pausedNow: boolean } {
  const relevant = intervals.filter((i) => (i.to ?? now) > start);
  return { pauses: relevant.map((i) => ({ from: i.from < start ? start : i.from, to: i.to ?? now })), pausedNow: relevant.some((i) => i.to === null) };
}

function clock(calendar: BusinessCalendar, metric: SlaMetric, cycle: number, target: number, startedAt: Date, stoppedAt: Date | null, pauseIntervals: Interval[], now: Date): SlaClock {
  const end = stoppedAt ?? now;
  const { pauses, pausedNow } = pausesFor(pauseIntervals, startedAt, now);
  const dueAt = addBusinessTime(calendar, startedAt, target, pauses);
  const elapsedMinutes = Math.max(0, businessMinutesBetween(calendar, startedAt, end, pauses));
  return { metric, cycle, startedAt, dueAt, stoppedAt, paused: !stoppedAt && pausedNow, elapsedMinutes, breached: elapsedMinutes > target };
}

/** Every clock of a case under `targets`, as of `now`. */
export function slaClocks(calendar: BusinessCalendar, targets: SlaTargets, history: CaseHistory, now: Date): SlaClock[] {
  const clocks: SlaClock[] = [];
  const pending = intervalsIn(history, PENDING);
  if (targets.first_response !== null) {
    const reply = history.agentReplies.find((at) => at >= history.createdAt) ?? null;
    clocks.push(clock(calendar, 'first_response', 0, targets.first_response, history.createdAt, reply, pending, now));
  }
  if (targets.next_response !== null) {
    const target = targets.next_response;
    let cycle = 0;
    let lastReply = history.agentReplies[0];
    // Only messages after the first reply: before it, the first-response clock is the one running.
    for (const message of history.customerMessages) {
      if (!lastReply || message < lastReply) continue;
      const answer = history.agentReplies.find((at) => at > message) ?? null;
      clocks.push(clock(calendar, 'next_response', cycle++, target, message, answer, pending, now));
      if (!answer) break;
      lastReply = answer;
    }
  }
  if (targets.resolution !== null) {
    const done = intervalsIn(history, DONE);
    const current = done.find((i) => i.to === null);
    // Time spent resolved before a reopening is a pause; the resolution in force stops the clock.
    const paused = [...pending, ...done.filter((i) => i.to !== null)];
    clocks.push(clock(calendar, 'resolution', 0, targets.resolution, history.createdAt, current ? current.from : null, paused, now));
  }
  return clocks;
}
