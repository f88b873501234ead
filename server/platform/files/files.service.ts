import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../auth/context.js';
import { notFound } from '../errors/app-error.js';
import { files } from './files.tables.js';

export interface StoredFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** Keeps a file of the workspace; the same content under the same name is kept once. */
export async function storeFile(tx: Executor, ctx: RequestContext, input: { name: string; contentType: string; data: Buffer }): Promise<StoredFile> {
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  const name = input.name.trim() || 'file';
  const [same] = await tx
    .select({ id: files.id, name: files.name, contentType: files.contentType, size: files.size })
    .from(files)
    .where(and(eq(files.workspaceId, ctx.workspaceId), eq(files.sha256, sha256), eq(files.name, name)))
    .limit(1);
  if (same) return same;
  const [row] = await tx
    .insert(files)
    .values({ workspaceId: ctx.workspaceId, id: uuidv7(), name, contentType: input.contentType || 'application/octet-stream', size: input.data.length, sha256, data: input.data })
    .returning({ id: files.id, name: files.name, contentType: files.contentType, size: files.size });
  return row!;
}

export async function readFile(tx: Executor, ctx: RequestContext, id: string): Promise<StoredFile & { data: Buffer }> {
  const [row] = await tx
    .select({ id: files.id, name: files.name, contentType: files.contentType, size: files.size, data: files.data })
    .from(files)
    .where(and(eq(files.workspaceId, ctx.workspaceId), eq(files.id, id)));
  if (!row) throw notFound('file');
  return row;
}
