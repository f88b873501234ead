import type { FormInstance } from 'antd';
import { ApiError } from './api';
import { i18n } from './i18n';

function toNamePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows a failed submit on its form: each `errors[].field` the form has gets its (already translated)
 * message under the field; returns the text for an Alert (the problem's detail plus any field messages
 * the form could not place), or null when everything found a field.
 */
export function applyServerErrors(form: FormInstance, err: unknown): string | null {
  if (!(err instanceof ApiError)) return i18n.t('common.unexpectedError');
  const known = new Set<string>();
  form.getFieldsValue(true, (meta) => {
    if (meta) known.add(meta.name.join('.'));
    return false;
  });
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const problem of err.problem.errors ?? []) {
    if (known.has(problem.field)) placed.push({ name: toNamePath(problem.field), errors: [problem.message] });
    else unplaced.push(problem.message);
  }
  if (placed.length) form.setFields(placed);
  if (placed.length && !unplaced.length) return null;
  return [err.problem.detail ?? err.problem.title, ...unplaced].join(' ');
}
