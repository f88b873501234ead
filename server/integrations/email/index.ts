import type { FastifyInstance } from 'fastify';
import { startInboundSmtp } from './inbound-smtp.js';

/** Starts the inbound SMTP listener with the app when INBOUND_SMTP_PORT is set, and stops it with the app. */
export function registerInboundEmail(app: FastifyInstance): void {
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
