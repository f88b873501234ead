import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { localDate } from './opportunities.service.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, '销售测试公司');
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, language = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': language }, ...(payload ? { payload } : {}) });

interface StageRow {
  id: string;
  key: string | null;
  name: string | null;
  kind: string;
  probability: number;
  forecastCategory: string;
}
interface PipelineRow {
  id: string;
  isDefault: boolean;
  stages: StageRow[];
}

async function pipelinesOf(who: SignedIn = admin): Promise<PipelineRow[]> {
  const res = await call('GET', '/pipelines', undefined, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
}
const stageByKey = (p: PipelineRow, key: string) => p.stages.find((s) => s.key === key)!;
const lostReason = async (who: SignedIn = admin) => (await call('GET', '/close-reasons', undefined, who)).json().data.find((r: { kind: string }) => r.kind === 'lost');

describe('pipelines', () => {
  it('gives a new workspace one default pipeline with the built-in stages, once, even when asked concurrently', async () => {
    const fresh = await signUpWorkspace(t.app, 'fresh');
    const [a, b] = await Promise.all([pipelinesOf(fresh), pipelinesOf(fresh)]);
    expect(a).toHaveLength(1);
    expect(b.map((p) => p.id)).toEqual(a.map((p) => p.id));
    const [p] = a;
    expect(p!.isDefault).toBe(true);
    expect(p!.stages.map((s) => [s.key, s.kind, s.probability])).toEqual([
      ['qualification', 'open', 10],
      ['needs_analysis', 'open', 25],
      ['proposal', 'open', 50],
      ['negotiation', 'open', 75],
      ['won', 'won', 100],
      ['lost', 'lost', 0],
    ]);
    const reasons = (await call('GET', '/close-reasons', undefined, fresh)).json().data;
    expect(reasons.filter((r: { kind: string }) => r.kind === 'lost').length).toBeGreaterThan(0);
  });

  it('sets stages in order, keeps ids, refuses a pipeline without a won or lost stage and removing a stage in use', async () => {
    const created = await call('POST', '/pipelines', { name: '渠道项目', stages: [
      { name: '初步接触', probability: 10, kind: 'open' },
      { name: '方案', probability: 60, kind: 'open' },
      { name: '签约', probability: 100, kind: 'won' },
      { name: '失败', probability: 0, kind: 'lost' },
    ] });
    expect(created.statusCode, created.body).toBe(201);
    const pipeline = created.json();
    expect(pipeline.stages.map((s: StageRow) => [s.name, s.forecastCategory])).toEqual([['初步接触', 'pipeline'], ['方案', 'best_case'], ['签约', 'closed'], ['失败', 'omitted']]);

    const asInput = ({ id, name, probability, kind }: StageRow) => ({ id, name, probability, kind });
    const noWon = await call('PUT', `/pipelines/${pipeline.id}/stages`, { stages: pipeline.stages.filter((s: StageRow) => s.kind !== 'won').map(asInput).concat([{ name: 'x', probability: 5, kind: 'open' }]) });
    expect(noWon.statusCode).toBe(400);
    expect(noWon.json().errors[0].field).toBe('stages');

    const [first, second, won, lost] = pipeline.stages as StageRow[];
    const deal = (await call('POST', '/opportunities', { name: '渠道试点', pipelineId: pipeline.id })).json();
    expect(deal.stageId).toBe(first!.id);
    const inUse = await call('PUT', `/pipelines/${pipeline.id}/stages`, { stages: [second!, won!, lost!].map(asInput) }, admin, 'zh-CN');
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ code: 'STAGE_IN_USE', detail: '该阶段仍有 1 个商机，请先将它们移到其他阶段。' });

    const reordered = await call('PUT', `/pipelines/${pipeline.id}/stages`, {
      stages: [{ ...asInput(second!), name: '方案报价', probability: 55 }, asInput(first!), { name: '谈判', probability: 80, kind: 'open' }, asInput(won!), asInput(lost!)],
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    const stages = reordered.json().stages as StageRow[];
    expect(stages.map((s) => s.name)).toEqual(['方案报价', '初步接触', '谈判', '签约', '失败']);
    expect(stages[0]!.id).toBe(second!.id);
    expect(stages[2]).toMatchObject({ probability: 80, forecastCategory: 'commit' });
  });

  it('lets only admins and managers configure pipelines', async () => {
    const seller = await addMember(t.app, admin, 'sales');
    expect((await call('POST', '/pipelines', { name: 'mine' }, seller)).statusCode).toBe(403);
    expect((await call('POST', '/close-reasons', { kind: 'lost', name: '太贵' }, seller)).statusCode).toBe(403);
    const manager = await addMember(t.app, admin, 'manager');
    expect((await call('POST', '/close-reasons', { kind: 'lost', name: '太贵' }, manager)).statusCode).toBe(201);
  });

  it('switches the default pipeline and refuses to archive the default one', async () => {
    const [main] = await pipelinesOf();
    const other = (await call('POST', '/pipelines', { name: '续约' })).json();
    expect((await call('PATCH', `/pipelines/${main!.id}`, { archived: true })).statusCode).toBe(400);
    expect((await call('PATCH', `/pipelines/${other.id}`, { isDefault: true })).json().isDefault).toBe(true);
    expect((await call('GET', `/pipelines/${main!.id}`)).json().isDefault).toBe(false);
    const deal = (await call('POST', '/opportunities', { name: '续约一年' })).json();
    expect(deal.pipelineId).toBe(other.id);
    await call('PATCH', `/pipelines/${main!.id}`, { isDefault: true });
    expect((await call('PATCH', `/pipelines/${other.id}`, { archived: true })).json().archivedAt).not.toBeNull();
    const refused = await call('POST', '/opportunities', { name: 'into archive', pipelineId: other.id });
    expect(refused.json().errors[0].field).toBe('pipelineId');
  });
});

describe('opportunities', () => {
  it('starts in the default pipeline’s first stage with its probability, the workspace currency and a close date', async () => {
    const [main] = await pipelinesOf();
    const res = await call('POST', '/opportunities', { name: ' 华为 5G 基站项目 ', amount: 1_280_000_00 });
    expect(res.statusCode, res.body).toBe(201);
    const deal = res.json();
    const qualification = stageByKey(main!, 'qualification');
    expect(deal).toMatchObject({ name: '华为 5G 基站项目', pipelineId: main!.id, stageId: qualification.id, status: 'open', probability: 10, forecastCategory: 'pipeline', currency: 'CNY', ownerId: admin.userId, amount: 1_280_000_00 });
    expect(deal.closeDate > localDate(new Date(), 'Asia/Shanghai')).toBe(true);
  });

  it('keeps every stage move with its time; closing lost needs a reason of the lost kind; reopening clears it', async () => {
    const [main] = await pipelinesOf();
    const account = (await call('POST', '/accounts', { name: '中兴通讯' })).json();
    const deal = (await call('POST', '/opportunities', { name: '中兴 核心网', accountId: account.id, amount: 50_000_00 })).json();
    const proposal = stageByKey(main!, 'proposal');
    const moved = (await call('PATCH', `/opportunities/${deal.id}`, { stageId: proposal.id })).json();
    expect(moved).toMatchObject({ stageId: proposal.id, probability: 50, forecastCategory: 'best_case' });
    // A probability set by hand with the move wins over the stage's.
    const negotiation = stageByKey(main!, 'negotiation');
    expect((await call('PATCH', `/opportunities/${deal.id}`, { stageId: negotiation.id, probability: 90 })).json().probability).toBe(90);

    const lost = stageByKey(main!, 'lost');
    const noReason = await call('PATCH', `/opportunities/${deal.id}`, { stageId: lost.id }, admin, 'zh-CN');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'closeReasonId', code: 'required' });
    const wonReason = (await call('GET', '/close-reasons')).json().data.find((r: { kind: string }) => r.kind === 'won');
    expect((await call('PATCH', `/opportunities/${deal.id}`, { stageId: lost.id, closeReasonId: wonReason.id })).json().errors[0].field).toBe('closeReasonId');
    const reason = await lostReason();
    const closed = (await call('PATCH', `/opportunities/${deal.id}`, { stageId: lost.id, closeReasonId: reason.id, closeCompetitor: '爱立信' })).json();
    expect(closed).toMatchObject({ status: 'lost', probability: 0, closeReasonId: reason.id, closeCompetitor: '爱立信', closeDate: localDate(new Date(), 'Asia/Shanghai') });
    expect(closed.closedAt).not.toBeNull();

    const reopened = (await call('PATCH', `/opportunities/${deal.id}`, { stageId: negotiation.id })).json();
    expect(reopened).toMatchObject({ status: 'open', closedAt: null, closeReasonId: null, closeCompetitor: null, probability: 75 });

    const history = (await call('GET', `/opportunities/${deal.id}/stage-history`)).json().data;
    expect(history.map((v: { stageKey: string }) => v.stageKey)).toEqual(['qualification', 'proposal', 'negotiation', 'lost', 'negotiation']);
    expect(history.slice(0, -1).every((v: { leftAt: string | null }) => v.leftAt !== null)).toBe(true);
    expect(history.at(-1).leftAt).toBeNull();
    for (const v of history) expect(v.seconds).toBeGreaterThanOrEqual(0);
    expect(history[1].enteredAt).toBe(history[0].leftAt);

    // The account's 360 view shows the deal (and its lost amount is not open pipeline).
    const overview = (await call('GET', `/accounts/${account.id}/overview`)).json();
    const panel = overview.panels.find((p: { key: string }) => p.key === 'opportunities');
    expect(panel.items.map((i: { id: string }) => i.id)).toContain(deal.id);
    // Status and amount travel as a key and a number for the reader's language to say, not as English text.
    expect(panel.items.find((i: { id: string }) => i.id === deal.id)).toMatchObject({ subtitle: null, status: 'open', amount: { value: deal.amount, currency: deal.currency } });
    expect(overview.figures.find((f: { key: string }) => f.key === 'openPipeline').value).toBe(50_000_00);
  });

  it('refuses bad input naming the field, and another workspace’s stage or account', async () => {
    for (const [field, value] of [['amount', -1], ['currency', 'yuan'], ['closeDate', '2026-13-45'], ['probability', 101], ['stageId', 'not-a-uuid'], ['competitors', ['']]] as const) {
      const res = await call('POST', '/opportunities', { name: 'x', [field]: value });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors[0].field, field).toMatch(new RegExp(`^${field}`));
    }
    expect((await call('POST', '/opportunities', { name: '   ' })).json().errors[0].field).toBe('name');
    const other = await signUpWorkspace(t.app, 'other');
    const [theirs] = await pipelinesOf(other);
    const theirAccount = (await call('POST', '/accounts', { name: '别家客户' }, other)).json();
    expect((await call('POST', '/opportunities', { name: 'x', stageId: theirs!.stages[0]!.id })).json().errors[0].field).toBe('stageId');
    expect((await call('POST', '/opportunities', { name: 'x', accountId: theirAccount.id })).json().errors[0].field).toBe('accountId');
    const [main] = await pipelinesOf();
    const mismatch = await call('POST', '/opportunities', { name: 'x', pipelineId: main!.id, stageId: (await call('POST', '/pipelines', { name: '另一个' })).json().stages[0].id });
    expect(mismatch.json().errors[0].field).toBe('stageId');
  });

  it('shows sales people their own and their team’s deals only', async () => {
    const seller = await addMember(t.app, admin, 'sales');
    const mine = (await call('POST', '/opportunities', { name: '我的商机' }, seller)).json();
    const adminDeal = (await call('POST', '/opportunities', { name: '管理员的商机' })).json();
    const listed = (await call('GET', '/opportunities?limit=200', undefined, seller)).json().data.map((o: { id: string }) => o.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(adminDeal.id);
    expect((await call('GET', `/opportunities/${adminDeal.id}`, undefined, seller)).statusCode).toBe(404);
    expect((await call('GET', `/opportunities/${adminDeal.id}/stage-history`, undefined, seller)).statusCode).toBe(404);
  });

  it('keeps the customer’s people in a deal with roles', async () => {
    const deal = (await call('POST', '/opportunities', { name: '采购项目' })).json();
    const boss = (await call('POST', '/contacts', { name: '刘总' })).json();
    const engineer = (await call('POST', '/contacts', { name: '陈工', title: '技术总监' })).json();
    expect((await call('PUT', `/opportunities/${deal.id}/contacts/${boss.id}`, { role: 'decision_maker' })).statusCode).toBe(200);
    await call('PUT', `/opportunities/${deal.id}/contacts/${engineer.id}`, { role: 'influencer' });
    await call('PUT', `/opportunities/${deal.id}/contacts/${engineer.id}`, { role: 'technical_buyer' });
    expect((await call('PUT', `/opportunities/${deal.id}/contacts/${boss.id}`, { role: 'boss' })).statusCode).toBe(400);
    const people = (await call('GET', `/opportunities/${deal.id}/contacts`)).json().data;
    expect(people.map((p: { name: string; role: string; title: string | null }) => [p.name, p.role, p.title])).toEqual(
      [['刘总', 'decision_maker', null], ['陈工', 'technical_buyer', '技术总监']].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect((await call('DELETE', `/opportunities/${deal.id}/contacts/${boss.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/opportunities/${deal.id}/contacts`)).json().data).toHaveLength(1);
  });

  it('puts a call about a deal on the deal’s and its account’s timelines', async () => {
    const account = (await call('POST', '/accounts', { name: '比亚迪' })).json();
    const deal = (await call('POST', '/opportunities', { name: '比亚迪 车队', accountId: account.id })).json();
    const logged = await call('POST', '/interactions', { type: 'call', channel: 'phone', subject: '报价沟通', links: [{ recordType: 'opportunity', recordId: deal.id }] });
    expect(logged.statusCode, logged.body).toBe(201);
    for (const [recordType, recordId] of [['opportunity', deal.id], ['account', account.id]]) {
      const timeline = (await call('GET', `/timeline?recordType=${recordType}&recordId=${recordId}`)).json().data;
      expect(timeline.map((i: { subject: string }) => i.subject), recordType).toContain('报价沟通');
    }
  });
});

describe('the pipeline board', () => {
  it('counts, sums and weights each stage, filters, and pages the cards', async () => {
    const board0 = await signUpWorkspace(t.app, 'board');
    const seller = await addMember(t.app, board0, 'sales');
    const [p] = await pipelinesOf(board0);
    const proposal = stageByKey(p!, 'proposal');
    for (let i = 0; i < 5; i += 1) await call('POST', '/opportunities', { name: `提案 ${i}`, stageId: proposal.id, amount: 100_00 * (i + 1) }, board0);
    await call('POST', '/opportunities', { name: 'USD deal', stageId: proposal.id, amount: 999_00, currency: 'USD' }, board0);
    await call('POST', '/opportunities', { name: '销售的', amount: 7_00 }, seller);
    const deleted = (await call('POST', '/opportunities', { name: '已删除', stageId: proposal.id, amount: 1 }, board0)).json();
    await call('DELETE', `/opportunities/${deleted.id}`, undefined, board0);

    const res = await call('GET', `/pipelines/${p!.id}/board?limit=2`, undefined, board0);
    expect(res.statusCode, res.body).toBe(200);
    const columns = res.json().columns as { stage: StageRow; count: number; totals: { currency: string; amount: number; weighted: number }[]; cards: { name: string }[]; nextCursor: string | null }[];
    expect(columns.map((c) => c.stage.key)).toEqual(p!.stages.map((s) => s.key));
    const col = columns.find((c) => c.stage.id === proposal.id)!;
    expect(col.count).toBe(6);
    expect(col.totals).toEqual([
      { currency: 'CNY', amount: 1500_00, weighted: 750_00 },
      { currency: 'USD', amount: 999_00, weighted: 499_50 },
    ]);
    expect(col.cards.map((c) => c.name)).toEqual(['USD deal', '提案 4']);
    const rest = (await call('GET', `/opportunities?filter=stageId:eq:${proposal.id}&cursor=${encodeURIComponent(col.nextCursor!)}&limit=10`, undefined, board0)).json();
    expect(rest.data.map((c: { name: string }) => c.name)).toEqual(['提案 3', '提案 2', '提案 1', '提案 0']);
    expect(columns.find((c) => c.stage.key === 'qualification')!.count).toBe(1);

    // The seller's board holds only their own deal; the owner filter narrows the admin's.
    const theirs = (await call('GET', `/pipelines/${p!.id}/board`, undefined, seller)).json().columns;
    expect(theirs.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(1);
    const filtered = (await call('GET', `/pipelines/${p!.id}/board?filter=ownerId:eq:${seller.userId}`, undefined, board0)).json().columns;
    expect(filtered.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(1);
    const either = (await call('GET', `/pipelines/${p!.id}/board?filter=ownerId:eq:${seller.userId}&filter=amount:gte:50000&filterLogic=${encodeURIComponent('1 OR 2')}`, undefined, board0)).json().columns;
    expect(either.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(3);
  });

  it('shows in the won and lost columns only what closed lately, unless asked for more', async () => {
    const ws = await signUpWorkspace(t.app, 'closed lately');
    const [p] = await pipelinesOf(ws);
    const won = stageByKey(p!, 'won');
    const old = (await call('POST', '/opportunities', { name: '去年赢单', stageId: won.id, amount: 5_00 }, ws)).json();
    await call('POST', '/opportunities', { name: '本周赢单', stageId: won.id, amount: 7_00 }, ws);
    await t.database.raw.query(`update opportunities set closed_at = now() - interval '100 days' where id = $1`, [old.id]);
    const wonColumn = async (query: string) =>
      (await call('GET', `/pipelines/${p!.id}/board${query}`, undefined, ws)).json().columns.find((c: { stage: { id: string } }) => c.stage.id === won.id);
    const recent = await wonColumn('');
    expect([recent.count, recent.totals[0].amount, recent.cards.map((c: { name: string }) => c.name)]).toEqual([1, 7_00, ['本周赢单']]);
    const year = await wonColumn('?closedWithinDays=365');
    expect([year.count, year.cards.length]).toEqual([2, 2]);
  });

  it('answers an empty pipeline with empty columns, and 404 for another workspace’s pipeline', async () => {
    const empty = await signUpWorkspace(t.app, 'empty');
    const [p] = await pipelinesOf(empty);
    const columns = (await call('GET', `/pipelines/${p!.id}/board`, undefined, empty)).json().columns;
    expect(columns.every((c: { count: number; cards: unknown[]; totals: unknown[] }) => c.count === 0 && c.cards.length === 0 && c.totals.length === 0)).toBe(true);
    expect((await call('GET', `/pipelines/${p!.id}/board`)).statusCode).toBe(404);
  });
});
