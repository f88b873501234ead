import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { Page } from '../../../app/types';
import type { Candidate, Station, StationFigures, WorkOrder, WorkOrderEvent } from './types';

export function useStations() {
  return useQuery({ queryKey: ['/service-stations'], queryFn: ({ signal }) => api.get<{ data: Station[] }>('/service-stations', undefined, signal).then((r) => r.data) });
}

/** Work orders, newest first; `filter` in the list language (status:eq:dispatched). */
export function useWorkOrders(filter: string[]) {
  return useQuery({
    queryKey: ['/work-orders', filter],
    queryFn: ({ signal }) => api.get<Page<WorkOrder>>('/work-orders', { limit: 200, filter }, signal).then((r) => r.data),
  });
}

export function useWorkOrder(id: string | null) {
  return useQuery({ queryKey: ['/work-orders', id], enabled: Boolean(id), queryFn: ({ signal }) => api.get<WorkOrder>(`/work-orders/${id}`, undefined, signal) });
}

export function useWorkOrderHistory(id: string) {
  return useQuery({ queryKey: ['/work-orders', id, 'history'], queryFn: ({ signal }) => api.get<{ data: WorkOrderEvent[] }>(`/work-orders/${id}/history`, undefined, signal).then((r) => r.data) });
}

export function useDispatchCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['/work-orders', id, 'candidates'],
    enabled,
    queryFn: ({ signal }) => api.get<{ data: Candidate[] }>(`/work-orders/${id}/dispatch-candidates`, undefined, signal).then((r) => r.data),
  });
}

export function useStationDashboard(days: number) {
  return useQuery({
    queryKey: ['/service-stations/dashboard', days],
    queryFn: ({ signal }) =>
      api.get<{ days: number; poorRatingBelow: number; poorRatingMinCount: number; stations: StationFigures[] }>('/service-stations/dashboard', { days }, signal),
  });
}

/** After any change: work orders and station loads are read again. */
export function useFieldChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['/work-orders'] });
    void queryClient.invalidateQueries({ queryKey: ['/service-stations'] });
  };
}
