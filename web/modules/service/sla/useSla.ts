import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { AttainmentRow, SlaClock, SlaPolicy } from './types';

export function useSlaPolicies() {
  return useQuery({ queryKey: ['/sla-policies'], queryFn: ({ signal }) => api.get<{ data: SlaPolicy[] }>('/sla-policies', undefined, signal).then((r) => r.data) });
}

export function useSlaPoliciesChanged() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['/sla-policies'] });
}

/** A case's clocks, computed by the server at each read (and again each minute while the page is open); under ['/cases'], so a change of the case refreshes them. */
export function useCaseSla(caseId: string) {
  return useQuery({
    queryKey: ['/cases', caseId, 'sla'],
    queryFn: ({ signal }) => api.get<{ data: SlaClock[] }>(`/cases/${caseId}/sla`, undefined, signal).then((r) => r.data),
    refetchInterval: 60_000,
  });
}

export function useSlaAttainment(from: string, to: string, groupBy: 'metric' | 'priority') {
  return useQuery({
    queryKey: ['/sla/attainment', from, to, groupBy],
    queryFn: ({ signal }) => api.get<{ data: AttainmentRow[] }>('/sla/attainment', { from, to, groupBy }, signal).then((r) => r.data),
  });
}
