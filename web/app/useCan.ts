import { can, type WorkspaceAction } from './permissions';
import { useCurrentSession } from './useCurrentSession';

/** Whether the signed-in member's role grants a workspace action. */
export function useCan(action: WorkspaceAction): boolean {
  return can(useCurrentSession().membership.role, action);
}
