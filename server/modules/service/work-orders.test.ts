import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client.js';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfMember } from '../../platform/auth/context-loader.js';
import type { RequestContext } from '../../platform/auth/context.js';
import type { RealtimeMessage } from '../../platform/realtime/realtime.js';
import { recordStationRating } from './index.js';

let t: TestApp;
let admin: SignedIn;
let other: SignedIn;
let repairType: string;
let contactId: string;
let phone: { id: string };
const published: RealtimeMessage[] = [];
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, '派工测试公司');
  other = await signUpWorkspace(t.app, 'Other 别家');
  const original = t.app.realtime.publish.bind(t.app.realtime);
  t.app.realtime.publish = async (message) => {
    published.push(message);
    return original(message);
  };
  repairType = ((await call('GET', '/case-types')).json().data as { id: string; key: string }[]).find((x) => x.key === 'repair')!.id;
  const contact = await call('POST', '/contacts', { name: '王芳', phone: '+8613800138000', addresses: [{ kind: 'shipping', line1: '朝阳区建国路 88 号', city: '北京市', region: '北京市', country: 'CN' }] });
  expect(contact.statusCode, contact.body).toBe(201);
  contactId = contact.json().id;
  phone = (await call('POST', '/products', { sku: `PH-${process.pid}`, name: '智能手机 X1' })).json();
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin, language = 'en') =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': language }, ...(payload ? { payload } : {}) });
const asService = async <T>(who: SignedIn, fn: (tx: Tx, ctx: RequestContext) => Promise<T>) => {
  const ctx = (await contextOfMember(t.database, who.workspaceId, who.userId))!;
  return inWorkspace(t.database.db, who.workspaceId, (tx) => fn(tx, ctx));
};
const addStation = async (body: object, who = admin) => {
  const res = await call('POST', '/service-stations', { capacity: 5, ...body }, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
};
const repairOrder = async (subject = '手机无法开机', who = admin) => {
  const kase = await call('POST', '/cases', { subject, channel: 'phone', typeId: repairType, contactId, productId: phone.id }, who);
  expect(kase.statusCode, kase.body).toBe(201);
  const res = await call('POST', '/work-orders', { caseId: kase.json().id }, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; numberText: string; caseId: string };
};
const rate = (stationId: string, scores: number[], who = admin) => asService(who, async (tx, ctx) => { for (const s of scores) await recordStationRating(tx, ctx, stationId, s); });

describe('field service', () => {
  let beijing: { id: string };
  let veteran: { id: string };
  let shanghai: { id: string };
  let technician: SignedIn;

  beforeAll(async () => {
    beijing = await addStation({ name: '朝阳服务站 (1 review)', province: '北京市', city: '北京市', productIds: [phone.id] });
    veteran = await addStation({ name: '海淀服务站', province: '北京市', city: '北京市', productIds: [phone.id] });
    shanghai = await addStation({ name: '浦东服务站', province: '上海市', city: '上海市', productIds: [phone.id] });
    await rate(beijing.id, [5]);
    await rate(veteran.id, Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? 4 : 5)));
    // The workspace's mean, the prior of the adjustment, is pulled below 4.8 by Shanghai's twenty 3s.
    await rate(shanghai.id, Array.from({ length: 20 }, () => 3));
    technician = await addMember(t.app, admin, 'station');
    const tied = await call('POST', `/service-stations/${veteran.id}/technicians`, { userId: technician.userId });
    expect(tied.statusCode, tied.body).toBe(200);
    expect(tied.json().technicians.map((x: { userId: string }) => x.userId)).toEqual([technician.userId]);
  });

  it('keeps stations with their rating, load and technicians, and refuses bad input', async () => {
    const got = (await call('GET', `/service-stations/${beijing.id}`)).json();
    expect(got).toMatchObject({ name: '朝阳服务站 (1 review)', rating: 5, ratingCount: 1, openCount: 0, technicians: [], active: true });
    expect((await call('POST', '/service-stations', { name: 'x', province: '北京市', capacity: 1, latitude: 39.9 })).json().errors[0].field).toBe('longitude');
    expect((await call('POST', '/service-stations', { name: 'x', province: '北京市', capacity: 1, productIds: ['00000000-0000-4000-8000-000000000000'] })).json().errors[0].field).toBe('productIds.0');
    expect((await call('POST', '/service-stations', { name: '  ', province: '北京市', capacity: 1 })).json().errors[0].field).toBe('name');
    expect((await call('POST', '/service-stations', { name: 'x', province: '北京市', capacity: 'many' })).statusCode).toBe(400);
    expect((await call('GET', `/service-stations/${beijing.id}`, undefined, other)).statusCode).toBe(404);
    const agent = await addMember(t.app, admin, 'service');
    expect((await call('POST', '/service-stations', { name: 'x', province: '北京市', capacity: 1 }, agent)).statusCode).toBe(403);
    const elsewhere = await addStation({ name: 'Elsewhere', province: '天津市' });
    const moved = await call('POST', `/service-stations/${elsewhere.id}/technicians`, { userId: technician.userId });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().code).toBe('TECHNICIAN_AT_OTHER_STATION');
    await call('PATCH', `/service-stations/${elsewhere.id}`, { active: false });
  });

  it('makes numbered work orders from repair cases only, with the customer copied on', async () => {
    const order = await repairOrder();
    expect(order).toMatchObject({ status: 'new', customerName: '王芳', customerPhone: '+8613800138000', province: '北京市', city: '北京市', address: '朝阳区建国路 88 号', problem: '手机无法开机', stationId: null });
    expect(order.numberText).toMatch(/^WO-\d{6}$/);
    const inquiry = (await call('POST', '/cases', { subject: '咨询', channel: 'phone', contactId })).json();
    const refused = await call('POST', '/work-orders', { caseId: inquiry.id }, admin, 'zh-CN');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('WORK_ORDER_NOT_REPAIR');
    expect((await call('POST', '/work-orders', { caseId: '00000000-0000-4000-8000-000000000000' })).json().errors[0].field).toBe('caseId');
    expect((await call('POST', '/work-orders', { caseId: order.caseId, extra: 1 })).statusCode).toBe(400);
  });

  it('ranks stations with their reasons, dispatches to the best, and asks a reason to override', async () => {
    // A closed station next door is listed (last, with why); the closed one in Tianjin, far and unable to take it, is not.
    const closed = await addStation({ name: '国贸服务站', province: '北京市', city: '北京市', productIds: [phone.id] });
    await call('PATCH', `/service-stations/${closed.id}`, { active: false });
    const order = await repairOrder('屏幕碎了');
    const res = await call('GET', `/work-orders/${order.id}/dispatch-candidates`);
    expect(res.statusCode, res.body).toBe(200);
    const candidates = res.json().data as { stationId: string; score: number; eligible: boolean; exclusion: string | null; reasons: { component: string; basis: string; points: number }[] }[];
    // Forty ratings averaging 4.8 beat a single 5.0; Shanghai is in another region; the inactive one is last.
    expect(candidates.slice(0, 3).map((c) => c.stationId)).toEqual([veteran.id, beijing.id, shanghai.id]);
    expect(candidates[0]!.reasons.map((r) => [r.component, r.basis])).toEqual([['location', 'same_city'], ['skill', 'product'], ['rating', 'rating'], ['workload', 'load']]);
    expect(candidates.at(-1)).toMatchObject({ stationId: closed.id, eligible: false, exclusion: 'inactive' });
    const tianjin = ((await call('GET', '/service-stations')).json().data as { id: string; name: string }[]).find((s) => s.name === 'Elsewhere')!;
    expect(candidates.map((c) => c.stationId)).not.toContain(tianjin.id);
    expect((await call('POST', `/work-orders/${order.id}/dispatch`, { stationId: tianjin.id, overrideReason: 'x' })).json().code).toBe('STATION_CANNOT_TAKE');

    const noReason = await call('POST', `/work-orders/${order.id}/dispatch`, { stationId: shanghai.id });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('overrideReason');
    const inactive = candidates.at(-1)!.stationId;
    expect((await call('POST', `/work-orders/${order.id}/dispatch`, { stationId: inactive, overrideReason: 'x' })).json().code).toBe('STATION_CANNOT_TAKE');

    const overridden = await call('POST', `/work-orders/${order.id}/dispatch`, { stationId: beijing.id, overrideReason: '客户指定朝阳站' });
    expect(overridden.json()).toMatchObject({ status: 'dispatched', stationId: beijing.id, overrideReason: '客户指定朝阳站' });
    // Not accepted yet: it can still go to the best one, and the override reason is cleared.
    const best = await call('POST', `/work-orders/${order.id}/dispatch`, {});
    expect(best.json()).toMatchObject({ status: 'dispatched', stationId: veteran.id, stationName: '海淀服务站', overrideReason: null });
    expect(published.some((m) => m.event.type === 'work_order.dispatched' && m.userIds?.includes(technician.userId))).toBe(true);
    const history = (await call('GET', `/work-orders/${order.id}/history`)).json().data as { toStatus: string; note: string | null }[];
    expect(history.map((h) => [h.toStatus, h.note])).toEqual([['new', null], ['dispatched', '客户指定朝阳站'], ['dispatched', null]]);
  });

  it('lets the station work only its own orders and nothing of the customers beyond them', async () => {
    const mine = await repairOrder('电池鼓包');
    await call('POST', `/work-orders/${mine.id}/dispatch`, { stationId: veteran.id, overrideReason: '技师熟悉该机型' });
    const theirs = await repairOrder('无法充电');
    await call('POST', `/work-orders/${theirs.id}/dispatch`, { stationId: shanghai.id, overrideReason: '测试' });

    const list = (await call('GET', '/work-orders', undefined, technician)).json().data as { id: string; customerName: string }[];
    expect(list.map((o) => o.id)).toContain(mine.id);
    expect(list.map((o) => o.id)).not.toContain(theirs.id);
    expect(list.find((o) => o.id === mine.id)!.customerName).toBe('王芳');
    expect((await call('GET', `/work-orders/${theirs.id}`, undefined, technician)).statusCode).toBe(404);
    expect((await call('POST', `/work-orders/${theirs.id}/station-update`, { action: 'accept' }, technician)).statusCode).toBe(404);
    expect((await call('GET', `/contacts/${contactId}`, undefined, technician)).statusCode).toBe(404);
    expect((await call('GET', '/contacts', undefined, technician)).json().data).toEqual([]);
    expect((await call('GET', `/cases/${mine.caseId}`, undefined, technician)).statusCode).toBe(404);
    expect((await call('GET', '/service-stations', undefined, technician)).json().data.map((s: { id: string }) => s.id)).toEqual([veteran.id]);
    expect((await call('GET', `/service-stations/${shanghai.id}`, undefined, technician)).statusCode).toBe(404);
    expect((await call('GET', `/work-orders/${mine.id}/dispatch-candidates`, undefined, technician)).statusCode).toBe(403);
    expect((await call('POST', '/work-orders', { caseId: mine.caseId }, technician)).statusCode).toBe(403);

    expect((await call('POST', `/work-orders/${mine.id}/station-update`, { action: 'done' }, technician)).json().code).toBe('WORK_ORDER_STATUS_CHANGE');
    expect((await call('POST', `/work-orders/${mine.id}/station-update`, { action: 'accept' }, technician)).json()).toMatchObject({ status: 'accepted', technicianId: technician.userId });
    expect((await call('POST', `/work-orders/${mine.id}/station-update`, { action: 'on_site' }, technician)).json().status).toBe('on_site');
    published.length = 0;
    const done = await call('POST', `/work-orders/${mine.id}/station-update`, { action: 'done', note: '更换电池，测试正常', parts: [{ name: '电池', quantity: 1 }], labourMinutes: 45 }, technician);
    expect(done.json()).toMatchObject({ status: 'done', note: '更换电池，测试正常', parts: [{ name: '电池', quantity: 1 }], labourMinutes: 45 });
    expect(done.json().doneAt).not.toBeNull();
    expect(published).toEqual([expect.objectContaining({ userIds: [admin.userId], event: expect.objectContaining({ type: 'work_order.done', workOrderId: mine.id }) })]);
    const timeline = (await call('GET', `/timeline?recordType=case&recordId=${mine.caseId}`)).json().data as { body: string }[];
    expect(timeline.map((i) => i.body)).toContain('更换电池，测试正常');
    expect((await call('POST', `/work-orders/${mine.id}/cancel`, {})).json().code).toBe('WORK_ORDER_STATUS_CHANGE');
  });

  it('sends a declined order back to dispatch, keeping who declined in its history', async () => {
    const order = await repairOrder('听筒没声音');
    await call('POST', `/work-orders/${order.id}/dispatch`, { stationId: veteran.id, overrideReason: '技师熟悉该机型' });
    const declined = await call('POST', `/work-orders/${order.id}/station-update`, { action: 'decline', note: '缺配件' }, technician);
    expect(declined.json()).toMatchObject({ status: 'declined', stationId: null });
    const history = (await call('GET', `/work-orders/${order.id}/history`)).json().data as { toStatus: string; stationId: string | null }[];
    expect(history.at(-1)).toMatchObject({ toStatus: 'declined', stationId: veteran.id });
    expect((await call('POST', `/work-orders/${order.id}/dispatch`, {})).json().status).toBe('dispatched');
    expect((await call('POST', `/work-orders/${order.id}/cancel`, { note: '客户自行修好' })).json().status).toBe('cancelled');
    expect((await call('GET', `/work-orders/${order.id}`, undefined, other)).statusCode).toBe(404);
  });

  it('excludes a full station and follows the workspace weights', async () => {
    await call('PATCH', `/service-stations/${veteran.id}`, { capacity: 0 });
    const order = await repairOrder('full');
    const candidates = (await call('GET', `/work-orders/${order.id}/dispatch-candidates`)).json().data as { stationId: string; exclusion: string | null }[];
    expect(candidates.find((c) => c.stationId === veteran.id)!.exclusion).toBe('full');
    expect(candidates[0]!.stationId).toBe(beijing.id);
    await call('PATCH', `/service-stations/${veteran.id}`, { capacity: 5 });
    expect((await call('PATCH', '/service-stations/settings', { weights: { location: 0, skill: 0, rating: 0, workload: 0 } })).statusCode).toBe(400);
    const changed = await call('PATCH', '/service-stations/settings', { weights: { location: 0, skill: 0, rating: 100, workload: 0 } });
    expect(changed.json().weights.rating).toBe(100);
    const byRating = (await call('GET', `/work-orders/${order.id}/dispatch-candidates`)).json().data as { stationId: string }[];
    expect(byRating[0]!.stationId).toBe(veteran.id);
    await call('PATCH', '/service-stations/settings', { weights: { location: 40, skill: 30, rating: 20, workload: 10 } });
  });

  it('shows volume, median time to done and rating per station, flagging poorly rated ones', async () => {
    const poor = await addStation({ name: '差评站', province: '广东省' });
    await rate(poor.id, [2, 3, 2, 3, 2]);
    const few = await addStation({ name: '两条差评', province: '广东省' });
    await rate(few.id, [1, 1]);
    await expect(rate(few.id, [6])).rejects.toThrow();
    const res = await call('GET', '/service-stations/dashboard?days=30');
    expect(res.statusCode, res.body).toBe(200);
    const byName = new Map((res.json().stations as { name: string; volume: number; medianHoursToDone: number | null }[]).map((s) => [s.name, s]));
    expect(byName.get('差评站')).toMatchObject({ rating: 2.4, ratingCount: 5, poorlyRated: true, volume: 0, medianHoursToDone: null });
    expect(byName.get('两条差评')).toMatchObject({ rating: 1, poorlyRated: false });
    expect(byName.get('海淀服务站')).toMatchObject({ poorlyRated: false, done: 1 });
    expect(byName.get('海淀服务站')!.volume).toBeGreaterThanOrEqual(2);
    expect(byName.get('海淀服务站')!.medianHoursToDone).toBeGreaterThanOrEqual(0);
    expect((await call('GET', '/service-stations/dashboard', undefined, technician)).statusCode).toBe(403);
  });
});
