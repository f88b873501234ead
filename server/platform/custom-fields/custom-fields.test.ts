import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  const fields = [
    { key: 'region', label: { 'zh-CN': '大区', en: 'Region' }, type: 'single_select', options: { choices: [{ value: 'east', label: { 'zh-CN': '华东' } }, { value: 'south', label: { 'zh-CN': '华南' } }] } },
    { key: 'budget', label: { en: 'Budget' }, type: 'currency', options: { currency: 'CNY' } },
    { key: 'score', label: { en: 'Score' }, type: 'number' },
    { key: 'vip', label: { en: 'VIP' }, type: 'boolean' },
    { key: 'first_met', label: { en: 'First met' }, type: 'date' },
    { key: 'interests', label: { en: 'Interests' }, type: 'multi_select', options: { choices: [{ value: 'golf', label: { en: 'Golf' } }, { value: 'tea', label: { en: 'Tea' } }] } },
    { key: 'account_manager', label: { en: 'Account manager' }, type: 'user' },
  ];
  for (const f of fields) {
    const res = await call('POST', '/custom-fields', { objectType: 'contacts', ...f });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

function call(method: string, url: string, payload?: object, who: SignedIn = admin) {
  return t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
}

describe('custom fields', () => {
  it('round-trips every type on a contact, and null clears a value', async () => {
    const custom = { region: 'east', budget: 5_000_000, score: 4.5, vip: true, first_met: '2024-02-29', interests: ['tea', 'golf', 'tea'], account_manager: admin.userId };
    const c = (await call('POST', '/contacts', { name: '周杰', custom })).json();
    expect(c.custom).toEqual({ ...custom, interests: ['tea', 'golf'] });
    const cleared = (await call('PATCH', `/contacts/${c.id}`, { custom: { vip: null, score: 3 } })).json();
    expect(cleared.custom).toEqual({ ...custom, interests: ['tea', 'golf'], score: 3, vip: undefined });
    expect('vip' in cleared.custom).toBe(false);
  });

  it('refuses wrong values, naming custom.<key>', async () => {
    for (const [key, value, code] of [
      ['region', 'north', 'enum'],
      ['budget', 12.5, 'type'],
      ['score', '4', 'type'],
      ['first_met', '2023-02-29', 'format'],
      ['interests', ['chess'], 'enum'],
      ['account_manager', '01934b7e-0000-7000-8000-000000000000', 'invalid'],
      ['shoe_size', 42, 'unknown'],
    ] as const) {
      const res = await call('POST', '/contacts', { name: 'x', custom: { [key]: value } });
      expect(res.statusCode, key).toBe(400);
      expect(res.json().errors[0], key).toMatchObject({ field: `custom.${key}`, code });
    }
  });

  it('filters lists by custom fields', async () => {
    await call('POST', '/contacts', { name: '甲', custom: { region: 'south', score: 9 } });
    await call('POST', '/contacts', { name: '乙', custom: { region: 'south', score: 2 } });
    const names = async (filter: string) => (await call('GET', `/contacts?filter=${encodeURIComponent(filter)}`)).json().data.map((c: { name: string }) => c.name).sort();
    expect(await names('custom.region:eq:south')).toEqual(['乙', '甲'].sort());
    expect(await names('custom.score:gt:5')).toEqual(['甲']);
    expect((await call('GET', `/contacts?filter=${encodeURIComponent('custom.nope:eq:1')}`)).json().code).toBe('INVALID_FILTER');
  });

  it('enforces required fields on create, not on records that predate them', async () => {
    const old = (await call('POST', '/accounts', { name: '旧客户' })).json();
    await call('POST', '/custom-fields', { objectType: 'accounts', key: 'tax_id', label: { 'zh-CN': '税号' }, type: 'text', required: true });
    expect((await call('POST', '/accounts', { name: '新客户' })).json().errors[0]).toMatchObject({ field: 'custom.tax_id', code: 'required' });
    expect((await call('PATCH', `/accounts/${old.id}`, { industry: '制造' })).statusCode).toBe(200);
    expect((await call('POST', '/accounts', { name: '新客户', custom: { tax_id: '91440300MA5' } })).statusCode).toBe(201);
  });

  it('lets only admins define fields; keys are unique per object; archived fields leave the list', async () => {
    const rep = await addMember(t.app, admin, 'manager');
    expect((await call('POST', '/custom-fields', { objectType: 'contacts', key: 'x', label: { en: 'X' }, type: 'text' }, rep)).statusCode).toBe(403);
    expect((await call('POST', '/custom-fields', { objectType: 'contacts', key: 'region', label: { en: 'X' }, type: 'text' })).json().errors[0]).toMatchObject({ field: 'key', code: 'taken' });
    expect((await call('POST', '/custom-fields', { objectType: 'rockets', key: 'x', label: { en: 'X' }, type: 'text' })).json().errors[0].field).toBe('objectType');
    expect((await call('POST', '/custom-fields', { objectType: 'contacts', key: 'pick', label: { en: 'X' }, type: 'single_select' })).json().errors[0].field).toBe('options.choices');
    const list = (await call('GET', '/custom-fields?objectType=contacts')).json().data;
    const vip = list.find((d: { key: string }) => d.key === 'vip');
    await call('PATCH', `/custom-fields/${vip.id}`, { archived: true });
    expect((await call('GET', '/custom-fields?objectType=contacts')).json().data.map((d: { key: string }) => d.key)).not.toContain('vip');
  });
});
