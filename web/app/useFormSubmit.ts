import { useMutation } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from './formErrors';

/**
 * Submits a form to the API: while pending `pending`; on a problem+json answer the field messages land
 * under their fields and the rest in `error` (for a FormAlert).
 */
export function useFormSubmit<V, R>(
  form: FormInstance,
  send: (values: V) => Promise<R>,
  onSuccess?: (result: R, values: V) => void | Promise<void>,
) {
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: send,
    onMutate: () => setError(null),
    onSuccess: (result, values) => onSuccess?.(result, values),
    onError: (err) => setError(applyServerErrors(form, err)),
  });
  return {
    submit: (values: V) => mutation.mutate(values),
    pending: mutation.isPending,
    error,
    clearError: () => setError(null),
    reset: () => {
      setError(null);
      mutation.reset();
    },
  };
}
