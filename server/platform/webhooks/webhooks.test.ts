import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { deliverDueWebhooks, MAX_ATTEMPTS } from './webhooks.service.js';

let t: TestApp;
let admin: SignedIn;
/** A real HTTP receiver; answers with `status` (changeable per test) and keeps what it got. */
let receiver: http.Server;
let status = 200;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await t.close();
});

const call = (method: string, path: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${path}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

describe('outbound webhooks', () => {
  it('posts each matching change once, signed with the endpoint’s secret', async () => {
    const endpoint = (await call('POST', '/webhooks', { url, events: ['contact.*'] })).json();
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect((await call('GET', '/webhooks')).json().data[0]).not.toHaveProperty('secret');
    const contact = (await call('POST', '/contacts', { name: '钩子客户' })).json();
    await call('PATCH', `/contacts/${contact.id}`, { title: '经理' });
    await call('POST', '/tasks', { title: 'not a contact event' });
    expect(await deliverDueWebhooks(t.database, new Date(), { workspaceId: admin.workspaceId })).toBe(2);
    expect(await deliverDueWebhooks(t.database, new Date(), { workspaceId: admin.workspaceId })).toBe(0);
    expect(received.map((r) => JSON.parse(r.body).event)).toEqual(['contact.create', 'contact.update']);
    const [first] = received;
    const body = JSON.parse(first!.body);
    expect(body).toMatchObject({ event: 'contact.create', data: { recordType: 'contact', recordId: contact.id } });
    const [, ts, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(first!.headers['guanxi-signature']))!;
    expect(mac).toBe(createHmac('sha256', endpoint.secret).update(`${ts}.${first!.body}`).digest('hex'));
    expect(first!.headers['guanxi-delivery']).toBe(body.id);
    const log = (await call('GET', `/webhooks/${endpoint.id}/deliveries`)).json().data;
    expect(log.map((d: { status: string; lastStatusCode: number }) => [d.status, d.lastStatusCode])).toEqual([
      ['delivered', 200],
      ['delivered', 200],
    ]);
    await call('PATCH', `/webhooks/${endpoint.id}`, { active: false });
  });

  it('retries a failing receiver with back-off, then gives up and says why', async () => {
    received.length = 0;
    status = 503;
    const endpoint = (await call('POST', '/webhooks', { url, events: ['account.create'] })).json();
    await call('POST', '/accounts', { name: '重试公司' });
    let now = Date.now();
    expect(await deliverDueWebhooks(t.database, new Date(now), { workspaceId: admin.workspaceId })).toBe(1);
    expect(await deliverDueWebhooks(t.database, new Date(now + 1000), { workspaceId: admin.workspaceId })).toBe(0); // not before its back-off
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now += 4 * 3600 * 1000;
      expect(await deliverDueWebhooks(t.database, new Date(now), { workspaceId: admin.workspaceId })).toBe(1);
    }
    expect(await deliverDueWebhooks(t.database, new Date(now + 24 * 3600 * 1000), { workspaceId: admin.workspaceId })).toBe(0);
    expect(received).toHaveLength(MAX_ATTEMPTS);
    const [delivery] = (await call('GET', `/webhooks/${endpoint.id}/deliveries`)).json().data;
    expect(delivery).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastStatusCode: 503, lastError: 'HTTP 503' });
    status = 200;
  });

  it('is for admins only, and checks the URL and event names', async () => {
    const rep = await addMember(t.app, admin, 'sales');
    expect((await call('GET', '/webhooks', undefined, rep)).statusCode).toBe(403);
    expect((await call('POST', '/webhooks', { url: 'ftp://x.example/', events: ['*'] })).statusCode).toBe(400);
    expect((await call('POST', '/webhooks', { url, events: ['Contact Created'] })).json().errors[0].field).toBe('events.0');
  });
});
