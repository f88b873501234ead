import type { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';

let t: TestApp;
let admin: SignedIn;
let agent: SignedIn;
let stranger: SignedIn;
let contactId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  agent = await addMember(t.app, admin, 'service');
  stranger = await signUpWorkspace(t.app, 'Other workspace');
  contactId = (await call('POST', '/contacts', { name: '来电客户 王', phone: '13800138000', ownerId: agent.userId })).json().id;
  expect((await call('PUT', `/calls/agents/${agent.userId}`, { extension: '8001' })).statusCode).toBe(204);
});
afterAll(() => t.close());

function call(method: string, url: string, payload?: object, who: SignedIn = admin) {
  return t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
}

/** A signed-in page's realtime connection and the events it has received. */
async function openPage(who: SignedIn): Promise<{ socket: WebSocket; events: Record<string, unknown>[]; next(type: string): Promise<Record<string, unknown>> }> {
  const events: Record<string, unknown>[] = [];
  const waiting: { type: string; resolve: (e: Record<string, unknown>) => void }[] = [];
  // Listening from the start: the server greets as soon as the socket opens.
  const listen = (socket: WebSocket) =>
    socket.on('message', (data) => {
      const event = JSON.parse(String(data)) as Record<string, unknown>;
      events.push(event);
      for (const w of waiting.filter((x) => x.type === event.type)) w.resolve(event);
    });
  const socket = (await t.app.injectWS('/api/v1/realtime', { headers: { cookie: who.cookie } }, { onInit: listen as never })) as unknown as WebSocket;
  const next = (type: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const seen = events.find((e) => e.type === type);
      if (seen) return resolve(seen);
      waiting.push({ type, resolve });
      setTimeout(() => reject(new Error(`no ${type} within 2 s`)), 2000);
    });
  await next('hello');
  return { socket, events, next };
}

describe('incoming call: screen pop and timeline', () => {
  it('pops the caller’s contact on the agent’s page, and logs the call with its duration when it ends', async () => {
    const agentPage = await openPage(agent);
    const adminPage = await openPage(admin);
    const otherPage = await openPage(stranger);
    const ringing = await call('POST', '/calls/events', { event: 'ringing', callId: 'pbx-1001', direction: 'inbound', customerNumber: '+86 138-0013-8000', agentExtension: '8001', at: '2026-11-23T10:00:00Z' });
    expect(ringing.statusCode, ringing.body).toBe(200);
    const pop = await agentPage.next('call.ringing');
    expect(pop).toMatchObject({ callId: 'pbx-1001', number: '+8613800138000', contacts: [{ id: contactId, name: '来电客户 王' }] });

    await call('POST', '/calls/events', { event: 'answered', callId: 'pbx-1001', direction: 'inbound', customerNumber: '13800138000', agentExtension: '8001', at: '2026-11-23T10:00:05Z' });
    const ended = { event: 'ended', callId: 'pbx-1001', direction: 'inbound', customerNumber: '13800138000', at: '2026-11-23T10:03:05Z', recordingUrl: 'https://pbx.example/rec/1001.wav' };
    const first = (await call('POST', '/calls/events', ended)).json();
    const again = (await call('POST', '/calls/events', ended)).json();
    expect(again.interactionId).toBe(first.interactionId);

    const timeline = (await call('GET', `/timeline?recordType=contact&recordId=${contactId}`, undefined, agent)).json().data;
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ type: 'call', channel: 'phone', direction: 'inbound', durationSeconds: 180, outcome: 'connected', ownerId: agent.userId, attachments: [{ url: 'https://pbx.example/rec/1001.wav' }] });
    // The agent was named, so only their pages popped; never another workspace's.
    expect(adminPage.events.map((e) => e.type)).toEqual(['hello']);
    expect(otherPage.events.map((e) => e.type)).toEqual(['hello']);
    for (const page of [agentPage, adminPage, otherPage]) page.socket.terminate();
  });

  it('pops an unknown number to everyone when the PBX names no agent, and logs a busy call as busy', async () => {
    const adminPage = await openPage(admin);
    await call('POST', '/calls/events', { event: 'ringing', callId: 'pbx-2002', direction: 'inbound', customerNumber: '021 6888 0000' });
    expect(await adminPage.next('call.ringing')).toMatchObject({ number: '+862168880000', contacts: [] });
    const ended = (await call('POST', '/calls/events', { event: 'ended', callId: 'pbx-2002', direction: 'inbound', customerNumber: '021 6888 0000', cause: 'busy' })).json();
    const logged = (await call('GET', `/interactions/${ended.interactionId}`)).json();
    expect(logged).toMatchObject({ outcome: 'busy', durationSeconds: 0, participants: [{ kind: 'address', address: '+862168880000', role: 'caller' }] });
    adminPage.socket.terminate();
  });

  it('refuses the realtime stream without a session, and bad events with the field named', async () => {
    await expect(t.app.injectWS('/api/v1/realtime')).rejects.toThrow();
    const res = await call('POST', '/calls/events', { event: 'hangup', callId: 'x', direction: 'inbound', customerNumber: 'abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['customerNumber', 'event']);
    expect((await call('PUT', `/calls/agents/${agent.userId}`, { extension: '9' }, agent)).statusCode).toBe(403);
    const taken = await call('PUT', `/calls/agents/${admin.userId}`, { extension: '8001' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors[0]).toMatchObject({ field: 'extension', code: 'taken' });
  });
});
