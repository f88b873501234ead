import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { InteractionChannel, InteractionType } from '../../../contracts/interactions';
import { api } from '../../app/api';
import type { Interaction, Page } from '../../app/types';

/** The record whose timeline is shown and whom a new interaction is about. */
export interface TimelineRecord {
  recordType: 'contact' | 'account' | 'opportunity' | 'lead' | 'case';
  recordId: string;
  name: string;
}

export interface TimelineFilters {
  type?: InteractionType;
  channel?: InteractionChannel;
  ownerId?: string;
}

const PAGE_SIZE = 30;

/** A record's timeline (GET /timeline), newest first, one cursor page at a time. */
export function useTimeline({ recordType, recordId }: TimelineRecord, filters: TimelineFilters) {
  return useInfiniteQuery({
    queryKey: ['/timeline', recordType, recordId, filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Interaction>>('/timeline', { recordType, recordId, ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * After logging or changing an interaction: timelines start again from their newest page (refetching every
 * page loaded so far would cost one request per page), and the 360 figures (last contact, count) refresh.
 */
export function useInteractionsChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.resetQueries({ queryKey: ['/timeline'] });
    void queryClient.invalidateQueries({ queryKey: ['overview'] });
  }, [queryClient]);
}

/** What a person does to one item of a timeline. */
export type TimelineAction = 'edit' | 'delete';
