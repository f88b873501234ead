import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { toListFields, type ApiField, type CustomFieldDefinition, type ListField, type StandardField } from './fields';

/**
 * The fields of a list (GET /views/fields), labelled and typed with the module's configuration and the
 * custom field definitions (GET /custom-fields), in the UI language.
 */
export function useListFields(objectType: string, standard: Readonly<Record<string, StandardField>>) {
  const { t, i18n } = useTranslation();
  const apiFields = useQuery({
    queryKey: ['/views/fields', objectType],
    queryFn: ({ signal }) => api.get<{ data: ApiField[] }>('/views/fields', { objectType }, signal),
    staleTime: 60_000,
  });
  const definitions = useQuery({
    queryKey: ['/custom-fields', objectType],
    queryFn: ({ signal }) => api.get<{ data: CustomFieldDefinition[] }>('/custom-fields', { objectType }, signal),
    staleTime: 60_000,
  });
  const language = i18n.resolvedLanguage ?? i18n.language;
  const fields = useMemo<ListField[]>(
    () => (apiFields.data && definitions.data ? toListFields(apiFields.data.data, definitions.data.data, standard, t, language) : []),
    [apiFields.data, definitions.data, standard, t, language],
  );
  const byName = useMemo(() => new Map(fields.map((f) => [f.name, f])), [fields]);
  return { fields, byName, isPending: apiFields.isPending || definitions.isPending, error: apiFields.error ?? definitions.error };
}
