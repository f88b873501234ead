/** A quota cell of the editor: member × month, `userId|2026-03`. */
export const cellKey = (userId: string, month: string) => `${userId}|${month}`;

export interface StoredQuota {
  subjectType: string;
  subjectId: string;
  month: string;
  amount: number;
  currency: string;
}

/** The grid's start values in major units (yuan), members' quotas only. */
export function quotaCells(quotas: readonly StoredQuota[], digits: number): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const q of quotas) if (q.subjectType === 'user') cells[cellKey(q.subjectId, q.month)] = q.amount / 10 ** digits;
  return cells;
}

/** The PUT /sales/quotas items for the cells that changed: minor units, a cleared cell as null (removes it). */
export function quotaChanges(before: Record<string, number>, after: Record<string, number | null | undefined>, currency: string, digits: number) {
  const changes: { subjectType: 'user'; subjectId: string; month: string; amount: number | null; currency: string }[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const next = after[key] ?? null;
    if (next === (before[key] ?? null)) continue;
    const [subjectId, month] = key.split('|') as [string, string];
    changes.push({ subjectType: 'user', subjectId, month, amount: next === null ? null : Math.round(next * 10 ** digits), currency });
  }
  return changes;
}
