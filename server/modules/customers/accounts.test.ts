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

describe('accounts', () => {
  it('round-trips every field, and null', async () => {
    const full = {
      name: ' 华为技术有限公司 ',
      type: 'customer',
      industry: '通信设备',
      size: '5000+',
      tier: 'A',
      region: '华南',
      website: 'https://www.huawei.com',
      phone: '0755 2878 0808',
      email: 'Info@Huawei.COM',
      creditStatus: 'good',
      creditLimit: 500_000_00,
      currency: 'CNY',
      tags: ['战略客户', '战略客户', ' 5G '],
      source: 'trade fair',
      lifecycleStage: 'customer',
      addresses: [{ kind: 'office', line1: '坂田华为基地', city: '深圳', region: '广东', postalCode: '518129', country: 'CN' }],
    };
    const created = await call('POST', '/accounts', full);
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({ ...full, name: '华为技术有限公司', email: 'info@huawei.com', phone: '+8675528780808', tags: ['战略客户', '5G'], ownerId: admin.userId });
    const cleared = await call('PATCH', `/accounts/${a.id}`, { industry: null, size: null, tier: null, website: null, phone: null, creditLimit: null, tags: [], addresses: [], lifecycleStage: null });
    expect(cleared.json()).toMatchObject({ industry: null, size: null, tier: null, website: null, phone: null, creditLimit: null, tags: [], addresses: [], lifecycleStage: null, name: '华为技术有限公司' });
  });

  it('rejects values outside the lists, naming the field', async () => {
    for (const [field, value] of [['type', 'friend'], ['size', '7'], ['lifecycleStage', 'vip'], ['currency', 'yuan'], ['creditLimit', -1], ['website', 'not a site']] as const) {
      const res = await call('POST', '/accounts', { name: 'x', [field]: value });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
  });

  it('builds hierarchies and refuses loops and strangers as parents', async () => {
    const group = (await call('POST', '/accounts', { name: '集团总部' })).json();
    const sub = (await call('POST', '/accounts', { name: '华东分公司', parentId: group.id })).json();
    const subsub = (await call('POST', '/accounts', { name: '上海办事处', parentId: sub.id })).json();
    expect((await call('GET', `/accounts/${group.id}/children`)).json().data.map((x: { id: string }) => x.id)).toEqual([sub.id]);
    const loop = await call('PATCH', `/accounts/${group.id}`, { parentId: subsub.id });
    expect(loop.json().errors[0]).toMatchObject({ field: 'parentId', code: 'invalid' });
    const self = await call('PATCH', `/accounts/${group.id}`, { parentId: group.id });
    expect(self.json().errors[0].field).toBe('parentId');
    const other = await signUpWorkspace(t.app, 'other');
    const foreign = (await call('POST', '/accounts', { name: 'foreign' }, other)).json();
    expect((await call('POST', '/accounts', { name: 'y', parentId: foreign.id })).json().errors[0].field).toBe('parentId');
  });

  it('links contacts in roles, one primary, and lists both ways', async () => {
    const account = (await call('POST', '/accounts', { name: 'Siemens AG' })).json();
    const anna = (await call('POST', '/contacts', { name: 'Anna Müller' })).json();
    const bob = (await call('POST', '/contacts', { name: 'Bob Stone' })).json();
    expect((await call('PUT', `/accounts/${account.id}/contacts/${anna.id}`, { role: 'decision_maker', isPrimary: true })).statusCode).toBe(200);
    await call('PUT', `/accounts/${account.id}/contacts/${bob.id}`, { role: 'user', isPrimary: true });
    const linked = (await call('GET', `/accounts/${account.id}/contacts`)).json().data;
    expect(linked.map((l: { contact: { name: string }; role: string; isPrimary: boolean }) => [l.contact.name, l.role, l.isPrimary])).toEqual([
      ['Anna Müller', 'decision_maker', false],
      ['Bob Stone', 'user', true],
    ]);
    expect((await call('GET', `/contacts/${anna.id}/accounts`)).json().data[0]).toMatchObject({ account: { name: 'Siemens AG' }, role: 'decision_maker' });
    expect((await call('DELETE', `/accounts/${account.id}/contacts/${anna.id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/accounts/${account.id}/contacts/${anna.id}`)).statusCode).toBe(404);
    const history = (await call('GET', `/audit-log?recordType=account&recordId=${account.id}`)).json().data;
    expect(history[0].changes).toEqual({ [`contact:${anna.id}`]: { old: { role: 'decision_maker', isPrimary: false }, new: null } });
  });

  it('applies scopes: a sales rep cannot link contacts to an account they may only read', async () => {
    const rep = await addMember(t.app, admin, 'service');
    const account = (await call('POST', '/accounts', { name: 'Admin-owned' })).json();
    const contact = (await call('POST', '/contacts', { name: 'Carl' }, rep)).json();
    expect((await call('PUT', `/accounts/${account.id}/contacts/${contact.id}`, { role: 'user' }, rep)).statusCode).toBe(403);
  });

  it('appears in search by name and pinyin, and goes to the recycle bin and back', async () => {
    const account = (await call('POST', '/accounts', { name: '比亚迪股份有限公司', industry: '汽车' })).json();
    const hits = (await call('GET', `/search?q=${encodeURIComponent('biyadi')}`)).json().data;
    expect(hits[0]).toMatchObject({ type: 'account', id: account.id, subtitle: '汽车' });
    await call('DELETE', `/accounts/${account.id}`);
    expect((await call('GET', `/search?q=biyadi`)).json().data).toEqual([]);
    expect((await call('GET', '/accounts/recycle-bin')).json().data[0].id).toBe(account.id);
    expect((await call('POST', `/accounts/${account.id}/restore`)).statusCode).toBe(200);
  });
});
