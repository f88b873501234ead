import { api } from '../../app/api';
import { BULK_MAX, mergeResults, type BulkResults } from './bulkResults';

function chunks<T>(items: readonly T[], size = BULK_MAX): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Changes records in calls of up to 1,000 (`{id, …fields}` each). */
export async function bulkUpdate(path: string, items: readonly ({ id: string } & Record<string, unknown>)[]): Promise<BulkResults> {
  const parts: BulkResults[] = [];
  for (const chunk of chunks(items)) parts.push(await api.patch<BulkResults>(`${path}/bulk`, { items: chunk }));
  return mergeResults(parts);
}

/** Moves records to the recycle bin in calls of up to 1,000. */
export async function bulkDelete(path: string, ids: readonly string[]): Promise<BulkResults> {
  const parts: BulkResults[] = [];
  for (const chunk of chunks(ids)) parts.push(await api.post<BulkResults>(`${path}/bulk-delete`, { ids: chunk }));
  return mergeResults(parts);
}
