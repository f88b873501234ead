import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  for (const c of [
    { name: '王伟', company: '华为技术有限公司', phone: '138 0013 8000', email: 'wang.wei@example.cn' },
    { name: '王小明', company: '小米科技' },
    { name: '汪伟', company: '腾讯' },
    { name: '黃國華', company: '鴻海精密' },
    { name: 'Jonathan Smith', company: 'Acme', email: 'jsmith@acme.test' },
  ]) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: admin.cookie }, payload: c });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

const search = async (q: string, who: SignedIn = admin) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}`, headers: { cookie: who.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data.map((h: { title: string }) => h.title) as string[];
};

describe('search API', () => {
  it('stores phones in E.164', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/contacts?filter=name:eq:王伟', headers: { cookie: admin.cookie } })).json();
    expect(list.data[0].phone).toBe('+8613800138000');
  });

  it('finds by pinyin, initials, characters (traditional too), phone and e-mail', async () => {
    // 汪伟 is also wáng wěi: both are right, and both come before anything else.
    expect((await search('wangwei')).slice(0, 2).sort()).toEqual(['汪伟', '王伟'].sort());
    expect(await search('wang wei')).toContain('王伟');
    expect(await search('ww')).toEqual(expect.arrayContaining(['王伟', '汪伟']));
    expect(await search('王')).toEqual(expect.arrayContaining(['王伟', '王小明']));
    expect(await search('黄国华')).toEqual(['黃國華']);
    expect(await search('+86-138-0013-8000')).toEqual(['王伟']);
    expect(await search('138 0013 8000')).toEqual(['王伟']);
    expect(await search('jsmith@acme.test')).toEqual(['Jonathan Smith']);
    expect(await search('小米')).toEqual(['王小明']);
  });

  it('ranks a name match above a company match', async () => {
    const hits = await search('wei');
    expect(hits.slice(0, 2).sort()).toEqual(['汪伟', '王伟'].sort());
  });

  it('tolerates a small typo in Latin names, not in numbers', async () => {
    expect(await search('Jonathon Smith')).toContain('Jonathan Smith');
    // One digit off is somebody else's phone: exact or nothing.
    expect(await search('138 0013 8009')).toEqual([]);
    expect(await search('13800138009')).toEqual([]);
  });

  it('finds nothing for nonsense and rejects an empty query', async () => {
    expect(await search('zzzzqqq')).toEqual([]);
    const empty = await t.app.inject({ method: 'GET', url: '/api/v1/search?q=', headers: { cookie: admin.cookie } });
    expect(empty.statusCode).toBe(400);
  });

  it('respects record scopes: a sales rep finds only contacts they may see', async () => {
    const rep = await addMember(t.app, admin, 'sales');
    expect(await search('wangwei', rep)).toEqual([]);
    await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: rep.cookie }, payload: { name: '王伟' } });
    expect(await search('wangwei', rep)).toEqual(['王伟']);
  });

  it('rejects a phone that is not a number, naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: admin.cookie }, payload: { name: 'x', phone: '123' } });
    expect(res.json().errors[0]).toMatchObject({ field: 'phone', code: 'invalid' });
  });
});
