import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Contact } from '../../app/types';

/** One contact (GET /contacts/{id}); under the `/contacts` key prefix, so list refreshes include it. */
export function useContact(id: string) {
  return useQuery({
    queryKey: ['/contacts', id],
    queryFn: ({ signal }) => api.get<Contact>(`/contacts/${id}`, undefined, signal),
  });
}
