import type { InfiniteData } from '@tanstack/react-query';
import type { Page } from '../../app/types';

/** What every record of a configurable list has (contacts, accounts; leads, opportunities, cases next). */
export interface ListRecord {
  id: string;
  name: string;
  /** Absent on records nobody owns (ListConfig.ownerless). */
  ownerId?: string | null;
  tags?: string[];
  custom?: Record<string, unknown> | null;
  /** Fields other modules contribute to the list (`value.abcTier`), read-only. */
  computed?: Record<string, string | number | null>;
  createdAt: string;
  updatedAt: string;
}

const customKey = (field: string) => (field.startsWith('custom.') ? field.slice('custom.'.length) : null);

/** A record's value of a list field (`company`, `custom.budget`, a contributed `value.abcTier`). */
export function valueOf(row: ListRecord, field: string): unknown {
  const key = customKey(field);
  if (key !== null) return row.custom?.[key] ?? null;
  if (row.computed && field in row.computed) return row.computed[field] ?? null;
  return (row as unknown as Record<string, unknown>)[field] ?? null;
}

/** The PATCH body that sets one list field: custom fields go in `custom` (the server merges it). */
export function fieldPatch(field: string, value: unknown): Record<string, unknown> {
  const key = customKey(field);
  return key !== null ? { custom: { [key]: value } } : { [field]: value };
}

/** A record with one field set (the optimistic copy of a kanban move). */
export function withValue<T extends ListRecord>(row: T, field: string, value: unknown): T {
  const key = customKey(field);
  return key !== null ? { ...row, custom: { ...(row.custom ?? {}), [key]: value } } : { ...row, [field]: value };
}

/** Bulk items adding or removing a tag: each record's whole new `tags`; records it would not change are left out. */
export function tagItems(rows: readonly ListRecord[], tag: string, action: 'add' | 'remove'): { id: string; tags: string[] }[] {
  const t = tag.trim();
  if (!t) return [];
  return rows.flatMap((row) => {
    const tags = row.tags ?? [];
    if (action === 'add') return tags.includes(t) ? [] : [{ id: row.id, tags: [...tags, t] }];
    return tags.includes(t) ? [{ id: row.id, tags: tags.filter((x) => x !== t) }] : [];
  });
}

/** A cursor list's cached pages without one record. */
export function withoutRow<T extends { id: string }>(data: InfiniteData<Page<T>> | undefined, id: string): InfiniteData<Page<T>> | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, data: page.data.filter((row) => row.id !== id) })) };
}

/** A cursor list's cached pages with a record first (it moved into this kanban column). */
export function withRowFirst<T extends { id: string }>(data: InfiniteData<Page<T>> | undefined, row: T): InfiniteData<Page<T>> | undefined {
  if (!data || data.pages.length === 0) return data;
  const [first, ...rest] = withoutRow(data, row.id)!.pages;
  return { ...data, pages: [{ ...first!, data: [row, ...first!.data] }, ...rest] };
}
