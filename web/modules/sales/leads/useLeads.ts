import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../app/api';
import type { AssignmentRule, Lead, ScoringRule } from './types';

/** One lead; under the `/leads` key prefix so that list refreshes include it. */
export function useLead(id: string) {
  return useQuery({ queryKey: ['/leads', id], queryFn: ({ signal }) => api.get<Lead>(`/leads/${id}`, undefined, signal) });
}

export function useScoringRules() {
  return useQuery({
    queryKey: ['/lead-scoring-rules'],
    queryFn: ({ signal }) => api.get<{ data: ScoringRule[] }>('/lead-scoring-rules', undefined, signal),
    select: (r) => r.data,
  });
}

export function useAssignmentRules() {
  return useQuery({
    queryKey: ['/lead-assignment-rules'],
    queryFn: ({ signal }) => api.get<{ data: AssignmentRule[] }>('/lead-assignment-rules', undefined, signal),
    select: (r) => r.data,
  });
}

/** Refreshes the leads list and pages (after a create, change or conversion). */
export function useLeadsChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: ['/leads'] }), [queryClient]);
}
