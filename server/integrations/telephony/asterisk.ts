import type { FastifyInstance } from 'fastify';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfIntegration } from '../../platform/auth/context-loader.js';
import { handleCallEvent, provideDialer, type CallEvent } from '../../modules/interactions/index.js';
import { AmiCallTracker } from './ami-calls.js';
import { AmiClient } from './ami-client.js';

export interface AsteriskOptions {
  host: string;
  port: number;
  username: string;
  secret: string;
  /** The workspace whose calls these are. */
  workspaceId: string;
  /** Base URL of the PBX's recordings (MixMonitor files), if it serves them. */
  recordingUrl?: string | null;
  backoff?: { initialMs: number; maxMs: number };
  keepAliveMs?: number;
  /** Click-to-call: how the Originate is written (AMI_DIAL_*). */
  dial?: Partial<DialOptions>;
}

export interface DialOptions {
  /** The agent's channel; `{extension}` is replaced. */
  channel: string;
  /** Where the dialled number goes in the dial plan once the agent answers. */
  context: string;
  priority: number;
  /** What the agent's phone shows while it rings; `{number}` and `{extension}` are replaced. */
  callerId: string;
  /** How long the agent's phone rings before the attempt is dropped. */
  timeoutMs: number;
}

export const DEFAULT_DIAL: DialOptions = { channel: 'PJSIP/{extension}', context: 'from-internal', priority: 1, callerId: '{number}', timeoutMs: 30_000 };

/** The AMI Originate for click-to-call: ring the agent's channel, then the number in the dial plan. */
export function originateAction(dial: DialOptions, call: { extension: string; number: string }): Record<string, string> {
  const fill = (template: string) => template.replaceAll('{extension}', call.extension).replaceAll('{number}', call.number);
  return {
    Action: 'Originate',
    Channel: fill(dial.channel),
    Context: dial.context,
    Exten: call.number,
    Priority: String(dial.priority),
    CallerID: fill(dial.callerId),
    Timeout: String(dial.timeoutMs),
    Async: 'true',
  };
}

export interface AsteriskAdapter {
  readonly client: AmiClient;
  readonly tracker: AmiCallTracker;
  /** Resolves when every event received so far has been applied (tests). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Connects to Asterisk's Manager Interface and turns its call events into `handleCallEvent` calls in the
 * configured workspace, as a program with the manager role (like an API key with the write scope) —
 * each in its own transaction, one after the other in the PBX's order — and publishes the screen pop
 * after each commit. A failing event is logged and skipped; the connection and the server stay up.
 * It also places the workspace's click-to-call calls (POST /calls/dial) with an AMI Originate.
 */
export function startAsteriskAdapter(app: FastifyInstance, options: AsteriskOptions): AsteriskAdapter {
  const log = app.log.child({ integration: 'asterisk' });
  const tracker = new AmiCallTracker({ recordingUrl: options.recordingUrl });
  let queue: Promise<void> = Promise.resolve();

  const apply = async (event: CallEvent) => {
    const ctx = await contextOfIntegration(app.database, options.workspaceId);
    if (!ctx) {
      log.error({ workspaceId: options.workspaceId }, 'AMI_WORKSPACE_ID names no workspace; call event dropped');
      return;
    }
    const { push } = await inWorkspace(app.database.db, ctx.workspaceId, (tx) => handleCallEvent(tx, ctx, event));
    if (push) await app.realtime.publish(push);
  };

  const client = new AmiClient({
    ...options,
    log,
    onEvent(message) {
      const { events, known } = tracker.feed(message);
      if (!known) log.debug({ event: message.Event }, 'AMI: event not used');
      for (const event of events) {
        queue = queue.then(() =>
          apply(event).catch((err) => log.error({ err, callId: event.callId, event: event.event }, 'AMI: call event could not be applied')),
        );
      }
    },
  });
  const dial = { ...DEFAULT_DIAL, ...options.dial };
  const removeDialer = provideDialer(options.workspaceId, {
    async originate(call) {
      const response = await client.send(originateAction(dial, call));
      if (response.Response !== 'Success') throw new Error(response.Message || 'the PBX refused the call');
    },
  });
  client.start();
  return {
    client,
    tracker,
    idle: () => queue,
    async stop() {
      removeDialer();
      await client.stop();
      await queue;
    },
  };
}
