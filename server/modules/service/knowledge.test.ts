import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { inWorkspace } from '../../db/transaction.js';
import { readPublicArticle, searchPublicArticles } from './knowledge-search.service.js';
import { seedKnowledgeDemo } from './knowledge.demo.js';
import { highlight, planQuery, searchTermsOf } from './knowledge.search.js';

let t: TestApp;
let admin: SignedIn;
let agent: SignedIn;
let rep: SignedIn;
let other: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, 'KB 知识库公司');
  agent = await addMember(t.app, admin, 'service');
  rep = await addMember(t.app, admin, 'sales');
  other = await signUpWorkspace(t.app, 'Other 其他公司');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, lang = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': lang }, ...(payload ? { payload } : {}) });

interface Hit {
  id: string;
  title: string;
  titleHits: [number, number][];
  snippet: string;
  snippetHits: [number, number][];
  language: string;
}
const search = async (q: string, who: SignedIn = admin, extra = '') => {
  const res = await call('GET', `/knowledge/search?q=${encodeURIComponent(q)}${extra}`, undefined, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as Hit[];
};
const write = async (translations: { language: string; title: string; body: string }[], extra: object = {}, who: SignedIn = admin) => {
  const res = await call('POST', '/knowledge/articles', { translations, ...extra }, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; version: number };
};
const publish = async (id: string) => {
  const res = await call('POST', `/knowledge/articles/${id}/publish`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const marked = (text: string, hits: [number, number][]) => hits.map(([s, e]) => text.slice(s, e));

let printer: string;
let router: string;
let invoice: string;
beforeAll(async () => {
  printer = (
    await write([
      { language: 'zh-CN', title: '打印机卡纸的处理方法', body: '打开前盖，取出硒鼓，沿出纸方向轻轻拉出卡住的纸张。不要用力拉扯，以免损坏定影器。' },
      { language: 'zh-TW', title: '印表機卡紙的處理方法', body: '打開前蓋，取出碳粉匣，沿出紙方向輕輕拉出卡住的紙張。' },
      { language: 'en', title: 'Clearing a paper jam in the printer', body: 'Open the front cover, remove the toner cartridge and gently pull the jammed paper out.' },
    ])
  ).id;
  router = (await write([{ language: 'zh-CN', title: '路由器无法上网怎么办', body: '先重启路由器，再检查宽带账号和网线。打印机共享也依赖网络。' }], { visibility: 'public' })).id;
  invoice = (await write([{ language: 'zh-CN', title: '如何开具增值税发票', body: '在订单页面点击开票，填写抬头和税号。' }])).id;
  for (const id of [printer, router, invoice]) await publish(id);
});

describe('search terms', () => {
  it('cuts Chinese into bigrams and characters, Latin into folded words, traditional read as simplified', () => {
    const terms = searchTermsOf('印表機卡紙', 'Printers jammed');
    expect(terms).toEqual(expect.arrayContaining(['t:印表', 't:表机', 't:卡纸', 't:纸', 'b:printer', 'b:jam']));
    expect(planQuery('打印机卡纸怎么办').terms).toEqual(['打印', '印机', '机卡', '卡纸']);
    expect(planQuery('  ').terms).toEqual([]);
    expect(planQuery('纸').terms).toEqual(['纸']);
    expect(planQuery('HP打印机 paper jam').terms).toEqual(['打印', '印机', 'hp', 'paper', 'jam']);
  });

  it('highlights in the text as written, traditional characters and capitals included', () => {
    const title = '印表機卡紙的處理方法';
    expect(marked(title, highlight(title, planQuery('卡纸').terms))).toEqual(['卡紙']);
    const en = 'Clearing a Paper Jam';
    expect(marked(en, highlight(en, planQuery('paper jams').terms))).toEqual(['Paper', 'Jam']);
  });
});

describe('searching articles', () => {
  it('finds a Chinese question phrased differently from the title, title match above body match', async () => {
    const hits = await search('打印机卡纸怎么办');
    expect(hits[0]!.id).toBe(printer);
    expect(hits[0]!.title).toBe('打印机卡纸的处理方法');
    expect(marked(hits[0]!.title, hits[0]!.titleHits)).toEqual(['打印机卡纸']);
    // The router article mentions 打印机 in its body only: below, if at all.
    expect(hits.findIndex((h) => h.id === router)).not.toBe(0);
  });

  it('matches traditional queries and shows the reader’s language', async () => {
    const [hit] = await search('印表機卡紙');
    expect(hit!.id).toBe(printer);
    // 打印機 is the mainland word in traditional characters: the zh-CN text matches it best, the zh-TW one (卡紙) too.
    expect((await search('打印機卡紙怎麼辦'))[0]).toMatchObject({ id: printer, language: 'zh-CN' });
    const mainlandWord = (await call('GET', `/knowledge/search?q=${encodeURIComponent('打印機卡紙怎麼辦')}&language=zh-TW`)).json().data[0];
    expect(mainlandWord).toMatchObject({ id: printer, language: 'zh-TW', title: '印表機卡紙的處理方法' });
    // Where both Chinese texts match as well, the reader's own is shown.
    const zhTw = await call('GET', `/knowledge/search?q=${encodeURIComponent('卡紙的處理方法')}&language=zh-TW`);
    const [twHit] = zhTw.json().data as Hit[];
    expect(twHit!.id).toBe(printer);
    expect(twHit!.language).toBe('zh-TW');
    expect(marked(twHit!.title, twHit!.titleHits)).toEqual(['卡紙', '處理方法']);
  });

  it('finds English (word forms folded), mixed and one-character queries; empty finds nothing', async () => {
    const en = await search('printer paper jams');
    expect(en[0]!.id).toBe(printer);
    expect(en[0]!.language).toBe('en');
    expect((await search('HP 打印机 jam'))[0]!.id).toBe(printer);
    expect((await search('票')).map((h) => h.id)).toEqual([invoice]);
    expect(await search('')).toEqual([]);
    expect(await search('   ')).toEqual([]);
    expect(await search('the')).toEqual([]);
    expect(await search('量子计算')).toEqual([]);
  });

  it('reads only the caller’s workspace and only published articles', async () => {
    expect(await search('打印机', other)).toEqual([]);
    const draft = await write([{ language: 'zh-CN', title: '扫描仪驱动安装', body: '下载驱动并安装。' }]);
    expect(await search('扫描仪')).toEqual([]);
    await publish(draft.id);
    expect((await search('扫描仪')).map((h) => h.id)).toEqual([draft.id]);
    expect((await call('GET', `/knowledge/articles/${printer}`, undefined, other)).statusCode).toBe(404);
  });

  it('suggests articles for a case from its subject and description', async () => {
    const res = await call('GET', `/knowledge/suggest?text=${encodeURIComponent('客户来电：办公室的打印机一直卡纸，换了纸也不行，很着急')}`, undefined, agent);
    expect(res.statusCode).toBe(200);
    expect(res.json().data[0].id).toBe(printer);
  });

  it('serves public articles without a member: only public ones', async () => {
    const { workspaceId } = admin;
    const found = await searchPublicArticles(t.app.database, workspaceId, 'zh-CN', '路由器上不了网');
    expect(found.map((h) => h.id)).toEqual([router]);
    expect(await searchPublicArticles(t.app.database, workspaceId, 'zh-CN', '打印机卡纸')).toEqual(expect.not.arrayContaining([expect.objectContaining({ id: printer })]));
    const read = await readPublicArticle(t.app.database, workspaceId, router, 'en');
    expect(read).toMatchObject({ title: '路由器无法上网怎么办', language: 'zh-CN' });
    await expect(readPublicArticle(t.app.database, workspaceId, printer, 'zh-CN')).rejects.toMatchObject({ status: 404 });
  });
});

describe('articles, versions and permissions', () => {
  it('keeps every published edit as a version and restores an earlier one', async () => {
    const a = await write([{ language: 'zh-CN', title: '重置密码', body: '第一版' }]);
    expect((await publish(a.id)).version).toBe(1);
    const edited = await call('PATCH', `/knowledge/articles/${a.id}`, { translations: [{ language: 'zh-CN', title: '重置密码', body: '第二版' }, { language: 'en', title: 'Reset a password', body: 'Second' }] });
    expect(edited.json()).toMatchObject({ version: 2, status: 'published' });
    const versions = (await call('GET', `/knowledge/articles/${a.id}/versions`)).json().data;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[1].content.translations).toEqual([{ language: 'zh-CN', title: '重置密码', body: '第一版' }]);
    const restored = (await call('POST', `/knowledge/articles/${a.id}/restore`, { version: 1 })).json();
    expect(restored.version).toBe(3);
    expect(restored.translations.map((x: { body: string }) => x.body)).toEqual(['第一版']);
    expect((await search('reset password')).map((h) => h.id)).not.toContain(a.id);
    expect((await call('POST', `/knowledge/articles/${a.id}/restore`, { version: 9 })).statusCode).toBe(404);
  });

  it('lets agents write drafts but not publish or change published articles; others only read published ones', async () => {
    const draft = await write([{ language: 'en', title: 'Agent draft', body: 'Text' }], {}, agent);
    expect((await call('PATCH', `/knowledge/articles/${draft.id}`, { tags: ['x'] }, agent)).statusCode).toBe(200);
    expect((await call('POST', `/knowledge/articles/${draft.id}/publish`, undefined, agent)).statusCode).toBe(403);
    expect((await call('PATCH', `/knowledge/articles/${printer}`, { tags: ['x'] }, agent)).statusCode).toBe(403);
    expect((await call('POST', '/knowledge/articles', { translations: [{ language: 'en', title: 'x', body: '' }] }, rep)).statusCode).toBe(403);
    expect((await call('GET', `/knowledge/articles/${draft.id}`, undefined, rep)).statusCode).toBe(404);
    expect((await call('GET', `/knowledge/articles/${printer}`, undefined, rep)).statusCode).toBe(200);
    const listed = (await call('GET', '/knowledge/articles?language=zh-TW', undefined, rep)).json().data as { id: string; status: string; title: string }[];
    expect(listed.every((a) => a.status === 'published')).toBe(true);
    expect(listed.find((a) => a.id === printer)!.title).toBe('印表機卡紙的處理方法');
  });

  it('refuses two translations in one language, blank titles and unknown categories, naming the field', async () => {
    const res = await call('POST', '/knowledge/articles', { translations: [{ language: 'en', title: 'A', body: '' }, { language: 'en', title: 'B', body: '' }] });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['translations.1.language']);
    expect((await call('POST', '/knowledge/articles', { translations: [{ language: 'en', title: ' ', body: '' }] })).statusCode).toBe(400);
    const cat = await call('POST', '/knowledge/articles', { categoryId: '00000000-0000-4000-8000-000000000000', translations: [{ language: 'en', title: 'A', body: '' }] });
    expect(cat.json().errors[0].field).toBe('categoryId');
  });

  it('counts views and one changeable helpful vote per member', async () => {
    expect((await call('POST', `/knowledge/articles/${invoice}/views`)).statusCode).toBe(204);
    await call('POST', `/knowledge/articles/${invoice}/votes`, { helpful: true });
    await call('POST', `/knowledge/articles/${invoice}/votes`, { helpful: false });
    const voted = (await call('POST', `/knowledge/articles/${invoice}/votes`, { helpful: true }, agent)).json();
    expect(voted).toMatchObject({ helpfulYes: 1, helpfulNo: 1, myVote: true, viewCount: 1 });
  });
});

describe('categories', () => {
  it('builds a tree, refuses cycles, and deletes only empty categories', async () => {
    const parent = (await call('POST', '/knowledge/categories', { names: { 'zh-CN': '硬件', en: 'Hardware' } })).json();
    const child = (await call('POST', '/knowledge/categories', { names: { 'zh-CN': '打印机' }, parentId: parent.id })).json();
    expect((await call('PATCH', `/knowledge/categories/${parent.id}`, { parentId: child.id })).statusCode).toBe(400);
    expect((await call('POST', '/knowledge/categories', { names: { en: '  ' } })).statusCode).toBe(400);
    await call('PATCH', `/knowledge/articles/${printer}`, { categoryId: child.id });
    const del = await call('DELETE', `/knowledge/categories/${child.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('KB_CATEGORY_NOT_EMPTY');
    expect((await search('卡纸', admin, `&categoryId=${child.id}`)).map((h) => h.id)).toEqual([printer]);
    await call('PATCH', `/knowledge/articles/${printer}`, { categoryId: null });
    expect((await call('DELETE', `/knowledge/categories/${child.id}`)).statusCode).toBe(204);
    expect((await call('GET', '/knowledge/categories')).json().data.map((c: { id: string }) => c.id)).toEqual([parent.id]);
  });
});

describe('demo data', () => {
  it('seeds articles in three languages that search finds, and the 2026 holidays', async () => {
    const demo = await signUpWorkspace(t.app, 'Demo 演示');
    await inWorkspace(t.database.db, demo.workspaceId, (tx) =>
      seedKnowledgeDemo(tx, { workspaceId: demo.workspaceId, userId: demo.userId, apiKeyId: null, role: 'admin', teamId: null, locale: 'zh-CN', timeZone: 'Asia/Shanghai', country: 'CN' }),
    );
    const [hit] = await searchPublicArticles(t.app.database, demo.workspaceId, 'zh-TW', '打印机卡纸怎么办');
    expect(hit).toMatchObject({ title: '印表機卡紙的處理方法', language: 'zh-TW' });
    expect((await search('forgot password', demo))[0]!.title).toBe('Resetting a forgotten password');
    expect((await call('GET', '/business-calendar', undefined, demo)).json().days.length).toBeGreaterThan(30);
  });
});
