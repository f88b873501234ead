import { useQueryClient } from '@tanstack/react-query';

/** After products, categories or prices changed: refresh what shows them (lists, pages, search hits, history). */
export function useCatalogChanged() {
  const queryClient = useQueryClient();
  return () => {
    for (const key of ['/products', '/product-categories', '/price-books', 'search', '/audit-log']) void queryClient.invalidateQueries({ queryKey: [key] });
  };
}
