import { ImapFlow } from 'imapflow';
import type { Database } from '../../db/client.js';
import { inWorkspace } from '../../db/transaction.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Secrets } from '../../platform/secrets/secrets.js';
import { advanceFolder, connectionOf, mailboxToSync, recordMailboxMessage, type MailboxConnection, type MailboxFolder } from '../../modules/interactions/index.js';
import { parseEmail } from './parse.js';

/** Messages fetched per FETCH command: small enough that a batch of large mails stays in memory comfortably. */
const BATCH = 20;
/** One run logs at most this many; the next run (the sweep) goes on from there, so one mailbox never holds a worker for hours. */
const MAX_PER_RUN = 500;
/** The first sync takes at most this many of the newest messages in its window, whatever the window holds. */
const MAX_FIRST_SYNC = 1000;

const connectionError = (err: unknown, connection: MailboxConnection): AppError => {
  const e = err as { authenticationFailed?: boolean; code?: string; message?: string };
  if (e.authenticationFailed) return new AppError('MAILBOX_LOGIN_FAILED', 422, { host: connection.host, username: connection.username });
  return new AppError('MAILBOX_UNREACHABLE', 422, { host: connection.host, port: connection.port, reason: e.code ?? e.message ?? 'unknown' });
};

/** A logged-in client, or a translated error saying what is wrong (host, TLS, or the login). */
export async function connectImap(connection: MailboxConnection): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: connection.host,
    port: connection.port,
    secure: connection.tls === 'tls',
    doSTARTTLS: connection.tls === 'starttls' ? true : connection.tls === 'none' ? false : undefined,
    auth: { user: connection.username, pass: connection.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 120_000,
  });
  // A dropped connection is reported through the command that was running; this only keeps it from being unhandled.
  client.on('error', () => {});
  try {
    await client.connect();
    return client;
  } catch (err) {
    client.close();
    throw connectionError(err, connection);
  }
}

const foldersOf = async (client: ImapFlow): Promise<MailboxFolder[]> => (await client.list()).map((f) => ({ path: f.path, specialUse: f.specialUse ?? null }));

/** Connects, lists the folders and logs out: the "test connection" of the settings page. */
export async function probeMailbox(connection: MailboxConnection): Promise<MailboxFolder[]> {
  const client = await connectImap(connection);
  try {
    return await foldersOf(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

interface FolderPlan {
  path: string;
  sentFolder: boolean;
  uidValidity: string;
  uids: number[];
  /** The highest UID when planned: once the planned UIDs are logged, the folder stands here (older mail left out of the window stays out). */
  top: number;
}

/** The folders to read: the chosen ones, else INBOX and the one the server flags \Sent. */
async function chooseFolders(client: ImapFlow, chosen: string[] | null): Promise<{ path: string; sentFolder: boolean }[]> {
  const all = await foldersOf(client);
  if (!chosen) return all.filter((f) => f.specialUse === '\\Inbox' || f.specialUse === '\\Sent').map((f) => ({ path: f.path, sentFolder: f.specialUse === '\\Sent' }));
  return chosen.map((path) => {
    const folder = all.find((f) => f.path === path || f.path.toLowerCase() === path.toLowerCase());
    if (!folder) throw new AppError('MAILBOX_FOLDER_NOT_FOUND', 422, { folder: path });
    return { path: folder.path, sentFolder: folder.specialUse === '\\Sent' };
  });
}

/**
 * The UIDs still to log in a folder: above the last logged one, or — on the first sync and after the
 * server renumbered the folder (UIDVALIDITY changed) — the newest within the initial window.
 */
async function planFolder(client: ImapFlow, path: string, known: { uidValidity: string; lastUid: number } | undefined, initialSyncDays: number) {
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const box = client.mailbox;
    if (!box) throw new AppError('MAILBOX_FOLDER_NOT_FOUND', 422, { folder: path });
    const uidValidity = String(box.uidValidity);
    const top = box.uidNext - 1;
    if (box.exists === 0) return { uidValidity, uids: [], top };
    if (known && known.uidValidity === uidValidity) {
      // "n:*" always matches the newest message, even below n: keep only what is new.
      const found = (await client.search({ uid: `${known.lastUid + 1}:*` }, { uid: true })) || [];
      return { uidValidity, uids: found.filter((uid) => uid > known.lastUid).sort((a, b) => a - b), top };
    }
    const since = new Date(Date.now() - initialSyncDays * 86_400_000);
    const found = ((await client.search({ since }, { uid: true })) || []).sort((a, b) => a - b);
    return { uidValidity, uids: found.slice(-MAX_FIRST_SYNC), top };
  } finally {
    lock.release();
  }
}

export interface SyncResult {
  fetched: number;
  /** Fetched messages that are on a timeline (now or already: a repeat is the same interaction); the rest named no contact. */
  logged: number;
  /** Messages left for the next run (over the per-run limit). */
  remaining: number;
}

/**
 * Reads a mailbox's new mail and logs it on the timeline, message by message: each message and its folder's
 * new state commit together, so an interrupted sync resumes where it stopped without logging anything twice.
 */
export async function syncMailbox(
  database: Database,
  secrets: Secrets,
  ctx: RequestContext,
  mailboxId: string,
  progress: (done: number, total: number) => Promise<unknown>,
): Promise<SyncResult> {
  const mailbox = await inWorkspace(database.db, ctx.workspaceId, (tx) => mailboxToSync(tx, ctx, mailboxId));
  if (!mailbox) return { fetched: 0, logged: 0, remaining: 0 };
  const client = await connectImap(connectionOf(secrets, mailbox));
  try {
    const plans: FolderPlan[] = [];
    for (const folder of await chooseFolders(client, mailbox.folders)) {
      plans.push({ ...folder, ...(await planFolder(client, folder.path, mailbox.folderState[folder.path], mailbox.initialSyncDays)) });
    }
    const waiting = plans.reduce((n, p) => n + p.uids.length, 0);
    const total = Math.min(waiting, MAX_PER_RUN);
    let fetched = 0;
    let logged = 0;
    await progress(0, total);
    for (const plan of plans) {
      const uids = plan.uids.slice(0, MAX_PER_RUN - fetched);
      if (uids.length > 0) {
        const lock = await client.getMailboxLock(plan.path, { readOnly: true });
        try {
          // Renumbered since it was planned: the next run starts this folder over.
          if (String(client.mailbox && client.mailbox.uidValidity) !== plan.uidValidity) continue;
          for (let i = 0; i < uids.length; i += BATCH) {
            for await (const message of client.fetch(uids.slice(i, i + BATCH).join(','), { uid: true, source: true }, { uid: true })) {
              const mail = message.source ? await parseEmail(message.source) : null;
              const at = { path: plan.path, uidValidity: plan.uidValidity, uid: message.uid, sentFolder: plan.sentFolder };
              if (await inWorkspace(database.db, ctx.workspaceId, (tx) => recordMailboxMessage(tx, ctx, mailbox, at, mail))) logged++;
              await progress(++fetched, total);
            }
          }
        } finally {
          lock.release();
        }
      }
      // Everything planned is logged: the folder stands at its top, so what the window left out is never read later.
      const known = mailbox.folderState[plan.path];
      const done = uids.length === plan.uids.length && (known?.uidValidity !== plan.uidValidity || known.lastUid < plan.top);
      if (done) await inWorkspace(database.db, ctx.workspaceId, (tx) => advanceFolder(tx, ctx, mailbox.id, plan.path, { uidValidity: plan.uidValidity, lastUid: plan.top }));
    }
    return { fetched, logged, remaining: waiting - fetched };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
