import { useQueryClient } from '@tanstack/react-query';

/**
 * After an account was created, changed or deleted, or its contacts changed: refresh what shows accounts
 * (lists, overviews, search hits, audit history). `except` is a deleted account's id, not to be refetched.
 */
export function useAccountsChanged() {
  const queryClient = useQueryClient();
  return (except?: string) => {
    void queryClient.invalidateQueries({ queryKey: ['/accounts'], predicate: (q) => except === undefined || q.queryKey[1] !== except });
    void queryClient.invalidateQueries({ queryKey: ['overview'] });
    void queryClient.invalidateQueries({ queryKey: ['search'] });
    void queryClient.invalidateQueries({ queryKey: ['/audit-log'] });
  };
}
