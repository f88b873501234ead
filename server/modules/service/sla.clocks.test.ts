import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-calendar.js';
import { slaClocks, type CaseHistory, type SlaTargets } from './sla.clocks.js';

const ALWAYS: BusinessCalendar = { timeZone: 'UTC', alwaysOpen: true, week: [] };
const nineToSix = { start: '09:00', end: '18:00' };
/** Monday to Friday 09:00–18:00 in Shanghai; 1 October 2026 (a Thursday) a holiday. */
const OFFICE: BusinessCalendar = { timeZone: 'Asia/Shanghai', week: [[nineToSix], [nineToSix], [nineToSix], [nineToSix], [nineToSix], [], []], days: [{ date: '2026-10-01', kind: 'holiday' }] };
const TARGETS: SlaTargets = { first_response: 60, next_response: 120, resolution: 480 };

const at = (iso: string) => new Date(iso);
const min = (n: number) => new Date(at('2026-09-01T00:00:00Z').getTime() + n * 60_000);
/** A case created at minute 0 (UTC), with statuses at given minutes. */
function history(statuses: [CaseHistory['statuses'][number]['status'], number][], agentReplies: number[] = [], customerMessages: number[] = []): CaseHistory {
  return { createdAt: min(0), statuses: statuses.map(([status, m]) => ({ status, at: min(m) })), agentReplies: agentReplies.map(min), customerMessages: customerMessages.map(min) };
}
const byMetric = (clocks: ReturnType<typeof slaClocks>, metric: string, cycle = 0) => clocks.find((c) => c.metric === metric && c.cycle === cycle)!;

describe('SLA clocks', () => {
  it('first response: met by a reply within the target, breached after it, running until then', () => {
    const met = slaClocks(ALWAYS, TARGETS, history([['new', 0], ['open', 30]], [45]), min(500));
    expect(byMetric(met, 'first_response')).toMatchObject({ dueAt: min(60), stoppedAt: min(45), elapsedMinutes: 45, breached: false, paused: false });

    const late = slaClocks(ALWAYS, TARGETS, history([['new', 0]], [75]), min(500));
    expect(byMetric(late, 'first_response')).toMatchObject({ stoppedAt: min(75), breached: true });

    const running = slaClocks(ALWAYS, TARGETS, history([['new', 0]]), min(50));
    expect(byMetric(running, 'first_response')).toMatchObject({ stoppedAt: null, elapsedMinutes: 50, breached: false });
    expect(byMetric(slaClocks(ALWAYS, TARGETS, history([['new', 0]]), min(61)), 'first_response').breached).toBe(true);
  });

  it('stands still while pending the customer, and says so', () => {
    // Pending from 10 to 100: 90 minutes not counted, so the hour runs out at 150.
    const h = history([['new', 0], ['pending_customer', 10], ['open', 100]]);
    expect(byMetric(slaClocks(ALWAYS, TARGETS, h, min(120)), 'first_response')).toMatchObject({ dueAt: min(150), elapsedMinutes: 30, breached: false });
    // Still pending at 200: the clock shows 10 minutes used, paused, not breached.
    const stillPending = history([['new', 0], ['pending_customer', 10]]);
    expect(byMetric(slaClocks(ALWAYS, TARGETS, stillPending, min(200)), 'first_response')).toMatchObject({ paused: true, elapsedMinutes: 10, breached: false, dueAt: min(250) });
  });

  it('next response: one clock per customer message waiting for an answer', () => {
    // Reply at 20; the customer writes at 100 and 110 (one wait), answered at 300 (late); writes at 400, unanswered.
    const h = history([['new', 0], ['open', 20]], [20, 300], [5, 100, 110, 400]);
    const clocks = slaClocks(ALWAYS, TARGETS, h, min(450));
    const cycles = clocks.filter((c) => c.metric === 'next_response');
    expect(cycles.map((c) => [c.cycle, c.startedAt, c.stoppedAt, c.breached])).toEqual([
      [0, min(100), min(300), true],
      [1, min(400), null, false],
    ]);
    expect(byMetric(clocks, 'first_response').stoppedAt).toEqual(min(20));
  });

  it('resolution: stops when resolved; a reopened case runs on without the time it spent resolved', () => {
    const resolved = history([['new', 0], ['open', 10], ['resolved', 200]], [10]);
    expect(byMetric(slaClocks(ALWAYS, TARGETS, resolved, min(1000)), 'resolution')).toMatchObject({ stoppedAt: min(200), elapsedMinutes: 200, breached: false });

    // Resolved at 200, reopened at 1000, resolved again at 1400: 200 + 400 = 600 minutes > 480.
    const reopened = history([['new', 0], ['resolved', 200], ['open', 1000], ['resolved', 1400], ['closed', 1500]]);
    const clock = byMetric(slaClocks(ALWAYS, TARGETS, reopened, min(2000)), 'resolution');
    expect(clock).toMatchObject({ stoppedAt: min(1400), elapsedMinutes: 600, breached: true });
    expect(clock.dueAt).toEqual(min(1000 + 280));
  });

  it('counts business hours only: a case opened on Wednesday evening before a holiday is due on Friday', () => {
    // Wednesday 30 September 2026, 17:30 in Shanghai (09:30 UTC); 60 business minutes: 30 on Wednesday, none on
    // the holiday Thursday, 30 on Friday from 09:00 → Friday 09:30 Shanghai = 01:30 UTC.
    const created = at('2026-09-30T09:30:00Z');
    const h: CaseHistory = { createdAt: created, statuses: [{ status: 'new', at: created }], agentReplies: [], customerMessages: [] };
    const first = byMetric(slaClocks(OFFICE, TARGETS, h, at('2026-10-01T12:00:00Z')), 'first_response');
    expect(first.dueAt).toEqual(at('2026-10-02T01:30:00Z'));
    expect(first.elapsedMinutes).toBe(30);
    expect(first.breached).toBe(false);
  });

  it('leaves out the metrics a policy does not time', () => {
    const clocks = slaClocks(ALWAYS, { first_response: null, next_response: null, resolution: 60 }, history([['new', 0]], [], [5, 10]), min(30));
    expect(clocks.map((c) => c.metric)).toEqual(['resolution']);
  });
});
