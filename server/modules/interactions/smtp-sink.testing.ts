import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface SmtpSink {
  port: number;
  /** Every mail the server accepted, parsed. */
  delivered: ParsedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback standing in for a mail provider in tests: it keeps what it receives.
 * Without `onAuth` it takes mail from anyone; with it, a login is required.
 */
export async function startSmtpSink(onAuth?: SMTPServerOptions['onAuth']): Promise<SmtpSink> {
  const delivered: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: onAuth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !onAuth,
    logger: false,
    ...(onAuth ? { onAuth } : {}),
    onData(stream, _session, callback) {
      void simpleParser(stream).then((mail) => {
        delivered.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    delivered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
