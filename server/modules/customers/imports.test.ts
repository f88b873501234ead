import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetPath } from '../../../test/datasets.js';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import { detectEncoding } from '../../platform/imports/import-files.js';
import { suggestMapping } from './import-mapping.js';
import { backfillIdentityKeys } from './identity-backfill.js';
import { IMPORT_BATCH, importNextBatch } from './imports.service.js';

const datasets = datasetPath();
let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'zh-CN' }, ...(payload ? { payload } : {}) });

async function upload(objectType: 'contacts' | 'accounts', fileName: string, bytes: Buffer, who: SignedIn = admin) {
  const res = await call('POST', '/imports', { objectType, fileName, content: bytes.toString('base64') }, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function runImport(id: string, who: SignedIn = admin) {
  const started = await call('POST', `/imports/${id}/start`, undefined, who);
  expect(started.statusCode, started.body).toBe(202);
  await t.app.jobs.run(who.workspaceId, started.json().jobId);
  const job = (await call('GET', `/jobs/${started.json().jobId}`, undefined, who)).json();
  expect(job.state, JSON.stringify(job)).toBe('succeeded');
  return (await call('GET', `/imports/${id}`, undefined, who)).json();
}

describe('import: reading files', () => {
  it('detects UTF-8 (with or without BOM), GBK/GB18030 and Big5', () => {
    const text = '姓名,公司,电话\n张伟,北京海淀科技有限公司,13800138000\n李娜,上海浦东发展银行,13912345678\n';
    expect(detectEncoding(Buffer.from(text))).toBe('utf-8');
    expect(detectEncoding(Buffer.from(`\uFEFF${text}`))).toBe('utf-8');
    expect(detectEncoding(iconv.encode(text, 'gbk'))).toBe('gb18030');
    expect(detectEncoding(iconv.encode('姓名,公司\n黃國華,鴻海精密工業股份有限公司\n林美玲,台灣積體電路製造\n', 'big5'))).toBe('big5');
  });

  it("reads back the apostrophe our exports put before formula-like cells", async () => {
    const { readImportFile } = await import('../../platform/imports/import-files.js');
    const file = await readImportFile(Buffer.from("\uFEFFName,Title\r\nA,'=SUM(1)\r\nB,'Tis\r\n"));
    expect(file.rows).toEqual([['A', '=SUM(1)'], ['B', "'Tis"]]);
  });

  it('maps Chinese, English, Salesforce and HubSpot headers', () => {
    expect(suggestMapping('contacts', ['姓名', '手机', '邮箱', '公司', '备注'])).toEqual(['name', 'phone', 'email', 'company', null]);
    expect(suggestMapping('contacts', ['FirstName', 'LastName', 'Email', 'MobilePhone', 'Title'])).toEqual(['firstName', 'lastName', 'email', 'phone', 'title']);
    expect(suggestMapping('contacts', ['First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Job Title'])).toEqual(['firstName', 'lastName', 'email', 'phone', 'company', 'title']);
    expect(suggestMapping('accounts', ['account', 'sector', 'year_established', 'revenue', 'employees', 'office_location', 'subsidiary_of'])).toEqual(['name', 'industry', null, null, 'employees', 'region', 'parentName']);
  });

  it('refuses a file that is empty or not a table, naming the field', async () => {
    for (const content of ['', Buffer.from('PK\u0003\u0004garbage').toString('base64')]) {
      const res = await call('POST', '/imports', { objectType: 'contacts', fileName: 'x.csv', content: content || '=' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('content');
    }
  });
});

describe('import: contacts', () => {
  it('imports a GBK CSV with Chinese headers, normalizes phones, reports bad rows for download', async () => {
    const csv = '姓名,手机,邮箱,公司\n张伟,138 0013 8000,zhang.wei@example.cn,北京海淀科技\n李娜,+86-139-1234-5678,LI.NA@EXAMPLE.CN,上海银行\n,13700000000,noname@example.cn,无名\n王芳,12345,wang.fang@example.cn,某公司\n赵磊,13600000000,不是邮箱,某公司\n';
    const created = await upload('contacts', '客户名单.csv', iconv.encode(csv, 'gbk'));
    expect(created).toMatchObject({ encoding: 'gb18030', headers: ['姓名', '手机', '邮箱', '公司'], mapping: ['name', 'phone', 'email', 'company'], totalRows: 5, status: 'uploaded' });
    expect(created.preview[0].values).toEqual({ name: '张伟', phone: '138 0013 8000', email: 'zhang.wei@example.cn', company: '北京海淀科技' });
    expect(created.preview[2].problems[0]).toMatchObject({ field: 'name', code: 'required', message: '姓名为必填项。' });
    const done = await runImport(created.id);
    expect(done).toMatchObject({ status: 'done', created: 2, failed: 3, skipped: 0 });
    const list = (await call('GET', `/contacts?filter=${encodeURIComponent('name:in:张伟|李娜')}&sort=name`)).json().data;
    expect(list.map((c: { phone: string; email: string }) => `${c.phone} ${c.email}`).sort()).toEqual(['+8613800138000 zhang.wei@example.cn', '+8613912345678 li.na@example.cn']);
    const report = await call('GET', `/imports/${created.id}/problems`);
    expect(report.headers['content-type']).toContain('text/csv');
    expect(report.body.startsWith('\uFEFF')).toBe(true);
    const lines = report.body.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('王芳');
    expect(lines[2]).toContain('电话');
  });

  it('skips, updates or creates duplicates as asked', async () => {
    const ws = await signUpWorkspace(t.app, 'dups');
    await call('POST', '/contacts', { name: 'Anna Müller', email: 'anna@siemens.test', title: 'Buyer' }, ws);
    const csv = Buffer.from('Name,Email,Title\nAnna Müller,anna@siemens.test,Head of Procurement\n');
    const skip = await upload('contacts', 'a.csv', csv, ws);
    expect((await runImport(skip.id, ws))).toMatchObject({ skipped: 1, created: 0 });
    const update = await upload('contacts', 'a.csv', csv, ws);
    await call('PATCH', `/imports/${update.id}`, { duplicatePolicy: 'update' }, ws);
    expect(await runImport(update.id, ws)).toMatchObject({ updated: 1 });
    const create = await upload('contacts', 'a.csv', csv, ws);
    await call('PATCH', `/imports/${create.id}`, { duplicatePolicy: 'create' }, ws);
    expect(await runImport(create.id, ws)).toMatchObject({ created: 1 });
    const annas = (await call('GET', '/contacts?filter=email:eq:anna@siemens.test', undefined, ws)).json().data;
    expect(annas.map((a: { title: string }) => a.title).sort()).toEqual(['Head of Procurement', 'Head of Procurement']);
  });

  it('reads XLSX and joins first and last names', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Contacts');
    sheet.addRow(['First Name', 'Last Name', 'Email']);
    sheet.addRow(['伟', '王', 'ww@example.cn']);
    sheet.addRow(['John', 'Smith', 'john@example.com']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const created = await upload('contacts', 'contacts.xlsx', bytes);
    expect(created).toMatchObject({ format: 'xlsx', mapping: ['firstName', 'lastName', 'email'], totalRows: 2 });
    expect(created.preview.map((p: { values: object }) => p.values)).toEqual([
      { firstName: '伟', lastName: '王', email: 'ww@example.cn' },
      { firstName: 'John', lastName: 'Smith', email: 'john@example.com' },
    ]);
    await runImport(created.id);
    const names = (await call('GET', `/contacts?filter=${encodeURIComponent('email:in:ww@example.cn|john@example.com')}&sort=name`)).json().data.map((c: { name: string }) => c.name);
    expect(names.sort()).toEqual(['John Smith', '王伟']);
  });

  it('resumes after a crash between batches: every row exactly once', async () => {
    const ws = await signUpWorkspace(t.app, 'resume');
    const total = IMPORT_BATCH * 2 + 50;
    const rows = Array.from({ length: total }, (_, i) => `客户${i},c${i}@resume.test`).join('\n');
    const created = await upload('contacts', 'big.csv', Buffer.from(`姓名,邮箱\n${rows}\n`), ws);
    const started = (await call('POST', `/imports/${created.id}/start`, undefined, ws)).json();
    const ctx = (await contextOfMember(t.database, ws.workspaceId, ws.userId))!;
    // One batch commits, then the process "dies"; the job runs again from the start.
    const first = await inWorkspace(t.database.db, ws.workspaceId, (tx) => importNextBatch(tx, ctx, created.id));
    expect(first).toMatchObject({ done: IMPORT_BATCH, finished: false });
    await t.app.jobs.run(ws.workspaceId, started.jobId);
    const done = (await call('GET', `/imports/${created.id}`, undefined, ws)).json();
    expect(done).toMatchObject({ status: 'done', created: total, failed: 0 });
    const { rows: counted } = await t.database.raw.query<{ n: number; distinct: number }>(
      'select count(*)::int as n, count(distinct email)::int as distinct from contacts where workspace_id = $1',
      [ws.workspaceId],
    );
    expect(counted[0]).toEqual({ n: total, distinct: total });
    const job = (await call('GET', `/jobs/${started.jobId}`, undefined, ws)).json();
    expect(job).toMatchObject({ progress: total, total });
  });

  it('finds the same name at the same company however written, also on contacts from before the identity key', async () => {
    const ws = await signUpWorkspace(t.app, 'name at company');
    await call('POST', '/contacts', { name: '陳 杰', company: '華為技術' }, ws);
    await call('POST', '/contacts', { name: 'Zoë Lee', company: 'ACME Ltd.' }, ws);
    await call('POST', '/contacts', { name: '李娜' }, ws);
    // As a database from before migration 0049 left them: no identity keys.
    await t.database.raw.query('update contacts set identity_key = null where workspace_id = $1', [ws.workspaceId]);
    expect(await backfillIdentityKeys(t.database)).toBeGreaterThanOrEqual(2);
    const { rows } = await t.database.raw.query<{ name: string; identity_key: string | null }>('select name, identity_key from contacts where workspace_id = $1 order by name', [ws.workspaceId]);
    expect(rows).toEqual([
      { name: 'Zoë Lee', identity_key: 'zoelee|acmeltd' },
      { name: '李娜', identity_key: null },
      { name: '陳 杰', identity_key: '陈杰|华为技术' },
    ]);
    // Simplified for traditional, spaces, accents and case: the same people at the same companies. Elsewhere: someone else.
    const file = '姓名,公司\n陈杰,华为技术\nzoe lee,Acme Ltd\n陈杰,腾讯\n李娜,\n';
    const done = await runImport((await upload('contacts', 'same.csv', Buffer.from(file), ws)).id, ws);
    expect(done).toMatchObject({ status: 'done', skipped: 2, created: 2, failed: 0 });
  });

  it('treats rows of one file that are the same person as duplicates of each other', async () => {
    const ws = await signUpWorkspace(t.app, 'same file');
    const file = '姓名,邮箱,手机,公司\n张伟,zw@same.test,,\n张伟 (备用),ZW@same.test,13800138000,\n另一个人,,138 0013 8000,\n李娜,,,华为\n李娜,,,华为\n王芳,,,\n';
    const created = await upload('contacts', 'same.csv', Buffer.from(file), ws);
    const done = await runImport(created.id, ws);
    // Row 2 is row 1 (same e-mail); row 3 shares only a phone with row 2, which is not kept; row 5 is row 4.
    expect(done).toMatchObject({ status: 'done', created: 4, skipped: 2, failed: 0 });
    const names = (await call('GET', '/contacts?limit=50', undefined, ws)).json().data.map((c: { name: string }) => c.name).sort();
    expect(names).toEqual(['张伟', '另一个人', '李娜', '王芳'].sort());
  });
});

describe('import: custom fields', () => {
  it('maps columns to custom fields by label, converts cells, and reports values outside the choices', async () => {
    const ws = await signUpWorkspace(t.app, 'custom import');
    for (const f of [
      { key: 'region', label: { 'zh-CN': '大区' }, type: 'single_select', options: { choices: [{ value: 'east', label: { 'zh-CN': '华东' } }, { value: 'south', label: { 'zh-CN': '华南' } }] } },
      { key: 'budget', label: { 'zh-CN': '预算' }, type: 'currency', options: { currency: 'CNY' } },
      { key: 'vip', label: { en: 'VIP' }, type: 'boolean' },
    ]) {
      expect((await call('POST', '/custom-fields', { objectType: 'contacts', ...f }, ws)).statusCode).toBe(201);
    }
    const created = await upload('contacts', 'c.csv', Buffer.from('姓名,大区,预算,VIP\n王伟,华东,"12,345.60",是\n李娜,西北,1,否\n'), ws);
    expect(created.mapping).toEqual(['name', 'custom.region', 'custom.budget', 'custom.vip']);
    const done = await runImport(created.id, ws);
    expect(done).toMatchObject({ created: 1, failed: 1 });
    const wang = (await call('GET', `/contacts?filter=${encodeURIComponent('custom.region:eq:east')}`, undefined, ws)).json().data[0];
    expect(wang).toMatchObject({ name: '王伟', custom: { region: 'east', budget: 1_234_560, vip: true } });
    const report = (await call('GET', `/imports/${created.id}/problems`, undefined, ws)).body;
    expect(report).toContain('李娜');
    expect(report).toContain('大区');

    // Exported with the custom columns in forms the import reads back.
    const exported = (await call('GET', '/contacts/export?format=csv', undefined, ws)).body;
    const [header, row] = exported.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header!.split(',').slice(-3)).toEqual(['大区', '预算', 'VIP']);
    expect(row!.split(',').slice(-3)).toEqual(['华东', '12345.6', 'true']);
    const again = await upload('contacts', 'export.csv', Buffer.from(exported), ws);
    expect(again.mapping.slice(-3)).toEqual(['custom.region', 'custom.budget', 'custom.vip']);
    expect(again.preview[0].problems).toEqual([]);
  });
});

describe('import: accounts from the sales dataset', () => {
  it('imports accounts.csv cleanly, with parents linked', async () => {
    const file = path.join(datasets, 'crm-sales-opportunities/accounts.csv');
    const ws = await signUpWorkspace(t.app, 'MavenTech');
    const created = await upload('accounts', 'accounts.csv', fs.readFileSync(file), ws);
    expect(created.totalRows).toBe(85);
    const done = await runImport(created.id, ws);
    expect(done).toMatchObject({ created: 85, failed: 0, skipped: 0 });
    const acme = (await call('GET', `/accounts?filter=${encodeURIComponent('name:eq:Acme Corporation')}`, undefined, ws)).json().data[0];
    expect(acme).toMatchObject({ industry: 'technolgy', region: 'United States', size: '1001-5000' });
    const withParent = (await call('GET', '/accounts?filter=parentId:isNull:false&limit=200', undefined, ws)).json().data;
    const expectedChildren = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1).filter((l) => l.split(',')[6]?.trim()).length;
    expect(withParent).toHaveLength(expectedChildren);
  });
});

describe('import: permissions', () => {
  it('keeps an import private to its uploader (and admins)', async () => {
    const ws = await signUpWorkspace(t.app, 'private');
    const created = await upload('contacts', 'a.csv', Buffer.from('Name\nX\n'), ws);
    const { addMember } = await import('../../db/testing.js');
    const rep = await addMember(t.app, ws, 'sales');
    expect((await call('GET', `/imports/${created.id}`, undefined, rep)).statusCode).toBe(404);
    expect((await call('GET', `/imports/${created.id}`, undefined, ws)).statusCode).toBe(200);
  });
});
