import fs from 'node:fs';
import path from 'node:path';
import { datasetPath } from '../../../test/datasets.js';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { parseVCards } from './vcard.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, '导出测试');
  for (const payload of [
    {
      name: '王伟',
      company: '华为技术有限公司',
      department: '终端事业部',
      title: '经理',
      email: 'wangwei@huawei.example',
      otherEmails: ['wei.wang@gmail.example'],
      phone: '+86 138 0013 8000',
      otherPhones: ['010 6552 9988'],
      birthday: '1985-06-01',
      wechatId: 'wangwei_sz',
      handles: [{ type: 'qq', value: '10001' }],
      addresses: [{ kind: 'office', line1: '坂田华为基地', line2: 'B区', city: '深圳', region: '广东', postalCode: '518129', country: 'CN' }],
      tags: ['重要', 'VIP, 华南'],
      source: '展会',
      lifecycleStage: 'customer',
    },
    { name: 'Zoë "Z" Ünal', company: 'Acme, "Big" Co.\nLtd', title: '=1+1', email: 'zoe@acme.example' },
    { name: '@SUM(A1)', company: '-2+3', title: '+cmd' },
    { name: '欧阳娜娜', company: '华为终端' },
  ]) {
    expect((await call(admin, 'POST', '/contacts', payload)).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

function call(who: SignedIn, method: string, url: string, payload?: object, lang = 'zh-CN') {
  return t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': lang }, ...(payload ? { payload } : {}) });
}
const rowsOf = (body: Buffer) => parseCsv(body, { bom: true, relax_column_count: false }) as string[][];

describe('CSV export', () => {
  it('starts with the BOM, uses CRLF and has headers in the caller’s language', async () => {
    const res = await call(admin, 'GET', '/contacts/export?format=csv&sort=name');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''%E8%81%94%E7%B3%BB%E4%BA%BA-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Then the fields analytics contributes (customer value: empty for contacts who never bought).
    expect(res.body.split('\r\n')[0]).toBe('\uFEFF姓名,公司,部门,职位,邮箱,其他邮箱,电话,其他电话,微信号,社交账号,生日,地址,标签,来源,生命周期阶段,负责人,创建时间,最后修改,ABC 分级,RFM 分群,流失风险,累计收入,生命周期价值（估）,仍活跃概率（%）,未来 12 个月预计购买次数,价值模型,最近购买,订单数');
    const en = await call(admin, 'GET', '/contacts/export', undefined, 'en');
    expect(rowsOf(en.rawPayload)[0]).toEqual(['Name', 'Company', 'Department', 'Job title', 'E-mail', 'Other e-mails', 'Phone', 'Other phones', 'WeChat ID', 'Social accounts', 'Birthday', 'Addresses', 'Tags', 'Source', 'Lifecycle stage', 'Owner', 'Created', 'Last changed', 'ABC tier', 'RFM segment', 'Churn risk', 'Lifetime revenue', 'Lifetime value (est.)', 'Chance still active (%)', 'Expected purchases, next 12 months', 'Value model', 'Last purchase', 'Orders']);
    expect(String(en.headers['content-disposition'])).toContain("filename*=UTF-8''Contacts-");
  });

  it('round-trips Chinese, quotes commas, quotes and newlines, and defuses formulas', async () => {
    const rows = rowsOf((await call(admin, 'GET', '/contacts/export?sort=name')).rawPayload);
    const headers = rows[0]!;
    const byName = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(headers.map((h, i) => [h, r[i]]))]));
    expect(byName.get('王伟')).toMatchObject({
      公司: '华为技术有限公司',
      部门: '终端事业部',
      职位: '经理',
      邮箱: 'wangwei@huawei.example',
      其他邮箱: 'wei.wang@gmail.example',
      电话: "'+8613800138000",
      其他电话: "'+861065529988",
      微信号: 'wangwei_sz',
      社交账号: 'qq: 10001',
      生日: '1985-06-01',
      地址: '坂田华为基地, B区, 深圳, 广东, 518129, CN',
      标签: '重要, VIP, 华南',
      来源: '展会',
      生命周期阶段: 'customer',
      负责人: 'Admin 管理员',
    });
    expect(byName.get('王伟')!.创建时间).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(byName.get('Zoë "Z" Ünal')).toMatchObject({ 公司: 'Acme, "Big" Co.\nLtd', 职位: "'=1+1", 电话: '', 标签: '' });
    expect(byName.get("'@SUM(A1)")).toMatchObject({ 公司: "'-2+3", 职位: "'+cmd" });
    expect(byName.has('欧阳娜娜')).toBe(true);
  });

  it('applies the list’s filter and sort', async () => {
    const res = await call(admin, 'GET', `/contacts/export?filter=${encodeURIComponent('company:contains:华为')}&sort=-name`);
    // Descending by code point: 王 (U+738B) after 欧 (U+6B27).
    expect(rowsOf(res.rawPayload).slice(1).map((r) => r[0])).toEqual(['王伟', '欧阳娜娜']);
  });

  it('gives only the header for an empty list', async () => {
    const empty = await signUpWorkspace(t.app, 'empty');
    const csv = await call(empty, 'GET', '/contacts/export');
    expect(csv.body).toBe('\uFEFF姓名,公司,部门,职位,邮箱,其他邮箱,电话,其他电话,微信号,社交账号,生日,地址,标签,来源,生命周期阶段,负责人,创建时间,最后修改,ABC 分级,RFM 分群,流失风险,累计收入,生命周期价值（估）,仍活跃概率（%）,未来 12 个月预计购买次数,价值模型,最近购买,订单数\r\n');
    const none = await call(admin, 'GET', `/contacts/export?filter=${encodeURIComponent('name:eq:nobody')}`);
    expect(rowsOf(none.rawPayload)).toHaveLength(1);
    const xlsx = await call(empty, 'GET', '/accounts/export?format=xlsx');
    const sheet = await sheetOf(xlsx.rawPayload);
    expect(sheet.rowCount).toBe(1);
    expect((await call(empty, 'GET', '/contacts/export?format=vcf')).body).toBe('');
  });

  it('pages through every row of a large list exactly once', async () => {
    const big = await signUpWorkspace(t.app, 'big');
    await t.database.raw.query(
      `insert into contacts (workspace_id, id, name, owner_id, created_at)
       select $1, gen_random_uuid(), '客户 ' || lpad(n::text, 4, '0'), $2, now() - (n || ' seconds')::interval from generate_series(1, 1203) n`,
      [big.workspaceId, big.userId],
    );
    for (const sort of ['name', '-createdAt']) {
      const names = rowsOf((await call(big, 'GET', `/contacts/export?sort=${sort}`)).rawPayload).slice(1).map((r) => r[0]);
      expect(names).toHaveLength(1203);
      expect(new Set(names).size).toBe(1203);
      if (sort === 'name') expect(names[0]).toBe('客户 0001');
    }
  });
});

describe('scope', () => {
  it('gives a sales member only their own and their team’s contacts', async () => {
    const ws = await signUpWorkspace(t.app, 'scoped');
    const [sales1, sales2, other] = [await addMember(t.app, ws, 'sales'), await addMember(t.app, ws, 'sales'), await addMember(t.app, ws, 'sales')];
    const { uuidv7 } = await import('uuidv7');
    const [east, west] = [uuidv7(), uuidv7()];
    await t.database.raw.query('insert into teams (workspace_id, id, name) values ($1, $2, $3), ($1, $4, $5)', [ws.workspaceId, east, '华东', west, '华南']);
    for (const [member, team] of [[sales1, east], [sales2, east], [other, west]] as const) {
      expect((await call(ws, 'PATCH', `/members/${member.userId}`, { teamId: team })).statusCode).toBe(200);
    }
    for (const [who, name] of [[ws, '管理员的客户'], [sales1, '一号的客户'], [sales2, '二号的客户'], [other, '华南的客户']] as const) {
      expect((await call(who, 'POST', '/contacts', { name })).statusCode).toBe(201);
      expect((await call(who, 'POST', '/accounts', { name: `${name}公司` })).statusCode).toBe(201);
    }
    const contacts = rowsOf((await call(sales1, 'GET', '/contacts/export?sort=name')).rawPayload).slice(1).map((r) => r[0]);
    expect(contacts.sort()).toEqual(['一号的客户', '二号的客户'].sort());
    const accounts = rowsOf((await call(sales1, 'GET', '/accounts/export')).rawPayload).slice(1).map((r) => r[0]);
    expect(accounts.sort()).toEqual(['一号的客户公司', '二号的客户公司'].sort());
    const cards = parseVCards((await call(sales1, 'GET', '/contacts/export?format=vcf')).rawPayload);
    expect(cards.map((c) => c.name).sort()).toEqual(['一号的客户', '二号的客户'].sort());
    expect((await call(ws, 'GET', '/contacts/export')).body.split('\r\n').filter(Boolean)).toHaveLength(5);
  });
});

async function sheetOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

describe('XLSX export', () => {
  it('opens with a spreadsheet library and holds every row, text as text and dates as dates', async () => {
    const res = await call(admin, 'GET', '/contacts/export?format=xlsx&sort=name');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(res.headers['content-disposition'])).toMatch(/filename="contacts-[\d-]+\.xlsx"/);
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet.name).toBe('联系人');
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).values).toEqual([undefined, ...'姓名,公司,部门,职位,邮箱,其他邮箱,电话,其他电话,微信号,社交账号,生日,地址,标签,来源,生命周期阶段,负责人,创建时间,最后修改,ABC 分级,RFM 分群,流失风险,累计收入,生命周期价值（估）,仍活跃概率（%）,未来 12 个月预计购买次数,价值模型,最近购买,订单数'.split(',')]);
    const rows = [2, 3, 4, 5].map((n) => sheet.getRow(n));
    const wang = rows.find((r) => r.getCell(1).value === '王伟')!;
    expect(wang.getCell(2).value).toBe('华为技术有限公司');
    expect(wang.getCell(7).value).toBe('+8613800138000');
    expect(wang.getCell(12).value).toBe('坂田华为基地, B区, 深圳, 广东, 518129, CN');
    expect(wang.getCell(17).value).toBeInstanceOf(Date);
    const zoe = rows.find((r) => r.getCell(1).value === 'Zoë "Z" Ünal')!;
    expect(zoe.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(zoe.getCell(4).value).toBe('=1+1');
    expect(zoe.getCell(2).value).toBe('Acme, "Big" Co.\nLtd');
  });

  it('exports accounts with their fields, credit limit in currency units', async () => {
    const created = await call(admin, 'POST', '/accounts', {
      name: '华为技术有限公司',
      type: 'customer',
      industry: '通信',
      creditLimit: 12345678,
      currency: 'CNY',
      tags: ['战略', 'A类'],
      addresses: [{ kind: 'office', line1: '坂田华为基地', city: '深圳', country: 'CN' }],
    });
    expect(created.statusCode).toBe(201);
    const csv = rowsOf((await call(admin, 'GET', `/accounts/export?filter=${encodeURIComponent('type:eq:customer')}`)).rawPayload);
    expect(csv[0]!.slice(0, 3)).toEqual(['客户名称', '类型', '行业']);
    const row = Object.fromEntries(csv[0]!.map((h, i) => [h, csv[1]![i]]));
    expect(row).toMatchObject({ 客户名称: '华为技术有限公司', 类型: 'customer', 信用额度: '123456.78', 币种: 'CNY', 标签: '战略, A类', 地址: '坂田华为基地, 深圳, CN', 负责人: 'Admin 管理员' });
    const sheet = await sheetOf((await call(admin, 'GET', '/accounts/export?format=xlsx', undefined, 'zh-TW')).rawPayload);
    expect(sheet.name).toBe('客戶');
    expect(sheet.getRow(1).getCell(1).value).toBe('客戶名稱');
    expect(sheet.getRow(2).getCell(11).value).toBe(123456.78);
  });
});

describe('vCard export', () => {
  it.each(['3.0', '4.0'] as const)('writes vCard %s that reads back to the same contacts', async (version) => {
    type Row = { id: string; name: string; company: string | null; department: string | null; title: string | null; email: string | null; otherEmails: string[]; phone: string | null; otherPhones: string[]; birthday: string | null; tags: string[]; addresses: { line1: string; city: string | null }[]; updatedAt: string };
    const list = (await call(admin, 'GET', '/contacts?sort=name&limit=200')).json().data as Row[];
    const res = await call(admin, 'GET', `/contacts/export?format=vcf&sort=name${version === '4.0' ? '&version=4.0' : ''}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toMatch(/\.vcf$/);
    for (const line of res.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const cards = parseVCards(res.rawPayload);
    expect(cards.map((c) => c.version)).toEqual(list.map(() => version));
    expect(
      cards.map((c) => ({
        uid: c.uid,
        name: c.name,
        company: c.organization,
        department: c.units[0] ?? null,
        title: c.title,
        emails: c.emails.map((e) => e.value),
        phones: c.phones.map((p) => p.value),
        birthday: c.birthday,
        tags: c.categories,
        addresses: c.addresses.map((a) => [a.street, a.locality]),
        rev: c.rev?.toISOString(),
      })),
    ).toEqual(
      list.map((c) => ({
        uid: c.id,
        name: c.name,
        company: c.company,
        department: c.department,
        title: c.title,
        emails: [c.email, ...c.otherEmails].filter(Boolean),
        phones: [c.phone, ...c.otherPhones].filter(Boolean),
        birthday: c.birthday,
        tags: c.tags,
        addresses: c.addresses.map((a) => [a.line1, a.city]),
        rev: new Date(Math.floor(new Date(c.updatedAt).getTime() / 1000) * 1000).toISOString(),
      })),
    );
    expect(cards.find((c) => c.name === '王伟')!.emails[0]).toMatchObject({ value: 'wangwei@huawei.example', pref: true });
  });
});

describe('errors', () => {
  it('answers bad input with problem+json before sending any file', async () => {
    for (const [url, code, field] of [
      ['/contacts/export?filter=shoeSize:eq:42', 'INVALID_FILTER'],
      ['/contacts/export?sort=company', 'INVALID_SORT'],
      ['/contacts/export?format=pdf', 'VALIDATION_FAILED', 'format'],
      ['/contacts/export?version=2.1&format=vcf', 'VALIDATION_FAILED', 'version'],
      ['/contacts/export?limit=10', 'VALIDATION_FAILED', 'limit'],
      ['/accounts/export?format=vcf', 'VALIDATION_FAILED', 'format'],
    ] as const) {
      const res = await call(admin, 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      expect(res.json().code, url).toBe(code);
      if (field) expect(res.json().errors[0].field, url).toBe(field);
    }
  });

  it('needs a session, and /contacts/export is not taken for a contact id', async () => {
    for (const url of ['/api/v1/contacts/export', '/api/v1/accounts/export']) expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await call(admin, 'GET', '/contacts/export')).statusCode).toBe(200);
    expect((await call(admin, 'GET', '/contacts/01934b7e-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('vCard import', () => {
  const datasets = datasetPath('vcard');

  it('creates a contact per card, leaving out unreadable phones and reporting them without their value', async () => {
    const ws = await signUpWorkspace(t.app, 'vcard import');
    const text = [
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:李娜\r\nORG:网易;游戏事业部\r\nTITLE:产品经理\r\nEMAIL;TYPE=INTERNET:lina@163.example\r\nEMAIL;TYPE=INTERNET,PREF:LiNa@Work.example\r\nTEL;TYPE=HOME:010 6552 9988\r\nTEL;TYPE=CELL:138 0013 8000\r\nTEL;TYPE=FAX:010 6552 9999\r\nBDAY:1990-02-03\r\nADR;TYPE=WORK:;;网商路599号;杭州;浙江;310052;CN\r\nCATEGORIES:游戏,合作\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;John\r\nTEL;WORK:call-me-maybe-123\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:4.0\r\nEMAIL:;\r\nNOTE:no name anywhere\r\nEND:VCARD',
    ].join('\r\n');
    const res = await call(ws, 'POST', '/contacts/import/vcard', { text });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 2, skipped: [{ index: 1, field: 'phone', reason: 'invalid' }, { index: 2, field: 'name', reason: 'required' }] });
    expect(res.body).not.toContain('call-me-maybe');
    const contacts = (await call(ws, 'GET', '/contacts?sort=name')).json().data;
    expect(contacts).toHaveLength(2);
    expect(contacts[0]).toMatchObject({ name: 'John Doe', company: null, email: null, phone: null, otherPhones: [], ownerId: ws.userId });
    expect(contacts[1]).toMatchObject({
      name: '李娜',
      company: '网易',
      department: '游戏事业部',
      title: '产品经理',
      email: 'lina@work.example',
      otherEmails: ['lina@163.example'],
      phone: '+8613800138000',
      otherPhones: ['+861065529988'],
      birthday: '1990-02-03',
      addresses: [{ kind: 'office', line1: '网商路599号', city: '杭州', region: '浙江', postalCode: '310052', country: 'CN' }],
      tags: ['游戏', '合作'],
      ownerId: ws.userId,
    });
  });

  it('imports a saved real export', async () => {
    const ws = await signUpWorkspace(t.app, 'gmail');
    const text = fs.readFileSync(path.join(datasets, 'ez-vcard/gmail-list.vcf'), 'utf8');
    expect((await call(ws, 'POST', '/contacts/import/vcard', { text })).json()).toEqual({ created: 3, skipped: [] });
    expect((await call(ws, 'GET', '/contacts?sort=name')).json().data.map((c: { email: string }) => c.email)).toEqual(['asmithk@gmail.com', 'chrisy55d@yahoo.com', 'dwhite@gmail.com']);
  });

  it('refuses read-only members, the unauthenticated, and text over 2 MiB', async () => {
    const readOnly = await addMember(t.app, admin, 'read_only');
    expect((await call(readOnly, 'POST', '/contacts/import/vcard', { text: 'BEGIN:VCARD\r\nFN:x\r\nEND:VCARD' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/contacts/import/vcard', payload: { text: 'x' } })).statusCode).toBe(401);
    const big = await call(admin, 'POST', '/contacts/import/vcard', { text: 'x'.repeat(2 * 1024 * 1024 + 1) });
    expect(big.statusCode).toBe(400);
    expect(big.json().errors[0]).toMatchObject({ field: 'text', code: 'maxLength' });
  });
});
