import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client.js';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { claimRecords } from './pool-claims.service.js';
import { sweepPools } from './pool-rules.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, '公海测试公司');
});
afterAll(() => t.close());

const call = (who: SignedIn, method: string, url: string, payload?: object, language = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': language }, ...(payload ? { payload } : {}) });

async function as<T>(who: SignedIn, fn: (tx: Tx, ctx: RequestContext) => Promise<T>): Promise<T> {
  const ctx = (await contextOfMember(t.database, who.workspaceId, who.userId))!;
  return inWorkspace(t.database.db, who.workspaceId, (tx) => fn(tx, ctx));
}

/** A pool of `recordType` in the admin's workspace holding `count` fresh ownerless records. */
async function poolWith(owner: SignedIn, recordType: 'account' | 'lead', count: number, rules: object = {}) {
  const pool = await call(owner, 'POST', '/pools', { name: `池 ${recordType} ${Math.random().toString(36).slice(2, 6)}`, recordType, ...rules });
  expect(pool.statusCode, pool.body).toBe(201);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const res = await call(owner, 'POST', recordType === 'account' ? '/accounts' : '/leads', { name: `公海客户 ${i} ✓`, ownerId: null, region: '华东' });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  if (count > 0) {
    const added = await call(owner, 'POST', '/pools/release', { recordType, recordIds: ids, poolId: pool.json().id, reason: '新客户入池' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().released).toBe(count);
  }
  return { pool: pool.json() as { id: string }, ids };
}

const setLimits = (who: SignedIn, limits: object[]) => call(who, 'PUT', '/pools/limits', { limits });

describe('public pool', () => {
  it('lists a pool to its members, claims for one, and puts the claim on the record’s history and audit trail', async () => {
    const sales = await addMember(t.app, admin, 'sales');
    const { pool, ids } = await poolWith(admin, 'account', 3);
    const listed = await call(sales, 'GET', `/pools/${pool.id}/records?limit=2`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().data).toHaveLength(2);
    const rest = await call(sales, 'GET', `/pools/${pool.id}/records?limit=2&cursor=${listed.json().nextCursor}`);
    expect(rest.statusCode, rest.body).toBe(200);
    expect([...listed.json().data, ...rest.json().data].map((e: { recordId: string }) => e.recordId).sort()).toEqual([...ids].sort());
    expect((await call(sales, 'GET', '/pools')).json().data.find((p: { id: string }) => p.id === pool.id).size).toBe(3);
    // Ownerless: outside a sales rep's scope until claimed.
    expect((await call(sales, 'GET', `/accounts/${ids[0]}`)).statusCode).toBe(404);

    const claim = await call(sales, 'POST', `/pools/${pool.id}/claim`, { recordIds: [ids[0]] });
    expect(claim.statusCode, claim.body).toBe(200);
    expect(claim.json()).toMatchObject({ claimed: [ids[0]], unavailable: [], quota: { held: 1, claimedToday: 1 } });
    expect((await call(sales, 'GET', `/accounts/${ids[0]}`)).json().ownerId).toBe(sales.userId);
    const history = (await call(sales, 'GET', `/pools/history?recordType=account&recordId=${ids[0]}`)).json().data;
    expect(history.map((e: { kind: string }) => e.kind)).toEqual(['claimed', 'added']);
    expect(history[1].reason).toBe('新客户入池');
    const audit = (await call(admin, 'GET', `/audit-log?recordType=account&recordId=${ids[0]}`)).json().data;
    expect(audit[0]).toMatchObject({ action: 'claim', actorUserId: sales.userId, changes: { ownerId: { old: null, new: sales.userId } } });
    expect((await call(sales, 'GET', `/pools/${pool.id}/records`)).json().data).toHaveLength(2);
  });

  it('refuses claims over the role’s held and daily limits with a 409 naming the limit, claiming nothing', async () => {
    const ws = await signUpWorkspace(t.app, 'limits');
    const sales = await addMember(t.app, ws, 'sales');
    expect((await setLimits(sales, [{ role: 'sales', maxHeld: 1, maxDailyClaims: 1 }])).statusCode).toBe(403);
    expect((await setLimits(ws, [{ role: 'sales', maxHeld: 2, maxDailyClaims: null }])).statusCode).toBe(200);
    const { pool, ids } = await poolWith(ws, 'account', 4);
    const over = await call(sales, 'POST', `/pools/${pool.id}/claim`, { recordIds: ids.slice(0, 3) }, 'zh-CN');
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'POOL_LIMIT_HELD', detail: expect.stringContaining('2') });
    expect(over.json().detail).toContain('公海');
    expect((await call(sales, 'GET', '/pools/quota')).json()).toEqual({ held: 0, maxHeld: 2, claimedToday: 0, maxDailyClaims: null });
    expect((await call(sales, 'POST', `/pools/${pool.id}/claim`, { recordIds: ids.slice(0, 2) })).statusCode).toBe(200);
    expect((await call(sales, 'POST', `/pools/${pool.id}/claim`, { recordIds: [ids[2]] })).json().code).toBe('POOL_LIMIT_HELD');

    await setLimits(ws, [{ role: 'sales', maxHeld: null, maxDailyClaims: 3 }]);
    const daily = await call(sales, 'POST', `/pools/${pool.id}/claim`, { recordIds: ids.slice(2, 4) }, 'en');
    expect(daily.statusCode).toBe(409);
    expect(daily.json()).toMatchObject({ code: 'POOL_LIMIT_DAILY', detail: expect.stringContaining('at most 3') });
    expect((await call(sales, 'GET', '/pools/limits')).json().data.find((l: { role: string }) => l.role === 'sales')).toEqual({ role: 'sales', maxHeld: null, maxDailyClaims: 3 });
  });

  it('gives a record to exactly one of many members claiming it at once', async () => {
    const ws = await signUpWorkspace(t.app, 'race');
    const members = await Promise.all([1, 2, 3, 4, 5].map(() => addMember(t.app, ws, 'sales')));
    const { pool, ids } = await poolWith(ws, 'lead', 1);
    const answers = await Promise.all(members.map((m) => call(m, 'POST', `/pools/${pool.id}/claim`, { recordIds: ids })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const winner = members[answers.findIndex((a) => a.statusCode === 200)]!;
    expect(answers.find((a) => a.statusCode === 409)!.json().code).toBe('POOL_RECORD_TAKEN');
    expect((await call(ws, 'GET', `/leads/${ids[0]}`)).json().ownerId).toBe(winner.userId);
    const claims = (await call(ws, 'GET', `/pools/history?recordType=lead&recordId=${ids[0]}`)).json().data.filter((e: { kind: string }) => e.kind === 'claimed');
    expect(claims).toHaveLength(1);
  });

  it('releases by hand with a reason, keeps the releaser out for the cool-down, and lets others claim', async () => {
    const ws = await signUpWorkspace(t.app, 'release');
    const [a, b] = [await addMember(t.app, ws, 'sales'), await addMember(t.app, ws, 'sales')];
    const { pool, ids } = await poolWith(ws, 'account', 1, { cooldownDays: 7 });
    expect((await call(a, 'POST', `/pools/${pool.id}/claim`, { recordIds: ids })).statusCode).toBe(200);
    expect((await call(b, 'POST', '/pools/release', { recordType: 'account', recordIds: ids, reason: '不是我的' })).statusCode).toBe(400);
    expect((await call(a, 'POST', '/pools/release', { recordType: 'account', recordIds: ids, reason: ' ' })).statusCode).toBe(400);
    const released = await call(a, 'POST', '/pools/release', { recordType: 'account', recordIds: ids, reason: '暂无需求' });
    expect(released.json()).toEqual({ released: 1, poolId: pool.id });
    expect((await call(ws, 'GET', `/accounts/${ids[0]}`)).json().ownerId).toBeNull();
    expect((await call(a, 'GET', '/pools/quota')).json().held).toBe(0);
    const again = await call(a, 'POST', `/pools/${pool.id}/claim`, { recordIds: ids }, 'zh-TW');
    expect(again.json()).toMatchObject({ code: 'POOL_COOLDOWN', detail: expect.stringContaining('7') });
    expect((await call(b, 'POST', `/pools/${pool.id}/claim`, { recordIds: ids })).statusCode).toBe(200);
    const history = (await call(ws, 'GET', `/pools/history?recordType=account&recordId=${ids[0]}`)).json().data;
    expect(history.map((e: { kind: string }) => e.kind)).toEqual(['claimed', 'released', 'claimed', 'added']);
    expect(history[1]).toMatchObject({ userId: a.userId, actorUserId: a.userId, reason: '暂无需求' });
  });

  it('warns before the follow-up deadline, moves it after a follow-up, then returns the record (fixed clocks)', async () => {
    const ws = await signUpWorkspace(t.app, 'rules');
    const sales = await addMember(t.app, ws, 'sales');
    expect((await call(sales, 'PATCH', '/me', { locale: 'zh-TW' })).statusCode).toBe(200);
    const { pool, ids } = await poolWith(ws, 'account', 1, { followUpDays: 10, warnDays: 3 });
    const day = (n: number) => new Date(Date.UTC(2031, 2, 1 + n, 9));
    await as(sales, (tx, ctx) => claimRecords(tx, ctx, pool.id, ids, day(0)));
    const sweep = (n: number) => sweepPools({ database: t.database }, day(n), ws.workspaceId);
    expect(await sweep(6)).toMatchObject({ warned: 0, returned: 0 });
    const warned = await sweep(7);
    expect(warned).toMatchObject({ warned: 1, returned: 0 });
    expect(warned.notices[0]).toMatchObject({ userId: sales.userId, event: { type: 'pool.warning', rule: 'no_follow_up', dueAt: day(10).toISOString() } });
    expect((await sweep(8)).warned).toBe(0);
    const tasks = (await call(sales, 'GET', `/tasks?filter=recordId:eq:${ids[0]}`)).json().data;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ ownerId: sales.userId, dueAt: day(10).toISOString(), priority: 'high' });
    // In the holder's language (zh-TW here; the workspace's is zh-CN).
    expect(tasks[0].title).toContain('跟進');

    // A call on day 9 moves the deadline to day 19.
    const logged = await call(sales, 'POST', '/interactions', { type: 'call', channel: 'phone', direction: 'outbound', occurredAt: day(9).toISOString(), links: [{ recordType: 'account', recordId: ids[0] }] });
    expect(logged.statusCode, logged.body).toBe(201);
    expect(await sweep(12)).toMatchObject({ warned: 0, returned: 0 });
    const mine = (await call(sales, 'GET', '/pools/my-claims')).json().data;
    expect(mine[0]).toMatchObject({ recordId: ids[0], dueAt: day(19).toISOString(), rule: 'no_follow_up', warned: false });
    expect((await sweep(16)).warned).toBe(1);
    const back = await sweep(19);
    expect(back).toMatchObject({ returned: 1 });
    expect((await call(ws, 'GET', `/accounts/${ids[0]}`)).json().ownerId).toBeNull();
    expect((await call(sales, 'GET', `/pools/${pool.id}/records`)).json().data.map((e: { recordId: string }) => e.recordId)).toEqual(ids);
    const history = (await call(ws, 'GET', `/pools/history?recordType=account&recordId=${ids[0]}`)).json().data;
    expect(history.map((e: { kind: string }) => e.kind)).toEqual(['returned', 'warned', 'warned', 'claimed', 'added']);
    expect(history[0]).toMatchObject({ rule: 'no_follow_up', actorUserId: null, userId: sales.userId });
    expect((await call(ws, 'GET', `/audit-log?recordType=account&recordId=${ids[0]}`)).json().data[0]).toMatchObject({ action: 'return', actorUserId: null });
    expect(await sweep(20)).toMatchObject({ warned: 0, returned: 0 });
  });

  it('returns an unconverted lead after M days and settles a converted one', async () => {
    const ws = await signUpWorkspace(t.app, 'convert');
    const sales = await addMember(t.app, ws, 'sales');
    const { pool, ids } = await poolWith(ws, 'lead', 2, { convertDays: 30, warnDays: 0 });
    const day = (n: number) => new Date(Date.UTC(2031, 5, 1 + n));
    await as(sales, (tx, ctx) => claimRecords(tx, ctx, pool.id, ids, day(0)));
    const converted = await call(sales, 'POST', `/leads/${ids[1]}/convert`, {});
    expect(converted.statusCode, converted.body).toBe(200);
    const outcome = await sweepPools({ database: t.database }, day(30), ws.workspaceId);
    expect(outcome).toMatchObject({ returned: 1, settled: 1, warned: 0 });
    expect((await call(ws, 'GET', `/leads/${ids[0]}`)).json().ownerId).toBeNull();
    expect((await call(ws, 'GET', `/leads/${ids[1]}`)).json().ownerId).toBe(sales.userId);
    expect((await call(sales, 'GET', '/pools/quota')).json().held).toBe(0);
  });

  it('keeps pools to their members and workspace', async () => {
    const ws = await signUpWorkspace(t.app, 'access');
    const readOnly = await addMember(t.app, ws, 'read_only');
    const sales = await addMember(t.app, ws, 'sales');
    const team = await call(ws, 'POST', '/teams', { name: '华南' });
    expect(team.statusCode, team.body).toBe(201);
    const { pool, ids } = await poolWith(ws, 'account', 1, { teamIds: [team.json().id] });
    expect((await call(sales, 'GET', `/pools/${pool.id}`)).statusCode).toBe(404);
    expect((await call(sales, 'POST', `/pools/${pool.id}/claim`, { recordIds: ids })).statusCode).toBe(404);
    expect((await call(readOnly, 'GET', '/pools')).json().data).toEqual([]);
    expect((await call(sales, 'POST', '/pools', { name: 'x', recordType: 'account' })).statusCode).toBe(403);
    expect((await call(admin, 'GET', `/pools/${pool.id}`)).statusCode).toBe(404);
    expect((await call(admin, 'POST', `/pools/${pool.id}/claim`, { recordIds: ids })).statusCode).toBe(404);
    expect((await call(admin, 'GET', `/pools/history?recordType=account&recordId=${ids[0]}`)).statusCode).toBe(404);
    expect((await call(ws, 'PATCH', `/members/${sales.userId}`, { teamId: team.json().id })).statusCode).toBe(200);
    const teamSales = (await call(sales, 'GET', `/pools/${pool.id}`));
    expect(teamSales.statusCode).toBe(200);
    expect((await call(ws, 'DELETE', `/pools/${pool.id}`)).json().code).toBe('POOL_NOT_EMPTY');
    for (const bad of [{ recordIds: [] }, { recordIds: ['nope'] }, { recordIds: ids, extra: 1 }]) {
      expect((await call(sales, 'POST', `/pools/${pool.id}/claim`, bad)).statusCode).toBe(400);
    }
    expect((await call(ws, 'POST', '/pools', { name: 'x', recordType: 'contact' })).statusCode).toBe(400);
    expect((await call(ws, 'POST', '/pools', { name: '空', recordType: 'lead', followUpDays: 0 })).statusCode).toBe(400);
  });
});
