import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { FormSubmission, WebForm } from './formTypes';

export const FORMS_KEY = ['/forms'] as const;

/** The workspace's web forms, newest first. */
export function useForms() {
  return useQuery({ queryKey: FORMS_KEY, queryFn: ({ signal }) => api.get<{ data: WebForm[] }>('/forms', undefined, signal) });
}

export function useWebForm(id: string | undefined) {
  return useQuery({ queryKey: [...FORMS_KEY, id], queryFn: ({ signal }) => api.get<WebForm>(`/forms/${id}`, undefined, signal), enabled: Boolean(id) });
}

/** A form's latest submissions (first page, newest first). */
export function useSubmissions(formId: string) {
  return useQuery({
    queryKey: [...FORMS_KEY, formId, 'submissions'],
    queryFn: ({ signal }) => api.get<{ data: FormSubmission[]; nextCursor: string | null }>(`/forms/${formId}/submissions`, { limit: 100 }, signal),
  });
}
