import net from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { AmiParser, formatAction, type AmiMessage } from './ami-protocol.js';

export interface AmiClientOptions {
  host: string;
  port: number;
  username: string;
  secret: string;
  log: FastifyBaseLogger;
  /** Every event after a successful login, in the order received. */
  onEvent(event: AmiMessage): void;
  /** First and longest wait before reconnecting (doubling in between). */
  backoff?: { initialMs: number; maxMs: number };
  /** Ping the PBX this often; a connection that does not answer within the same time is dropped. */
  keepAliveMs?: number;
}

/**
 * A Manager Interface connection to Asterisk that stays up: logs in, hands every event over, pings to
 * notice a dead peer, and reconnects with exponential back-off when the connection drops or the login
 * is refused. Only the events we need are asked for (`Events: call,dialplan`).
 */
export class AmiClient {
  private socket: net.Socket | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pinger: NodeJS.Timeout | null = null;
  private stopped = false;
  private delay: number;
  private actionId = 0;
  private loginId = '';
  private pendingPing: string | null = null;
  private loggedIn = false;
  /** Actions sent with `send`, by ActionID, waiting for their response. */
  private readonly waiting = new Map<string, { resolve: (response: AmiMessage) => void; reject: (err: Error) => void; timer: NodeJS.Timeout }>();
  private readonly parser: AmiParser;
  private readonly backoff: { initialMs: number; maxMs: number };

  constructor(private readonly options: AmiClientOptions) {
    this.backoff = options.backoff ?? { initialMs: 1000, maxMs: 60_000 };
    this.delay = this.backoff.initialMs;
    this.parser = new AmiParser(
      (message) => this.onMessage(message),
      (greeting) => this.login(greeting),
      (line) => options.log.debug({ line: line.slice(0, 200) }, 'AMI: line that is not Key: Value, skipped'),
    );
  }

  /** Whether the connection is up and logged in. */
  get connected(): boolean {
    return this.loggedIn;
  }

  /**
   * Sends an action (Originate…) on the logged-in connection and resolves with the PBX's response to it
   * (`Response: Success` or `Error`, matched by ActionID); rejects when not connected, when the connection
   * drops first, or after `timeoutMs`.
   */
  send(action: Record<string, string>, timeoutMs = 5000): Promise<AmiMessage> {
    const socket = this.socket;
    if (!this.loggedIn || !socket) return Promise.reject(new Error('not connected to the PBX'));
    const actionId = this.nextId();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(actionId);
        reject(new Error(`no answer from the PBX within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(actionId, { resolve, reject, timer });
      socket.write(formatAction({ ...action, ActionID: actionId }));
    });
  }

  private failWaiting(reason: string): void {
    for (const [id, w] of this.waiting) {
      clearTimeout(w.timer);
      w.reject(new Error(reason));
      this.waiting.delete(id);
    }
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      if (this.loggedIn) socket.end(formatAction({ Action: 'Logoff', ActionID: this.nextId() }));
      setTimeout(() => socket.destroy(), 500).unref();
    });
  }

  private nextId(): string {
    this.actionId += 1;
    return `guanxi-${this.actionId}`;
  }

  private connect(): void {
    const { host, port, log } = this.options;
    this.parser.reset();
    this.loggedIn = false;
    this.pendingPing = null;
    const socket = net.connect({ host, port });
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.setKeepAlive(true, 30_000);
    socket.setTimeout(10_000, () => {
      if (!this.loggedIn) socket.destroy(new Error('no greeting or login answer within 10 s'));
    });
    socket.on('data', (chunk: string) => {
      try {
        this.parser.push(chunk);
      } catch (err) {
        log.error({ err }, 'AMI: could not read a message');
      }
    });
    socket.on('error', (err) => log.warn({ err: err.message, host, port }, 'AMI connection error'));
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
      if (this.pinger) clearInterval(this.pinger);
      this.pinger = null;
      this.failWaiting('the connection to the PBX closed');
      const was = this.loggedIn;
      this.loggedIn = false;
      if (this.stopped) return;
      if (was) this.delay = this.backoff.initialMs;
      log.warn({ host, port, retryInMs: this.delay }, 'AMI connection closed; reconnecting');
      this.timer = setTimeout(() => this.connect(), this.delay);
      this.timer.unref();
      this.delay = Math.min(this.delay * 2, this.backoff.maxMs);
    });
  }

  private login(greeting: string): void {
    this.options.log.debug({ greeting }, 'AMI: connected');
    this.loginId = this.nextId();
    this.socket?.write(formatAction({ Action: 'Login', Username: this.options.username, Secret: this.options.secret, Events: 'call,dialplan', ActionID: this.loginId }));
  }

  private onMessage(message: AmiMessage): void {
    const { log } = this.options;
    if (message.Response !== undefined) {
      if (message.ActionID === this.loginId && !this.loggedIn) {
        if (message.Response === 'Success') {
          this.loggedIn = true;
          this.delay = this.backoff.initialMs;
          this.socket?.setTimeout(0);
          this.keepAlive();
          log.info({ host: this.options.host, port: this.options.port }, 'AMI: logged in');
        } else {
          log.error({ message: message.Message }, 'AMI: login refused (check AMI_USERNAME and AMI_SECRET, and the user in manager.conf)');
          this.socket?.destroy();
        }
      } else if (message.ActionID === this.pendingPing) this.pendingPing = null;
      else {
        const waiting = message.ActionID ? this.waiting.get(message.ActionID) : undefined;
        if (waiting) {
          clearTimeout(waiting.timer);
          this.waiting.delete(message.ActionID!);
          waiting.resolve(message);
        }
      }
      return;
    }
    if (!this.loggedIn) return;
    try {
      this.options.onEvent(message);
    } catch (err) {
      log.error({ err, event: message.Event }, 'AMI: event handler failed');
    }
  }

  private keepAlive(): void {
    const every = this.options.keepAliveMs ?? 30_000;
    this.pinger = setInterval(() => {
      if (this.pendingPing) {
        this.options.log.warn('AMI: no answer to ping; reconnecting');
        this.socket?.destroy();
        return;
      }
      this.pendingPing = this.nextId();
      this.socket?.write(formatAction({ Action: 'Ping', ActionID: this.pendingPing }));
    }, every);
    this.pinger.unref();
  }
}
