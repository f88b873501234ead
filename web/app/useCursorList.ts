import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, type Query } from './api';
import type { Page } from './types';

/**
 * A cursor-paged list route (`{data, nextCursor}`) read page by page: `rows` are all pages loaded so far,
 * `loadMore` fetches the next one.
 */
export function useCursorList<T>(path: string, query: Query = {}, options: { limit?: number; enabled?: boolean } = {}) {
  const limit = options.limit ?? 50;
  const result = useInfiniteQuery({
    queryKey: [path, query, limit],
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(path, { ...query, limit, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
  const rows = useMemo(() => result.data?.pages.flatMap((page) => page.data) ?? [], [result.data]);
  return {
    rows,
    isPending: result.isPending,
    error: result.error,
    hasMore: result.hasNextPage,
    loadingMore: result.isFetchingNextPage,
    loadMore: () => void result.fetchNextPage(),
    refetch: result.refetch,
  };
}
