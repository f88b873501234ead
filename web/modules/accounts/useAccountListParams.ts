import type { Query } from '../../app/api';
import { useListParams, type ListParams } from '../../ui/useListParams';

/** Fields the text filter of the accounts list can look in. */
export const TEXT_FIELDS = ['name', 'industry', 'region'] as const;
/** Orders of the accounts list (the API's `sort`). */
export const SORTS = ['-createdAt', 'createdAt', 'name', '-name'] as const;
/** Further filters: the account type and the lifecycle stage ('' is any). */
const EXTRAS = ['type', 'stage'] as const;

export type AccountListParams = ListParams<(typeof TEXT_FIELDS)[number], (typeof SORTS)[number], (typeof EXTRAS)[number]>;

/** The accounts list's filters and order, kept in the URL. */
export function useAccountListParams() {
  return useListParams(TEXT_FIELDS, SORTS, EXTRAS);
}

/** The list route's query for these filters. */
export function accountListQuery(p: AccountListParams, userId: string): Query {
  const filter: string[] = [];
  if (p.owner === 'me') filter.push(`ownerId:eq:${userId}`);
  if (p.text.trim()) filter.push(`${p.field}:contains:${p.text.trim()}`);
  if (p.type) filter.push(`type:eq:${p.type}`);
  if (p.stage) filter.push(`lifecycleStage:eq:${p.stage}`);
  return { sort: p.sort, filter };
}
