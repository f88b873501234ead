import type { Role } from '../../contracts/roles';
import { roleCan, RECORD_GRANTS, type RecordAction, type WorkspaceAction } from '../../contracts/permissions';

export type { RecordAction, WorkspaceAction };

/** What the role may do at workspace level (contracts/permissions.ts). The UI hides; the server decides. */
export function can(role: Role, action: WorkspaceAction): boolean {
  return roleCan(role, action);
}

/** Whether the role may create records such as contacts. */
export function canCreateRecords(role: Role): boolean {
  return RECORD_GRANTS[role]?.create !== 'none';
}

/** Whether the role may give new records to other members (its create scope goes beyond its own). */
export function canAssignOwners(role: Role): boolean {
  const scope = RECORD_GRANTS[role]?.create;
  return scope === 'all' || scope === 'team';
}

interface Caller {
  userId: string;
  role: Role;
  teamId: string | null;
}

/**
 * Whether the caller's scope for `action` covers a record of `owner` (server/platform/permissions/policy.ts
 * mayActOn, for hiding buttons): all; else their own; else, for team scope, a teammate's.
 */
export function mayActOnRecord(caller: Caller, action: RecordAction, owner: { userId: string | null; teamId?: string | null }): boolean {
  const scope = RECORD_GRANTS[caller.role]?.[action] ?? 'none';
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  if (owner.userId !== null && owner.userId === caller.userId) return true;
  return scope === 'team' && caller.teamId !== null && owner.userId !== null && owner.teamId === caller.teamId;
}
