/**
 * Free text as stored: trimmed, blank → null (a cleared field, not an empty string), optionally lower-cased
 * (e-mail addresses). Undefined stays undefined: the field was not written.
 */
export function cleanText(value: string | null | undefined, lower = false): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return lower ? trimmed.toLowerCase() : trimmed;
}
