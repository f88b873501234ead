import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { FiredReminder, ReminderRule } from './types';

export function useReminderRules() {
  return useQuery({ queryKey: ['/service/reminder-rules'], queryFn: ({ signal }) => api.get<{ data: ReminderRule[] }>('/service/reminder-rules', undefined, signal).then((r) => r.data) });
}

/** What the rules fired, newest first, a page at a time. */
export function useFiredReminders() {
  return useInfiniteQuery({
    queryKey: ['/service/reminders'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api.get<{ data: FiredReminder[]; nextCursor: string | null }>('/service/reminders', { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Rules and their history changed (a save, a run): read both again. */
export function useRemindersChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['/service/reminder-rules'] });
    void queryClient.invalidateQueries({ queryKey: ['/service/reminders'] });
  };
}
