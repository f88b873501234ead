import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import type { Agent, Case, CaseQueue, CaseType, RoutingRule, ServiceSettings } from './types';

/** One case; under the `/cases` key prefix so that list refreshes include it. */
export function useCase(id: string) {
  return useQuery({ queryKey: ['/cases', id], queryFn: ({ signal }) => api.get<Case>(`/cases/${id}`, undefined, signal) });
}

const listOf = <T,>(path: string) => ({
  queryKey: [path],
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<{ data: T[] }>(path, undefined, signal),
  select: (r: { data: T[] }) => r.data,
});

export const useCaseTypes = () => useQuery(listOf<CaseType>('/case-types'));
export const useQueues = () => useQuery(listOf<CaseQueue>('/case-queues'));
export const useRoutingRules = () => useQuery(listOf<RoutingRule>('/case-routing-rules'));
export const useAgents = () => useQuery(listOf<Agent>('/case-agents'));
export function useServiceSettings() {
  return useQuery({ queryKey: ['/service-settings'], queryFn: ({ signal }) => api.get<ServiceSettings>('/service-settings', undefined, signal) });
}

/** A case type's name: its own once renamed, else the built-in's in the reader's language. */
export function useTypeName() {
  const { t } = useTranslation();
  const types = useCaseTypes().data ?? [];
  return useCallback(
    (typeId: string | null) => {
      const type = types.find((x) => x.id === typeId);
      if (!type) return '—';
      return type.name ?? t(`cases.typeKeys.${type.key}`);
    },
    [types, t],
  );
}

/** `CS-000123`, with the workspace's prefix. */
export function useCaseNumber() {
  const prefix = useServiceSettings().data?.numberPrefix ?? 'CS';
  return useCallback((number: number) => `${prefix}-${String(number).padStart(6, '0')}`, [prefix]);
}

/** Refreshes case lists, pages and 360 views (after a create, change or reply). */
export function useCasesChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['/cases'] });
    void queryClient.invalidateQueries({ queryKey: ['overview'] });
    void queryClient.invalidateQueries({ queryKey: ['/timeline'] });
  }, [queryClient]);
}
