import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../server/db/testing.js';
import { minimalExample, type JsonSchema } from './openapi-examples.js';

/**
 * Tenant isolation, proven over every API route that takes a record id — enumerated from the OpenAPI
 * document, so routes added later are covered without editing this test. Workspace B's admin tries each
 * of A's record ids (one per table) on each such route and must get 404 every time.
 */
let t: TestApp;
let a: SignedIn;
let b: SignedIn;
const idsOfA = new Map<string, string>();

type Operation = { requestBody?: { content: Record<string, { schema: JsonSchema }> } };
let routes: { method: string; path: string; op: Operation }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  a = await signUpWorkspace(t.app, 'Workspace A 甲');
  b = await signUpWorkspace(t.app, 'Workspace B 乙');
  const asA = (method: 'POST' | 'PATCH', url: string, payload: object) => t.app.inject({ method, url, headers: { cookie: a.cookie }, payload });
  // Give A one record of every kind the platform and modules have.
  const contact = (await asA('POST', '/api/v1/contacts', { name: '王伟', company: '华为' })).json();
  const account = (await asA('POST', '/api/v1/accounts', { name: '华为技术有限公司' })).json();
  await t.app.inject({ method: 'PUT', url: `/api/v1/accounts/${account.id}/contacts/${contact.id}`, headers: { cookie: a.cookie }, payload: { role: 'user' } });
  await asA('POST', '/api/v1/invites', { email: 'invitee@a.test', role: 'sales' });
  await asA('POST', '/api/v1/imports', { objectType: 'contacts', fileName: 'a.csv', content: Buffer.from('姓名\n李雷\n').toString('base64') });
  await asA('POST', '/api/v1/api-keys', { name: 'A key', scopes: ['read'] });
  const backup = await t.app.inject({ method: 'POST', url: '/api/v1/workspace/backup', headers: { cookie: a.cookie } });
  await t.app.jobs.run(a.workspaceId, backup.json().jobId);
  await asA('PATCH', '/api/v1/workspace', { name: 'Workspace A 甲乙' });
  await asA('POST', '/api/v1/interactions', { type: 'call', channel: 'phone', participants: [{ kind: 'contact', id: contact.id }] });
  await asA('POST', '/api/v1/tasks', { title: '回访', recordType: 'contact', recordId: contact.id });
  await asA('POST', '/api/v1/calls/types', { names: { 'zh-CN': '投诉' }, scripts: { 'zh-CN': '您好，{{contact.name}}' } });
  await asA('POST', '/api/v1/calendar/meetings', { subject: '拜访', startsAt: '2026-12-01T02:00:00Z', endsAt: '2026-12-01T03:00:00Z', attendees: [{ kind: 'contact', id: contact.id }] });
  await asA('POST', '/api/v1/calendar/feed', {});
  const deal = (await asA('POST', '/api/v1/opportunities', { name: '华为 5G', accountId: account.id, contactId: contact.id })).json();
  await t.app.inject({ method: 'PUT', url: `/api/v1/opportunities/${deal.id}/contacts/${contact.id}`, headers: { cookie: a.cookie }, payload: { role: 'decision_maker' } });
  // A quote of the deal (its lines come with it).
  await asA('POST', `/api/v1/opportunities/${deal.id}/quotes`, {});
  await asA('POST', '/api/v1/leads', { name: '线索', company: '线索公司' });
  await asA('POST', '/api/v1/teams', { name: 'A 团队', region: '华东' });
  await asA('POST', '/api/v1/lead-assignment-rules', { name: '全部', assignees: [a.userId] });
  await asA('POST', '/api/v1/lead-scoring-rules', { name: '展会', condition: { field: 'source', operator: 'in', values: ['展会'] }, points: 5 });
  // Inactive: nothing for other tests' delivery runs (on a shared server database) to post to a host that is not there.
  const hook = (await asA('POST', '/api/v1/webhooks', { url: 'https://hooks.a.example/guanxi', events: ['*'] })).json();
  await asA('PATCH', `/api/v1/webhooks/${hook.id}`, { active: false });
  const form = (await asA('POST', '/api/v1/forms', { name: 'A form', language: 'zh-CN', title: '试用', fields: [{ key: 'name', label: '姓名', type: 'text', required: true, mapTo: 'name' }] })).json();
  await t.app.inject({ method: 'POST', url: `/api/v1/public/forms/${form.token}/submissions`, payload: { values: { name: '表单客户' } } });
  // The catalog: a category, a product in it with a list price (so a default price book and an entry too).
  const category = (await asA('POST', '/api/v1/product-categories', { name: '穿戴设备' })).json();
  await asA('POST', '/api/v1/products', { sku: 'A-BAND-1', name: '智能手环', categoryId: category.id, listPrices: [{ currency: 'CNY', unitPrice: 19900 }] });
  // An order of that product for the account (its lines, and an import's customer reference, come with it).
  const orderedProductId = (await t.app.inject({ method: 'GET', url: '/api/v1/products', headers: { cookie: a.cookie } })).json().data[0].id;
  await asA('POST', '/api/v1/orders', { accountId: account.id, contactId: contact.id, lines: [{ productId: orderedProductId, quantity: 1 }] });
  // A saved report pinned to a dashboard.
  const report = (await asA('POST', '/api/v1/reports', { name: '商机数', definition: { objectType: 'opportunities', measures: [{ aggregate: 'count' }] } })).json();
  const dashboard = (await asA('POST', '/api/v1/dashboards', { name: '看板' })).json();
  await asA('POST', `/api/v1/dashboards/${dashboard.id}/tiles`, { reportId: report.id });
  // A published knowledge-base article in a category (a kept version and a vote come with it).
  const kbCategory = (await asA('POST', '/api/v1/knowledge/categories', { names: { 'zh-CN': '常见问题' } })).json();
  const article = (await asA('POST', '/api/v1/knowledge/articles', { categoryId: kbCategory.id, translations: [{ language: 'zh-CN', title: '打印机卡纸', body: '打开前盖。' }] })).json();
  await asA('POST', `/api/v1/knowledge/articles/${article.id}/publish`, {});
  await asA('POST', `/api/v1/knowledge/articles/${article.id}/votes`, { helpful: true });
  // A synced IMAP mailbox (nothing listens on port 1: no sync ever reaches a server).
  await asA('POST', '/api/v1/mailboxes', { personal: false, address: 'sales@a.example', host: '127.0.0.1', port: 1, tls: 'none', username: 'sales@a.example', password: 'imap secret' });
  // A public pool with one account waiting in it and one claimed from it (their pool history comes with them).
  const pool = (await asA('POST', '/api/v1/pools', { name: '公海', recordType: 'account' })).json();
  const pooled = [(await asA('POST', '/api/v1/accounts', { name: '公海客户', ownerId: null })).json().id, (await asA('POST', '/api/v1/accounts', { name: '公海客户二', ownerId: null })).json().id];
  await asA('POST', '/api/v1/pools/release', { recordType: 'account', recordIds: pooled, poolId: pool.id, reason: '入池' });
  await asA('POST', `/api/v1/pools/${pool.id}/claim`, { recordIds: [pooled[0]] });
  // A case routed by a rule to a queue A's admin works in (agent profile, status history and a note come with it).
  const caseQueue = (await asA('POST', '/api/v1/case-queues', { name: '维修组', memberIds: [a.userId] })).json();
  await asA('POST', '/api/v1/case-routing-rules', { name: '全部', queueId: caseQueue.id });
  const serviceCase = (await asA('POST', '/api/v1/cases', { subject: '打印机卡纸', channel: 'phone', contactId: contact.id, accountId: account.id, assign: true })).json();
  await asA('POST', `/api/v1/cases/${serviceCase.id}/messages`, { kind: 'note', body: '老客户' });
  // A repair case's work order dispatched to a station with a technician (its history and the settings row come with it).
  const repairType = (await t.app.inject({ method: 'GET', url: '/api/v1/case-types', headers: { cookie: a.cookie } })).json().data.find((x: { key: string }) => x.key === 'repair').id;
  const repairCase = (await asA('POST', '/api/v1/cases', { subject: '上门维修', channel: 'phone', typeId: repairType, contactId: contact.id })).json();
  const station = (await asA('POST', '/api/v1/service-stations', { name: '朝阳服务站', province: '北京市', capacity: 3 })).json();
  await asA('POST', `/api/v1/service-stations/${station.id}/technicians`, { userId: a.userId });
  const workOrder = (await asA('POST', '/api/v1/work-orders', { caseId: repairCase.id })).json();
  await asA('POST', `/api/v1/work-orders/${workOrder.id}/dispatch`, {});
  // A customer invited to the open self-service portal (A has no mail account: the account is made, no link mailed).
  await asA('PATCH', '/api/v1/portal-settings', { enabled: true });
  const portalCustomer = (await asA('POST', '/api/v1/contacts', { name: '门户客户', email: 'portal@a.example' })).json();
  await asA('POST', `/api/v1/contacts/${portalCustomer.id}/portal-access`, {});
  await asA('POST', '/api/v1/service/reminder-rules', { name: '保修到期提醒', trigger: 'warrantyEnds', daysBefore: 30 });
  // Files come in with e-mail; one stored directly stands for them.
  await t.database.raw.query(`insert into files (workspace_id, id, name, content_type, size, sha256, data) values ($1, $2, 'a.txt', 'text/plain', 1, 'x', '\\x41')`, [a.workspaceId, '01934b7e-0000-7000-8000-00000000f11e']);

  // One id per primary-key column of every table that carries workspace_id, straight from the catalog
  // (tables added later join automatically).
  const { rows: keyColumns } = await t.database.raw.query<{ table_name: string; column_name: string }>(
    `select k.table_name, k.column_name
       from information_schema.table_constraints c
       join information_schema.key_column_usage k on k.constraint_name = c.constraint_name and k.table_schema = c.table_schema
       join information_schema.columns col on col.table_schema = k.table_schema and col.table_name = k.table_name and col.column_name = k.column_name
      where c.table_schema = 'public' and c.constraint_type = 'PRIMARY KEY' and col.data_type = 'uuid' and k.column_name <> 'workspace_id'
        and exists (select 1 from information_schema.columns w where w.table_schema = 'public' and w.table_name = k.table_name and w.column_name = 'workspace_id')`,
    [],
  );
  for (const { table_name, column_name } of keyColumns) {
    const { rows } = await t.database.raw.query<{ id: string }>(`select "${column_name}"::text as id from "${table_name}" where workspace_id = $1 limit 1`, [a.workspaceId]);
    if (rows[0]) idsOfA.set(`${table_name}.${column_name}`, rows[0].id);
  }
  idsOfA.set('workspaces', a.workspaceId);
  idsOfA.set('users', a.userId);

  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
});
afterAll(() => t.close());

const idParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((p) => p === 'id' || p.endsWith('Id'));

describe('tenant isolation', () => {
  it('has records of A in every tenant table and routes with ids to try', () => {
    expect(idsOfA.size).toBeGreaterThanOrEqual(8);
    expect(routes.filter((r) => idParams(r.path).length > 0).length).toBeGreaterThanOrEqual(8);
  });

  it("gives B's admin 404 for every one of A's records on every route that takes an id", async () => {
    const leaks: string[] = [];
    for (const route of routes.filter((r) => idParams(r.path).length > 0)) {
      for (const [table, id] of idsOfA) {
        const url = route.path.replace(/\{(\w+)\}/g, () => id);
        const schema = route.op.requestBody?.content['application/json']?.schema;
        const payload = route.method === 'GET' || route.method === 'DELETE' ? undefined : ((minimalExample(schema) as object) ?? {});
        const res = await t.app.inject({ method: route.method as 'GET', url, headers: { cookie: b.cookie }, ...(payload ? { payload } : {}) });
        if (res.statusCode !== 404) leaks.push(`${route.method} ${route.path} with ${table} id → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(leaks).toEqual([]);
  }, 300_000); // every id route × every table's id: thousands of requests, more with each module

  it("still shows A its own records on the same routes (the test can fail)", async () => {
    const gets = routes.filter((r) => r.method === 'GET' && idParams(r.path).length > 0);
    for (const route of gets) {
      const statuses = await Promise.all(
        [...idsOfA.values()].map(async (id) => (await t.app.inject({ method: 'GET', url: route.path.replace(/\{(\w+)\}/g, id), headers: { cookie: a.cookie } })).statusCode),
      );
      expect(statuses, `${route.path} should find one of A's records`).toContain(200);
    }
  });

  it('row-level security hides other tenants even from a query with no workspace filter', async () => {
    const { inWorkspace } = await import('../../server/db/transaction.js');
    const { contacts } = await import('../../server/modules/customers/contacts.tables.js');
    await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: b.cookie }, payload: { name: 'B only' } });
    const seenByB = await inWorkspace(t.database.db, b.workspaceId, (tx) => tx.select({ ws: contacts.workspaceId }).from(contacts));
    expect(seenByB.length).toBeGreaterThan(0);
    expect(new Set(seenByB.map((r) => r.ws))).toEqual(new Set([b.workspaceId]));
  });
});
