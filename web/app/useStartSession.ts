import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { Session } from './types';
import { SESSION_KEY } from './useSession';

/**
 * After sign-in, sign-up or accepting an invite: keep the session the server answered with, drop
 * cached data nobody shows (a previous user's), and go on to `to`. The page still on screen keeps
 * its own queries, so it does not refetch (an accepted invitation would answer 404) while leaving.
 */
export function useStartSession() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (session: Session, to = '/') => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] && q.getObserversCount() === 0 });
    queryClient.setQueryData(SESSION_KEY, session);
    void navigate(to, { replace: true });
  };
}
