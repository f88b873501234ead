import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Account } from '../../app/types';

/** One account (GET /accounts/{id}); under the `/accounts` key prefix, so list refreshes include it. */
export function useAccount(id: string) {
  return useQuery({
    queryKey: ['/accounts', id],
    queryFn: ({ signal }) => api.get<Account>(`/accounts/${id}`, undefined, signal),
  });
}
