import { useCan } from '../../app/useCan';

/** Whether the signed-in member may change workspace settings and members. */
export function useIsAdmin(): boolean {
  return useCan('workspace.manage');
}
