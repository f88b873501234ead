import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { FastifyBaseLogger } from 'fastify';
import { DatabaseInUseError, openDatabase, type Database } from './db/client.js';
import { DEMO_LOGIN, isEmpty, seedDemo } from './db/demo-data.js';
import { runMigrations } from './db/migrate.js';
import { startAsteriskAdapter } from './integrations/telephony/asterisk.js';

const ANALYZE_EVERY_MS = 10 * 60_000;

/**
 * The embedded database runs no autovacuum, so its planner statistics would stay empty and queries would
 * pick bad plans as tables grow: analyze at start and every ten minutes. A server does this itself.
 */
function keepPlannerStatistics(database: Database, log: FastifyBaseLogger): () => void {
  if (database.kind !== 'pglite') return () => undefined;
  const analyze = () => database.raw.exec('analyze').catch((err) => log.warn({ err }, 'analyze failed'));
  void analyze();
  const timer = setInterval(analyze, ANALYZE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Boot: config → database → migrations → demo data → app → listen; graceful shutdown on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const started = Date.now();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  await runMigrations(database);
  const firstStart = config.GUANXI_DEMO && (await isEmpty(database));
  if (firstStart) await seedDemo(database);

  const app = await buildApp({ config, database });
  const stopStatistics = keepPlannerStatistics(database, app.log);
  await app.jobs.start({ work: config.GUANXI_WORKERS });
  await app.listen({ port: config.PORT, host: config.HOST });
  // Telephony: the Asterisk Manager Interface, when configured (docs/deploying.md, "Telephony").
  const asterisk = config.AMI_HOST
    ? startAsteriskAdapter(app, {
        host: config.AMI_HOST,
        port: config.AMI_PORT,
        username: config.AMI_USERNAME!,
        secret: config.AMI_SECRET!,
        workspaceId: config.AMI_WORKSPACE_ID!,
        recordingUrl: config.AMI_RECORDING_URL,
        dial: { channel: config.AMI_DIAL_CHANNEL, context: config.AMI_DIAL_CONTEXT, priority: config.AMI_DIAL_PRIORITY, callerId: config.AMI_DIAL_CALLER_ID },
      })
    : null;

  const where = database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
  app.log.info({ ms: Date.now() - started, database: database.kind }, 'ready');
  console.log(`\n  Guanxi 关系 CRM is running at ${config.publicUrl}  (${where})`);
  if (config.GUANXI_DEMO) console.log(`  Demo sign-in: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  console.log(`  API reference: ${config.publicUrl}/api/docs\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('shutdown took over 20 s; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    // Keep-alive connections of requests finishing now go idle after close() began; close them as they do.
    const reaper = setInterval(() => app.server.closeIdleConnections(), 100);
    await asterisk?.stop();
    await app.close();
    clearInterval(reaper);
    stopStatistics();
    await app.jobs.stop();
    await database.close();
    app.log.info('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  if (err instanceof DatabaseInUseError) {
    console.error(`guanxi: ${err.message}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
