import type { FastifyInstance } from 'fastify';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfIntegration, contextOfMember } from '../../platform/auth/context-loader.js';
import { runPeriodically } from '../../platform/jobs/periodic.js';
import { MAILBOX_SYNC_JOB, enqueueDueSyncs, finishSync, mailboxToSync, provideMailboxProbe } from '../../modules/interactions/index.js';
import { startInboundSmtp } from './inbound-smtp.js';
import { probeMailbox, syncMailbox } from './imap-sync.js';

/** How often each enabled mailbox is synced. */
const MAILBOX_SYNC_EVERY_MS = 5 * 60_000;

/**
 * Mail coming in: IMAP mailbox sync (always), and the inbound SMTP listener, started with the app when
 * INBOUND_SMTP_PORT is set and stopped with it.
 */
export function registerInboundEmail(app: FastifyInstance): void {
  registerMailboxSync(app);
  const { config } = app;
  if (config.INBOUND_SMTP_PORT === undefined) return;
  let listener: Awaited<ReturnType<typeof startInboundSmtp>> | null = null;
  app.addHook('onReady', async () => {
    listener = await startInboundSmtp({
      host: config.INBOUND_SMTP_HOST,
      port: config.INBOUND_SMTP_PORT!,
      domain: config.INBOUND_EMAIL_DOMAIN,
      maxBytes: config.INBOUND_EMAIL_MAX_BYTES,
      database: app.database,
      log: app.log,
    });
    app.log.info({ port: listener.port, domain: config.INBOUND_EMAIL_DOMAIN }, 'inbound SMTP listening');
  });
  app.addHook('onClose', async () => {
    await listener?.close();
  });
}

/**
 * IMAP mailbox sync: the sync job (as the mailbox's member, or the workspace for its own mailboxes), a sweep
 * that queues due syncs, and the connection test the settings page uses.
 */
function registerMailboxSync(app: FastifyInstance): void {
  provideMailboxProbe(probeMailbox);
  app.jobs.register<{ mailboxId: string }>(MAILBOX_SYNC_JOB, async (job) => {
    const { database, secrets } = app;
    const integration = await contextOfIntegration(database, job.workspaceId);
    const owner = integration && (await inWorkspace(database.db, job.workspaceId, (tx) => mailboxToSync(tx, integration, job.payload.mailboxId)));
    if (!owner) return { fetched: 0, logged: 0, remaining: 0 };
    const ctx = owner.userId ? await contextOfMember(database, job.workspaceId, owner.userId) : await contextOfIntegration(database, job.workspaceId);
    if (!ctx) throw new Error('the member whose mailbox this is is no longer active');
    try {
      const result = await syncMailbox(database, secrets, ctx, owner.id, (done, total) => job.progress(done, total));
      await inWorkspace(database.db, job.workspaceId, (tx) => finishSync(tx, ctx, owner.id, null));
      return result;
    } catch (err) {
      await inWorkspace(database.db, job.workspaceId, (tx) => finishSync(tx, ctx, owner.id, err));
      throw err;
    }
  });
  runPeriodically(app, 'queuing mailbox syncs', 60_000, () =>
    enqueueDueSyncs(app.database, app.jobs.enqueue.bind(app.jobs), app.jobs.dispatch.bind(app.jobs), MAILBOX_SYNC_EVERY_MS),
  );
}
