import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { SavedView } from './views';

type ViewBody = Partial<Pick<SavedView, 'name' | 'shared' | 'filters' | 'filterLogic' | 'sort' | 'columns'>>;

/** The caller's and the shared saved views of a list, and saving, changing and deleting them. */
export function useViews(objectType: string) {
  const queryClient = useQueryClient();
  const key = ['/views', objectType];
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<{ data: SavedView[] }>('/views', { objectType }, signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const create = useMutation({ mutationFn: (body: ViewBody) => api.post<SavedView>('/views', { objectType, ...body }), onSuccess: refresh });
  const update = useMutation({ mutationFn: ({ id, ...body }: ViewBody & { id: string }) => api.patch<SavedView>(`/views/${id}`, body), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`/views/${id}`), onSuccess: refresh });
  return { views: list.data?.data ?? [], isPending: list.isPending, create, update, remove };
}
