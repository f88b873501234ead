/** The answer of PATCH /<object>/bulk and POST /<object>/bulk-delete. */
export interface BulkResults {
  succeeded: number;
  failed: number;
  results: { index: number; status: number; id?: string; code?: string; message?: string }[];
}

/** The server takes up to 1,000 items a call. */
export const BULK_MAX = 1000;

/** Several answers as one, indexes counted over all items. */
export function mergeResults(parts: readonly BulkResults[]): BulkResults {
  let offset = 0;
  const merged: BulkResults = { succeeded: 0, failed: 0, results: [] };
  for (const part of parts) {
    merged.succeeded += part.succeeded;
    merged.failed += part.failed;
    merged.results.push(...part.results.map((r) => ({ ...r, index: r.index + offset })));
    offset += part.results.length;
  }
  return merged;
}

/** The failures of a bulk call, with the record each was about. */
export function failuresOf<T extends { id: string }>(results: BulkResults, ids: readonly string[], rows: readonly T[]): { row: T | undefined; message: string }[] {
  return results.results
    .filter((r) => r.status >= 400)
    .map((r) => ({ row: rows.find((row) => row.id === ids[r.index]), message: r.message ?? r.code ?? String(r.status) }));
}

/** A value from the value editor (a string) as the field's JSON value; '' clears. */
export function editorValue(kind: string, value: string): unknown {
  if (value === '') return null;
  if (kind === 'number') return Number(value);
  if (kind === 'boolean') return value === 'true';
  return value;
}
