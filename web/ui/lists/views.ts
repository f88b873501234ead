import { fromLogicParam, logicOf, logicParam, matchOf } from './filterQuery';
import type { ListState } from './useListState';

/** A saved list view (GET /views). */
export interface SavedView {
  id: string;
  objectType: string;
  ownerId: string;
  name: string;
  shared: boolean;
  filters: string[];
  filterLogic: string | null;
  sort: string | null;
  columns: string[];
  createdAt: string;
  updatedAt: string;
}

/** What applying a view does to the list's URL state. */
export function viewToState(view: SavedView, defaultSort: string): Pick<ListState, 'filters' | 'logic' | 'sort' | 'view'> {
  const { match, custom } = matchOf(view.filterLogic, view.filters.length);
  return { filters: view.filters, logic: logicParam(match, custom), sort: view.sort ?? defaultSort, view: view.id };
}

/** The body that saves the list's state as a view (POST/PATCH /views). */
export function stateToView(state: Pick<ListState, 'filters' | 'logic' | 'sort'>, columns: readonly string[]) {
  const { match, custom } = fromLogicParam(state.logic);
  return { filters: state.filters, filterLogic: logicOf(match, custom, state.filters.length) ?? null, sort: state.sort, columns: [...columns] };
}

const normalize = (logic: string | null) => (logic ?? '').replace(/\s+/g, ' ').trim().toUpperCase();
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether the list differs from the view it was opened from (then "save changes" is offered). */
export function isViewModified(view: SavedView, state: Pick<ListState, 'filters' | 'logic' | 'sort'>, columns: readonly string[], defaultSort: string): boolean {
  const now = stateToView(state, columns);
  return (
    !same(view.filters, now.filters) ||
    normalize(view.filterLogic) !== normalize(now.filterLogic) ||
    (view.sort ?? defaultSort) !== now.sort ||
    (view.columns.length > 0 && !same(view.columns, columns))
  );
}

/** Who may change or delete a view: its owner, and admins for shared ones (the server decides). */
export const mayEditView = (view: SavedView, userId: string, role: string) => view.ownerId === userId || (view.shared && role === 'admin');
