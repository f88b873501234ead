import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import type { Overview } from '../types';

/** The 360-degree view of a record (GET /contacts/{id}/overview, /accounts/{id}/overview). */
export function useOverview(collection: 'contacts' | 'accounts', id: string) {
  return useQuery({
    queryKey: ['overview', collection, id],
    queryFn: ({ signal }) => api.get<Overview>(`/${collection}/${id}/overview`, undefined, signal),
  });
}
