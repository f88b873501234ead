import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { bigramSimilarity } from './contacts.duplicates.js';

let t: TestApp;
let admin: SignedIn;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  for (const [key, c] of Object.entries({
    wang: { name: '王伟', company: '华为技术有限公司', email: 'wang.wei@huawei.test', phone: '+86 138 0013 8000' },
    huang: { name: '黃國華', company: '鴻海精密' },
    jon: { name: 'Jonathan Smith', company: 'Acme Corp' },
    solo: { name: 'Li Lei' },
  })) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: admin.cookie }, payload: c });
    ids[key] = res.json().id;
  }
});
afterAll(() => t.close());

const check = async (body: object, who = admin) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/contacts/duplicates', headers: { cookie: who.cookie }, payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as { contact: { id: string; name: string }; score: number; reasons: string[] }[];
};

describe('likely duplicates before saving', () => {
  it('finds the same e-mail (any case) and the same phone however written', async () => {
    const byEmail = await check({ name: 'Someone Else', email: 'WANG.WEI@huawei.test' });
    expect(byEmail[0]).toMatchObject({ contact: { id: ids.wang }, reasons: ['email'] });
    const byPhone = await check({ name: 'W. Wang', phone: '138-0013-8000' });
    expect(byPhone[0]).toMatchObject({ contact: { id: ids.wang }, reasons: ['phone'] });
    const both = await check({ name: '王伟', company: '华为技术有限公司', email: 'wang.wei@huawei.test', phone: '13800138000' });
    expect(both[0]!.reasons.sort()).toEqual(['email', 'name_company', 'phone']);
    expect(both[0]!.score).toBeGreaterThan(byEmail[0]!.score);
  });

  it('finds the same name at the same company across simplified and traditional writing', async () => {
    const found = await check({ name: '黄国华', company: '鸿海精密' });
    expect(found[0]).toMatchObject({ contact: { id: ids.huang }, reasons: ['name_company'] });
  });

  it('finds a slightly misspelled name at the same company', async () => {
    const found = await check({ name: 'Jonathon Smith', company: 'ACME Corp' });
    expect(found[0]).toMatchObject({ contact: { id: ids.jon }, reasons: ['similar_name_company'] });
  });

  it('does not call the same name at a different company a duplicate, nor the record being edited', async () => {
    expect(await check({ name: '王伟', company: '腾讯' })).toEqual([]);
    expect(await check({ name: '王伟', company: '华为技术有限公司', excludeId: ids.wang })).toEqual([]);
    expect((await check({ name: 'Li Lei' }))[0]).toMatchObject({ contact: { id: ids.solo }, reasons: ['name'] });
  });

  it('ignores contacts in the recycle bin and those the caller may not read', async () => {
    const rep = await addMember(t.app, admin, 'sales');
    expect(await check({ name: 'x', email: 'wang.wei@huawei.test' }, rep)).toEqual([]);
    const tmp = (await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: admin.cookie }, payload: { name: 'Temp', email: 'temp@x.test' } })).json();
    await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${tmp.id}`, headers: { cookie: admin.cookie } });
    expect(await check({ name: 'y', email: 'temp@x.test' })).toEqual([]);
  });

  it('measures name similarity symmetrically, 1 for equal names', () => {
    expect(bigramSimilarity('jonathan', 'jonathan')).toBe(1);
    expect(bigramSimilarity('jonathan', 'jonathon')).toBeCloseTo(bigramSimilarity('jonathon', 'jonathan'));
    expect(bigramSimilarity('jonathan', 'jonathon')).toBeGreaterThan(0.7);
    expect(bigramSimilarity('anna', 'bob')).toBe(0);
  });
});

describe('recycle bin', () => {
  it('a deleted contact leaves lists and search, waits in the bin, and comes back whole', async () => {
    const c = (await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: admin.cookie }, payload: { name: '回收站测试', company: '临时公司' } })).json();
    await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${c.id}`, headers: { cookie: admin.cookie } });
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/contacts?limit=200', headers: { cookie: admin.cookie } })).json();
    expect(list.data.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const search = (await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('回收站')}`, headers: { cookie: admin.cookie } })).json();
    expect(search.data).toEqual([]);
    const bin = (await t.app.inject({ method: 'GET', url: '/api/v1/contacts/recycle-bin', headers: { cookie: admin.cookie } })).json();
    expect(bin.data[0]).toMatchObject({ id: c.id, deletedBy: admin.userId });
    const restored = await t.app.inject({ method: 'POST', url: `/api/v1/contacts/${c.id}/restore`, headers: { cookie: admin.cookie } });
    expect(restored.json()).toMatchObject({ id: c.id, name: '回收站测试', company: '临时公司' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${c.id}`, headers: { cookie: admin.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/contacts/${c.id}/restore`, headers: { cookie: admin.cookie } })).statusCode).toBe(404);
    const history = (await t.app.inject({ method: 'GET', url: `/api/v1/audit-log?recordId=${c.id}`, headers: { cookie: admin.cookie } })).json();
    expect(history.data.map((e: { action: string }) => e.action)).toEqual(['restore', 'delete', 'create']);
  });
});
