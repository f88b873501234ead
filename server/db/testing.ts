import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from './client.js';
import { runMigrations } from './migrate.js';

/**
 * The database tests run on: a fresh in-memory PGlite per test file, or the PostgreSQL server named by
 * TEST_DATABASE_URL (shared; every test makes its own workspaces, so tests never share rows).
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  const database = await openDatabase({ url, dataDir: 'memory://' });
  await runMigrations(database);
  return database;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** The whole HTTP app on a test database, without listening (use app.inject). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  // No timers doing background work behind the tests' backs: tests run jobs, reminders and deliveries themselves.
  const config = loadConfig({ GUANXI_DATA_DIR: `.tmp/test-data-${process.pid}`, LOG_LEVEL: 'silent', GUANXI_WORKERS: 'false', ...env });
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await app.jobs.stop();
      await database.close();
    },
  };
}

let counter = 0;
/** A unique e-mail for a test user. */
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}.${process.pid}.${Date.now().toString(36)}.${counter}@test.guanxi.dev`;
}

export interface SignedIn {
  cookie: string;
  userId: string;
  workspaceId: string;
  email: string;
  password: string;
}

/** Signs up a new workspace through the API and returns its admin's session cookie. */
export async function signUpWorkspace(app: FastifyInstance, name = 'Test 测试公司'): Promise<SignedIn> {
  const email = uniqueEmail('admin');
  const password = 'correct horse battery';
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-up', payload: { workspaceName: name, name: 'Admin 管理员', email, password } });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return { cookie: sessionCookie(res.headers['set-cookie']), userId: body.user.id, workspaceId: body.workspace.id, email, password };
}

/** Invites a member with `role` into the admin's workspace and returns the member's session. */
export async function addMember(app: FastifyInstance, admin: SignedIn, role: string): Promise<SignedIn> {
  const email = uniqueEmail(role);
  const password = 'member password 1';
  const invite = await app.inject({ method: 'POST', url: '/api/v1/invites', headers: { cookie: admin.cookie }, payload: { email, role } });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  const token = invite.json().url.split('/invite/')[1];
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/invites/accept', payload: { token, name: `${role} 成员`, password } });
  if (res.statusCode !== 200) throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookie(res.headers['set-cookie']), userId: res.json().user.id, workspaceId: admin.workspaceId, email, password };
}

export function sessionCookie(header: string | string[] | undefined): string {
  const first = Array.isArray(header) ? header.find((h) => h.startsWith('guanxi_session=')) : header;
  if (!first) throw new Error('no session cookie');
  return first.split(';')[0]!;
}
