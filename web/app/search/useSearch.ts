import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api';
import type { SearchHit } from '../types';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { recordPath } from './recordTypes';

export interface SearchGroup {
  type: string;
  hits: SearchHit[];
}

/** The server's hits grouped by record type; groups in the order of their best hit. */
export function groupHits(hits: SearchHit[]): SearchGroup[] {
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) groups.set(hit.type, [...(groups.get(hit.type) ?? []), hit]);
  return [...groups].map(([type, items]) => ({ type, hits: items }));
}

/**
 * The global search for what is typed, asked 150 ms after the typing stops. While a new answer is on
 * its way the previous hits stay on screen; `settled` says the hits are those of the text as typed now.
 */
export function useSearch(text: string) {
  const typed = text.trim();
  const q = useDebouncedValue(typed, 150);
  const query = useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api.get<{ data: SearchHit[] }>('/search', { q, limit: 20 }, signal),
    enabled: q !== '',
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const hits = useMemo(() => (typed && query.data ? query.data.data : []), [typed, query.data]);
  const groups = useMemo(() => groupHits(hits), [hits]);
  const flat = useMemo(() => groups.flatMap((g) => g.hits).filter((hit) => recordPath(hit.type, hit.id)), [groups]);
  return {
    /** The text the shown hits answer. */
    q,
    groups,
    /** The hits that have a page, in the order shown (group by group): what ↑ and ↓ walk through. */
    flat,
    loading: typed !== '' && query.isFetching,
    settled: typed !== '' && typed === q && query.isSuccess && !query.isPlaceholderData && !query.isFetching,
    error: query.error,
  };
}
