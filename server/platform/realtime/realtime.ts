import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';

/** A message for the signed-in browsers of some members of one workspace (all of them when `userIds` is absent). */
export interface RealtimeMessage {
  workspaceId: string;
  userIds?: string[];
  event: { type: string } & Record<string, unknown>;
}

const CHANNEL = 'guanxi_realtime';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD = 7900;

/**
 * Pushes events (incoming-call screen pop, reminders, live boards) to the WebSockets of signed-in members.
 * One process (embedded database) delivers to its own sockets; with a PostgreSQL server, every process
 * LISTENs on one channel and a publish is a NOTIFY, so a member connected to any process gets it.
 */
export class Realtime {
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private listener: pg.Client | null = null;

  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly databaseUrl?: string,
  ) {}

  async start(): Promise<void> {
    if (!this.databaseUrl) return;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    client.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      try {
        this.deliver(JSON.parse(n.payload) as RealtimeMessage);
      } catch (err) {
        this.log.warn({ err }, 'unreadable realtime notification');
      }
    });
    client.on('error', (err) => this.log.error({ err }, 'realtime listener failed'));
    await client.query(`listen ${CHANNEL}`);
    this.listener = client;
  }

  async stop(): Promise<void> {
    for (const set of this.sockets.values()) for (const socket of set) socket.close(1001, 'server shutting down');
    this.sockets.clear();
    await this.listener?.end();
    this.listener = null;
  }

  /** Keeps `socket` as one of the member's open pages until it closes. */
  attach(workspaceId: string, userId: string, socket: WebSocket): void {
    const key = `${workspaceId}:${userId}`;
    const set = this.sockets.get(key) ?? new Set<WebSocket>();
    set.add(socket);
    this.sockets.set(key, set);
    socket.on('close', () => {
      set.delete(socket);
      if (set.size === 0) this.sockets.delete(key);
    });
  }

  /** How many pages the members of a workspace have open (for tests and health). */
  openPages(workspaceId: string): number {
    let n = 0;
    for (const [key, set] of this.sockets) if (key.startsWith(`${workspaceId}:`)) n += set.size;
    return n;
  }

  async publish(message: RealtimeMessage): Promise<void> {
    const payload = JSON.stringify(message);
    if (this.listener && payload.length < MAX_PAYLOAD) await this.listener.query('select pg_notify($1, $2)', [CHANNEL, payload]);
    else this.deliver(message);
  }

  private deliver(message: RealtimeMessage): void {
    const text = JSON.stringify(message.event);
    for (const [key, set] of this.sockets) {
      const [workspaceId, userId] = key.split(':');
      if (workspaceId !== message.workspaceId || (message.userIds && !message.userIds.includes(userId!))) continue;
      for (const socket of set) if (socket.readyState === socket.OPEN) socket.send(text);
    }
  }
}
