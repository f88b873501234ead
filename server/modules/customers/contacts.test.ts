import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: admin.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

describe('contacts API', () => {
  it('creates, reads, updates and deletes, cleaning input', async () => {
    const created = await call('POST', '/contacts', { name: '  欧阳娜娜 ', email: ' NaNa@Example.COM ', company: '', phone: '+86 138 0013 8000' });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ name: '欧阳娜娜', email: 'nana@example.com', company: null, ownerId: admin.userId });
    expect((await call('GET', `/contacts/${c.id}`)).json().name).toBe('欧阳娜娜');
    const updated = await call('PATCH', `/contacts/${c.id}`, { company: '台积电', email: null });
    expect(updated.json()).toMatchObject({ company: '台积电', email: null });
    expect(new Date(updated.json().updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(c.updatedAt).getTime());
    expect((await call('DELETE', `/contacts/${c.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/contacts/${c.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/contacts/${c.id}`)).statusCode).toBe(404);
  });

  it('keeps Unicode names intact, including emoji and rare characters', async () => {
    for (const name of ['𠮷野家 Yoshinoya', 'Zoë 🤝 Ünal', '龘靐齉']) {
      const res = await call('POST', '/contacts', { name });
      expect(res.json().name).toBe(name);
    }
  });

  it('rejects a name of only spaces and a phone with letters, naming the field', async () => {
    const blank = await call('POST', '/contacts', { name: '   ' });
    expect(blank.json().errors[0].field).toBe('name');
    const phone = await call('POST', '/contacts', { name: 'x', phone: 'call me' });
    expect(phone.json().errors[0]).toMatchObject({ field: 'phone', code: 'pattern' });
  });
});

describe('lists: cursor paging, filter and sort', () => {
  const names = ['安娜', 'Bob', '陈晨', 'Dana', '鄂尔多斯客户', 'Frank', '郭靖', 'Hanna', '黄蓉', 'Ivan', '金庸', 'Jack'];
  let ws: SignedIn;
  beforeAll(async () => {
    ws = await signUpWorkspace(t.app, 'paging');
    for (const [i, name] of names.entries()) {
      await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: ws.cookie }, payload: { name, company: i % 2 ? 'Acme 100% Ltd' : '华为_技术' } });
    }
  });
  const list = async (query: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/contacts?${query}`, headers: { cookie: ws.cookie } }));

  it('walks every page exactly once, in both directions of every sortable field', async () => {
    for (const sort of ['name', '-name', 'createdAt', '-createdAt', 'updatedAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await list(`limit=5&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        const page = res.json();
        seen.push(...page.data.map((c: { name: string }) => c.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, sort).toHaveLength(names.length);
      expect(new Set(seen).size).toBe(names.length);
      if (sort === 'name') expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  it('filters with operators, escaping LIKE wildcards', async () => {
    const percent = (await list(`filter=${encodeURIComponent('company:contains:100%')}`)).json().data;
    expect(percent).toHaveLength(6);
    const underscore = (await list(`filter=${encodeURIComponent('company:contains:为_技')}`)).json().data;
    expect(underscore).toHaveLength(6);
    const none = (await list(`filter=${encodeURIComponent('company:contains:为x技')}`)).json().data;
    expect(none).toHaveLength(0);
    const both = (await list(`filter=${encodeURIComponent('company:startsWith:Acme')}&filter=${encodeURIComponent('name:in:Bob|Dana|郭靖')}`)).json().data;
    expect(both.map((c: { name: string }) => c.name).sort()).toEqual(['Bob', 'Dana']);
    const future = (await list(`filter=${encodeURIComponent('createdAt:gt:2999-01-01T00:00:00Z')}`)).json().data;
    expect(future).toHaveLength(0);
    expect((await list('filter=title:isNull:true')).json().data).toHaveLength(names.length);
  });

  it('explains a bad filter, sort or cursor with 400', async () => {
    for (const [query, code] of [
      ['filter=shoeSize:eq:42', 'INVALID_FILTER'],
      ['filter=name:like:x', 'INVALID_FILTER'],
      ['filter=createdAt:gt:yesterday', 'INVALID_FILTER'],
      ['filter=ownerId:eq:nope', 'INVALID_FILTER'],
      ['sort=company', 'INVALID_SORT'],
      ['cursor=garbage', 'INVALID_CURSOR'],
      ['limit=0', 'VALIDATION_FAILED'],
      ['limit=201', 'VALIDATION_FAILED'],
      ['color=red', 'VALIDATION_FAILED'],
    ]) {
      const res = await list(query!);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code, query).toBe(code);
    }
  });

  it('answers an empty workspace with an empty page', async () => {
    const empty = await signUpWorkspace(t.app, 'empty');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { cookie: empty.cookie } });
    expect(res.json()).toEqual({ data: [], nextCursor: null });
  });
});

describe('owners', () => {
  it('refuses an owner who is not an active member of the workspace, naming ownerId', async () => {
    const other = await signUpWorkspace(t.app, 'other');
    for (const ownerId of [other.userId, '01934b7e-0000-7000-8000-000000000000']) {
      const res = await call('POST', '/contacts', { name: 'x', ownerId });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'ownerId', code: 'invalid' });
    }
    const mine = (await call('POST', '/contacts', { name: 'y' })).json();
    const moved = await call('PATCH', `/contacts/${mine.id}`, { ownerId: other.userId });
    expect(moved.json().errors[0].field).toBe('ownerId');
  });
});

describe('contact details', () => {
  it('round-trips every field, and clears them with null or empty lists', async () => {
    const full = {
      name: '欧阳修',
      company: '北宋文学社',
      title: '主编',
      department: '编辑部',
      email: 'ouyang@example.cn',
      phone: '13800138001',
      otherEmails: ['OuYang.Xiu@Example.com', 'ouyang.xiu@example.com'],
      otherPhones: ['+886 912 345 678', '021-6888 8888'],
      birthday: '1007-08-01',
      wechatId: 'ouyangxiu1007',
      handles: [{ type: 'qq', value: '10071072' }, { type: 'linkedin', value: 'ouyang-xiu' }],
      addresses: [{ kind: 'office', line1: '滁州醉翁亭', city: '滁州', country: 'CN' }],
      tags: ['VIP', '作家', 'VIP'],
      source: '展会',
      lifecycleStage: 'member',
    };
    const c = (await call('POST', '/contacts', full)).json();
    expect(c).toMatchObject({
      ...full,
      phone: '+8613800138001',
      otherEmails: ['ouyang.xiu@example.com'],
      otherPhones: ['+886912345678', '+862168888888'],
      tags: ['VIP', '作家'],
    });
    const found = (await call('GET', `/search?q=${encodeURIComponent('021 6888 8888')}`)).json().data;
    expect(found.map((h: { id: string }) => h.id)).toContain(c.id);
    const cleared = (await call('PATCH', `/contacts/${c.id}`, { department: null, birthday: null, wechatId: null, otherEmails: [], otherPhones: [], handles: [], addresses: [], tags: [], lifecycleStage: null })).json();
    expect(cleared).toMatchObject({ department: null, birthday: null, wechatId: null, otherEmails: [], otherPhones: [], handles: [], addresses: [], tags: [], lifecycleStage: null });
  });

  it('names the exact other phone that is not a number', async () => {
    const res = await call('POST', '/contacts', { name: 'x', otherPhones: ['13800138000', '12'] });
    expect(res.json().errors[0]).toMatchObject({ field: 'otherPhones.1', code: 'invalid' });
  });

  it('refuses an impossible birthday', async () => {
    const res = await call('POST', '/contacts', { name: 'x', birthday: '2026-02-30' });
    expect(res.json().errors[0]).toMatchObject({ field: 'birthday', code: 'format' });
  });
});
