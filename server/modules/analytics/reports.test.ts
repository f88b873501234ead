import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { startSmtpSink, type SmtpSink } from '../interactions/smtp-sink.testing.js';
import { sendDueReports } from './reports.schedule.js';

let t: TestApp;
let provider: SmtpSink;
beforeAll(async () => {
  t = await createTestApp();
  provider = await startSmtpSink();
});
afterAll(async () => {
  await provider.close();
  await t.close();
});

const call = (who: SignedIn, method: string, url: string, payload?: object, language = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': language }, ...(payload ? { payload } : {}) });
const sql = (text: string, params: unknown[]) => t.database.raw.query(text, params);

/** Two sellers in two teams (a seller reads their team's deals only), deals over two months and stages. */
async function salesWorkspace() {
  const admin = await signUpWorkspace(t.app, '报表测试');
  const east = (await call(admin, 'POST', '/teams', { name: '华东', region: 'East' })).json();
  const west = (await call(admin, 'POST', '/teams', { name: '华西', region: 'West' })).json();
  const alice = await addMember(t.app, admin, 'sales');
  const bob = await addMember(t.app, admin, 'sales');
  await call(admin, 'PATCH', `/members/${alice.userId}`, { teamId: east.id });
  await call(admin, 'PATCH', `/members/${bob.userId}`, { teamId: west.id });
  const [pipeline] = (await call(admin, 'GET', '/pipelines')).json().data;
  const stage = Object.fromEntries((pipeline.stages as { key: string; id: string }[]).map((s) => [s.key, s.id])) as Record<string, string>;
  const deal = async (who: SignedIn, name: string, body: object) => {
    const res = await call(who, 'POST', '/opportunities', { name, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  await deal(alice, '甲-1', { amount: 100_00, stageId: stage.qualification, closeDate: '2026-10-05', source: '展会' });
  await deal(alice, '甲-2', { amount: 300_00, stageId: stage.qualification, closeDate: '2026-11-05', source: '展会' });
  await deal(alice, '甲-3', { amount: 50_00, stageId: stage.proposal, closeDate: '2026-11-06', source: '官网' });
  await deal(bob, '乙-1', { amount: 999_00, stageId: stage.proposal, closeDate: '2026-11-07', source: '官网' });
  return { admin, alice, bob, east, west, stage };
}

const byStageAndMonth = {
  objectType: 'opportunities',
  filters: ['status:eq:open'],
  groupBy: [{ field: 'stageId' }, { field: 'closeDate', bucket: 'month' }],
  measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'amount' }, { aggregate: 'avg', field: 'amount' }, { aggregate: 'countDistinct', field: 'ownerId' }],
  sort: 'g1',
};

describe('custom reports', () => {
  it('groups by a field and a month with every measure, as one aggregation, stage names included', async () => {
    const w = await salesWorkspace();
    const res = await call(w.admin, 'POST', '/reports/run', { definition: byStageAndMonth });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result.columns.map((c: { key: string }) => c.key)).toEqual(['g0', 'g1', 'm0', 'm1', 'm2', 'm3']);
    const rows = result.rows.map((r: Record<string, unknown>) => [r.g0 === w.stage.qualification ? 'q' : 'p', r.g1, r.m0, r.m1, r.m2, r.m3]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['q', '2026-10', 1, 100_00, 100_00, 1],
        ['q', '2026-11', 1, 300_00, 300_00, 1],
        ['p', '2026-11', 2, 1049_00, 524_50, 2],
      ]),
    );
    expect(rows).toHaveLength(3);
    expect(result.labels.g0[w.stage.qualification]).toBe('Qualification');

    const quarters = (await call(w.admin, 'POST', '/reports/run', { definition: { objectType: 'opportunities', groupBy: [{ field: 'closeDate', bucket: 'quarter' }], measures: [{ aggregate: 'max', field: 'amount' }] } })).json();
    expect(quarters.rows).toEqual([{ g0: '2026-Q4', m0: 999_00 }]);
    // Without group-by or measures, the records themselves; ids named.
    const records = (await call(w.admin, 'POST', '/reports/run', { definition: { objectType: 'opportunities', fields: ['name', 'amount', 'ownerId'], sort: '-amount', limit: 2 } })).json();
    expect(records.rows.map((r: { name: string }) => r.name)).toEqual(['乙-1', '甲-2']);
    expect(records.truncated).toBe(true);
    expect(records.labels.ownerId[w.bob.userId]).toBe('sales 成员');
  });

  it('buckets instants in the workspace time zone, not UTC', async () => {
    const w = await salesWorkspace();
    // 2026-10-31 17:30 UTC is already November 1st in Shanghai (the workspace's default zone).
    await sql(`update opportunities set created_at = '2026-10-31T17:30:00Z' where workspace_id = $1`, [w.admin.workspaceId]);
    const run = (await call(w.admin, 'POST', '/reports/run', { definition: { objectType: 'opportunities', groupBy: [{ field: 'createdAt', bucket: 'day' }], measures: [{ aggregate: 'count' }] } })).json();
    expect(run.rows).toEqual([{ g0: '2026-11-01', m0: 4 }]);
    const week = (await call(w.admin, 'POST', '/reports/run', { definition: { objectType: 'opportunities', groupBy: [{ field: 'createdAt', bucket: 'week' }], measures: [{ aggregate: 'count' }] } })).json();
    expect(week.rows).toEqual([{ g0: '2026-W44', m0: 4 }]);
  });

  it('never counts rows the member may not read: two sellers of two teams see their own team only', async () => {
    const w = await salesWorkspace();
    const total = { objectType: 'opportunities', measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'amount' }] };
    expect((await call(w.admin, 'POST', '/reports/run', { definition: total })).json().rows).toEqual([{ m0: 4, m1: 1449_00 }]);
    expect((await call(w.alice, 'POST', '/reports/run', { definition: total })).json().rows).toEqual([{ m0: 3, m1: 450_00 }]);
    expect((await call(w.bob, 'POST', '/reports/run', { definition: total })).json().rows).toEqual([{ m0: 1, m1: 999_00 }]);

    // A shared report shows each member their own rows.
    const shared = (await call(w.admin, 'POST', '/reports', { name: '全部商机', shared: true, definition: total, chart: 'figure' })).json();
    expect((await call(w.bob, 'GET', `/reports/${shared.id}/run`)).json().result.rows).toEqual([{ m0: 1, m1: 999_00 }]);
    // And an account Bob may not read keeps its id unnamed in his labels.
    const account = (await call(w.alice, 'POST', '/accounts', { name: '华东客户' })).json();
    await sql(`update opportunities set account_id = $2 where workspace_id = $1`, [w.admin.workspaceId, account.id]);
    const byAccount = { objectType: 'opportunities', groupBy: [{ field: 'accountId' }], measures: [{ aggregate: 'count' }] };
    expect((await call(w.alice, 'POST', '/reports/run', { definition: byAccount })).json().labels.g0).toEqual({ [account.id]: '华东客户' });
    expect((await call(w.bob, 'POST', '/reports/run', { definition: byAccount })).json().labels.g0).toEqual({});
  });

  it('narrows by period and owner or team (dashboard filters)', async () => {
    const w = await salesWorkspace();
    const definition = { objectType: 'opportunities', groupBy: [{ field: 'closeDate', bucket: 'month' }], measures: [{ aggregate: 'count' }] };
    const saved = (await call(w.admin, 'POST', '/reports', { name: 'By month', definition })).json();
    expect((await call(w.admin, 'GET', `/reports/${saved.id}/run?from=2026-11-01&to=2026-11-30`)).json().result.rows).toEqual([{ g0: '2026-11', m0: 3 }]);
    expect((await call(w.admin, 'GET', `/reports/${saved.id}/run?ownerId=${w.bob.userId}`)).json().result.rows).toEqual([{ g0: '2026-11', m0: 1 }]);
    expect((await call(w.admin, 'GET', `/reports/${saved.id}/run?teamId=${w.east.id}`)).json().result.rows).toEqual([
      { g0: '2026-10', m0: 1 },
      { g0: '2026-11', m0: 2 },
    ]);
  });

  it('reports on custom fields and refuses unknown names with a 400 naming them, in the caller’s language', async () => {
    const w = await salesWorkspace();
    const field = await call(w.admin, 'POST', '/custom-fields', { objectType: 'opportunities', key: 'region', label: { en: 'Region', 'zh-CN': '区域' }, type: 'text' });
    expect(field.statusCode, field.body).toBe(201);
    await sql(`update opportunities set custom = jsonb_build_object('region', case when name like '甲%' then '华东' else '华西' end) where workspace_id = $1`, [w.admin.workspaceId]);
    const byRegion = (await call(w.admin, 'POST', '/reports/run', { definition: { objectType: 'opportunities', groupBy: [{ field: 'custom.region' }], measures: [{ aggregate: 'count' }], sort: '-m0' } })).json();
    expect(byRegion.rows).toEqual([
      { g0: '华东', m0: 3 },
      { g0: '华西', m0: 1 },
    ]);

    const unknown = await call(w.admin, 'POST', '/reports/run', { definition: { objectType: 'opportunities', groupBy: [{ field: 'amount"; drop table reports; --' }] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'REPORT_FIELD_UNKNOWN', errors: [{ field: 'groupBy.0.field' }] });
    expect(unknown.json().title).toContain('amount"; drop table reports; --');
    const chinese = await call(w.admin, 'POST', '/reports/run', { definition: { objectType: 'opportunities', measures: [{ aggregate: 'sum', field: 'name' }] } }, 'zh-CN');
    expect(chinese.statusCode).toBe(400);
    expect(chinese.json().code).toBe('REPORT_MEASURE_NOT_NUMERIC');
    expect(chinese.json().title).toBe('“name”不是数字字段，sum 需要数字字段（计数和去重计数可用于任何字段）。');
    expect((await call(w.admin, 'POST', '/reports/run', { definition: { objectType: 'spaceships' } })).json().errors[0].field).toBe('objectType');
    expect((await call(w.admin, 'POST', '/reports/run', { definition: { objectType: 'opportunities', measures: [{ aggregate: 'median', field: 'amount' }] } })).statusCode).toBe(400);
    expect((await call(w.admin, 'POST', '/reports/run', { definition: { objectType: 'opportunities', groupBy: [{ field: 'name', bucket: 'month' }] } })).json().errors[0].field).toBe('groupBy.0.bucket');
    expect((await call(w.admin, 'POST', '/reports/run', { definition: { objectType: 'opportunities', filters: ['amount:gt:abc'] } })).json().code).toBe('INVALID_FILTER');
    expect((await call(w.admin, 'POST', '/reports/run', { definition: { objectType: 'opportunities', measures: [{ aggregate: 'count' }], sort: 'g3' } })).json().code).toBe('INVALID_SORT');
    expect((await call(w.admin, 'POST', '/reports', { name: 'bad', definition: { objectType: 'opportunities', fields: ['nope'] } })).json().code).toBe('REPORT_FIELD_UNKNOWN');
  });

  it('saves, shares, edits and deletes with owner rules and an audit trail; another workspace sees nothing', async () => {
    const w = await salesWorkspace();
    const mine = await call(w.alice, 'POST', '/reports', { name: ' 我的报表 ', definition: byStageAndMonth, chart: 'pivot' });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ name: '我的报表', shared: false, chart: 'pivot', ownerId: w.alice.userId });
    // Sellers keep theirs personal; admins share.
    expect((await call(w.alice, 'POST', '/reports', { name: 'x', definition: byStageAndMonth, shared: true })).statusCode).toBe(403);
    expect((await call(w.bob, 'GET', `/reports/${mine.json().id}`)).statusCode).toBe(404);
    expect((await call(w.bob, 'GET', '/reports')).json().data).toEqual([]);
    const shared = (await call(w.admin, 'POST', '/reports', { name: 'Team', definition: byStageAndMonth, shared: true })).json();
    expect((await call(w.bob, 'GET', '/reports')).json().data.map((r: { id: string }) => r.id)).toEqual([shared.id]);
    expect((await call(w.bob, 'PATCH', `/reports/${shared.id}`, { name: 'mine now' })).statusCode).toBe(403);
    const renamed = await call(w.alice, 'PATCH', `/reports/${mine.json().id}`, { name: '改名', chart: 'bar' });
    expect(renamed.json()).toMatchObject({ name: '改名', chart: 'bar' });
    expect((await call(w.alice, 'PATCH', `/reports/${mine.json().id}`, { unknown: 1 })).statusCode).toBe(400);
    const audit = (await call(w.admin, 'GET', `/audit-log?recordType=report&recordId=${mine.json().id}`)).json().data;
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual(['create', 'update']);
    expect((await call(w.alice, 'DELETE', `/reports/${mine.json().id}`)).statusCode).toBe(204);
    expect((await call(w.alice, 'GET', `/reports/${mine.json().id}`)).statusCode).toBe(404);

    const stranger = await signUpWorkspace(t.app, '别家');
    expect((await call(stranger, 'GET', `/reports/${shared.id}`)).statusCode).toBe(404);
    expect((await call(stranger, 'GET', `/reports/${shared.id}/run`)).statusCode).toBe(404);
    expect((await call(stranger, 'POST', '/reports/run', { definition: { objectType: 'opportunities', measures: [{ aggregate: 'count' }] } })).json().rows).toEqual([{ m0: 0 }]);
  });

  it('exports CSV and XLSX with headings in the caller’s language and names for ids', async () => {
    const w = await salesWorkspace();
    const report = (await call(w.admin, 'POST', '/reports', { name: '阶段=报表', definition: { objectType: 'opportunities', groupBy: [{ field: 'stageId' }], measures: [{ aggregate: 'sum', field: 'amount' }], sort: '-m0' } })).json();
    const csv = await call(w.admin, 'GET', `/reports/${report.id}/export?format=csv`, undefined, 'zh-CN');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(encodeURIComponent('阶段=报表.csv'));
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('阶段,金额合计');
    // Amounts (minor units) as plain decimals in CSV; as numbers with the currency's format in XLSX.
    expect(lines[1]).toBe('方案报价,1049.00');
    const xlsx = await call(w.admin, 'GET', `/reports/${report.id}/export?format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Stage', 'Sum of Amount']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Proposal', 1049]);
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('"CN¥"#,##0.00;-"CN¥"#,##0.00');
    expect((await call(w.admin, 'GET', `/reports/${report.id}/export?format=pdf`)).statusCode).toBe(400);
  });

  it('mails scheduled reports through the workspace account, each recipient their own rows, once per period', async () => {
    const w = await salesWorkspace();
    expect((await call(w.admin, 'POST', '/mail-accounts', { personal: false, fromName: '报表', fromAddress: 'crm@report.example', host: '127.0.0.1', port: provider.port, secure: false })).statusCode).toBe(201);
    await call(w.bob, 'PATCH', '/me', { locale: 'en' });
    const definition = { objectType: 'opportunities', groupBy: [{ field: 'ownerId' }], measures: [{ aggregate: 'sum', field: 'amount' }] };
    // A personal report goes to its owner only.
    expect((await call(w.admin, 'POST', '/reports', { name: 'x', definition, schedule: { frequency: 'daily', recipientIds: [w.bob.userId] } })).json().errors[0].field).toBe('schedule.recipientIds.0');
    const report = (await call(w.admin, 'POST', '/reports', { name: '每周业绩', shared: true, definition, schedule: { frequency: 'weekly', recipientIds: [w.admin.userId, w.bob.userId] } })).json();
    // Next Monday 08:00 in Shanghai = 00:00 UTC.
    const next = new Date(report.nextSendAt);
    expect(next.getUTCDay()).toBe(1);
    expect(next.getUTCHours()).toBe(0);

    const before = provider.delivered.length;
    expect(await sendDueReports(deps(), new Date(next.getTime() - 1000), w.admin.workspaceId)).toBe(0);
    expect(await sendDueReports(deps(), next, w.admin.workspaceId)).toBe(1);
    // The next sweep finds nothing: the report's next time moved a week on.
    expect(await sendDueReports(deps(), next, w.admin.workspaceId)).toBe(0);
    const { rows } = await sql(`select id from jobs where workspace_id = $1 and name = 'email.send' and state = 'queued'`, [w.admin.workspaceId]);
    for (const job of rows as { id: string }[]) await t.app.jobs.run(w.admin.workspaceId, job.id);
    const mails = provider.delivered.slice(before);
    expect(mails).toHaveLength(2);
    const bobs = mails.find((m) => m.subject === 'Report: 每周业绩')!;
    expect(bobs.text).toContain('sales 成员 · CN¥999.00');
    expect(bobs.text).not.toContain('450.00');
    expect(bobs.text).toContain(`https://crm.example/reports/${report.id}`);
    const admins = mails.find((m) => m.subject !== 'Report: 每周业绩')!;
    expect(admins.text).toContain('¥450.00');
    const stored = (await call(w.admin, 'GET', `/reports/${report.id}`)).json();
    expect(new Date(stored.nextSendAt).getTime() - next.getTime()).toBe(7 * 86_400_000);
  });

  it('attaches the whole report as the CSV or XLSX file the schedule chose', async () => {
    const w = await salesWorkspace();
    expect((await call(w.admin, 'POST', '/mail-accounts', { personal: false, fromName: '报表', fromAddress: 'crm@report.example', host: '127.0.0.1', port: provider.port, secure: false })).statusCode).toBe(201);
    await call(w.bob, 'PATCH', '/me', { locale: 'en' });
    const definition = { objectType: 'opportunities', groupBy: [{ field: 'ownerId' }], measures: [{ aggregate: 'sum', field: 'amount' }] };
    const bad = await call(w.admin, 'POST', '/reports', { name: 'x', definition, schedule: { frequency: 'daily', recipientIds: [w.admin.userId], attachment: 'pdf' } });
    expect(bad.statusCode).toBe(400);
    const report = (await call(w.admin, 'POST', '/reports', { name: '日报 Daily', shared: true, definition, schedule: { frequency: 'daily', recipientIds: [w.bob.userId], attachment: 'csv' } })).json();
    expect(report.schedule.attachment).toBe('csv');
    const sendAll = async (at: Date) => {
      const before = provider.delivered.length;
      expect(await sendDueReports(deps(), at, w.admin.workspaceId)).toBe(1);
      const { rows } = await sql(`select id from jobs where workspace_id = $1 and name = 'email.send' and state = 'queued'`, [w.admin.workspaceId]);
      for (const job of rows as { id: string }[]) await t.app.jobs.run(w.admin.workspaceId, job.id);
      // The sink parses in the background: wait for the mail to land.
      for (let i = 0; i < 50 && provider.delivered.length === before; i++) await new Promise((r) => setTimeout(r, 50));
      return provider.delivered.slice(before);
    };
    const [csvMail] = await sendAll(new Date(report.nextSendAt));
    expect(csvMail!.text).toContain('sales 成员');
    const [csv] = csvMail!.attachments;
    expect(csv!.filename).toBe('日报 Daily.csv');
    expect(csv!.contentType).toBe('text/csv');
    // Bob's rows only, in his language, amounts as plain decimals in major units.
    const lines = csv!.content.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines).toEqual(['Owner,Sum of Amount', 'sales 成员,999.00']);

    const changed = await call(w.admin, 'PATCH', `/reports/${report.id}`, { schedule: { frequency: 'daily', recipientIds: [w.bob.userId], attachment: 'xlsx' } });
    expect(changed.statusCode, changed.body).toBe(200);
    const [xlsxMail] = await sendAll(new Date(changed.json().nextSendAt));
    const [xlsx] = xlsxMail!.attachments;
    expect(xlsx!.filename).toBe('日报 Daily.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx!.content as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('sales 成员');
    expect(sheet.getRow(2).getCell(2).value).toBe(999);
    expect(sheet.getRow(2).getCell(2).numFmt).toContain('#,##0.00');
  });
});

const deps = () => ({ database: t.database, jobs: t.app.jobs, publicUrl: 'https://crm.example' });
