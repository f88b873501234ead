import { mayActOnRecord, type RecordAction } from './permissions';
import { useCurrentSession } from './useCurrentSession';
import { useMembers } from './useMembers';

/** Whether the signed-in member may `action` a record owned by `ownerId` (hides buttons; the server decides). */
export function useMayActOn(action: RecordAction, ownerId: string | null): boolean {
  const { user, membership } = useCurrentSession();
  const { byId } = useMembers();
  return mayActOnRecord(
    { userId: user.id, role: membership.role, teamId: membership.teamId },
    action,
    { userId: ownerId, teamId: ownerId ? (byId.get(ownerId)?.teamId ?? null) : null },
  );
}
