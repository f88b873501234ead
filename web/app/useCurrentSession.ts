import { useSession } from './useSession';
import type { Session } from './types';

/** The session inside the auth guard, where it is always loaded. */
export function useCurrentSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession() used outside of <AuthGuard>');
  return data;
}
