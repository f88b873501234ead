import { useSearchParams } from 'react-router-dom';

/**
 * Everything that makes a list what it is, in the URL so that it can be bookmarked and shared:
 * `?owner=me&field=company&q=华为&f=lifecycleStage:eq:target&f=custom.budget:gt:1000&logic=any&sort=-name&view=<id>&mode=kanban&group=type`.
 */
export interface ListState {
  /** Only the caller's own records, or everyone's they may see. */
  owner: 'me' | 'all';
  /** The quick text filter and the field it looks in. */
  text: string;
  field: string;
  /** The filter builder's terms (`field:op:value`), and how they combine: '' all, `any`, or an expression. */
  filters: string[];
  logic: string;
  sort: string;
  /** The saved view applied, if any. */
  view: string;
  mode: 'list' | 'kanban';
  /** The kanban's field. */
  group: string;
}

const NAMES: Record<keyof ListState, string> = { owner: 'owner', text: 'q', field: 'field', filters: 'f', logic: 'logic', sort: 'sort', view: 'view', mode: 'mode', group: 'group' };

/** A list's state from the URL; `fields` are the quick filter's, the first being the default. */
export function useListState(textFields: readonly string[], defaultSort: string, defaultMode: ListState['mode'] = 'list') {
  const [params, setParams] = useSearchParams();
  const field = params.get('field') ?? '';
  const value: ListState = {
    owner: params.get('owner') === 'me' ? 'me' : 'all',
    text: params.get('q') ?? '',
    field: textFields.includes(field) ? field : textFields[0]!,
    filters: params.getAll('f'),
    logic: params.get('logic') ?? '',
    sort: params.get('sort') || defaultSort,
    view: params.get('view') ?? '',
    mode: params.get('mode') === 'kanban' || params.get('mode') === 'list' ? (params.get('mode') as ListState['mode']) : defaultMode,
    group: params.get('group') ?? '',
  };
  const defaults: ListState = { owner: 'all', text: '', field: textFields[0]!, filters: [], logic: '', sort: defaultSort, view: '', mode: defaultMode, group: '' };

  const set = (patch: Partial<ListState>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, v] of Object.entries(patch) as [keyof ListState, ListState[keyof ListState]][]) {
          const name = NAMES[key];
          next.delete(name);
          if (Array.isArray(v)) for (const item of v) next.append(name, item);
          else if (v !== defaults[key]) next.set(name, v);
        }
        return next;
      },
      { replace: true },
    );

  const filtered = value.owner !== 'all' || value.text.trim() !== '' || value.filters.length > 0;
  const clear = () => set({ owner: 'all', text: '', filters: [], logic: '', view: '' });
  return { value, set, filtered, clear };
}
