import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseInUseError, openDatabase, type Database } from './db/client.js';
import { DEMO_LOGIN, seedDemo } from './db/demo-data.js';
import { runMigrations } from './db/migrate.js';
import { asSystem } from './db/transaction.js';
import { signUp } from './platform/auth/auth.service.js';
import { exportWorkspace, restoreWorkspace, RestoreError, type WorkspaceDump } from './platform/backup/backup.service.js';
import { workspaces } from './platform/tenancy/tenancy.tables.js';

const USAGE = `Usage: npx guanxi <command> [options]   (or: npm run guanxi -- <command> …)

  migrate                                   apply database migrations
  seed                                      create the demo workspace (${DEMO_LOGIN.email})
  create-user --email E --password P --name N --workspace W
                                            create a workspace W with admin E
  backup --workspace ID --out FILE          write one workspace to a JSON file
  restore --in FILE [--replace]             load a workspace from a backup file

The database is the one the server uses: DATABASE_URL, else the embedded one in GUANXI_DATA_DIR.`;

class UsageError extends Error {}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

const COMMANDS = ['migrate', 'seed', 'create-user', 'backup', 'restore'] as const;

/** Reads a backup file, refusing a missing or unreadable one before any database is opened. */
function readDump(file: string): WorkspaceDump {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return JSON.parse(text) as WorkspaceDump;
  } catch {
    throw new UsageError(`${file} is not JSON: not a Guanxi workspace backup`);
  }
}

async function run(command: string | undefined, values: Record<string, string | boolean | undefined>, database: Database, dump: WorkspaceDump | null): Promise<string> {
  switch (command) {
    case 'migrate':
      return 'migrations applied';
    case 'seed': {
      const seeded = await seedDemo(database);
      return seeded ? `demo workspace ${seeded.workspaceId} created; sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}` : 'demo workspace already exists';
    }
    case 'create-user': {
      const password = required(values, 'password');
      if (password.length < 8) throw new UsageError('--password must have at least 8 characters');
      const ids = await asSystem(database.db, (tx) =>
        signUp(tx, { email: required(values, 'email'), password, name: required(values, 'name'), workspaceName: required(values, 'workspace') }),
      );
      return `user ${ids.userId} is admin of workspace ${ids.workspaceId}`;
    }
    case 'backup': {
      const workspaceId = required(values, 'workspace');
      const found = await asSystem(database.db, (tx) => tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId)));
      if (!found.length) throw new UsageError(`no workspace ${workspaceId}`);
      const dump = await exportWorkspace(database, workspaceId);
      const out = required(values, 'out');
      fs.writeFileSync(`${out}.tmp`, JSON.stringify(dump));
      fs.renameSync(`${out}.tmp`, out);
      return `workspace ${workspaceId}: ${dump.tables.reduce((n, t) => n + t.rows.length, 0)} rows written to ${out}`;
    }
    case 'restore': {
      const { rows } = await restoreWorkspace(database, dump!, { replace: values.replace === true });
      return `workspace ${dump!.workspaceId}: ${rows} rows restored`;
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'no command given');
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      workspace: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
      replace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const command = positionals[0]!;
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command ${command}`);
  const dump = command === 'restore' ? readDump(required(values, 'in')) : null;
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    await runMigrations(database);
    console.log(await run(command, values, database, dump));
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof RestoreError || err instanceof DatabaseInUseError) {
      console.error(`guanxi: ${err.message}\n\n${err instanceof UsageError ? USAGE : ''}`);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  },
);
