import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
const make = async (payload: object, who: SignedIn = admin) => (await call('POST', '/contacts', payload, who)).json();

describe('merging duplicate contacts', () => {
  it('keeps one record, fills blanks, keeps every e-mail and phone, sets other values aside', async () => {
    const a = await make({ name: '王伟', company: '华为', email: 'wang.wei@huawei.test', phone: '13800138000', tags: ['VIP'] });
    const b = await make({ name: '王 伟', company: '华为技术', title: '采购经理', email: 'ww@gmail.test', phone: '13900139000', tags: ['展会'], wechatId: 'wangwei88' });
    const c = await make({ name: 'Wang Wei', email: 'wang.wei@huawei.test', birthday: '1985-05-01' });
    const account = (await call('POST', '/accounts', { name: '华为技术有限公司' })).json();
    await call('PUT', `/accounts/${account.id}/contacts/${b.id}`, { role: 'decision_maker' });

    const res = await call('POST', '/contacts/merge', { primaryId: a.id, mergeIds: [b.id, c.id], fields: { title: b.id } });
    expect(res.statusCode, res.body).toBe(200);
    const survivor = res.json();
    expect(survivor).toMatchObject({
      id: a.id,
      name: '王伟',
      company: '华为',
      title: '采购经理',
      email: 'wang.wei@huawei.test',
      phone: '+8613800138000',
      wechatId: 'wangwei88',
      birthday: '1985-05-01',
    });
    expect(survivor.otherEmails).toEqual(['ww@gmail.test']);
    expect(survivor.otherPhones).toEqual(['+8613900139000']);
    expect(survivor.tags.sort()).toEqual(['VIP', '展会'].sort());

    // The merged ones are gone from lists, their account link moved to the survivor.
    expect((await call('GET', `/contacts/${b.id}`)).statusCode).toBe(404);
    const links = (await call('GET', `/accounts/${account.id}/contacts`)).json().data;
    expect(links.map((l: { contact: { id: string }; role: string }) => [l.contact.id, l.role])).toEqual([[a.id, 'decision_maker']]);

    // What was not kept is in the history, nothing silently dropped.
    const history = (await call('GET', `/contacts/${a.id}/merge-history`)).json().data;
    expect(history[0].mergedIds.sort()).toEqual([b.id, c.id].sort());
    expect(history[0].setAside[b.id]).toEqual({ name: '王 伟', company: '华为技术' });
    expect(history[0].setAside[c.id]).toEqual({ name: 'Wang Wei' });

    const audit = (await call('GET', `/audit-log?recordType=contact&recordId=${b.id}`)).json().data;
    expect(audit[0]).toMatchObject({ action: 'merge', changes: { mergedInto: { old: null, new: a.id } } });
  });

  it('refuses merging a record into itself, unknown fields and sources outside the merge', async () => {
    const a = await make({ name: 'A' });
    const b = await make({ name: 'B' });
    const other = await make({ name: 'C' });
    expect((await call('POST', '/contacts/merge', { primaryId: a.id, mergeIds: [a.id] })).json().errors[0].field).toBe('mergeIds');
    expect((await call('POST', '/contacts/merge', { primaryId: a.id, mergeIds: [b.id], fields: { shoeSize: b.id } })).json().errors[0].field).toBe('fields.shoeSize');
    expect((await call('POST', '/contacts/merge', { primaryId: a.id, mergeIds: [b.id], fields: { name: other.id } })).json().errors[0].field).toBe('fields.name');
  });

  it('needs the right to delete the duplicates, and all-or-nothing', async () => {
    const rep = await addMember(t.app, admin, 'marketing');
    const mine = await make({ name: 'Rep’s contact' }, rep);
    const theirs = await make({ name: 'Admin’s contact' });
    const res = await call('POST', '/contacts/merge', { primaryId: mine.id, mergeIds: [theirs.id] }, rep);
    expect(res.statusCode).toBe(403);
    expect((await call('GET', `/contacts/${theirs.id}`)).statusCode).toBe(200);
  });
});
