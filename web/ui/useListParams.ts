import { useSearchParams } from 'react-router-dom';
import type { ListFilterValue } from './ListFilters';

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** The filters of a list plus further ones of its own (`type`, `stage`…): '' is "any". */
export type ListParams<F extends string, S extends string, E extends string> = ListFilterValue<F, S> & Record<E, string>;

/**
 * A list's filters and order, kept in the URL (`?owner=me&field=company&q=华为&sort=name&type=partner`)
 * so that a filtered list can be bookmarked and shared. The first field and the first sort are the defaults.
 */
export function useListParams<F extends string, S extends string, E extends string = never>(
  fields: readonly F[],
  sorts: readonly S[],
  extras: readonly E[] = [],
) {
  const [params, setParams] = useSearchParams();
  const value = {
    owner: params.get('owner') === 'me' ? 'me' : 'all',
    text: params.get('q') ?? '',
    field: pick(params.get('field'), fields, fields[0]),
    sort: pick(params.get('sort'), sorts, sorts[0]),
    ...Object.fromEntries(extras.map((key) => [key, params.get(key) ?? ''])),
  } as ListParams<F, S, E>;
  const defaults: Record<string, string> = { owner: 'all', text: '', field: fields[0], sort: sorts[0] };
  const names: Record<string, string> = { owner: 'owner', text: 'q', field: 'field', sort: 'sort', ...Object.fromEntries(extras.map((k) => [k, k])) };

  const set = (patch: Partial<ListParams<F, S, E>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        const merged = { ...value, ...patch } as Record<string, string>;
        for (const key of Object.keys(names)) {
          if (merged[key] === (defaults[key] ?? '')) next.delete(names[key]);
          else next.set(names[key], merged[key]);
        }
        return next;
      },
      { replace: true },
    );

  const filtered = value.owner !== 'all' || value.text.trim() !== '' || extras.some((key) => (value as Record<string, string>)[key] !== '');
  return { value, set, filtered };
}
