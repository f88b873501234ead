import { describe, expect, it } from 'vitest';
import { isViewModified, mayEditView, stateToView, viewToState, type SavedView } from './views';

const view: SavedView = {
  id: 'v1',
  objectType: 'contacts',
  ownerId: 'u1',
  name: 'Hot',
  shared: false,
  filters: ['lifecycleStage:eq:target', 'company:contains:华为'],
  filterLogic: '1 OR 2',
  sort: 'name',
  columns: ['name', 'company'],
  createdAt: '',
  updatedAt: '',
};

describe('saved views', () => {
  it('applies a view to the URL state and saves the state back', () => {
    const state = viewToState(view, '-createdAt');
    expect(state).toEqual({ filters: view.filters, logic: 'any', sort: 'name', view: 'v1' });
    expect(stateToView(state, ['name', 'company'])).toEqual({ filters: view.filters, filterLogic: '1 OR 2', sort: 'name', columns: ['name', 'company'] });
    expect(viewToState({ ...view, sort: null, filterLogic: null }, '-createdAt')).toMatchObject({ logic: '', sort: '-createdAt' });
    expect(stateToView({ filters: ['a:eq:1', 'b:eq:2'], logic: '1 AND NOT 2', sort: 'name' }, []).filterLogic).toBe('1 AND NOT 2');
  });

  it('knows when the list was changed since the view was applied', () => {
    const state = viewToState(view, '-createdAt');
    expect(isViewModified(view, state, ['name', 'company'], '-createdAt')).toBe(false);
    expect(isViewModified({ ...view, filterLogic: '1 or 2' }, state, ['name', 'company'], '-createdAt')).toBe(false);
    expect(isViewModified(view, { ...state, sort: '-name' }, ['name', 'company'], '-createdAt')).toBe(true);
    expect(isViewModified(view, state, ['name'], '-createdAt')).toBe(true);
    expect(isViewModified(view, { ...state, logic: '' }, ['name', 'company'], '-createdAt')).toBe(true);
  });

  it('lets owners edit their views and admins shared ones', () => {
    expect(mayEditView(view, 'u1', 'sales')).toBe(true);
    expect(mayEditView(view, 'u2', 'admin')).toBe(false);
    expect(mayEditView({ ...view, shared: true }, 'u2', 'admin')).toBe(true);
  });
});
