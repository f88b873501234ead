import { createHmac, randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../../db/client.js';
import { asSystem } from '../../db/transaction.js';
import type { RequestContext } from '../auth/context.js';
import { invalidField, notFound } from '../errors/app-error.js';
import { assertCan } from '../permissions/policy.js';
import { webhookDeliveries, webhookEndpoints } from './webhooks.tables.js';

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
/** Attempts before a delivery is given up (then it stays in the log as failed). */
export const MAX_ATTEMPTS = 8;
/** Seconds to wait after attempt n (1-based): 10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h. */
const BACKOFF_SECONDS = [10, 30, 120, 600, 1800, 3600, 10800];
const TIMEOUT_MS = 10_000;

const matches = (patterns: string[], event: string) => patterns.some((p) => p === '*' || p === event || (p.endsWith('.*') && event.startsWith(p.slice(0, -1))));

/**
 * Queues each event for every active endpoint of the workspace that takes it, in the caller's transaction.
 * Called for every audited change (platform/audit), so each create, update, delete, merge and restore of
 * any record is an event: `contact.create`, `interaction.update`…
 */
export async function queueWebhookEvents(tx: Executor, workspaceId: string, events: { event: string; data: Record<string, unknown> }[]): Promise<void> {
  if (events.length === 0) return;
  const endpoints = await tx
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.active, true)));
  if (endpoints.length === 0) return;
  const at = new Date().toISOString();
  const rows = events.flatMap(({ event, data }) =>
    endpoints.filter((e) => matches(e.events, event)).map((e) => ({ workspaceId, id: uuidv7(), endpointId: e.id, event, payload: { event, at, workspaceId, data } })),
  );
  if (rows.length) await tx.insert(webhookDeliveries).values(rows);
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as receivers verify it (docs/api.md). */
export function signature(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}

/**
 * Posts due deliveries (claimed with SKIP LOCKED, so several processes share the work) — of every workspace,
 * or of one — marks them delivered on a 2xx, and otherwise schedules the next attempt with back-off until
 * MAX_ATTEMPTS.
 */
export async function deliverDueWebhooks(database: Database, now = new Date(), options: { limit?: number; workspaceId?: string } = {}): Promise<number> {
  const limit = options.limit ?? 50;
  // Claimed for a lease longer than one attempt: another process skips them meanwhile, and a crash mid-send
  // only delays them.
  const due = await asSystem(database.db, async (tx) => {
    const rows = await tx
      .select({ delivery: webhookDeliveries, url: webhookEndpoints.url, secret: webhookEndpoints.secret })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.workspaceId, webhookDeliveries.workspaceId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)))
      .where(
        and(
          eq(webhookDeliveries.status, 'pending'),
          sql`${webhookDeliveries.nextAttemptAt} <= ${now.toISOString()}::timestamptz`,
          options.workspaceId ? eq(webhookDeliveries.workspaceId, options.workspaceId) : undefined,
        ),
      )
      .orderBy(webhookDeliveries.nextAttemptAt)
      .limit(limit)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    const lease = new Date(now.getTime() + 2 * TIMEOUT_MS);
    for (const { delivery } of rows) {
      await tx.update(webhookDeliveries).set({ nextAttemptAt: lease }).where(and(eq(webhookDeliveries.workspaceId, delivery.workspaceId), eq(webhookDeliveries.id, delivery.id)));
    }
    return rows;
  });
  for (const { delivery, url, secret } of due) {
    const body = JSON.stringify(payloadWithId(delivery));
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Guanxi-Webhooks/1', 'guanxi-event': delivery.event, 'guanxi-delivery': delivery.id, 'guanxi-signature': signature(secret, body, Math.floor(now.getTime() / 1000)) },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'manual',
      });
      statusCode = res.status;
      await res.body?.cancel();
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const attempts = delivery.attempts + 1;
    const delivered = error === null;
    const next = new Date(now.getTime() + (BACKOFF_SECONDS[attempts - 1] ?? BACKOFF_SECONDS.at(-1)!) * 1000);
    await asSystem(database.db, (tx) =>
      tx
        .update(webhookDeliveries)
        .set({
          attempts,
          lastStatusCode: statusCode,
          lastError: error?.slice(0, 500) ?? null,
          status: delivered ? 'delivered' : attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          deliveredAt: delivered ? now : null,
          nextAttemptAt: next,
        })
        .where(and(eq(webhookDeliveries.workspaceId, delivery.workspaceId), eq(webhookDeliveries.id, delivery.id))),
    );
  }
  return due.length;
}

const payloadWithId = (d: typeof webhookDeliveries.$inferSelect) => ({ id: d.id, ...(d.payload as object) });

function checkUrl(url: string): void {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) throw invalidField('url', 'format', { format: 'uri' });
}

/** Adds an endpoint (admins); its secret is returned this once. */
export async function createWebhookEndpoint(tx: Executor, ctx: RequestContext, input: { url: string; events: string[] }): Promise<WebhookEndpoint> {
  assertCan(ctx, 'workspace.manage');
  checkUrl(input.url);
  const [row] = await tx
    .insert(webhookEndpoints)
    .values({ workspaceId: ctx.workspaceId, id: uuidv7(), url: input.url, events: [...new Set(input.events)], secret: `whsec_${randomBytes(24).toString('base64url')}` })
    .returning();
  return row!;
}

export async function listWebhookEndpoints(tx: Executor, ctx: RequestContext): Promise<Omit<WebhookEndpoint, 'secret'>[]> {
  assertCan(ctx, 'workspace.manage');
  const rows = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, ctx.workspaceId)).orderBy(webhookEndpoints.createdAt);
  return rows.map(({ secret: _secret, ...rest }) => rest);
}

export async function updateWebhookEndpoint(tx: Executor, ctx: RequestContext, id: string, patch: { url?: string; events?: string[]; active?: boolean }): Promise<Omit<WebhookEndpoint, 'secret'>> {
  assertCan(ctx, 'workspace.manage');
  if (patch.url) checkUrl(patch.url);
  const byId = and(eq(webhookEndpoints.workspaceId, ctx.workspaceId), eq(webhookEndpoints.id, id));
  const changes = { ...patch, ...(patch.events ? { events: [...new Set(patch.events)] } : {}) };
  const [row] = Object.keys(changes).length
    ? await tx.update(webhookEndpoints).set(changes).where(byId).returning()
    : await tx.select().from(webhookEndpoints).where(byId);
  if (!row) throw notFound('webhook');
  const { secret: _secret, ...rest } = row;
  return rest;
}

export async function deleteWebhookEndpoint(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'workspace.manage');
  const [row] = await tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.workspaceId, ctx.workspaceId), eq(webhookEndpoints.id, id))).returning({ id: webhookEndpoints.id });
  if (!row) throw notFound('webhook');
  await tx.delete(webhookDeliveries).where(and(eq(webhookDeliveries.workspaceId, ctx.workspaceId), eq(webhookDeliveries.endpointId, id)));
}

/** The delivery log of an endpoint, newest first (the last 100). */
export async function listDeliveries(tx: Executor, ctx: RequestContext, endpointId: string) {
  assertCan(ctx, 'workspace.manage');
  const [endpoint] = await tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(and(eq(webhookEndpoints.workspaceId, ctx.workspaceId), eq(webhookEndpoints.id, endpointId)));
  if (!endpoint) throw notFound('webhook');
  return tx
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.workspaceId, ctx.workspaceId), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(100);
}
