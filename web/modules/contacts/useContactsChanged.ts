import { useQueryClient } from '@tanstack/react-query';

/**
 * After a contact was created, changed or deleted: refresh what shows contacts (lists, the home page,
 * search hits, audit history). `except` is a deleted contact's id, whose own query must not be refetched.
 */
export function useContactsChanged() {
  const queryClient = useQueryClient();
  return (except?: string) => {
    void queryClient.invalidateQueries({ queryKey: ['/contacts'], predicate: (q) => except === undefined || q.queryKey[1] !== except });
    void queryClient.invalidateQueries({ queryKey: ['home'] });
    void queryClient.invalidateQueries({ queryKey: ['search'] });
    void queryClient.invalidateQueries({ queryKey: ['/audit-log'] });
  };
}
