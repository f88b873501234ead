import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../app/api';
import type { CloseReason, DealContact, Opportunity, Pipeline, StageVisit } from './types';

/** The workspace's pipelines with their ordered stages (archived ones too when asked). */
export function usePipelines(includeArchived = false) {
  return useQuery({
    queryKey: ['/pipelines', { includeArchived }],
    queryFn: ({ signal }) => api.get<{ data: Pipeline[] }>('/pipelines', includeArchived ? { includeArchived } : undefined, signal).then((r) => r.data),
    staleTime: 30_000,
  });
}

/** Win and loss reasons (retired ones too when asked). */
export function useCloseReasons(includeInactive = false) {
  return useQuery({
    queryKey: ['/close-reasons', { includeInactive }],
    queryFn: ({ signal }) => api.get<{ data: CloseReason[] }>('/close-reasons', includeInactive ? { includeInactive } : undefined, signal).then((r) => r.data),
    staleTime: 30_000,
  });
}

export function useOpportunity(id: string) {
  return useQuery({ queryKey: ['/opportunities', id], queryFn: ({ signal }) => api.get<Opportunity>(`/opportunities/${id}`, undefined, signal) });
}

export function useStageHistory(id: string) {
  return useQuery({
    queryKey: ['/opportunities', id, 'stage-history'],
    queryFn: ({ signal }) => api.get<{ data: StageVisit[] }>(`/opportunities/${id}/stage-history`, undefined, signal).then((r) => r.data),
  });
}

export function useDealContacts(id: string) {
  return useQuery({
    queryKey: ['/opportunities', id, 'contacts'],
    queryFn: ({ signal }) => api.get<{ data: DealContact[] }>(`/opportunities/${id}/contacts`, undefined, signal).then((r) => r.data),
  });
}

/**
 * After a deal changed: lists, boards (under /pipelines), the deal's page and the 360 views that sum deals.
 * `except` is a deleted deal's id, not to be refetched.
 */
export function useOpportunitiesChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (except?: string) => {
      void queryClient.invalidateQueries({ queryKey: ['/opportunities'], predicate: (q) => except === undefined || q.queryKey[1] !== except });
      void queryClient.invalidateQueries({ queryKey: ['/pipelines'] });
      void queryClient.invalidateQueries({ queryKey: ['overview'] });
      void queryClient.invalidateQueries({ queryKey: ['search'] });
    },
    [queryClient],
  );
}

/** After pipelines, stages or reasons changed (Settings → Sales). */
export function useSalesSettingsChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['/pipelines'] });
    void queryClient.invalidateQueries({ queryKey: ['/close-reasons'] });
  }, [queryClient]);
}
