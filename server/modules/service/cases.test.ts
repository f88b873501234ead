import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { matchRule, scoreAgents, type AgentStanding } from './routing.service.js';
import type { RoutingRule } from './service-config.service.js';
import { guessLanguage, numberInSubject } from './case-email.service.js';

let t: TestApp;
let admin: SignedIn;
let contactId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, '工单测试公司');
  contactId = (await call('POST', '/contacts', { name: '李娜', email: 'li.na@kehu.cn' })).json().id;
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, language = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': language }, ...(payload ? { payload } : {}) });

describe('cases', () => {
  it('numbers cases per workspace, keeps every status change, stamps resolve/close times and counts reopens', async () => {
    const types = (await call('GET', '/case-types')).json().data as { id: string; key: string }[];
    expect(types.map((x) => x.key)).toEqual(['inquiry', 'pre_sales', 'repair', 'complaint', 'other']);
    const repair = types.find((x) => x.key === 'repair')!.id;
    const res = await call('POST', '/cases', { subject: ' 路由器无法开机 ', channel: 'phone', typeId: repair, contactId, priority: 'high' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ subject: '路由器无法开机', status: 'new', ownerId: admin.userId, priority: 'high', typeId: repair, firstResponseAt: null });
    const second = (await call('POST', '/cases', { subject: 'Second', channel: 'web' })).json();
    expect(second.number).toBe(c.number + 1);
    // A workspace of its own starts from 1.
    const other = await signUpWorkspace(t.app, 'other');
    expect((await call('POST', '/cases', { subject: 'x', channel: 'web' }, other)).json().number).toBe(1);

    for (const to of ['open', 'pending_customer', 'resolved']) expect((await call('POST', `/cases/${c.id}/status`, { status: to })).statusCode).toBe(200);
    const resolved = (await call('GET', `/cases/${c.id}`)).json();
    expect(resolved.resolvedAt).not.toBeNull();
    const bad = await call('POST', `/cases/${c.id}/status`, { status: 'pending_customer' }, admin, 'zh-CN');
    expect(bad.statusCode).toBe(409);
    expect(bad.json()).toMatchObject({ code: 'CASE_STATUS_TRANSITION', detail: '工单不能从当前状态转到该状态。' });
    const closed = (await call('POST', `/cases/${c.id}/status`, { status: 'closed' })).json();
    expect(closed.closedAt).not.toBeNull();
    const reopened = (await call('POST', `/cases/${c.id}/status`, { status: 'open' })).json();
    expect(reopened).toMatchObject({ status: 'open', resolvedAt: null, closedAt: null, reopenCount: 1 });
    const history = (await call('GET', `/cases/${c.id}/history`)).json().data as { fromStatus: string | null; toStatus: string; changedBy: string }[];
    expect(history.map((h) => `${h.fromStatus}→${h.toStatus}`)).toEqual(['null→new', 'new→open', 'open→pending_customer', 'pending_customer→resolved', 'resolved→closed', 'closed→open']);
    expect(history.every((h) => h.changedBy === admin.userId)).toBe(true);
    expect((await call('POST', `/cases/${c.id}/status`, { status: 'done' })).statusCode).toBe(400);
  });

  it('refuses unknown references by field, an inactive type, and another workspace’s contact', async () => {
    const other = await signUpWorkspace(t.app, 'foreign');
    const foreignContact = (await call('POST', '/contacts', { name: 'Foreign' }, other)).json().id;
    const refused = await call('POST', '/cases', { subject: 'x', channel: 'email', contactId: foreignContact });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'contactId', code: 'invalid' });
    for (const [field, value] of [['channel', 'fax'], ['priority', 'asap'], ['subject', '   '], ['language', 'fr']] as const) {
      const res = await call('POST', '/cases', { subject: 'ok', channel: 'web', [field]: value });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors[0].field, field).toBe(field);
    }
    const types = (await call('GET', '/case-types')).json().data as { id: string; key: string }[];
    const other_ = types.find((x) => x.key === 'other')!;
    expect((await call('PATCH', `/case-types/${other_.id}`, { active: false })).statusCode).toBe(200);
    expect((await call('POST', '/cases', { subject: 'x', channel: 'web', typeId: other_.id })).json().errors[0].field).toBe('typeId');
    await call('PATCH', `/case-types/${other_.id}`, { active: true, name: '其他问题' });
    expect((await call('GET', '/case-types')).json().data.find((x: { id: string }) => x.id === other_.id).name).toBe('其他问题');
  });

  it('opens several cases for one contact in one step, all or none', async () => {
    const before = (await call('GET', `/cases?filter=contactId:eq:${contactId}&limit=100`)).json().data.length;
    const bad = await call('POST', '/cases/batch', { contactId, channel: 'walk_in', cases: [{ subject: '咨询保修' }, { subject: '  ' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('cases.1.subject');
    expect((await call('GET', `/cases?filter=contactId:eq:${contactId}&limit=100`)).json().data.length).toBe(before);
    const res = await call('POST', '/cases/batch', { contactId, channel: 'walk_in', language: 'zh-CN', cases: [{ subject: '咨询保修', priority: 'low' }, { subject: '投诉送货慢', description: '等了两周' }, { subject: 'Router repair' }] });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json().data as { contactId: string; channel: string; number: number; language: string }[];
    expect(created).toHaveLength(3);
    expect(created.every((c) => c.contactId === contactId && c.channel === 'walk_in' && c.language === 'zh-CN')).toBe(true);
    expect(created.map((c) => c.number)).toEqual([created[0]!.number, created[0]!.number + 1, created[0]!.number + 2]);
    // The contact's 360 view counts them.
    const overview = (await call('GET', `/contacts/${contactId}/overview`)).json();
    expect(overview.figures.find((f: { key: string }) => f.key === 'openCases').value).toBe(before + 3);
    const items = overview.panels.find((p: { key: string }) => p.key === 'cases').items as { status: string; title: string }[];
    // The high-priority case of the first test comes first; the three new ones follow.
    expect(items.map((i) => i.status)).toEqual(['open', 'new', 'new', 'new']);
  });

  it('keeps replies and internal notes on the case timeline (and the contact’s), stamping the first response', async () => {
    const c = (await call('POST', '/cases', { subject: 'WeChat question', channel: 'wechat', contactId })).json();
    const note = await call('POST', `/cases/${c.id}/messages`, { kind: 'note', body: '客户是老用户' });
    expect(note.statusCode, note.body).toBe(201);
    expect(note.json().case).toMatchObject({ status: 'new', firstResponseAt: null });
    const reply = (await call('POST', `/cases/${c.id}/messages`, { kind: 'reply', body: '您好，已收到。' })).json();
    expect(reply.message).toMatchObject({ type: 'message', channel: 'wechat', direction: 'outbound', body: '您好，已收到。' });
    expect(reply.case.status).toBe('open');
    expect(reply.case.firstResponseAt).not.toBeNull();
    const messages = (await call('GET', `/cases/${c.id}/messages`)).json().data as { type: string }[];
    expect(messages.map((m) => m.type)).toEqual(['message', 'note']);
    const timeline = (await call('GET', `/timeline?recordType=contact&recordId=${contactId}`)).json().data as { id: string }[];
    expect(timeline.map((i) => i.id)).toContain(reply.message.id);
    // No e-mail account: an e-mail reply is refused, nothing logged.
    expect((await call('POST', `/cases/${c.id}/messages`, { kind: 'reply', body: 'x', email: true })).statusCode).toBe(409);
    expect((await call('GET', `/cases/${c.id}/messages`)).json().data).toHaveLength(2);
  });

  it('merges duplicates: messages move, the duplicate closes pointing at the survivor, audited', async () => {
    const a = (await call('POST', '/cases', { subject: '打印机卡纸', channel: 'phone', contactId })).json();
    const b = (await call('POST', '/cases', { subject: '打印机又卡纸', channel: 'phone', contactId })).json();
    await call('POST', `/cases/${b.id}/messages`, { kind: 'reply', body: '请重启' });
    const merged = await call('POST', `/cases/${a.id}/merge`, { mergedIds: [b.id] });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().firstResponseAt).not.toBeNull();
    expect((await call('GET', `/cases/${a.id}/messages`)).json().data).toHaveLength(1);
    expect((await call('GET', `/cases/${b.id}/messages`)).json().data).toHaveLength(0);
    expect((await call('GET', `/cases/${b.id}`)).json()).toMatchObject({ status: 'closed', mergedInto: a.id });
    expect((await call('POST', `/cases/${b.id}/status`, { status: 'open' })).json().code).toBe('CASE_MERGED');
    expect((await call('POST', `/cases/${a.id}/merge`, { mergedIds: [a.id] })).statusCode).toBe(400);
    const audit = (await call('GET', `/audit-log?recordType=case&recordId=${b.id}`)).json().data as { action: string }[];
    expect(audit.map((e) => e.action)).toContain('merge');
  });

  it('finds cases by number and subject in the search box', async () => {
    const c = (await call('POST', '/cases', { subject: '发票抬头错误', channel: 'email' })).json();
    const quoted = `CS-${String(c.number).padStart(6, '0')}`;
    for (const q of [quoted, String(c.number).padStart(6, '0'), '发票']) {
      const hits = (await call('GET', `/search?q=${encodeURIComponent(q)}`)).json().data as { type: string; id: string; title: string }[];
      expect(hits.find((h) => h.type === 'case' && h.id === c.id), q).toMatchObject({ title: '发票抬头错误' });
    }
  });

  it('moves cases with merged contacts', async () => {
    const dup = (await call('POST', '/contacts', { name: '李娜 (重复)', email: 'lina2@kehu.cn' })).json().id;
    const c = (await call('POST', '/cases', { subject: 'on the duplicate', channel: 'phone', contactId: dup })).json();
    const res = await call('POST', '/contacts/merge', { primaryId: contactId, mergeIds: [dup] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await call('GET', `/cases/${c.id}`)).json().contactId).toBe(contactId);
  });
});

describe('routing', () => {
  const agent = (userId: string, skills: string[], openCases: number, extra: Partial<AgentStanding> = {}): AgentStanding => ({ userId, skills, away: false, capacity: null, openCases, lastAssignedAt: null, ...extra });

  it('scores skills against workload: a full match with 3 open cases beats half a match with none', () => {
    // Wanted: repair + en. Wang has both (100 − 30 = 70); Zhao has one (50 − 0 = 50); Chen has both but is away.
    const { chosen, candidates } = scoreAgents([agent('zhao', ['repair'], 0), agent('wang', ['repair', 'en'], 3), agent('chen', ['repair', 'en'], 0, { away: true })], ['repair', 'en']);
    expect(chosen).toBe('wang');
    expect(candidates.map((c) => [c.userId, c.score, c.excluded ?? null])).toEqual([
      ['chen', 100, 'away'],
      ['wang', 70, null],
      ['zhao', 50, null],
    ]);
    expect(candidates.find((c) => c.userId === 'zhao')).toMatchObject({ skillsMatched: ['repair'], skillsMissing: ['en'] });
  });

  it('with full matches, six open cases lose to one; at capacity is skipped; ties go to who waited longest', () => {
    expect(scoreAgents([agent('a', ['x'], 6), agent('b', ['x'], 1)], ['x']).chosen).toBe('b');
    expect(scoreAgents([agent('a', [], 2, { capacity: 2 }), agent('b', [], 5)], []).chosen).toBe('b');
    const earlier = new Date('2026-01-01'), later = new Date('2026-02-01');
    expect(scoreAgents([agent('a', [], 0, { lastAssignedAt: later }), agent('b', [], 0, { lastAssignedAt: earlier })], []).chosen).toBe('b');
    expect(scoreAgents([agent('a', [], 0, { lastAssignedAt: later }), agent('b', [], 0)], []).chosen).toBe('b');
    expect(scoreAgents([agent('a', [], 0, { away: true })], []).chosen).toBeNull();
    expect(scoreAgents([], ['x']).chosen).toBeNull();
  });

  it('matches the first active rule by position; a rule with no conditions catches everything', () => {
    const rule = (id: string, position: number, conditions: RoutingRule['conditions'], active = true) => ({ id, position, conditions, active, queueId: id, skills: [], name: id, workspaceId: '', createdAt: new Date() });
    const rules = [rule('catch-all', 9, {}), rule('vip', 1, { tiers: ['A'] }), rule('english-mail', 2, { languages: ['en'], channels: ['email'] }), rule('off', 0, {}, false)];
    const routable = { typeId: null, productId: null, language: 'en', channel: 'email', tier: null };
    expect(matchRule(rules, routable)?.id).toBe('english-mail');
    expect(matchRule(rules, { ...routable, tier: 'A' })?.id).toBe('vip');
    expect(matchRule(rules, { ...routable, channel: 'phone' })?.id).toBe('catch-all');
    expect(matchRule([], routable)).toBeNull();
  });

  it('routes a new case to the rule’s queue and its best agent, storing why; agents see their queue’s cases only', async () => {
    const ws = await signUpWorkspace(t.app, '分派');
    const [wang, zhao, outsider] = [await addMember(t.app, ws, 'service'), await addMember(t.app, ws, 'service'), await addMember(t.app, ws, 'service')];
    const queue = (await call('POST', '/case-queues', { name: '维修组', skills: ['Repair'], memberIds: [wang.userId, zhao.userId] }, ws)).json();
    expect(queue).toMatchObject({ skills: ['repair'] });
    const repair = ((await call('GET', '/case-types', undefined, ws)).json().data as { id: string; key: string }[]).find((x) => x.key === 'repair')!.id;
    const rule = await call('POST', '/case-routing-rules', { name: 'Repairs', queueId: queue.id, conditions: { typeIds: [repair] }, skills: ['router'] }, ws);
    expect(rule.statusCode, rule.body).toBe(201);
    await call('PATCH', `/case-agents/${wang.userId}`, { skills: ['repair', 'router', 'zh-cn'] }, ws);
    await call('PATCH', `/case-agents/${zhao.userId}`, { skills: ['repair'] }, ws);
    // An agent may set themself away, not their skills.
    expect((await call('PATCH', `/case-agents/${zhao.userId}`, { skills: ['x'] }, zhao)).statusCode).toBe(403);

    const first = (await call('POST', '/cases', { subject: '路由器维修', channel: 'phone', typeId: repair, language: 'zh-CN', assign: true }, ws)).json();
    expect(first).toMatchObject({ queueId: queue.id, ownerId: wang.userId });
    expect(first.routing).toMatchObject({ ruleId: rule.json().id, agentId: wang.userId, skillsWanted: ['repair', 'router', 'zh-cn'] });
    expect(first.routing.candidates[0]).toMatchObject({ userId: wang.userId, score: 100, openCases: 0 });
    expect(first.routing.candidates[1]).toMatchObject({ userId: zhao.userId, score: 33, skillsMissing: ['router', 'zh-cn'] });

    // Wang away: Zhao gets the next one even with fewer skills.
    expect((await call('PATCH', `/case-agents/${wang.userId}`, { away: true }, wang)).json().away).toBe(true);
    const second = (await call('POST', '/cases', { subject: '再修一台', channel: 'phone', typeId: repair, assign: true }, ws)).json();
    expect(second.ownerId).toBe(zhao.userId);
    expect(second.routing.candidates.find((c: { userId: string }) => c.userId === wang.userId).excluded).toBe('away');
    // No rule matches a plain inquiry: no queue, the creator keeps it.
    const inquiry = (await call('POST', '/cases', { subject: '营业时间？', channel: 'phone', assign: true }, ws)).json();
    expect(inquiry).toMatchObject({ queueId: null, ownerId: ws.userId });

    // Agents: their queue's cases and unqueued ones; someone outside the queue sees only the unqueued one.
    const seen = async (who: SignedIn) => ((await call('GET', '/cases', undefined, who)).json().data as { id: string }[]).map((c) => c.id).sort();
    expect(await seen(zhao)).toEqual([first.id, second.id, inquiry.id].sort());
    expect(await seen(outsider)).toEqual([inquiry.id]);
    expect((await call('GET', `/cases/${first.id}`, undefined, outsider)).statusCode).toBe(404);
    // A queue member may take an unowned case of the queue and work it.
    await call('POST', `/cases/${second.id}/assign`, { userId: null }, ws);
    expect((await call('POST', `/cases/${second.id}/assign`, { userId: zhao.userId }, zhao)).json().ownerId).toBe(zhao.userId);
    expect((await call('POST', `/cases/${second.id}/status`, { status: 'open' }, zhao)).statusCode).toBe(200);
    expect((await call('POST', `/cases/${first.id}/status`, { status: 'open' }, zhao)).statusCode).toBe(403);
    // A queue in use stays.
    expect((await call('DELETE', `/case-queues/${queue.id}`, undefined, ws)).json().code).toBe('QUEUE_IN_USE');
    expect((await call('POST', '/case-queues', { name: 'x' }, wang)).statusCode).toBe(403);
  });
});

describe('mail helpers', () => {
  it('reads the case number from a subject with the workspace prefix only', () => {
    expect(numberInSubject('Re: 打印机 [CS-000042]', 'CS')).toBe(42);
    expect(numberInSubject('回复：cs-7 还没修好', 'CS')).toBe(7);
    expect(numberInSubject('ABCS-000042', 'CS')).toBeNull();
    expect(numberInSubject('Order 000042', 'CS')).toBeNull();
    expect(numberInSubject(null, 'CS')).toBeNull();
  });
  it('guesses the language of a mail', () => {
    expect(guessLanguage('打印机坏了')).toBe('zh-CN');
    expect(guessLanguage('印表機壞了，請幫忙處理')).toBe('zh-TW');
    expect(guessLanguage('The printer is broken')).toBe('en');
  });
});
