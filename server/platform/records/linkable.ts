import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../auth/context.js';

/**
 * Record types that other records can point at (a call about a contact, a task on an opportunity, a case
 * for an account). The module that owns a type registers how to read one — under the caller's permissions,
 * 404 when they may not — and which records it rolls up to (a contact's accounts), so that a module linking
 * to records needs to know none of their modules.
 */
export interface LinkableRecordType {
  /** The record's name as people read it; throws the owning module's 404 when missing or not readable. */
  titleOf(tx: Executor, ctx: RequestContext, id: string): Promise<string>;
  /** Records that also show what is linked to this one (a contact's accounts see its calls). */
  rollUp?(tx: Executor, ctx: RequestContext, id: string): Promise<{ type: string; id: string }[]>;
  /**
   * The owned records' table, for set-based reads over one member's records of the type (follow-up
   * suggestions scan an owner's contacts at once instead of asking for each).
   */
  owned?: PgTable & { workspaceId: PgColumn; id: PgColumn; name: PgColumn; ownerId: PgColumn; deletedAt: PgColumn };
  /** Called in the same transaction after interactions were linked to the record (a lead's behaviour score). */
  onLinked?(tx: Executor, ctx: RequestContext, id: string): Promise<void>;
}

const types = new Map<string, LinkableRecordType>();

export function registerLinkableRecord(recordType: string, type: LinkableRecordType): void {
  types.set(recordType, type);
}

export const linkableRecordTypes = () => [...types.keys()];

export function linkableRecord(recordType: string): LinkableRecordType | undefined {
  return types.get(recordType);
}
