import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfMember } from '../auth/context-loader.js';
import { contacts, contactsSearch } from '../../modules/customers/contacts.tables.js';
import { keyedSearchProvider } from './keyed-search.js';
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

const provider = (type: string, probeLimit?: number): SearchProvider =>
  keyedSearchProvider<{ company: string | null }>({ type, table: contacts, view: contactsSearch, subtitle: (row) => row.company, probeLimit });

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
    }
  });

  it('ranks exact name before pinyin before company before a typo', async () => {
    // The merged page orders ties of score by title length, then title (searchEverything).
    expect(await search([provider('contact', 1)], 'wangwei')).toEqual(['Wang Wei 100', '汪伟 90', '王伟 90', '魏王 55', 'Wangwai Li 31.25']);
    // An address found as typed names its record: no typo matches after it.
    expect(await search([provider('contact')], 'ww.ming@example.cn')).toEqual(['王小明 95']);
    expect(await search([provider('contact', 1)], '王')).toEqual(['王 100', '李王 100', '王五 100', '王伟 100', '魏王 100', '王小明 100']);
  });
});
