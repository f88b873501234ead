import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
let seller: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  seller = await addMember(t.app, admin, 'sales');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'zh-CN' }, ...(payload ? { payload } : {}) });

describe('bulk changes of deals and leads', () => {
  it('assigns and tags many deals in one call, each item judged alone', async () => {
    const made = (await call('POST', '/opportunities/bulk', { items: [{ name: '批量商机 甲' }, { name: '批量商机 乙', accountId: '01934b7e-0000-7000-8000-000000000001' }, { name: '批量商机 丙', tags: ['老客户'] }] })).json();
    expect(made).toMatchObject({ succeeded: 2, failed: 1 });
    expect(made.results[1]).toMatchObject({ status: 400, errors: [{ field: 'items.1.accountId' }] });
    const [a, , c] = made.results;

    const changed = (
      await call('PATCH', '/opportunities/bulk', {
        items: [
          { id: a.id, ownerId: seller.userId, tags: ['重点'] },
          { id: '01934b7e-0000-7000-8000-000000000000', ownerId: seller.userId },
          { id: c.id, ownerId: seller.userId, tags: ['老客户', '重点'] },
        ],
      })
    ).json();
    expect(changed.results.map((r: { status: number }) => r.status)).toEqual([200, 404, 200]);
    // The seller now sees both as theirs, with the tags.
    const theirs = (await call('GET', `/opportunities?filter=ownerId:eq:${seller.userId}`, undefined, seller)).json().data;
    expect(theirs.map((d: { id: string; tags: string[] }) => [d.id, d.tags])).toEqual(
      expect.arrayContaining([
        [a.id, ['重点']],
        [c.id, ['老客户', '重点']],
      ]),
    );
    expect(theirs).toHaveLength(2);
  });

  it('does not let a seller change or delete deals outside their scope', async () => {
    const mine = (await call('POST', '/opportunities', { name: '管理员自己的商机' })).json();
    const res = (await call('PATCH', '/opportunities/bulk', { items: [{ id: mine.id, name: '被改了' }] }, seller)).json();
    expect(res.results[0].status).toBe(404);
    expect((await call('POST', '/opportunities/bulk-delete', { ids: [mine.id] }, seller)).json().results[0].status).toBe(404);
    expect((await call('GET', `/opportunities/${mine.id}`)).json().name).toBe('管理员自己的商机');
  });

  it('moves many leads to the recycle bin, from where they come back one by one', async () => {
    const ids = (await call('POST', '/leads/bulk', { items: [{ name: '线索一' }, { name: '线索二' }, { name: '线索三' }] })).json().results.map((r: { id: string }) => r.id);
    const removed = (await call('POST', '/leads/bulk-delete', { ids: ids.slice(0, 2) })).json();
    expect(removed).toMatchObject({ succeeded: 2, failed: 0 });
    const live = (await call('GET', '/leads?limit=200')).json().data.map((l: { id: string }) => l.id);
    expect(live).toContain(ids[2]);
    expect(live).not.toContain(ids[0]);
    const binned = (await call('GET', '/leads/recycle-bin')).json().data.map((l: { id: string }) => l.id);
    expect(binned).toEqual(expect.arrayContaining(ids.slice(0, 2)));
    expect((await call('POST', `/leads/${ids[0]}/restore`)).statusCode).toBe(200);
  });

  it('refuses an empty or oversized batch naming the field', async () => {
    const empty = await call('PATCH', '/leads/bulk', { items: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({ field: 'items', code: 'minItems' });
    const wrongType = await call('POST', '/leads/bulk-delete', { ids: ['not-an-id'] });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].field).toBe('ids.0');
  });
});
