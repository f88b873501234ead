import { useState } from 'react';

const storageKey = (objectType: string) => `guanxi.columns.${objectType}`;

function stored(objectType: string): string[] | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(objectType)) ?? 'null');
    return Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length ? value : null;
  } catch {
    return null;
  }
}

/** The columns a list shows: chosen by the user (remembered per list in localStorage) or set by a view. */
export function useColumns(objectType: string, defaults: readonly string[]) {
  const [columns, setState] = useState<string[]>(() => stored(objectType) ?? [...defaults]);
  const setColumns = (next: readonly string[]) => {
    const value = next.length ? [...next] : [...defaults];
    setState(value);
    try {
      localStorage.setItem(storageKey(objectType), JSON.stringify(value));
    } catch {
      // Private mode: the choice lasts for the page.
    }
  };
  return { columns, setColumns, reset: () => setColumns(defaults) };
}
