import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Contact, Member, Page } from '../../app/types';

export interface Count {
  /** How many were seen (at most the page size). */
  value: number;
  /** More exist than were counted. */
  more: boolean;
}

const LIMIT = 200;

function countOf<T>(page: Page<T>): Count {
  return { value: page.data.length, more: Boolean(page.nextCursor) };
}

/** Key figures of the workspace for the home page, from the lists that exist so far. */
export function useHomeFigures() {
  const members = useQuery({
    queryKey: ['home', 'members'],
    queryFn: ({ signal }) => api.get<Page<Member>>('/members', { limit: LIMIT }, signal).then(countOf),
  });
  const contacts = useQuery({
    queryKey: ['home', 'contacts'],
    queryFn: ({ signal }) => api.get<Page<Contact>>('/contacts', { limit: LIMIT }, signal).then(countOf),
  });
  return { members, contacts };
}
