import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../app/api';
import type { MyClaim, Pool, Quota } from './types';

/** The pools the caller may see (all of them for those who configure sales). */
export function usePools() {
  return useQuery({ queryKey: ['/pools'], queryFn: ({ signal }) => api.get<{ data: Pool[] }>('/pools', undefined, signal), select: (r) => r.data });
}

/** What the caller holds from pools and claimed today, beside their role's limits. */
export function useQuota() {
  return useQuery({ queryKey: ['/pools', 'quota'], queryFn: ({ signal }) => api.get<Quota>('/pools/quota', undefined, signal) });
}

/** The caller's claimed records with their return dates (My day). */
export function useMyClaims() {
  return useQuery({ queryKey: ['/pools', 'my-claims'], queryFn: ({ signal }) => api.get<{ data: MyClaim[] }>('/pools/my-claims', undefined, signal), select: (r) => r.data });
}

/** After a claim or release: pools, quotas and the lists the records moved between are stale. */
export function usePoolsChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    // A pool's records are listed under `/pools/{id}/records`: a key of its own, not under `/pools`.
    void queryClient.invalidateQueries({ predicate: (query) => ['/pools', '/accounts', '/leads', '/audit-log'].some((root) => String(query.queryKey[0]).startsWith(root)) });
  }, [queryClient]);
}
