import { and, desc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import { insertRows } from '../../db/copy.js';
import type { RequestContext } from '../auth/context.js';
import { planList, type ListParams, type ListSpec } from '../http/list-query.js';
import { users } from '../tenancy/tenancy.tables.js';
import { queueWebhookEvents } from '../webhooks/webhooks.service.js';
import { auditLog, type FieldChanges } from './audit.tables.js';

/** `claim`, `release`, `return`: an owner change through the public pool (公海). */
export type AuditAction = 'create' | 'update' | 'delete' | 'merge' | 'restore' | 'claim' | 'release' | 'return';

/** Fields never written to the audit log (secrets, bookkeeping, derived search data). */
const IGNORED = new Set(['deletedAt', 'deletedBy', 'passwordHash', 'keyHash', 'tokenHash', 'updatedAt', 'createdAt', 'workspaceId', 'id', 'searchKeys', 'searchText', 'identityKey']);

/** Values as compared: dates by instant; null, undefined and empty lists alike ("no value"). */
const comparable = (v: unknown) => (v instanceof Date ? v.toISOString() : Array.isArray(v) && v.length === 0 ? 'null' : JSON.stringify(v ?? null));

/** Field-by-field difference of two versions of a record: only the fields that changed. */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChanges {
  const changes: FieldChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const oldValue = before?.[key] ?? null;
    const newValue = after?.[key] ?? null;
    // A record created with empty lists has nothing to say about them.
    if (comparable(oldValue) !== comparable(newValue)) changes[key] = { old: oldValue, new: newValue };
  }
  return changes;
}

/**
 * Records a change in the same transaction as the change itself, so the log cannot miss a committed
 * write. Updates that changed nothing are not logged.
 */
export interface AuditEntry {
  action: AuditAction;
  recordType: string;
  recordId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export function recordAudit(tx: Executor, ctx: Pick<RequestContext, 'workspaceId' | 'userId' | 'apiKeyId'>, entry: AuditEntry): Promise<void> {
  return recordAuditMany(tx, ctx, [entry]);
}

/** Several entries in one insert (a batch of creates); updates that change nothing leave no entry. */
export async function recordAuditMany(tx: Executor, ctx: Pick<RequestContext, 'workspaceId' | 'userId' | 'apiKeyId'>, entries: AuditEntry[]): Promise<void> {
  const rows = entries.flatMap((entry) => {
    const changes = diffFields(entry.before ?? null, entry.after ?? null);
    if (entry.action === 'update' && Object.keys(changes).length === 0) return [];
    return [{ workspaceId: ctx.workspaceId, id: uuidv7(), actorUserId: ctx.userId, actorApiKeyId: ctx.apiKeyId, action: entry.action, recordType: entry.recordType, recordId: entry.recordId, changes }];
  });
  if (rows.length === 0) return;
  await insertRows(tx, auditLog, rows);
  // Every audited change is also an event for the workspace's webhooks, in the same transaction.
  await queueWebhookEvents(tx, ctx.workspaceId, rows.map((row) => ({ event: `${row.recordType}.${row.action}`, data: { recordType: row.recordType, recordId: row.recordId, changes: row.changes } })));
}

const auditListSpec: ListSpec = {
  fields: {
    id: { column: auditLog.id, type: 'uuid', sortable: true },
    at: { column: auditLog.at, type: 'timestamp' },
    recordType: { column: auditLog.recordType, type: 'text' },
    recordId: { column: auditLog.recordId, type: 'uuid' },
    actorUserId: { column: auditLog.actorUserId, type: 'uuid' },
    action: { column: auditLog.action, type: 'text' },
  },
  id: auditLog.id,
  // UUIDv7 ids sort by time, so newest-first by id is newest-first by time.
  defaultSort: '-id',
};

/** The audit trail of the workspace, newest first, optionally of one record. */
export async function listAudit(
  tx: Executor,
  ctx: RequestContext,
  params: ListParams & { recordType?: string; recordId?: string },
) {
  const plan = planList(auditListSpec, params);
  const rows = await tx
    .select({
      id: auditLog.id,
      actorUserId: auditLog.actorUserId,
      actorApiKeyId: auditLog.actorApiKeyId,
      actorName: users.name,
      action: auditLog.action,
      recordType: auditLog.recordType,
      recordId: auditLog.recordId,
      changes: auditLog.changes,
      at: auditLog.at,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.workspaceId, ctx.workspaceId),
        params.recordType ? eq(auditLog.recordType, params.recordType) : undefined,
        params.recordId ? eq(auditLog.recordId, params.recordId) : undefined,
        plan.where ?? sql`true`,
      ),
    )
    .orderBy(...plan.orderBy)
    .limit(plan.limit);
  return plan.page(rows);
}

/** When a record last changed, from its audit trail; null if never recorded. */
export async function lastChangedAt(tx: Executor, ctx: Pick<RequestContext, 'workspaceId'>, recordType: string, recordId: string): Promise<Date | null> {
  const [last] = await tx
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, ctx.workspaceId), eq(auditLog.recordType, recordType), eq(auditLog.recordId, recordId)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return last?.at ?? null;
}
