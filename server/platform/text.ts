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

/** A list of labels (tags, competitors) as stored: trimmed, blanks dropped, each once. */
export function cleanList(values: readonly string[] | null | undefined): string[] {
  return [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
}
