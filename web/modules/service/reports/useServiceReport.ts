import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { ReportInterval, ServiceReport } from './types';

export function useServiceReport(from: string, to: string, groupBy: ReportInterval) {
  return useQuery({
    queryKey: ['/service/reports', from, to, groupBy],
    queryFn: ({ signal }) => api.get<ServiceReport>('/service/reports', { from, to, groupBy }, signal),
  });
}
