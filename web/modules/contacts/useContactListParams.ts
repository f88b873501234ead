import type { Query } from '../../app/api';
import { useListParams, type ListParams } from '../../ui/useListParams';

/** Fields the text filter of the contacts list can look in (`filter=<field>:contains:<text>`). */
export const TEXT_FIELDS = ['name', 'company', 'email', 'title'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Orders of the contacts list (the API's `sort`). */
export const SORTS = ['-createdAt', 'createdAt', 'name', '-name'] as const;
export type Sort = (typeof SORTS)[number];

export type ContactListParams = ListParams<TextField, Sort, never>;

/** The contacts list's filters and order, kept in the URL. */
export function useContactListParams() {
  return useListParams(TEXT_FIELDS, SORTS);
}

/** The list route's query for these filters. */
export function contactListQuery(p: ContactListParams, userId: string): Query {
  const filter: string[] = [];
  if (p.owner === 'me') filter.push(`ownerId:eq:${userId}`);
  if (p.text.trim()) filter.push(`${p.field}:contains:${p.text.trim()}`);
  return { sort: p.sort, filter };
}
