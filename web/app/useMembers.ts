import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './api';
import type { Member, Page } from './types';

/**
 * The workspace's members (the first 200 by name), for showing owners and picking one. Shares the
 * `/members` key prefix, so whatever refreshes the members page refreshes this too.
 */
export function useMembers() {
  const query = useQuery({
    queryKey: ['/members', 'directory'],
    queryFn: ({ signal }) => api.get<Page<Member>>('/members', { limit: 200, sort: 'name' }, signal),
    staleTime: 5 * 60_000,
  });
  const members = useMemo(() => query.data?.data ?? [], [query.data]);
  const byId = useMemo(() => new Map(members.map((m) => [m.userId, m])), [members]);
  return { members, byId, isPending: query.isPending };
}
