import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: admin.cookie, 'accept-language': 'zh-CN' }, ...(payload ? { payload } : {}) });

describe('bulk create and update', () => {
  it('creates 1,000 contacts in one call, and refuses 1,001', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ name: `批量客户 ${i}`, email: `bulk${i}@example.cn` }));
    const res = await call('POST', '/contacts/bulk', { items });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json()).toMatchObject({ succeeded: 1000, failed: 0 });
    expect(new Set(res.json().results.map((r: { id: string }) => r.id)).size).toBe(1000);
    const tooMany = await call('POST', '/contacts/bulk', { items: [...items, { name: 'one more' }] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0]).toMatchObject({ field: 'items', code: 'maxItems' });
  });

  it('judges each item alone: a bad one fails with its reason, the others commit', async () => {
    const res = (await call('POST', '/accounts/bulk', { items: [{ name: '好公司' }, { name: '坏电话', phone: '123' }, { name: '另一家' }] })).json();
    expect(res).toMatchObject({ succeeded: 2, failed: 1 });
    expect(res.results[1]).toMatchObject({ index: 1, status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'items.1.phone', code: 'invalid', message: '电话无效。' }] });
    const names = (await call('GET', '/accounts?limit=200')).json().data.map((a: { name: string }) => a.name);
    expect(names).toEqual(expect.arrayContaining(['好公司', '另一家']));
    expect(names).not.toContain('坏电话');
  });

  it('updates by id, answering 404 per item for ids it cannot see', async () => {
    const [a, b] = (await call('POST', '/contacts/bulk', { items: [{ name: '甲' }, { name: '乙' }] })).json().results;
    const res = (await call('PATCH', '/contacts/bulk', { items: [{ id: a.id, title: '经理' }, { id: '01934b7e-0000-7000-8000-000000000000', title: 'x' }, { id: b.id, company: '丙公司' }] })).json();
    expect(res.results.map((r: { status: number }) => r.status)).toEqual([200, 404, 200]);
    expect((await call('GET', `/contacts/${b.id}`)).json().company).toBe('丙公司');
  });

  it('validates every item against the schema before doing anything', async () => {
    const res = await call('POST', '/contacts/bulk', { items: [{ name: 'ok' }, { name: 'x', nonsense: true }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('items.1.nonsense');
  });

  it('moves records to the recycle bin one by one, refusing those the caller may not delete', async () => {
    const rep = await addMember(t.app, admin, 'sales');
    const [mine, theirs] = (await call('POST', '/contacts/bulk', { items: [{ name: '待删 甲', ownerId: rep.userId }, { name: '待删 乙' }] })).json().results;
    const asRep = (await t.app.inject({ method: 'POST', url: '/api/v1/contacts/bulk-delete', headers: { cookie: rep.cookie }, payload: { ids: [mine.id, theirs.id] } })).json();
    expect(asRep.results.map((r: { status: number }) => r.status)).toEqual([204, 404]);
    const bin = (await call('GET', '/contacts/recycle-bin?limit=200')).json().data.map((c: { id: string }) => c.id);
    expect(bin).toContain(mine.id);
    expect(bin).not.toContain(theirs.id);
    expect((await call('POST', '/contacts/bulk-delete', { ids: [theirs.id, theirs.id] })).statusCode).toBe(400);
    expect((await call('POST', '/contacts/bulk-delete', { ids: [theirs.id] })).json()).toMatchObject({ succeeded: 1, failed: 0 });
    expect((await call('GET', `/contacts/${theirs.id}`)).statusCode).toBe(404);
  });
});
