import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * Every setting Guanxi reads from the environment, validated once at boot.
 * Product settings that admins change (default country, currency…) live in the database, not here.
 */
const ConfigSchema = Type.Object({
  /** TCP port of the HTTP server. */
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  /** Interface to bind; 0.0.0.0 to listen on every interface. */
  HOST: Type.String({ minLength: 1, default: 'localhost' }),
  /** PostgreSQL 15+ server URL. Unset: the embedded PGlite database under GUANXI_DATA_DIR. */
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  /** Folder of the embedded database and uploaded files. */
  GUANXI_DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  /** Public URL users reach the app at; used in invite and password-reset links. */
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** Create the demo workspace and demo data on first start. */
  GUANXI_DEMO: Type.Boolean({ default: true }),
  /** Log level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  /** Sign-in attempts allowed per client IP and e-mail per 15 minutes. */
  LOGIN_RATE_LIMIT: Type.Integer({ minimum: 1, default: 10 }),
  /** Mark session cookies Secure (set when served over HTTPS). */
  COOKIE_SECURE: Type.Boolean({ default: false }),
  /** Largest accepted request body in bytes. */
  BODY_LIMIT: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  /** Largest accepted import upload (CSV/XLSX, sent base64 in JSON) in bytes. */
  IMPORT_BODY_LIMIT: Type.Integer({ minimum: 1024, default: 32 * 1_048_576 }),
  /** Run background job workers in this process (false: it only queues jobs for worker processes). */
  GUANXI_WORKERS: Type.Boolean({ default: true }),
  /**
   * Behind a reverse proxy: trust its X-Forwarded-For for the client address (rate limits, logs). Off by
   * default, since a client could otherwise claim any address and escape the sign-in rate limit.
   */
  TRUST_PROXY: Type.Boolean({ default: false }),
  /**
   * Key for credentials kept in the database (SMTP passwords). Unset: a key file in the data directory.
   * Set the same value in every process that shares a database server.
   */
  GUANXI_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  /** Port of the SMTP listener for mail forwarded or BCC'd to workspaces' addresses; unset: no listener. */
  INBOUND_SMTP_PORT: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
  /** Interface the SMTP listener binds. */
  INBOUND_SMTP_HOST: Type.String({ minLength: 1, default: 'localhost' }),
  /** Domain of the workspaces' mail addresses (`<token>@<domain>`); its MX points at this server. */
  INBOUND_EMAIL_DOMAIN: Type.String({ minLength: 1, default: 'inbound.guanxi.localhost' }),
  /** Largest inbound message accepted, in bytes. */
  INBOUND_EMAIL_MAX_BYTES: Type.Integer({ minimum: 1024, default: 25 * 1_048_576 }),
  /** Telephony: host of an Asterisk PBX's Manager Interface (AMI). Unset: no AMI connection. */
  AMI_HOST: Type.Optional(Type.String({ minLength: 1 })),
  /** Port of the Manager Interface. */
  AMI_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 5038 }),
  /** Manager user (manager.conf) allowed to read `call` and `dialplan` events. */
  AMI_USERNAME: Type.Optional(Type.String({ minLength: 1 })),
  AMI_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  /** The workspace the PBX's calls belong to (its id). */
  AMI_WORKSPACE_ID: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' })),
  /** Base URL where the PBX serves its call recordings (MixMonitor files); logged calls then link their recording. */
  AMI_RECORDING_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** Click-to-call: the agent's channel the Originate rings first; `{extension}` is their extension (Settings → Telephony). */
  AMI_DIAL_CHANNEL: Type.String({ minLength: 1, default: 'PJSIP/{extension}' }),
  /** Click-to-call: the dial plan context, and priority, where the customer's number is dialled once the agent answers. */
  AMI_DIAL_CONTEXT: Type.String({ minLength: 1, default: 'from-internal' }),
  AMI_DIAL_PRIORITY: Type.Integer({ minimum: 1, default: 1 }),
  /** Click-to-call: the caller ID the agent's phone shows while it rings; `{number}` is the customer's number. */
  AMI_DIAL_CALLER_ID: Type.String({ minLength: 1, default: '{number}' }),
});

export type Config = Static<typeof ConfigSchema> & { dataDir: string; publicUrl: string };

export class ConfigError extends Error {}

/** Reads and validates the configuration; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.keys(ConfigSchema.properties);
  const raw: Record<string, unknown> = {};
  for (const key of known) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  const withDefaults = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, raw));
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.path.slice(1)}=${JSON.stringify(raw[e.path.slice(1)])}: ${e.message}`);
    throw new ConfigError(`Invalid configuration:\n${[...new Set(lines)].join('\n')}`);
  }
  const config = withDefaults as Static<typeof ConfigSchema>;
  const amiMissing = config.AMI_HOST ? (['AMI_USERNAME', 'AMI_SECRET', 'AMI_WORKSPACE_ID'] as const).filter((key) => !config[key]) : [];
  if (amiMissing.length > 0) throw new ConfigError(`Invalid configuration:\n${amiMissing.map((key) => `  ${key}: required when AMI_HOST is set`).join('\n')}`);
  const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  return {
    ...config,
    dataDir: path.resolve(config.GUANXI_DATA_DIR),
    publicUrl: (config.PUBLIC_URL ?? `http://${host}:${config.PORT}`).replace(/\/$/, ''),
  };
}
