import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';
import { SESSION_KEY } from './useSession';

/**
 * Server state of the app. A 401 on any query means the session ended: re-check the session, and the
 * auth guard sends the user to sign in.
 */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isApiError(error, 401) && query.queryKey[0] !== SESSION_KEY[0]) {
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
