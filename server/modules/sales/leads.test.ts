import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, '线索测试公司');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, language = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': language }, ...(payload ? { payload } : {}) });

async function runJob(workspaceId: string, jobId: string) {
  await t.app.jobs.run(workspaceId, jobId);
}

describe('leads', () => {
  it('stores a lead cleaned (phone in E.164, e-mail lower-cased) and asks a reason to disqualify', async () => {
    const res = await call('POST', '/leads', { name: ' 张伟 ', company: ' 上海远景科技 ', email: 'Zhang.Wei@Yuanjing.CN', phone: '138 0013 8000', source: '展会' });
    expect(res.statusCode, res.body).toBe(201);
    const lead = res.json();
    expect(lead).toMatchObject({ name: '张伟', company: '上海远景科技', email: 'zhang.wei@yuanjing.cn', phone: '+8613800138000', status: 'new', score: 0, ownerId: admin.userId });
    const noReason = await call('PATCH', `/leads/${lead.id}`, { status: 'disqualified' }, admin, 'zh-CN');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'disqualifyReason', code: 'required' });
    const dq = (await call('PATCH', `/leads/${lead.id}`, { status: 'disqualified', disqualifyReason: 'no_budget' })).json();
    expect(dq).toMatchObject({ status: 'disqualified', disqualifyReason: 'no_budget' });
    expect((await call('PATCH', `/leads/${lead.id}`, { status: 'working' })).json().disqualifyReason).toBeNull();
    expect((await call('PATCH', `/leads/${lead.id}`, { status: 'converted' })).json().errors[0].field).toBe('status');
    for (const [field, value] of [['phone', '12'], ['email', 'not-mail'], ['status', 'hot'], ['disqualifyReason', 'ugly']] as const) {
      const bad = await call('POST', '/leads', { name: 'x', [field]: value });
      expect(bad.statusCode, field).toBe(400);
      expect(bad.json().errors[0].field, field).toBe(field);
    }
  });

  it('routes new leads round-robin within the first matching territory, skipping inactive members', async () => {
    const ws = await signUpWorkspace(t.app, 'routing');
    const east = [await addMember(t.app, ws, 'sales'), await addMember(t.app, ws, 'sales')];
    const rest = await addMember(t.app, ws, 'sales');
    const rule = await call('POST', '/lead-assignment-rules', { name: '华东', position: 1, conditions: [{ field: 'region', operator: 'in', values: ['上海', '江苏', '浙江'] }], assignees: east.map((m) => m.userId) }, ws);
    expect(rule.statusCode, rule.body).toBe(201);
    await call('POST', '/lead-assignment-rules', { name: '其他', position: 2, assignees: [rest.userId] }, ws);
    const owners: string[] = [];
    for (const region of ['上海', '江苏', '浙江', '广东']) owners.push((await call('POST', '/leads', { name: `客户 ${region}`, region, assign: true }, ws)).json().ownerId);
    expect(owners).toEqual([east[0]!.userId, east[1]!.userId, east[0]!.userId, rest.userId]);
    // Without `assign`, the creator owns it; with an explicit owner, the rules stay out of it.
    expect((await call('POST', '/leads', { name: '手动', region: '上海' }, ws)).json().ownerId).toBe(ws.userId);
    const deactivated = await call('POST', `/members/${east[1]!.userId}/deactivate`, undefined, ws);
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    const next = [];
    for (let i = 0; i < 2; i += 1) next.push((await call('POST', '/leads', { name: `上海客户 ${i}`, region: '上海', assign: true }, ws)).json().ownerId);
    expect(next).toEqual([east[0]!.userId, east[0]!.userId]);
    // A sales rep may route a lead to a colleague; a stranger cannot be an assignee.
    const routed = await call('POST', '/leads', { name: '销售录入', region: '江苏', assign: true }, rest);
    expect(routed.statusCode, routed.body).toBe(201);
    const other = await signUpWorkspace(t.app, 'other');
    const stranger = await call('POST', '/lead-assignment-rules', { name: 'x', assignees: [other.userId] }, ws);
    expect(stranger.json().errors[0].field).toBe('assignees.0');
    expect((await call('POST', '/lead-assignment-rules', { name: 'x', assignees: [rest.userId] }, rest)).statusCode).toBe(403);
  });

  it('scores by field rules and by behaviour logged on the lead, with reasons, and rescoring after a rule change', async () => {
    const ws = await signUpWorkspace(t.app, 'scoring');
    const title = (await call('POST', '/lead-scoring-rules', { name: '决策层', condition: { field: 'title', operator: 'contains', values: ['总', 'director'] }, points: 20 }, ws)).json();
    const replies = (await call('POST', '/lead-scoring-rules', { name: '回邮件', behaviour: 'email_in', points: 10, maxTimes: 2 }, ws)).json();
    expect(replies.rescoreJobId).toEqual(expect.any(String));
    const both = await call('POST', '/lead-scoring-rules', { name: 'x', condition: { field: 'title', operator: 'isSet', values: [] }, behaviour: 'call', points: 1 }, ws);
    expect(both.statusCode).toBe(400);

    const lead = (await call('POST', '/leads', { name: '王总', title: '采购总监' }, ws)).json();
    expect(lead.score).toBe(20);
    expect(lead.scoreReasons).toEqual([{ ruleId: title.id, points: 20 }]);
    for (let i = 0; i < 3; i += 1) {
      const logged = await call('POST', '/interactions', { type: 'email', channel: 'email', direction: 'inbound', subject: `回复 ${i}`, links: [{ recordType: 'lead', recordId: lead.id }] }, ws);
      expect(logged.statusCode, logged.body).toBe(201);
    }
    await call('POST', '/interactions', { type: 'email', channel: 'email', direction: 'outbound', subject: '我们发的', links: [{ recordType: 'lead', recordId: lead.id }] }, ws);
    const scored = (await call('GET', `/leads/${lead.id}`, undefined, ws)).json();
    expect(scored.score).toBe(40);
    expect(scored.scoreReasons).toContainEqual({ ruleId: replies.id, points: 20, times: 2 });

    const changed = (await call('PATCH', `/lead-scoring-rules/${title.id}`, { points: 5 }, ws)).json();
    expect((await call('GET', `/leads/${lead.id}`, undefined, ws)).json().score).toBe(40);
    await runJob(ws.workspaceId, changed.rescoreJobId);
    expect((await call('GET', `/leads/${lead.id}`, undefined, ws)).json().score).toBe(25);
    const top = (await call('GET', '/leads?sort=-score&limit=1', undefined, ws)).json().data[0];
    expect(top.id).toBe(lead.id);

    // Removing a rule takes its points back once the job it answers with has run.
    const removed = await call('DELETE', `/lead-scoring-rules/${title.id}`, undefined, ws);
    expect(removed.statusCode).toBe(200);
    await runJob(ws.workspaceId, removed.json().rescoreJobId);
    expect((await call('GET', `/leads/${lead.id}`, undefined, ws)).json().score).toBe(20);
  });

  it('converts into account, contact and deal, reusing a contact with the same e-mail and the account with the company’s name, and carries the history', async () => {
    const account = (await call('POST', '/accounts', { name: '杭州云端网络' })).json();
    const existing = (await call('POST', '/contacts', { name: '赵敏', email: 'zhaomin@yunduan.cn' })).json();
    const lead = (await call('POST', '/leads', { name: '赵敏', company: '杭州云端网络', email: 'ZhaoMin@yunduan.cn', source: '官网' })).json();
    await call('POST', '/interactions', { type: 'call', channel: 'phone', subject: '首次沟通', links: [{ recordType: 'lead', recordId: lead.id }] });
    const [pipeline] = (await call('GET', '/pipelines')).json().data;

    const res = await call('POST', `/leads/${lead.id}/convert`, { opportunity: { amount: 30_000_00, stageId: pipeline.stages[1].id } });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json();
    expect(done.reused).toEqual({ account: true, contact: true });
    expect(done.account.id).toBe(account.id);
    expect(done.contact.id).toBe(existing.id);
    expect(done.opportunity).toMatchObject({ name: '杭州云端网络', amount: 30_000_00, accountId: account.id, contactId: existing.id, source: '官网', stageId: pipeline.stages[1].id });
    expect(done.lead).toMatchObject({ status: 'converted', convertedAccountId: account.id, convertedContactId: existing.id, convertedOpportunityId: done.opportunity.id });
    for (const [recordType, recordId] of [['contact', existing.id], ['account', account.id], ['opportunity', done.opportunity.id], ['lead', lead.id]]) {
      const subjects = (await call('GET', `/timeline?recordType=${recordType}&recordId=${recordId}`)).json().data.map((i: { subject: string }) => i.subject);
      expect(subjects, recordType).toContain('首次沟通');
    }
    expect((await call('GET', `/accounts/${account.id}/contacts`)).json().data.map((l: { contact: { id: string } }) => l.contact.id)).toContain(existing.id);
    const again = await call('POST', `/leads/${lead.id}/convert`, {}, admin, 'zh-TW');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'LEAD_ALREADY_CONVERTED', detail: '此潛在客戶已經轉換過了。' });
  });

  it('creates what does not exist yet, or nothing but a contact for an individual consumer', async () => {
    const fresh = (await call('POST', '/leads', { name: '孙丽', company: '成都新开公司', phone: '139 1111 2222', title: '老板' })).json();
    const made = (await call('POST', `/leads/${fresh.id}/convert`, {})).json();
    expect(made.reused).toEqual({ account: false, contact: false });
    expect(made.account).toMatchObject({ name: '成都新开公司', type: 'prospect' });
    expect(made.contact).toMatchObject({ name: '孙丽', phone: '+8613911112222', title: '老板', company: '成都新开公司' });
    expect(made.opportunity).toBeNull();

    const consumer = (await call('POST', '/leads', { name: '个人买家', company: '成都新开公司' })).json();
    const alone = (await call('POST', `/leads/${consumer.id}/convert`, { accountId: null })).json();
    expect(alone.account).toBeNull();
    expect(alone.lead.convertedAccountId).toBeNull();

    const other = await signUpWorkspace(t.app, 'other ws');
    const theirs = (await call('POST', '/accounts', { name: '别人的' }, other)).json();
    const lead = (await call('POST', '/leads', { name: '错误账户' })).json();
    const refused = await call('POST', `/leads/${lead.id}/convert`, { accountId: theirs.id });
    expect(refused.json().errors[0].field).toBe('accountId');
    // Nothing of a refused conversion stays behind.
    expect((await call('GET', `/leads/${lead.id}`)).json().status).toBe('new');
  });

  it('keeps a sales rep to their own and their team’s leads', async () => {
    const seller = await addMember(t.app, admin, 'sales');
    const theirs = (await call('POST', '/leads', { name: '销售的线索' }, seller)).json();
    const adminLead = (await call('POST', '/leads', { name: '管理员的线索' })).json();
    const seen = (await call('GET', '/leads?limit=200', undefined, seller)).json().data.map((l: { id: string }) => l.id);
    expect(seen).toContain(theirs.id);
    expect(seen).not.toContain(adminLead.id);
    expect((await call('POST', `/leads/${adminLead.id}/convert`, {}, seller)).statusCode).toBe(404);
  });
});
