import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { periodDays } from './dashboards.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const call = (who: SignedIn, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

const thisYear = new Date().getUTCFullYear();

async function workspace() {
  const admin = await signUpWorkspace(t.app, '仪表盘测试');
  const seller = await addMember(t.app, admin, 'sales');
  const [pipeline] = (await call(admin, 'GET', '/pipelines')).json().data;
  const stage = Object.fromEntries((pipeline.stages as { key: string; id: string }[]).map((s) => [s.key, s.id])) as Record<string, string>;
  const reason = (await call(admin, 'GET', '/close-reasons')).json().data.find((r: { key: string }) => r.key === 'price');
  for (const [who, amount, stageId, closeDate] of [
    [admin, 500_00, stage.proposal, `${thisYear}-03-10`],
    [seller, 200_00, stage.qualification, `${thisYear}-03-11`],
    [seller, 700_00, stage.won, `${thisYear}-02-01`],
    [admin, 100_00, stage.lost, `${thisYear}-02-02`],
  ] as const) {
    const res = await call(who, 'POST', '/opportunities', { name: `deal ${amount}`, amount, stageId, closeDate, ...(stageId === stage.lost ? { closeReasonId: reason.id } : {}) });
    expect(res.statusCode, res.body).toBe(201);
  }
  return { admin, seller, stage };
}

describe('dashboards', () => {
  it('pins reports, saves the layout, and runs every tile under the global period and owner filters', async () => {
    const w = await workspace();
    const report = (await call(w.admin, 'POST', '/reports', { name: 'Deals by stage', chart: 'bar', definition: { objectType: 'opportunities', groupBy: [{ field: 'stageId' }], measures: [{ aggregate: 'sum', field: 'amount' }] } })).json();
    const created = await call(w.admin, 'POST', '/dashboards', { name: '我的看板' });
    expect(created.statusCode).toBe(201);
    const pinned = (await call(w.admin, 'POST', `/dashboards/${created.json().id}/tiles`, { reportId: report.id })).json();
    expect(pinned.tiles).toEqual([expect.objectContaining({ reportId: report.id, x: 0, y: 0, w: 6, h: 4 })]);
    const again = (await call(w.admin, 'POST', `/dashboards/${created.json().id}/tiles`, { reportId: report.id })).json();
    expect(again.tiles[1]).toMatchObject({ y: 4 });

    // Dragged and resized: the layout is saved as given.
    const moved = again.tiles.map((tile: { key: string }, i: number) => ({ ...tile, x: i * 6, y: 0, w: 6, h: 5 }));
    const saved = await call(w.admin, 'PATCH', `/dashboards/${created.json().id}`, { tiles: moved, filters: { period: 'thisYear', ownerId: w.seller.userId } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().tiles[1]).toMatchObject({ x: 6, y: 0, h: 5 });
    expect((await call(w.admin, 'PATCH', `/dashboards/${created.json().id}`, { tiles: [{ ...moved[0], x: 10, w: 6 }] })).json().errors[0].field).toBe('tiles.0.w');
    expect((await call(w.admin, 'PATCH', `/dashboards/${created.json().id}`, { tiles: [moved[0], moved[0]] })).json().errors[0].field).toBe('tiles.1.key');
    expect((await call(w.admin, 'PATCH', `/dashboards/${created.json().id}`, { tiles: [{ key: 'x', builtin: 'sales.nope', x: 0, y: 0, w: 2, h: 2 }] })).json().errors[0].field).toBe('tiles.0.builtin');

    const tile = await call(w.admin, 'POST', '/dashboards/tiles/run', { reportId: report.id, filters: { period: 'thisYear', ownerId: w.seller.userId } });
    expect(tile.statusCode, tile.body).toBe(200);
    expect(tile.json()).toMatchObject({ chart: 'bar', name: 'Deals by stage' });
    expect(tile.json().result.rows.map((r: { m0: number }) => r.m0).sort()).toEqual([200_00, 700_00]);
    // Every tile, for every owner: the admin's deals too.
    expect((await call(w.admin, 'POST', '/dashboards/tiles/run', { reportId: report.id, filters: {} })).json().result.rows).toHaveLength(4);
    expect((await call(w.admin, 'POST', '/dashboards/tiles/run', { reportId: report.id, builtin: 'sales.winRate' })).statusCode).toBe(400);

    // Personal: the seller neither sees nor changes it; another workspace gets 404.
    expect((await call(w.seller, 'GET', `/dashboards/${created.json().id}`)).statusCode).toBe(404);
    expect((await call(w.seller, 'GET', '/dashboards')).json().data).toEqual([]);
    const stranger = await signUpWorkspace(t.app);
    expect((await call(stranger, 'PATCH', `/dashboards/${created.json().id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await call(stranger, 'POST', '/dashboards/tiles/run', { reportId: report.id })).statusCode).toBe(404);
    expect((await call(w.admin, 'DELETE', `/dashboards/${created.json().id}`)).statusCode).toBe(204);
  });

  it('has standard sales, customers and service dashboards whose built-in tiles use their modules’ figures', async () => {
    const w = await workspace();
    const standard = (await call(w.admin, 'GET', '/dashboards/standard')).json().data;
    expect(standard.map((d: { key: string }) => d.key)).toEqual(['sales', 'customers', 'service']);

    const run = async (builtin: string, filters: object = { period: 'thisYear' }, who = w.admin) => {
      const res = await call(who, 'POST', '/dashboards/tiles/run', { builtin, filters });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const pipeline = await run('sales.pipelineByStage');
    expect(pipeline.chart).toBe('funnel');
    expect(pipeline.result.rows).toEqual([
      { g0: w.stage.proposal, m0: 500_00, m1: 1 },
      { g0: w.stage.qualification, m0: 200_00, m1: 1 },
    ]);
    expect(pipeline.result.labels.g0[w.stage.proposal]).toBe('Proposal');
    expect((await run('sales.winRate')).result.rows).toEqual([{ m0: 0.5 }]);
    expect((await run('sales.winRate', { period: 'thisYear', ownerId: w.seller.userId })).result.rows).toEqual([{ m0: 1 }]);
    const forecast = await run('sales.forecastVsQuota');
    expect(forecast.result.rows.find((r: { g0: string }) => r.g0 === `${thisYear}-02`)).toMatchObject({ m0: 700_00 });
    expect((await run('sales.openPipeline', { ownerId: w.seller.userId })).result.rows).toEqual([{ m0: 200_00 }]);
    // The seller's own view: their team scope (no team: their own deals).
    expect((await run('sales.openPipeline', {}, w.seller)).result.rows).toEqual([{ m0: 200_00 }]);
    expect((await run('sales.coverage')).result.columns[0].field).toBe('coverage');
    // Customer value tiles wait for the first value run; service's own tiles answer "no figure" without cases.
    expect((await run('customers.rfm')).result).toBeNull();
    expect((await run('service.sla')).result.rows).toEqual([{ m0: null }]);
    expect((await call(w.admin, 'POST', '/dashboards/tiles/run', { builtin: 'nope' })).statusCode).toBe(400);
  });

  it('turns named periods into days of the workspace calendar', () => {
    expect(periodDays({ period: 'thisMonth' }, '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodDays({ period: 'lastMonth' }, '2026-01-14')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodDays({ period: 'thisQuarter' }, '2026-11-24')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDays({ period: 'last12Months' }, '2026-11-24')).toEqual({ from: '2025-12-01', to: '2026-11-24' });
    expect(periodDays({ period: 'custom', from: '2026-01-05', to: null }, '2026-11-24')).toEqual({ from: '2026-01-05', to: undefined });
    expect(periodDays({}, '2026-11-24')).toEqual({});
  });
});
