import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from './api';
import type { Session } from './types';

export const SESSION_KEY = ['session'] as const;

/** The signed-in user's session; a 401 error means "not signed in". */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => api.get<Session>('/auth/session', undefined, signal),
    retry: (count, err) => !isApiError(err, 401) && count < 2,
    staleTime: 5 * 60_000,
  });
}
