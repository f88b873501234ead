import type { FastifyBaseLogger } from 'fastify';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import type { Database } from '../../db/client.js';
import { asSystem, inWorkspace } from '../../db/transaction.js';
import { contextOfIntegration } from '../../platform/auth/context-loader.js';
import { ingestEmail, workspaceOfInbox } from '../../modules/interactions/index.js';
import { parseEmail } from './parse.js';

export interface InboundSmtpOptions {
  host: string;
  port: number;
  /** Mail to `<token>@<domain>` goes to the workspace of that token; anything else is refused. */
  domain: string;
  /** Largest message accepted, in bytes. */
  maxBytes: number;
  database: Database;
  log: FastifyBaseLogger;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The SMTP listener that receives mail forwarded or BCC'd to workspaces' addresses and logs it on the
 * timeline. A message is acknowledged (250) only once every workspace it was for has committed it, so a
 * crash before that makes the sending server try again: nothing accepted is lost, and the Message-ID keeps
 * a retry from logging it twice.
 */
export async function startInboundSmtp(options: InboundSmtpOptions): Promise<{ port: number; close(): Promise<void> }> {
  const domain = options.domain.toLowerCase();
  const recipientsOf = new WeakMap<SMTPServerSession, { workspaceId: string; createContacts: boolean }[]>();
  const server = new SMTPServer({
    name: domain,
    banner: 'Guanxi CRM',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxBytes,
    logger: false,
    async onRcptTo(address: SMTPServerAddress, session, callback) {
      try {
        const [local, host] = address.address.toLowerCase().split('@');
        const inbox = host === domain && local ? await asSystem(options.database.db, (tx) => workspaceOfInbox(tx, local)) : null;
        if (!inbox) return callback(smtpError(550, `No such mailbox: ${address.address}`));
        const list = recipientsOf.get(session) ?? [];
        if (!list.some((r) => r.workspaceId === inbox.workspaceId)) list.push(inbox);
        recipientsOf.set(session, list);
        callback();
      } catch (err) {
        options.log.error({ err }, 'inbound mail: recipient lookup failed');
        callback(smtpError(451, 'Temporary failure, try again later'));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return callback(smtpError(552, 'Message too large'));
        void deliver(Buffer.concat(chunks), recipientsOf.get(session) ?? []).then(
          () => callback(),
          (err: unknown) => {
            options.log.error({ err }, 'inbound mail: could not log a message');
            callback(smtpError(451, 'Temporary failure, try again later'));
          },
        );
      });
    },
  });

  async function deliver(raw: Buffer, recipients: { workspaceId: string; createContacts: boolean }[]): Promise<void> {
    const mail = await parseEmail(raw);
    for (const { workspaceId, createContacts } of recipients) {
      const ctx = await contextOfIntegration(options.database, workspaceId);
      if (!ctx) continue;
      const logged = await inWorkspace(options.database.db, workspaceId, (tx) => ingestEmail(tx, ctx, mail, { createContacts, ownDomain: domain }));
      options.log.info({ workspaceId, messageId: mail.messageId, interactionId: logged?.id ?? null }, logged ? 'inbound mail logged' : 'inbound mail: no contact in it');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  server.on('error', (err) => options.log.error({ err }, 'inbound SMTP error'));
  const port = (server.server.address() as { port: number }).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
