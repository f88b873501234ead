import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import type { RealtimeMessage } from '../../platform/realtime/realtime.js';
import { sweepSlaClocks } from './sla.sweep.js';

let t: TestApp;
let admin: SignedIn;
let contactId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, 'SLA 测试公司');
  contactId = (await call('POST', '/contacts', { name: '周杰', phone: '138 0013 8000' })).json().id;
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, language = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': language }, ...(payload ? { payload } : {}) });

const targets = (firstResponse: number | null, resolution: number | null, nextResponse: number | null = null) => {
  const one = { first_response: firstResponse, next_response: nextResponse, resolution };
  return { low: one, normal: one, high: one, urgent: one };
};
const minutes = (from: string | Date, n: number) => new Date(new Date(from).getTime() + n * 60_000);
type Clock = { metric: string; dueAt: string; stoppedAt: string | null; paused: boolean; breached: boolean; warnedAt: string | null; escalatedAt: string | null };
const clocksOf = async (caseId: string, who = admin) => (await call('GET', `/cases/${caseId}/sla`, undefined, who)).json().data as Clock[];

describe('SLA policies and clocks', () => {
  it('validates policies, naming the field, and leaves them to those who configure service', async () => {
    const missing = await call('POST', '/sla-policies', { name: '缺紧急', targets: { low: targets(60, 480).low, normal: targets(60, 480).normal, high: targets(60, 480).high } }, admin, 'zh-CN');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('targets.urgent');
    const inverted = await call('POST', '/sla-policies', { name: '颠倒', targets: targets(600, 60) });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().errors[0].field).toBe('targets.low.first_response');
    const zero = await call('POST', '/sla-policies', { name: '零', targets: targets(0, 60) });
    expect(zero.statusCode).toBe(400);
    const seller = await addMember(t.app, admin, 'sales');
    expect((await call('POST', '/sla-policies', { name: '销售不能', targets: targets(60, 480) }, seller)).statusCode).toBe(403);
  });

  it('times a case from its creation, warns once before the breach, then escalates once and raises the priority', async () => {
    const policy = (
      await call('POST', '/sla-policies', {
        name: 'VIP 全天候',
        position: 1,
        conditions: { priorities: ['high', 'urgent'] },
        targets: targets(60, 240, 120),
        businessHours: false,
        warnBeforeMinutes: 20,
        escalation: { notifyAssignee: true, notifyManagers: true, raisePriority: true },
      })
    ).json();
    expect(policy.id).toBeTruthy();
    const c = (await call('POST', '/cases', { subject: '服务器宕机', channel: 'phone', priority: 'high', contactId })).json();
    const clocks = await clocksOf(c.id);
    expect(clocks.map((k) => k.metric).sort()).toEqual(['first_response', 'resolution']);
    const first = clocks.find((k) => k.metric === 'first_response')!;
    expect(new Date(first.dueAt)).toEqual(minutes(c.createdAt, 60));
    expect(new Date(clocks.find((k) => k.metric === 'resolution')!.dueAt)).toEqual(minutes(c.createdAt, 240));

    const sent: RealtimeMessage[] = [];
    const publish = async (m: RealtimeMessage) => void sent.push(m);
    // 30 minutes in: nothing is due within 20 minutes yet.
    expect(await sweepSlaClocks(t.app.database, publish, minutes(c.createdAt, 30), admin.workspaceId)).toEqual({ warned: 0, escalated: 0 });
    // 45 minutes in: the first response is due in 15 → the assignee is warned, once.
    expect(await sweepSlaClocks(t.app.database, publish, minutes(c.createdAt, 45), admin.workspaceId)).toEqual({ warned: 1, escalated: 0 });
    expect(await sweepSlaClocks(t.app.database, publish, minutes(c.createdAt, 46), admin.workspaceId)).toEqual({ warned: 0, escalated: 0 });
    expect(sent).toEqual([{ workspaceId: admin.workspaceId, userIds: [admin.userId], event: expect.objectContaining({ type: 'sla.warning', caseId: c.id, metric: 'first_response' }) }]);
    // 61 minutes in, still no reply: breached and escalated, once; the case is now urgent.
    expect(await sweepSlaClocks(t.app.database, publish, minutes(c.createdAt, 61), admin.workspaceId)).toEqual({ warned: 0, escalated: 1 });
    expect(await sweepSlaClocks(t.app.database, publish, minutes(c.createdAt, 62), admin.workspaceId)).toEqual({ warned: 0, escalated: 0 });
    expect(sent.at(-1)!.event).toMatchObject({ type: 'sla.breached', caseId: c.id, metric: 'first_response' });
    expect((await call('GET', `/cases/${c.id}`)).json().priority).toBe('urgent');

    // The agent answers now (moments after creation, in real time): the first response is met and stays escalated-free.
    expect((await call('POST', `/cases/${c.id}/messages`, { kind: 'reply', body: '我们正在处理。' })).statusCode).toBe(201);
    const answered = (await clocksOf(c.id)).find((k) => k.metric === 'first_response')!;
    expect(answered.stoppedAt).not.toBeNull();
    expect(answered.breached).toBe(false);

    // Pending the customer: the resolution clock stands still.
    expect((await call('POST', `/cases/${c.id}/status`, { status: 'pending_customer' })).statusCode).toBe(200);
    expect((await clocksOf(c.id)).find((k) => k.metric === 'resolution')).toMatchObject({ paused: true, stoppedAt: null, breached: false });
    // Resolved: stopped, met.
    expect((await call('POST', `/cases/${c.id}/status`, { status: 'resolved' })).statusCode).toBe(200);
    expect((await clocksOf(c.id)).find((k) => k.metric === 'resolution')).toMatchObject({ paused: false, breached: false });

    const report = (await call('GET', `/sla/attainment?from=${minutes(c.createdAt, -60).toISOString()}&to=${minutes(c.createdAt, 60).toISOString()}`)).json().data as { metric: string; met: number; breached: number; attainment: number }[];
    expect(report.find((r) => r.metric === 'first_response')).toMatchObject({ met: 1, breached: 0, attainment: 1 });
    expect(report.find((r) => r.metric === 'resolution')).toMatchObject({ met: 1, breached: 0 });
    const byPriority = (await call('GET', `/sla/attainment?groupBy=priority&from=${minutes(c.createdAt, -60).toISOString()}&to=${minutes(c.createdAt, 60).toISOString()}`)).json().data;
    expect(byPriority.map((r: { key: string }) => r.key)).toContain('urgent');
  });

  it('stores the clocks as the case changes, so the sweep finds a case nobody opened and sees its reply', async () => {
    const c = (await call('POST', '/cases', { subject: '无人查看的工单', channel: 'phone', priority: 'urgent', contactId })).json();
    const sent: RealtimeMessage[] = [];
    const publish = async (m: RealtimeMessage) => void sent.push(m);
    expect(await sweepSlaClocks(t.app.database, publish, minutes(c.createdAt, 45), admin.workspaceId)).toMatchObject({ warned: 1 });
    // Answered (the reply stops the clock as it is logged): no breach at 61 minutes.
    await call('POST', `/cases/${c.id}/messages`, { kind: 'reply', body: '已安排工程师。' });
    expect(await sweepSlaClocks(t.app.database, publish, minutes(c.createdAt, 61), admin.workspaceId)).toEqual({ warned: 0, escalated: 0 });
    expect(sent.map((m) => m.event.type)).toEqual(['sla.warning']);
  });

  it('gives no clocks to a case no policy covers, and refuses another workspace’s case', async () => {
    const low = (await call('POST', '/cases', { subject: '咨询发票', channel: 'web', priority: 'low' })).json();
    expect(await clocksOf(low.id)).toEqual([]);
    const other = await signUpWorkspace(t.app, 'other SLA');
    expect((await call('GET', `/cases/${low.id}/sla`, undefined, other)).statusCode).toBe(404);
    expect((await call('GET', '/sla/attainment?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z')).statusCode).toBe(400);
  });
});
