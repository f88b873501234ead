import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { Locale } from '../../../contracts/roles.js';
import type { RequestContext } from '../auth/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { notFound } from '../errors/app-error.js';
import { assertCan } from '../permissions/policy.js';
import { memberships, workspaces } from './tenancy.tables.js';

export type Workspace = typeof workspaces.$inferSelect;
export interface WorkspaceSettings {
  name?: string;
  defaultCountry?: string;
  defaultCurrency?: string;
  defaultLocale?: Locale;
  timeZone?: string;
}

/** Creates a workspace with `ownerId` as its first admin. System transaction (no workspace yet). */
export async function createWorkspace(tx: Executor, ownerId: string, settings: WorkspaceSettings & { name: string }): Promise<Workspace> {
  const [workspace] = await tx.insert(workspaces).values({ id: uuidv7(), ...settings }).returning();
  await tx.insert(memberships).values({ workspaceId: workspace!.id, userId: ownerId, role: 'admin' });
  return workspace!;
}

export async function getWorkspace(tx: Executor, ctx: RequestContext): Promise<Workspace> {
  const [workspace] = await tx.select().from(workspaces).where(eq(workspaces.id, ctx.workspaceId));
  if (!workspace) throw notFound('workspace');
  return workspace;
}

export async function updateWorkspace(tx: Executor, ctx: RequestContext, patch: WorkspaceSettings): Promise<Workspace> {
  assertCan(ctx, 'workspace.manage');
  const before = await getWorkspace(tx, ctx);
  const [after] = await tx
    .update(workspaces)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(workspaces.id, ctx.workspaceId))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'workspace', recordId: ctx.workspaceId, before, after });
  return after!;
}

/** Whether a time zone name is one the runtime knows (IANA). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
