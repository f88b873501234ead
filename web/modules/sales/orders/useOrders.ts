import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** Refreshes everything that shows orders (lists, an order, 360 panels and figures) after a change. */
export function useOrdersChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && (q.queryKey[0].startsWith('/orders') || q.queryKey[0] === 'overview') });
  }, [queryClient]);
}
