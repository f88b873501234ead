import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfMember } from '../auth/context-loader.js';
import { contacts, contactsSearch } from '../../modules/customers/contacts.tables.js';
import { keyedSearchProvider } from './keyed-search.js';
import { countWorkspaceSearchKeys, refreshSearchKeyStats } from './key-stats.js';
import { searchKeyStats } from './key-stats.tables.js';
import { searchEverything, type SearchProvider } from './search.service.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  for (const c of [
    { name: '王伟', company: '万维网络' },
    { name: '王小明', company: '小米科技', email: 'ww.ming@example.cn' },
    { name: '汪伟', company: '腾讯' },
    { name: '王五', company: '王氏集团' },
    { name: '魏王', company: '王维科技' },
    { name: 'Wangwai Li', company: 'Wanwei Ltd' },
    { name: '李王', phone: '138 0013 8000' },
    { name: 'Wang Wei', company: 'Acme' },
    { name: '王', company: '华为技术有限公司' },
  ]) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: admin.cookie }, payload: c });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

const provider = (type: string, probeLimit?: number, walkBudget?: number): SearchProvider =>
  keyedSearchProvider<{ company: string | null }>({ type, table: contacts, view: contactsSearch, subtitle: (row) => row.company, probeLimit, walkBudget });

const search = async (providers: SearchProvider[], q: string, limit = 20) => {
  const ctx = (await contextOfMember(t.database, admin.workspaceId, admin.userId))!;
  const hits = await inWorkspace(t.database.db, admin.workspaceId, (tx) => searchEverything(tx, ctx, providers, q, limit));
  return hits.map((h) => `${h.title} ${h.score}`);
};

describe('keyed search: rare and common classes rank alike', () => {
  // With a probe limit of 1 nearly every class is "common": walked in index order, then remembered as such.
  const queries = ['王', 'ww', 'wangwei', 'wang wei', 'wang', '伟', '8000', 'wanwei', 'ww.ming@example.cn', 'Wnag Wei'];

  it('gives the same hits in the same order whether a class is probed, walked, or known to be common', async () => {
    const probed = provider('contact');
    for (const q of queries) {
      const expected = await search([probed], q);
      const walked = provider(`contact-walked-${q}`, 1);
      expect(await search([walked], q), q).toEqual(expected);
      // Again: now the classes are known to be common and no probe is made to find out.
      expect(await search([walked], q), q).toEqual(expected);
      // A page smaller than the matches: the walk stops early, the probe cuts its ranked list.
      expect(await search([walked], q, 2), q).toEqual(await search([probed], q, 2));
      // A walk whose first records hold too few of the class's: the class read whole and sorted instead.
      const shortWalk = provider(`contact-short-walk-${q}`, 1, 2);
      expect(await search([shortWalk], q), q).toEqual(expected);
      expect(await search([shortWalk], q, 2), q).toEqual(await search([probed], q, 2));
    }
  });

  it('ranks exact name before pinyin before company; typo matches only when no name is found as typed', async () => {
    // The merged page orders ties of score by title length, then title (searchEverything).
    expect(await search([provider('contact', 1)], 'wangwei')).toEqual(['Wang Wei 100', '汪伟 90', '王伟 90', '魏王 55']);
    // No name starts so: the close names, by how close.
    expect(await search([provider('contact', 1)], 'Wang Wie')).toEqual(['Wang Wei 31.25']);
    expect(await search([provider('contact')], 'Wangwai Lee')).toEqual(['Wangwai Li 37.5']);
    // An address found as typed names its record: no typo matches after it.
    expect(await search([provider('contact')], 'ww.ming@example.cn')).toEqual(['王小明 95']);
    expect(await search([provider('contact', 1)], '王')).toEqual(['王 100', '李王 100', '王五 100', '王伟 100', '魏王 100', '王小明 100']);
  });
});

describe('keyed search: common keys counted per workspace', () => {
  const counted = provider('contact-counted', 3);
  const exactCounts = (workspaceId: string) =>
    inWorkspace(t.database.db, workspaceId, async (tx) => {
      const { rows } = (await tx.execute(sql`
        select k as key, count(*)::int as n from ${contacts}, unnest(${contacts.searchKeys}) k
         where ${contacts.workspaceId} = ${workspaceId} and ${contacts.deletedAt} is null group by k`)) as unknown as { rows: { key: string; n: number }[] };
      return rows;
    });
  const stored = (workspaceId: string) =>
    inWorkspace(t.database.db, workspaceId, async (tx) => (await tx.select().from(searchKeyStats).where(eq(searchKeyStats.recordType, 'contact-counted')))[0]);

  it('lists exactly the keys of at least the probe limit of live records, in this workspace only', async () => {
    const other = await signUpWorkspace(t.app);
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: other.cookie }, payload: { name: `Zebedee ${i}` } });
      expect(res.statusCode, res.body).toBe(201);
    }
    await inWorkspace(t.database.db, admin.workspaceId, (tx) => countWorkspaceSearchKeys(tx, admin.workspaceId, [counted]));
    const row = await stored(admin.workspaceId);
    // A small workspace is counted whole: the keys are exact, not estimated.
    expect(row?.sampledPercent).toBe(100);
    const expected = (await exactCounts(admin.workspaceId)).filter((r) => r.n >= 3).map((r) => r.key).sort();
    expect(expected).toContain('n:王');
    expect(row?.commonKeys).toEqual(expected);
    expect(row?.commonKeys.some((k) => k.includes('zebedee'))).toBe(false);

    // The recycle bin does not count: a key of exactly three records drops out when one goes.
    const ids: string[] = [];
    for (const name of ['Quillon Ma', 'Quillon Li', 'Quillon Wu']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: admin.cookie }, payload: { name } });
      ids.push(res.json().id);
    }
    await inWorkspace(t.database.db, admin.workspaceId, (tx) => countWorkspaceSearchKeys(tx, admin.workspaceId, [counted]));
    expect((await stored(admin.workspaceId))?.commonKeys).toContain('n:quillon');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${ids[0]}`, headers: { cookie: admin.cookie } })).statusCode).toBe(204);
    await inWorkspace(t.database.db, admin.workspaceId, (tx) => countWorkspaceSearchKeys(tx, admin.workspaceId, [counted]));
    expect((await stored(admin.workspaceId))?.commonKeys).not.toContain('n:quillon');
    for (const id of ids.slice(1)) await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${id}`, headers: { cookie: admin.cookie } });
  });

  it('gives the hits probing would, with the counted classes walked', async () => {
    await inWorkspace(t.database.db, admin.workspaceId, (tx) => countWorkspaceSearchKeys(tx, admin.workspaceId, [counted]));
    for (const q of ['王', 'ww', 'wangwei', 'wang wei', '伟', 'Wnag Wei']) {
      expect(await search([counted], q), q).toEqual(await search([provider('contact')], q));
      expect(await search([counted], q, 2), q).toEqual(await search([provider('contact')], q, 2));
    }
  });

  it('the sweep counts the workspaces whose counts are missing or stale, then none until they age', async () => {
    const fresh = await signUpWorkspace(t.app);
    const first = await refreshSearchKeyStats(t.database, [counted]);
    expect(first).toContain(fresh.workspaceId);
    expect(await stored(fresh.workspaceId)).toMatchObject({ commonKeys: [], records: 0 });
    // Other test files may add workspaces meanwhile (one database on PostgreSQL): only this one is asserted.
    expect(await refreshSearchKeyStats(t.database, [counted])).not.toContain(fresh.workspaceId);
  });
});
