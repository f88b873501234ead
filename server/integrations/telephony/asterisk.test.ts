import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { calls } from '../../db/schema.js';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { AmiCallTracker, extensionOf } from './ami-calls.js';
import { AmiParser, type AmiMessage } from './ami-protocol.js';
import { startAsteriskAdapter, type AsteriskAdapter } from './asterisk.js';

// A hand-written recording of what Asterisk 18 sends with timestampevents=yes (test/fixtures/ami/README.md).
const fixture = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/ami/calls.ami'), 'utf8');
/** Asterisk ends its lines with CRLF. */
const stream = fixture.replace(/\n/g, '\r\n');

function parseAll(text: string): AmiMessage[] {
  const out: AmiMessage[] = [];
  const parser = new AmiParser((m) => out.push(m));
  parser.push(text);
  return out;
}

describe('AMI stream → call events', () => {
  it('reads messages split anywhere, CRLF or LF, and skips lines that are not Key: Value', () => {
    const whole = parseAll(stream);
    const bad: string[] = [];
    const pieces: AmiMessage[] = [];
    const parser = new AmiParser((m) => pieces.push(m), undefined, (line) => bad.push(line));
    // One character at a time: every \r\n and every multi-byte name is cut somewhere.
    for (const ch of `garbage before the greeting\r\n${stream}no colon here\r\nEvent: Odd\r\n\r\n`) parser.push(ch);
    expect(pieces.slice(0, whole.length)).toEqual(whole);
    expect(bad).toEqual(['garbage before the greeting', 'no colon here']);
    expect(parseAll(fixture)).toEqual(whole);
    expect(whole.find((m) => m.Event === 'Hangup')).toMatchObject({ 'Cause-txt': 'Normal Clearing', CallerIDName: '张敏', AccountCode: '' });
  });

  it('is configured by AMI_* variables: the host needs the user, secret and workspace', () => {
    expect(() => loadConfig({ AMI_HOST: 'pbx.local' })).toThrow(ConfigError);
    expect(() => loadConfig({ AMI_HOST: 'pbx.local' })).toThrow(/AMI_USERNAME: required[\s\S]*AMI_WORKSPACE_ID: required/);
    const config = loadConfig({ AMI_HOST: 'pbx.local', AMI_USERNAME: 'guanxi', AMI_SECRET: 's', AMI_WORKSPACE_ID: '0192f8e4-1b2c-7d3e-8f40-123456789abc' });
    expect(config).toMatchObject({ AMI_HOST: 'pbx.local', AMI_PORT: 5038 });
    expect(loadConfig({}).AMI_HOST).toBeUndefined();
  });

  it('knows extensions from trunks by the channel name', () => {
    expect(['PJSIP/8001-0000002a', 'SIP/8001-00000001', 'IAX2/8001-1234', 'Local/8001@from-queue-00000001;1', 'PJSIP/trunk-cn-00000031', 'DAHDI/i1/13800138000-1'].map(extensionOf)).toEqual([
      '8001', '8001', '8001', '8001', null, null,
    ]);
  });

  it('maps the recorded calls: inbound answered, inbound unanswered, outbound busy; internal calls report nothing', () => {
    const tracker = new AmiCallTracker({ recordingUrl: 'https://pbx.example/recordings/' });
    const events = parseAll(stream).flatMap((m) => tracker.feed(m).events);
    const t = (s: number) => new Date((1732356000 + s) * 1000);
    expect(events).toEqual([
      { event: 'ringing', callId: '1732356000.101', direction: 'inbound', customerNumber: '13800138000', lineNumber: '4008001234', agentExtension: '8001', at: t(5) },
      { event: 'answered', callId: '1732356000.101', direction: 'inbound', customerNumber: '13800138000', lineNumber: '4008001234', agentExtension: '8001', at: t(9) },
      {
        event: 'ended', callId: '1732356000.101', direction: 'inbound', customerNumber: '13800138000', lineNumber: '4008001234', agentExtension: '8001', at: new Date(Math.round((1732356000 + 189.02) * 1000)),
        cause: null, recordingUrl: 'https://pbx.example/recordings/in-4008001234-13800138000-20241123-100000-1732356000.101.wav',
      },
      { event: 'ringing', callId: '1732356300.110', direction: 'inbound', customerNumber: '02168880000', lineNumber: '4008001234', agentExtension: '8001', at: t(302) },
      { event: 'ended', callId: '1732356300.110', direction: 'inbound', customerNumber: '02168880000', lineNumber: '4008001234', agentExtension: '8001', at: t(326), cause: 'no_answer', recordingUrl: null },
      { event: 'ringing', callId: '1732356600.120', direction: 'outbound', customerNumber: '13912345678', lineNumber: null, agentExtension: '8001', at: t(601) },
      { event: 'ended', callId: '1732356600.120', direction: 'outbound', customerNumber: '13912345678', lineNumber: null, agentExtension: '8001', at: t(603), cause: 'busy', recordingUrl: null },
    ]);
    expect(tracker.active).toBe(0);
  });
});

/**
 * A stand-in Asterisk on loopback: greets, checks the login, then plays `script(connection)` — the chunks
 * to write for that connection and whether to drop it afterwards.
 */
async function fakeAsterisk(script: (n: number) => { chunks: string[]; drop: boolean; refuseLogin?: boolean }) {
  const logins: AmiMessage[] = [];
  /** Every action after the login, as received (click-to-call's Originate). */
  const actions: AmiMessage[] = [];
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setNoDelay(true);
    const n = connections++;
    const plan = script(n);
    const parser = new AmiParser(async (action) => {
      if (action.Action === 'Ping') return socket.write(`Response: Success\r\nActionID: ${action.ActionID}\r\nPing: Pong\r\n\r\n`);
      if (action.Action === 'Originate') {
        actions.push(action);
        // As Asterisk answers: queued at once (Async), or refused for an extension it does not know.
        const known = !/\/9999$/.test(action.Channel ?? '');
        return socket.write(
          known
            ? `Response: Success\r\nActionID: ${action.ActionID}\r\nMessage: Originate successfully queued\r\n\r\n`
            : `Response: Error\r\nActionID: ${action.ActionID}\r\nMessage: Extension does not exist.\r\n\r\n`,
        );
      }
      if (action.Action !== 'Login') return;
      logins.push(action);
      if (plan.refuseLogin || action.Secret !== 'tops3cret') {
        socket.write(`Response: Error\r\nActionID: ${action.ActionID}\r\nMessage: Authentication failed\r\n\r\n`);
        return socket.end();
      }
      socket.write(`Response: Success\r\nActionID: ${action.ActionID}\r\nMessage: Authentication accepted\r\n\r\n`);
      for (const chunk of plan.chunks) {
        socket.write(chunk);
        await new Promise((r) => setImmediate(r));
      }
      if (plan.drop) socket.destroy();
    });
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => parser.push(d));
    socket.write('Asterisk Call Manager/5.0.1\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    logins,
    actions,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Cuts text at awkward places: inside CRLF pairs, inside UTF-8 names, and in odd sizes. */
function awkwardChunks(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const crlf = text.indexOf('\r\n', i + 1);
    const size = k % 3 === 0 && crlf > i ? crlf + 1 - i : [1, 7, 13, 64, 333][k % 5]!;
    out.push(text.slice(i, i + size));
    i += size;
    k += 1;
  }
  return out;
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('Asterisk adapter against a PBX on loopback', () => {
  let t: TestApp;
  let admin: SignedIn;
  let agent: SignedIn;
  let caller: string;
  let callee: string;
  let adapter: AsteriskAdapter | null = null;
  const api = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
    t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signUpWorkspace(t.app);
    agent = await addMember(t.app, admin, 'service');
    caller = (await api('POST', '/contacts', { name: '王先生', company: '上海云桥贸易', phone: '138 0013 8000', ownerId: agent.userId })).json().id;
    callee = (await api('POST', '/contacts', { name: '李娜', phone: '+86 139 1234 5678' })).json().id;
    expect((await api('PUT', `/calls/agents/${agent.userId}`, { extension: '8001' })).statusCode).toBe(204);
  });
  afterAll(async () => {
    await adapter?.stop();
    await t.close();
  });

  it('logs in (again after a refusal), survives a dropped connection and garbage, pops the agent and logs each call once', async () => {
    const messages = stream.replace(/^Asterisk Call Manager\/5\.0\.1\r\n/, '');
    const cut = messages.indexOf('Event: Newchannel\r\nPrivilege: call,all\r\nTimestamp: 1732356300');
    const pbx = await fakeAsterisk((n) =>
      n === 0
        ? { chunks: [], drop: false, refuseLogin: true }
        : n === 1
          ? // The first call, a half-sent block, then the connection drops.
            { chunks: [...awkwardChunks(messages.slice(0, cut)), 'Event: Newchannel\r\nPrivilege: ca'], drop: true }
          : { chunks: awkwardChunks(`this is not AMI\r\nEvent: Cdr\r\nBroken line\r\n\r\n${messages.slice(cut)}`), drop: false },
    );
    const events: Record<string, unknown>[] = [];
    const page = (await t.app.injectWS('/api/v1/realtime', { headers: { cookie: agent.cookie } }, {
      onInit: ((socket: WebSocket) => socket.on('message', (d) => events.push(JSON.parse(String(d))))) as never,
    })) as unknown as WebSocket;

    adapter = startAsteriskAdapter(t.app, { host: '127.0.0.1', port: pbx.port, username: 'guanxi', secret: 'tops3cret', workspaceId: admin.workspaceId, recordingUrl: 'https://pbx.example/rec', backoff: { initialMs: 20, maxMs: 200 } });
    const all = () => t.database.db.select().from(calls).where(eq(calls.workspaceId, admin.workspaceId));
    const ended = await until('three ended calls', async () => {
      const rows = await all();
      return rows.length === 3 && rows.every((r) => r.status === 'ended') && rows;
    });
    await adapter.idle();
    expect(pbx.connections).toBe(3);
    expect(pbx.logins.map((l) => [l.Username, l.Events])).toEqual([['guanxi', 'call,dialplan'], ['guanxi', 'call,dialplan'], ['guanxi', 'call,dialplan']]);

    const byId = Object.fromEntries(ended.map((c) => [c.externalId, c]));
    expect(byId['1732356000.101']).toMatchObject({ direction: 'inbound', customerNumber: '+8613800138000', lineNumber: '4008001234', agentId: agent.userId, contactId: caller });
    expect(byId['1732356000.101']!.answeredAt!.toISOString()).toBe('2024-11-23T10:00:09.000Z');
    expect(byId['1732356300.110']).toMatchObject({ direction: 'inbound', customerNumber: '+862168880000', contactId: null, answeredAt: null, agentId: agent.userId });
    expect(byId['1732356600.120']).toMatchObject({ direction: 'outbound', customerNumber: '+8613912345678', contactId: callee, agentId: agent.userId });

    // Timelines: the answered call with its duration, the busy outbound one.
    const callerTimeline = (await api('GET', `/timeline?recordType=contact&recordId=${caller}`, undefined, agent)).json().data;
    expect(callerTimeline).toHaveLength(1);
    expect(callerTimeline[0]).toMatchObject({ type: 'call', channel: 'phone', direction: 'inbound', durationSeconds: 180, outcome: 'connected', ownerId: agent.userId });
    expect(callerTimeline[0].attachments).toMatchObject([{ url: 'https://pbx.example/rec/in-4008001234-13800138000-20241123-100000-1732356000.101.wav' }]);
    const calleeTimeline = (await api('GET', `/timeline?recordType=contact&recordId=${callee}`)).json().data;
    expect(calleeTimeline).toHaveLength(1);
    expect(calleeTimeline[0]).toMatchObject({ type: 'call', direction: 'outbound', durationSeconds: 0, outcome: 'busy', ownerId: agent.userId });
    const unanswered = (await api('GET', `/interactions/${byId['1732356300.110']!.interactionId}`)).json();
    expect(unanswered).toMatchObject({ outcome: 'no_answer', durationSeconds: 0, participants: [{ kind: 'address', address: '+862168880000', role: 'caller' }, { kind: 'user', id: agent.userId }] });

    // The agent's page got the pop with the caller's card, then the rest of the call.
    const pop = events.find((e) => e.type === 'call.ringing' && e.callId === '1732356000.101');
    expect(pop).toMatchObject({ direction: 'inbound', number: '+8613800138000', contacts: [{ id: caller, name: '王先生', company: '上海云桥贸易' }] });
    expect(events.filter((e) => e.callId === '1732356000.101').map((e) => e.type)).toEqual(['call.ringing', 'call.answered', 'call.ended']);
    expect(events.find((e) => e.type === 'call.ended' && e.callId === '1732356000.101')).toMatchObject({ interactionId: byId['1732356000.101']!.interactionId, contactId: caller });

    page.terminate();
    await adapter.stop();
    adapter = null;
    await pbx.close();
  });

  it('click-to-call: without a PBX says to use tel:, with one sends the Originate for the agent’s extension', async () => {
    const dial = (who: SignedIn, payload: object, language = 'en') =>
      t.app.inject({ method: 'POST', url: '/api/v1/calls/dial', headers: { cookie: who.cookie, 'accept-language': language }, payload });
    const none = await dial(agent, { phone: '138 0013 8000' }, 'zh-CN');
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ code: 'TELEPHONY_NOT_CONFIGURED' });
    expect(none.json().detail ?? none.json().title).toMatch(/tel:/);
    expect((await api('GET', '/calls/dialer', undefined, agent)).json()).toEqual({ available: false, extension: '8001' });

    const pbx = await fakeAsterisk(() => ({ chunks: [], drop: false }));
    adapter = startAsteriskAdapter(t.app, {
      host: '127.0.0.1', port: pbx.port, username: 'guanxi', secret: 'tops3cret', workspaceId: admin.workspaceId,
      dial: { context: 'crm-outbound', callerId: '"Guanxi" <{number}>' },
    });
    await until('logged in', async () => adapter!.client.connected);
    expect((await api('GET', '/calls/dialer', undefined, agent)).json()).toEqual({ available: true, extension: '8001' });

    const placed = await dial(agent, { phone: '+86 138-0013-8000', recordType: 'contact', recordId: caller });
    expect(placed.statusCode, placed.body).toBe(202);
    expect(placed.json()).toEqual({ extension: '8001', number: '+8613800138000' });
    expect(pbx.actions).toEqual([
      { Action: 'Originate', Channel: 'PJSIP/8001', Context: 'crm-outbound', Exten: '+8613800138000', Priority: '1', CallerID: '"Guanxi" <+8613800138000>', Timeout: '30000', Async: 'true', ActionID: expect.stringMatching(/^guanxi-\d+$/) },
    ]);

    // No extension: told so; a record of another workspace or a number without digits: refused by field.
    expect((await dial(admin, { phone: '13800138000' })).json()).toMatchObject({ code: 'EXTENSION_NOT_SET' });
    const other = await signUpWorkspace(t.app, 'Other 别家');
    const theirs = (await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: other.cookie }, payload: { name: '别家' } })).json();
    expect((await dial(agent, { phone: '13800138000', recordType: 'contact', recordId: theirs.id })).json().errors[0].field).toBe('recordId');
    expect((await dial(agent, { phone: '()' })).json().errors[0].field).toBe('phone');
    // Another workspace has no PBX.
    expect((await dial(other, { phone: '13800138000' })).json()).toMatchObject({ code: 'TELEPHONY_NOT_CONFIGURED' });

    // The PBX refusing the call is a 502 with its reason.
    await api('PUT', `/calls/agents/${agent.userId}`, { extension: '9999' });
    const refused = await dial(agent, { phone: '13800138000' });
    expect(refused.statusCode).toBe(502);
    expect(refused.json()).toMatchObject({ code: 'PBX_UNAVAILABLE' });
    expect(refused.json().detail ?? refused.json().title).toContain('Extension does not exist.');
    await api('PUT', `/calls/agents/${agent.userId}`, { extension: '8001' });

    await adapter.stop();
    adapter = null;
    await pbx.close();
    expect((await dial(agent, { phone: '13800138000' })).json()).toMatchObject({ code: 'TELEPHONY_NOT_CONFIGURED' });
  });
});
