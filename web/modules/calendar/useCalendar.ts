import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../app/api';
import { useRealtime } from '../../app/realtime/useRealtime';
import type { Interaction } from '../../app/types';

/** A meeting as GET /calendar answers it: an interaction of type meeting with its span and place. */
export type Meeting = Interaction & { editable: boolean };
export interface CalendarTask {
  id: string;
  title: string;
  dueAt: string;
  status: 'open' | 'done' | 'cancelled';
  priority: string;
  ownerId: string | null;
  recordType: string | null;
  recordId: string | null;
  recordTitle: string | null;
}
export interface CalendarData {
  meetings: Meeting[];
  tasks: CalendarTask[];
}

/** Meetings and due tasks of [from, to) of members (the caller when none); the previous range stays on screen while the next loads. */
export function useCalendar(from: Date, to: Date, userIds: string[]) {
  const users = userIds.join(',');
  return useQuery({
    queryKey: ['/calendar', from.toISOString(), to.toISOString(), users],
    queryFn: ({ signal }) => api.get<CalendarData>('/calendar', { from: from.toISOString(), to: to.toISOString(), ...(users ? { userIds: users } : {}) }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Reloads the open calendar when a meeting of its members or one of their tasks changes elsewhere (a colleague's page). */
export function useCalendarLive() {
  const queryClient = useQueryClient();
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['/calendar'] });
  useRealtime('meeting.*', reload);
  useRealtime('task.*', reload);
}

/** Refreshes calendars, timelines (a meeting with a contact is on its timeline) and 360 figures. */
export function useMeetingsChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['/calendar'] });
    void queryClient.invalidateQueries({ queryKey: ['/timeline'] });
    void queryClient.invalidateQueries({ queryKey: ['overview'] });
  }, [queryClient]);
}
