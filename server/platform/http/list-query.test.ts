import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

// Filter logic and sorting by custom fields, through the contacts list (any list built on planList behaves alike).
let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, language = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: admin.cookie, 'accept-language': language }, ...(payload ? { payload } : {}) });
const query = (params: Record<string, string | string[]>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) search.append(key, v);
  return search.toString();
};
const sorted = (values: string[]) => [...values].sort();
const names = async (params: Record<string, string | string[]>): Promise<string[]> => {
  const res = await call('GET', `/contacts?${query(params)}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().data as { name: string }[]).map((c) => c.name).sort();
};

describe('filter logic', () => {
  beforeAll(async () => {
    for (const [name, company, title] of [
      ['甲 Jia', '华为', '经理'],
      ['乙 Yi', '腾讯', '工程师'],
      ['丙 Bing', '华为', '工程师'],
      ['丁 Ding', '阿里巴巴', '经理'],
    ] as const) {
      expect((await call('POST', '/contacts', { name, company, title })).statusCode).toBe(201);
    }
  });
  const filters = ['company:eq:华为', 'title:eq:工程师', 'company:eq:阿里巴巴'];

  it('combines numbered filters with AND, OR, NOT and parentheses', async () => {
    expect(await names({ filter: filters.slice(0, 2) })).toEqual(sorted(['丙 Bing']));
    expect(await names({ filter: filters, filterLogic: '(1 AND 2) OR 3' })).toEqual(sorted(['丁 Ding', '丙 Bing']));
    expect(await names({ filter: filters, filterLogic: '1 and (2 or 3)' })).toEqual(sorted(['丙 Bing']));
    expect(await names({ filter: filters.slice(0, 2), filterLogic: '1 OR 2' })).toEqual(sorted(['乙 Yi', '丙 Bing', '甲 Jia']));
    expect(await names({ filter: filters.slice(0, 1), filterLogic: 'NOT 1' })).toEqual(sorted(['丁 Ding', '乙 Yi']));
    // AND binds tighter than OR, as in SQL and Salesforce's filter logic.
    expect(await names({ filter: filters, filterLogic: '3 OR 1 AND 2' })).toEqual(sorted(['丁 Ding', '丙 Bing']));
  });

  it('pages through an OR filter exactly once per row', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await call('GET', `/contacts?${query({ filter: filters.slice(0, 2), filterLogic: '1 OR 2', limit: '1', ...(cursor ? { cursor } : {}) })}`);
      seen.push(...(res.json().data as { name: string }[]).map((c) => c.name));
      cursor = res.json().nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(sorted(['乙 Yi', '丙 Bing', '甲 Jia']));
  });

  it.each([
    ['1 AND', filters.slice(0, 2), 'it ends where a filter number was expected'],
    ['1 OR 4', filters.slice(0, 2), 'there is no filter 4; the filters are numbered 1 to 2'],
    ['1', filters.slice(0, 2), 'filter 2 is not used'],
    ['(1 OR 2', filters.slice(0, 2), 'a "(" is not closed'],
    ['1 XOR 2', filters.slice(0, 2), '"XOR 2" at position 2 is not understood'],
    ['1 2', filters.slice(0, 2), '"2" follows a complete expression'],
    ['AND 1', filters.slice(0, 1), '"AND" stands where a filter number was expected'],
    ['   ', filters.slice(0, 1), null],
  ])('answers the logic %j with a 400 that says what is wrong', async (logic, filter, reason) => {
    const res = await call('GET', `/contacts?${query({ filter, filterLogic: logic })}`);
    if (reason === null) {
      expect(res.statusCode).toBe(200); // blank logic: the default, every filter must hold
      return;
    }
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_FILTER_LOGIC');
    expect(res.json().detail).toContain(reason);
  });

  it('refuses logic nested too deep, and says so in Chinese to a Chinese reader', async () => {
    const deep = `${'('.repeat(12)}1${')'.repeat(12)}`;
    const res = await call('GET', `/contacts?${query({ filter: filters.slice(0, 1), filterLogic: deep })}`, undefined, 'zh-CN');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe(`筛选逻辑“${deep}”无效：嵌套超过 10 层。`);
  });

  it('translates why a filter is invalid, not only that it is', async () => {
    const res = await call('GET', `/contacts?${query({ filter: 'createdAt:gt:昨天' })}`, undefined, 'zh-TW');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('篩選條件「createdAt:gt:昨天」無效：「昨天」不是日期（YYYY-MM-DD）。');
  });
});

describe('sorting by custom fields', () => {
  beforeAll(async () => {
    for (const field of [
      { key: 'budget', label: { en: 'Budget' }, type: 'number' },
      { key: 'renewal', label: { en: 'Renewal' }, type: 'date' },
      { key: 'interests', label: { en: 'Interests' }, type: 'multi_select', options: { choices: [{ value: 'a', label: { en: 'A' } }] } },
    ]) {
      const res = await call('POST', '/custom-fields', { objectType: 'contacts', ...field });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const [name, budget, renewal] of [
      ['预算 5', 5, '2027-03-01'],
      ['预算 空 1', null, null],
      ['预算 10', 10, '2026-12-01'],
      ['预算 -1.5', -1.5, null],
      ['预算 空 2', null, '2027-01-15'],
      ['预算 5 again', 5, '2027-02-01'],
    ] as const) {
      const custom = { ...(budget === null ? {} : { budget }), ...(renewal === null ? {} : { renewal }) };
      expect((await call('POST', '/contacts', { name, company: 'SortCo', custom })).statusCode).toBe(201);
    }
  });

  /** Every page of `sort`, two at a time, as names. */
  async function walk(sort: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await call('GET', `/contacts?${query({ filter: 'company:eq:SortCo', sort, limit: '2', ...(cursor ? { cursor } : {}) })}`);
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...(res.json().data as { name: string; custom: { budget?: number } }[]).map((c) => c.name));
      cursor = res.json().nextCursor ?? undefined;
    } while (cursor);
    return seen;
  }

  it('pages through a number field in order, empty values first, each row once', async () => {
    const ascending = await walk('custom.budget');
    expect(ascending).toHaveLength(6);
    expect(ascending.slice(0, 2).sort()).toEqual(sorted(['预算 空 1', '预算 空 2']));
    expect(ascending.slice(2, 3)).toEqual(['预算 -1.5']);
    expect(ascending.slice(3, 5).sort()).toEqual(sorted(['预算 5', '预算 5 again']));
    expect(ascending.at(-1)).toBe('预算 10');
    expect(await walk('-custom.budget')).toEqual([...ascending].reverse());
  });

  it('sorts by a date field', async () => {
    const byRenewal = await walk('custom.renewal');
    expect(byRenewal.slice(2)).toEqual(['预算 10', '预算 空 2', '预算 5 again', '预算 5']);
  });

  it('refuses to sort by a multi-select field, naming the sortable ones', async () => {
    const res = await call('GET', '/contacts?sort=custom.interests');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_SORT');
    expect(res.json().detail).toContain('custom.budget');
  });

  it('tells a filter builder every field with its type, custom ones included', async () => {
    const res = await call('GET', '/views/fields?objectType=contacts');
    expect(res.statusCode).toBe(200);
    const fields = res.json().data as { name: string; type: string; sortable: boolean }[];
    expect(fields).toContainEqual({ name: 'custom.budget', type: 'number', sortable: true });
    expect(fields).toContainEqual({ name: 'custom.renewal', type: 'timestamp', sortable: true });
    expect(fields).toContainEqual({ name: 'custom.interests', type: 'text', sortable: false });
    expect(fields).toContainEqual({ name: 'name', type: 'text', sortable: true });
    expect((await call('GET', '/views/fields?objectType=spaceships')).statusCode).toBe(400);
  });

  it('saves a view that filters with logic and sorts by a custom field, and refuses broken logic', async () => {
    const view = { objectType: 'contacts', name: '大预算或明年续约', filters: ['custom.budget:gte:5', 'custom.renewal:gte:2027-01-01'], filterLogic: '1 OR 2', sort: '-custom.budget' };
    const saved = await call('POST', '/views', view);
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ filterLogic: '1 OR 2', sort: '-custom.budget' });
    const broken = await call('PATCH', `/views/${saved.json().id}`, { filterLogic: '1 OR 3' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('INVALID_FILTER_LOGIC');
    const cleared = await call('PATCH', `/views/${saved.json().id}`, { filterLogic: null });
    expect(cleared.json().filterLogic).toBeNull();
  });
});
