import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { snapshotDueForecasts, weekStart } from './forecast.service.js';
import { localDate } from './opportunities.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const call = (who: SignedIn, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
const sql = (text: string, params: unknown[]) => t.database.raw.query(text, params);

interface Stage {
  id: string;
  key: string;
}

/** A workspace with two sellers in two teams and the default pipeline's stages by key. */
async function salesWorkspace() {
  const admin = await signUpWorkspace(t.app, '分析测试');
  const east = (await call(admin, 'POST', '/teams', { name: '华东', region: 'East' })).json();
  const west = (await call(admin, 'POST', '/teams', { name: '华西', region: 'West' })).json();
  const alice = await addMember(t.app, admin, 'sales');
  const bob = await addMember(t.app, admin, 'sales');
  await call(admin, 'PATCH', `/members/${alice.userId}`, { teamId: east.id });
  await call(admin, 'PATCH', `/members/${bob.userId}`, { teamId: west.id });
  const [pipeline] = (await call(admin, 'GET', '/pipelines')).json().data;
  const stage = Object.fromEntries((pipeline.stages as Stage[]).map((s) => [s.key, s.id])) as Record<string, string>;
  const lostReason = (await call(admin, 'GET', '/close-reasons')).json().data.find((r: { key: string }) => r.key === 'price');
  return { admin, alice, bob, east, west, pipeline, stage, lostReason };
}

describe('win/loss analysis', () => {
  it('gives win rate, deal size and cycle by owner, team, region, source and competitor, for deals closed in the period', async () => {
    const w = await salesWorkspace();
    const deal = async (who: SignedIn, name: string, body: object) => (await call(who, 'POST', '/opportunities', { name, ...body })).json();
    const won1 = await deal(w.alice, 'A1', { amount: 100_00, source: '展会', stageId: w.stage.won, closeDate: '2026-10-05' });
    await deal(w.alice, 'A2', { amount: 300_00, source: '展会', stageId: w.stage.won, closeDate: '2026-11-05' });
    await deal(w.alice, 'A3', { amount: 50_00, source: '官网', stageId: w.stage.lost, closeReasonId: w.lostReason.id, closeCompetitor: '竞品甲', closeDate: '2026-11-06' });
    await deal(w.bob, 'B1', { amount: 999_00, source: '官网', stageId: w.stage.lost, closeReasonId: w.lostReason.id, closeCompetitor: '竞品甲', closeDate: '2026-11-07' });
    await deal(w.bob, 'B2', { amount: 70_00, currency: 'USD', stageId: w.stage.won, closeDate: '2026-11-08' });
    await deal(w.bob, 'outside', { amount: 1, stageId: w.stage.won, closeDate: '2027-01-01' });
    await deal(w.bob, 'open', { amount: 1, closeDate: '2026-11-09' });
    // A cycle of exactly ten days for A1.
    await sql(`update opportunities set created_at = closed_at - interval '10 days' where id = $1`, [won1.id]);

    const byOwner = (await call(w.admin, 'GET', '/sales/win-loss?from=2026-10-01&to=2026-12-31&by=owner')).json();
    expect(byOwner.currency).toBe('CNY');
    expect(byOwner.total).toMatchObject({ won: 3, lost: 2, winRate: 0.6, wonAmount: 400_00, lostAmount: 1049_00, averageDealSize: 200_00 });
    const alice = byOwner.rows.find((r: { key: string }) => r.key === w.alice.userId);
    expect(alice).toMatchObject({ won: 2, lost: 1, wonAmount: 400_00, averageDealSize: 200_00 });
    expect(alice.winRate).toBeCloseTo(2 / 3);
    expect(alice.averageCycleDays).toBeCloseTo(5, 0);
    // The USD deal counts as won but is not summed with yuan.
    expect(byOwner.rows.find((r: { key: string }) => r.key === w.bob.userId)).toMatchObject({ won: 1, lost: 1, wonAmount: 0, averageDealSize: null });

    const byRegion = (await call(w.admin, 'GET', '/sales/win-loss?from=2026-10-01&to=2026-12-31&by=region')).json().rows;
    expect(byRegion.map((r: { key: string; won: number }) => [r.key, r.won]).sort()).toEqual([['East', 2], ['West', 1]]);
    const byCompetitor = (await call(w.admin, 'GET', '/sales/win-loss?from=2026-10-01&to=2026-12-31&by=competitor')).json().rows;
    expect(byCompetitor.find((r: { key: string }) => r.key === '竞品甲')).toMatchObject({ won: 0, lost: 2, winRate: 0 });
    const byMonth = (await call(w.admin, 'GET', '/sales/win-loss?from=2026-10-01&to=2026-12-31&by=month')).json().rows;
    expect(byMonth.map((r: { key: string; won: number; lost: number }) => [r.key, r.won, r.lost]).sort()).toEqual([['2026-10', 1, 0], ['2026-11', 2, 2]]);
    const byQuarter = (await call(w.admin, 'GET', '/sales/win-loss?from=2026-10-01&to=2026-12-31&by=quarter')).json().rows;
    expect(byQuarter.map((r: { key: string }) => r.key)).toEqual(['2026-Q4']);
    const inUsd = (await call(w.admin, 'GET', '/sales/win-loss?from=2026-10-01&to=2026-12-31&by=owner&currency=USD')).json();
    expect(inUsd.total.wonAmount).toBe(70_00);

    // A seller sees the numbers of the deals they may see: their own and their team's.
    const own = (await call(w.alice, 'GET', '/sales/win-loss?from=2026-10-01&to=2026-12-31&by=owner')).json();
    expect(own.total).toMatchObject({ won: 2, lost: 1 });
    const bad = await call(w.admin, 'GET', '/sales/win-loss?from=2026-10-01&to=2026-12-31&by=horoscope');
    expect(bad.statusCode).toBe(400);
  });

  it('answers an empty period with zeros, not an error', async () => {
    const w = await salesWorkspace();
    const empty = (await call(w.admin, 'GET', '/sales/win-loss?from=2020-01-01&to=2020-12-31&by=source')).json();
    expect(empty.total).toMatchObject({ won: 0, lost: 0, winRate: null, averageDealSize: null });
    expect(empty.rows).toEqual([]);
  });
});

describe('stage funnel', () => {
  it('counts deals that reached each stage or a later one, conversion between stages, and time in stage from the history', async () => {
    const w = await salesWorkspace();
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) ids.push((await call(w.admin, 'POST', '/opportunities', { name: `F${i}` })).json().id);
    const move = (id: string, key: string, extra: object = {}) => call(w.admin, 'PATCH', `/opportunities/${id}`, { stageId: w.stage[key], ...extra });
    // F0 goes all the way and wins; F1 reaches proposal and is lost; F2 jumps straight to negotiation; F3 stays.
    for (const key of ['needs_analysis', 'proposal', 'negotiation', 'won']) await move(ids[0]!, key);
    await move(ids[1]!, 'needs_analysis');
    await move(ids[1]!, 'proposal');
    await move(ids[1]!, 'lost', { closeReasonId: w.lostReason.id });
    await move(ids[2]!, 'negotiation');
    // Exact times: every deal spent one hour in qualification, F0 three hours in needs analysis.
    await sql(`update opportunity_stage_changes set seconds_in_from_stage = 3600 where workspace_id = $1 and from_stage_id = $2`, [w.admin.workspaceId, w.stage.qualification]);
    await sql(`update opportunity_stage_changes set seconds_in_from_stage = 10800 where opportunity_id = $1 and from_stage_id = $2`, [ids[0], w.stage.needs_analysis]);
    await sql(`update opportunity_stage_changes set seconds_in_from_stage = 3600 where opportunity_id = $1 and from_stage_id = $2`, [ids[1], w.stage.needs_analysis]);

    const today = localDate(new Date(), 'Asia/Shanghai');
    const res = await call(w.admin, 'GET', `/pipelines/${w.pipeline.id}/funnel?from=${today}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const funnel = res.json();
    const by = Object.fromEntries(funnel.stages.map((s: { key: string }) => [s.key, s]));
    expect(Object.keys(by)).toEqual(['qualification', 'needs_analysis', 'proposal', 'negotiation', 'won']);
    expect([by.qualification.reached, by.needs_analysis.reached, by.proposal.reached, by.negotiation.reached, by.won.reached]).toEqual([4, 3, 3, 2, 1]);
    expect(by.needs_analysis.conversion).toBeCloseTo(0.75);
    expect(by.won.conversion).toBeCloseTo(0.5);
    expect(by.qualification).toMatchObject({ averageSeconds: 3600, medianSeconds: 3600, current: 1 });
    expect(by.needs_analysis).toMatchObject({ averageSeconds: 7200, medianSeconds: 7200, current: 0 });
    expect(funnel).toMatchObject({ won: 1, lost: 1 });
    const before = (await call(w.admin, 'GET', `/pipelines/${w.pipeline.id}/funnel?from=2020-01-01&to=2020-01-31`)).json();
    expect(before.stages.every((s: { reached: number }) => s.reached === 0)).toBe(true);
  });
});

describe('forecast', () => {
  // The next quarter, so that its months are not over whatever day the tests run (an ended month is never flagged).
  const next = new Date();
  next.setUTCDate(1);
  next.setUTCMonth((Math.floor(next.getUTCMonth() / 3) + 1) * 3);
  const monthAt = (offset: number) => new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
  const [M0, M1, M2] = [monthAt(0), monthAt(1), monthAt(2)];
  const QUARTER = `${M0.slice(0, 4)}-Q${Math.floor(Number(M0.slice(5)) / 3) + 1}`;

  it('sums categories per month and owner against quotas, with coverage flagged below three', async () => {
    const w = await salesWorkspace();
    const deal = (who: SignedIn, body: object) => call(who, 'POST', '/opportunities', { name: 'deal', ...body });
    await deal(w.alice, { amount: 100_00, stageId: w.stage.won, closeDate: `${M1}-03` });
    await deal(w.alice, { amount: 200_00, stageId: w.stage.negotiation, closeDate: `${M1}-20` }); // commit, 75 %
    await deal(w.alice, { amount: 400_00, stageId: w.stage.proposal, closeDate: `${M1}-21` }); // best case, 50 %
    await deal(w.alice, { amount: 800_00, closeDate: `${M2}-01` }); // pipeline, 10 %
    await deal(w.bob, { amount: 50_00, closeDate: `${M1}-28`, forecastCategory: 'omitted' });
    const refused = await call(w.alice, 'PUT', '/sales/quotas', { quotas: [{ subjectType: 'user', subjectId: w.alice.userId, month: M1, amount: 1 }] });
    expect(refused.statusCode).toBe(403);
    const saved = await call(w.admin, 'PUT', '/sales/quotas', {
      quotas: [
        { subjectType: 'user', subjectId: w.alice.userId, month: M1, amount: 500_00 },
        { subjectType: 'user', subjectId: w.alice.userId, month: M2, amount: 100_00 },
        { subjectType: 'user', subjectId: w.bob.userId, month: M1, amount: 1000_00 },
      ],
    });
    expect(saved.json()).toEqual({ saved: 3 });

    const res = await call(w.admin, 'GET', `/sales/forecast?from=${M1}&to=${M2}&by=owner`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as Record<string, unknown>[];
    const aliceFirst = rows.find((r) => r.key === w.alice.userId && r.period === M1);
    expect(aliceFirst).toMatchObject({ closed: 100_00, commit: 200_00, bestCase: 400_00, pipeline: 0, weighted: 350_00, openDeals: 2, quota: 500_00, attainment: 0.2 });
    expect(aliceFirst!.coverage).toBeCloseTo(600 / 400);
    expect(aliceFirst!.coverageLow).toBe(true);
    const aliceSecond = rows.find((r) => r.key === w.alice.userId && r.period === M2);
    expect(aliceSecond).toMatchObject({ pipeline: 800_00, quota: 100_00, coverage: 8, coverageLow: false });
    // Bob's only deal is omitted: nothing open, quota untouched — the lowest coverage, still reported.
    expect(rows.find((r) => r.key === w.bob.userId && r.period === M1)).toMatchObject({ closed: 0, commit: 0, quota: 1000_00, coverage: 0, coverageLow: true });

    const quarter = (await call(w.admin, 'GET', `/sales/forecast?from=${M0}&to=${M2}&interval=quarter&by=team`)).json().rows;
    expect(quarter.find((r: { key: string }) => r.key === w.east.id)).toMatchObject({ period: QUARTER, closed: 100_00, quota: 600_00 });
    // A team quota of its own wins over the sum of its members'.
    await call(w.admin, 'PUT', '/sales/quotas', { quotas: [{ subjectType: 'team', subjectId: w.east.id, month: M1, amount: 2000_00 }] });
    const withTeam = (await call(w.admin, 'GET', `/sales/forecast?from=${M1}&to=${M1}&by=team`)).json().rows;
    expect(withTeam.find((r: { key: string }) => r.key === w.east.id).quota).toBe(2000_00);
    await call(w.admin, 'PUT', '/sales/quotas', { quotas: [{ subjectType: 'team', subjectId: w.east.id, month: M1, amount: null }] });
    expect((await call(w.admin, 'GET', `/sales/quotas?from=${M1}&to=${M1}`)).json().data).toHaveLength(2);
    expect((await call(w.admin, 'GET', '/sales/forecast?from=2026-12&to=2026-01')).statusCode).toBe(400);
    // A month that is over is not flagged: no pipeline can help it any more.
    await call(w.admin, 'PUT', '/sales/quotas', { quotas: [{ subjectType: 'user', subjectId: w.alice.userId, month: '2020-01', amount: 100_00 }] });
    const past = (await call(w.admin, 'GET', '/sales/forecast?from=2020-01&to=2020-01&by=owner')).json().rows;
    expect(past).toEqual([expect.objectContaining({ period: '2020-01', quota: 100_00, closed: 0, coverage: 0, coverageLow: false })]);
  });

  it('takes one snapshot a week and shows how the forecast moved between them', async () => {
    const w = await salesWorkspace();
    const deal = (await call(w.admin, 'POST', '/opportunities', { name: '季度大单', amount: 1000_00, stageId: w.stage.proposal, closeDate: '2026-12-15' })).json();
    const monday = new Date('2026-11-16T02:00:00Z');
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
    await snapshotDueForecasts(t.database, monday, w.admin.workspaceId);
    expect(await snapshotDueForecasts(t.database, new Date('2026-11-18T02:00:00Z'), w.admin.workspaceId)).toBe(0); // same week: nothing new
    await call(w.admin, 'PATCH', `/opportunities/${deal.id}`, { stageId: w.stage.negotiation });
    await snapshotDueForecasts(t.database, new Date('2026-11-23T02:00:00Z'), w.admin.workspaceId);
    const history = (await call(w.admin, 'GET', '/sales/forecast/history?from=2026-10&to=2026-12')).json();
    expect(history.points).toEqual([
      { takenOn: '2026-11-16', closed: 0, commit: 0, bestCase: 1000_00, pipeline: 0, weighted: 500_00 },
      { takenOn: '2026-11-23', closed: 0, commit: 1000_00, bestCase: 0, pipeline: 0, weighted: 750_00 },
    ]);
  });
});
