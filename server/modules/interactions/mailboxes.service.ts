import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../../db/client.js';
import { asSystem } from '../../db/transaction.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.js';
import { jobs } from '../../platform/jobs/jobs.tables.js';
import { can } from '../../platform/permissions/policy.js';
import { memberships } from '../../platform/tenancy/tenancy.tables.js';
import type { Secrets } from '../../platform/secrets/secrets.js';
import { ingestEmail, type InboundEmail } from './email-in.service.js';
import { mailboxes, type MailboxFolderState, type MailboxTls } from './interactions.tables.js';
import type { LinkedInteraction } from './interactions.service.js';

export type MailboxRow = typeof mailboxes.$inferSelect;
export const MAILBOX_SYNC_JOB = 'mailbox.sync';

export interface MailboxInput {
  /** true: the caller's own mailbox; false: the workspace's (admins). */
  personal: boolean;
  address: string;
  host: string;
  port: number;
  tls: MailboxTls;
  username: string;
  password: string;
  folders?: string[] | null;
  createContacts?: boolean;
  initialSyncDays?: number;
  enabled?: boolean;
}
export type MailboxPatch = Partial<Omit<MailboxInput, 'personal'>>;

/** How to reach a mailbox's server, password unsealed: for the IMAP client only, never for a response. */
export interface MailboxConnection {
  host: string;
  port: number;
  tls: MailboxTls;
  username: string;
  password: string;
}
export interface MailboxFolder {
  path: string;
  specialUse: string | null;
}
/**
 * Connects and lists the folders, or throws MAILBOX_UNREACHABLE / MAILBOX_LOGIN_FAILED. The e-mail integration
 * provides it at start: modules never import integrations.
 */
export type MailboxProbe = (connection: MailboxConnection) => Promise<MailboxFolder[]>;
let probe: MailboxProbe | null = null;
export function provideMailboxProbe(fn: MailboxProbe): void {
  probe = fn;
}

const SECRET_FIELDS = new Set(['passwordSealed']);
const audited = (row: MailboxRow) => Object.fromEntries(Object.entries(row).filter(([k]) => !SECRET_FIELDS.has(k) && k !== 'folderState' && k !== 'syncJobId'));

/** A mailbox as the API shows it: no password, with its latest sync job's state and progress. */
export async function presentMailboxes(tx: Executor, ctx: RequestContext, rows: MailboxRow[]) {
  const jobIds = rows.flatMap((r) => (r.syncJobId ? [r.syncJobId] : []));
  const syncJobs = jobIds.length
    ? await tx.select({ id: jobs.id, state: jobs.state, progress: jobs.progress, total: jobs.total }).from(jobs).where(and(eq(jobs.workspaceId, ctx.workspaceId), inArray(jobs.id, jobIds)))
    : [];
  return rows.map(({ passwordSealed: _sealed, folderState, syncJobId, ...row }) => ({
    ...row,
    syncedFolders: Object.keys(folderState).sort(),
    syncJob: syncJobs.find((j) => j.id === syncJobId) ?? null,
  }));
}

const mayManage = (ctx: RequestContext, row: Pick<MailboxRow, 'userId'>) => (row.userId === null ? can(ctx, 'workspace.manage') : row.userId === ctx.userId);

/** The caller's own mailboxes, and the workspace's for admins. */
export async function listMailboxes(tx: Executor, ctx: RequestContext): Promise<MailboxRow[]> {
  const rows = await tx
    .select()
    .from(mailboxes)
    .where(and(eq(mailboxes.workspaceId, ctx.workspaceId), or(ctx.userId ? eq(mailboxes.userId, ctx.userId) : undefined, can(ctx, 'workspace.manage') ? isNull(mailboxes.userId) : undefined) ?? sql`false`))
    .orderBy(mailboxes.createdAt);
  return rows;
}

/** One mailbox the caller manages; anyone else's is 404 (its existence is not theirs to know). */
export async function getMailbox(tx: Executor, ctx: RequestContext, id: string, options: { forUpdate?: boolean } = {}): Promise<MailboxRow> {
  const query = tx.select().from(mailboxes).where(and(eq(mailboxes.workspaceId, ctx.workspaceId), eq(mailboxes.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row || !mayManage(ctx, row)) throw notFound('mailbox');
  return row;
}

const cleanFolders = (folders: string[] | null | undefined) => (folders ? [...new Set(folders.map((f) => f.trim()).filter(Boolean))] : folders);

/** Adds the caller's own mailbox, or the workspace's (admins); the password is kept sealed. */
export async function createMailbox(tx: Executor, ctx: RequestContext, secrets: Secrets, input: MailboxInput): Promise<MailboxRow> {
  if (input.personal ? !ctx.userId : !can(ctx, 'workspace.manage')) throw forbidden();
  const [row] = await tx
    .insert(mailboxes)
    .values({
      workspaceId: ctx.workspaceId,
      id: uuidv7(),
      userId: input.personal ? ctx.userId : null,
      address: input.address.trim().toLowerCase(),
      host: input.host.trim(),
      port: input.port,
      tls: input.tls,
      username: input.username.trim(),
      passwordSealed: secrets.encrypt(input.password),
      folders: cleanFolders(input.folders)?.length ? cleanFolders(input.folders) : null,
      createContacts: input.createContacts ?? false,
      initialSyncDays: input.initialSyncDays ?? 30,
      enabled: input.enabled ?? true,
    })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'mailbox', recordId: row!.id, after: audited(row!) });
  return row!;
}

/**
 * Changes a mailbox. Another server or account starts the sync afresh (its UIDs mean nothing here); mail
 * already logged is not logged twice (Message-ID).
 */
export async function updateMailbox(tx: Executor, ctx: RequestContext, secrets: Secrets, id: string, patch: MailboxPatch): Promise<MailboxRow> {
  const before = await getMailbox(tx, ctx, id, { forUpdate: true });
  const { password, folders, address, host, username, ...rest } = patch;
  const values: Partial<typeof mailboxes.$inferInsert> = { ...rest, updatedAt: new Date() };
  if (address !== undefined) values.address = address.trim().toLowerCase();
  if (host !== undefined) values.host = host.trim();
  if (username !== undefined) values.username = username.trim();
  if (password !== undefined) values.passwordSealed = secrets.encrypt(password);
  if (folders !== undefined) values.folders = cleanFolders(folders)?.length ? cleanFolders(folders) : null;
  const elsewhere = (values.host ?? before.host) !== before.host || (values.port ?? before.port) !== before.port || (values.username ?? before.username) !== before.username;
  if (elsewhere) values.folderState = {};
  // New credentials or server: the sweep may try again (it leaves a refused login alone, see enqueueDueSyncs).
  if (elsewhere || password !== undefined) values.lastError = null;
  const [row] = await tx.update(mailboxes).set(values).where(and(eq(mailboxes.workspaceId, ctx.workspaceId), eq(mailboxes.id, id))).returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'mailbox', recordId: id, before: audited(before), after: audited(row!) });
  return row!;
}

/** Stops syncing a mailbox; what it logged stays on the timeline. */
export async function deleteMailbox(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  const before = await getMailbox(tx, ctx, id);
  await tx.delete(mailboxes).where(and(eq(mailboxes.workspaceId, ctx.workspaceId), eq(mailboxes.id, id)));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'mailbox', recordId: id, before: audited(before) });
}

export const connectionOf = (secrets: Secrets, row: MailboxRow): MailboxConnection => ({ host: row.host, port: row.port, tls: row.tls, username: row.username, password: secrets.decrypt(row.passwordSealed) });

/** Connects to a mailbox and lists its folders (a translated error when it cannot). Called outside any transaction: it may take seconds. */
export function testConnection(connection: MailboxConnection): Promise<MailboxFolder[]> {
  if (!probe) throw new Error('no IMAP client registered');
  return probe(connection);
}

type Enqueue = (tx: Executor, workspaceId: string, createdBy: string | null, name: string, payload: unknown) => Promise<string>;

/** The mailbox's sync job: the one queued or running, else a new one (the caller dispatches it after the commit). */
export async function requestSync(tx: Executor, ctx: Pick<RequestContext, 'workspaceId' | 'userId'>, enqueue: Enqueue, row: MailboxRow): Promise<{ jobId: string; created: boolean }> {
  if (row.syncJobId) {
    const [job] = await tx.select({ state: jobs.state }).from(jobs).where(and(eq(jobs.workspaceId, ctx.workspaceId), eq(jobs.id, row.syncJobId)));
    if (job && (job.state === 'queued' || job.state === 'running')) return { jobId: row.syncJobId, created: false };
  }
  const jobId = await enqueue(tx, ctx.workspaceId, ctx.userId, MAILBOX_SYNC_JOB, { mailboxId: row.id });
  await tx.update(mailboxes).set({ syncJobId: jobId }).where(and(eq(mailboxes.workspaceId, ctx.workspaceId), eq(mailboxes.id, row.id)));
  return { jobId, created: true };
}

/** The mailbox a sync job works on, as the job's actor sees it (null once deleted or disabled). */
export async function mailboxToSync(tx: Executor, ctx: RequestContext, id: string): Promise<MailboxRow | null> {
  const [row] = await tx.select().from(mailboxes).where(and(eq(mailboxes.workspaceId, ctx.workspaceId), eq(mailboxes.id, id)));
  return row?.enabled ? row : null;
}

/**
 * Logs one message read from a mailbox folder and advances the folder's state past its UID in the same
 * transaction: after a crash the sync resumes at the first message not committed, and none is logged twice.
 */
export async function recordMailboxMessage(
  tx: Executor,
  ctx: RequestContext,
  mailbox: Pick<MailboxRow, 'id' | 'address' | 'createContacts'>,
  at: { path: string; uidValidity: string; uid: number; sentFolder: boolean },
  mail: InboundEmail | null,
): Promise<LinkedInteraction | null> {
  const outbound = at.sentFolder || mail?.from[0]?.address.trim().toLowerCase() === mailbox.address;
  const logged = mail ? await ingestEmail(tx, ctx, mail, { createContacts: mailbox.createContacts, outbound }) : null;
  await advanceFolder(tx, ctx, mailbox.id, at.path, { uidValidity: at.uidValidity, lastUid: at.uid });
  return logged;
}

/** Moves a folder's state forward (never back: UIDs only grow within one UIDVALIDITY). */
export async function advanceFolder(tx: Executor, ctx: Pick<RequestContext, 'workspaceId'>, mailboxId: string, path: string, state: MailboxFolderState): Promise<void> {
  await tx
    .update(mailboxes)
    .set({
      folderState: sql`jsonb_set(${mailboxes.folderState}, array[${path}::text], case
        when ${mailboxes.folderState} -> ${path} ->> 'uidValidity' = ${state.uidValidity} and (${mailboxes.folderState} -> ${path} ->> 'lastUid')::bigint >= ${state.lastUid}
        then ${mailboxes.folderState} -> ${path} else ${JSON.stringify(state)}::jsonb end)`,
    })
    .where(and(eq(mailboxes.workspaceId, ctx.workspaceId), eq(mailboxes.id, mailboxId)));
}

/** Notes the end of a sync: its time, and why it failed (an AppError's code and params), or null. */
export async function finishSync(tx: Executor, ctx: Pick<RequestContext, 'workspaceId'>, mailboxId: string, error: unknown): Promise<void> {
  const lastError = error === null ? null : error instanceof AppError ? { code: error.code, params: error.params } : { code: 'INTERNAL', params: { requestId: '-' } };
  await tx.update(mailboxes).set({ lastSyncAt: new Date(), lastError }).where(and(eq(mailboxes.workspaceId, ctx.workspaceId), eq(mailboxes.id, mailboxId)));
}

/**
 * Queues a sync of each enabled mailbox whose last one is older than `every`, that has none queued or
 * running, whose last login was not refused, and whose member (for a member's own) is still active. Crosses workspaces (a system sweep); each job runs as its mailbox's member or the workspace.
 */
export async function enqueueDueSyncs(
  database: Database,
  enqueue: Enqueue,
  dispatch: (jobId: string, workspaceId: string, name: string) => Promise<void>,
  everyMs: number,
  now = new Date(),
  /** Only this workspace's mailboxes (tests on a database shared with other test files). */
  onlyWorkspaceId?: string,
): Promise<number> {
  const queued = await asSystem(database.db, async (tx) => {
    const due = await tx
      .select()
      .from(mailboxes)
      .leftJoin(jobs, and(eq(jobs.workspaceId, mailboxes.workspaceId), eq(jobs.id, mailboxes.syncJobId)))
      .where(
        and(
          eq(mailboxes.enabled, true),
          onlyWorkspaceId ? eq(mailboxes.workspaceId, onlyWorkspaceId) : undefined,
          or(isNull(mailboxes.lastSyncAt), lt(mailboxes.lastSyncAt, new Date(now.getTime() - everyMs))),
          or(isNull(jobs.id), inArray(jobs.state, ['succeeded', 'failed'])),
          // A refused login does not fix itself, and providers lock accounts after repeated failures: wait for new credentials (or Sync now).
          or(isNull(mailboxes.lastError), sql`${mailboxes.lastError} ->> 'code' <> 'MAILBOX_LOGIN_FAILED'`),
          // A member's mailbox syncs as them: not once they were deactivated.
          or(
            isNull(mailboxes.userId),
            sql`exists (select 1 from ${memberships} m where m.workspace_id = ${mailboxes.workspaceId} and m.user_id = ${mailboxes.userId} and m.status = 'active')`,
          ),
        ),
      )
      .limit(500)
      .for('update', { of: mailboxes, skipLocked: true });
    const made: { jobId: string; workspaceId: string }[] = [];
    for (const { mailboxes: row } of due) {
      const { jobId } = await requestSync(tx, { workspaceId: row.workspaceId, userId: row.userId }, enqueue, row);
      made.push({ jobId, workspaceId: row.workspaceId });
    }
    return made;
  });
  for (const { jobId, workspaceId } of queued) await dispatch(jobId, workspaceId, MAILBOX_SYNC_JOB);
  return queued.length;
}
