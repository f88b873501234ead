import type { ForecastCategory, StageKind } from '../../../../contracts/sales';
import type { Stage } from '../types';

/** A stage as the editor holds it: `id` absent for a new one; `key` kept to show a built-in name until renamed. */
export interface StageDraft {
  /** A local key for React (the id, or a made-up one for new stages). */
  rowKey: string;
  id?: string;
  key: string | null;
  name: string;
  probability: number;
  kind: StageKind;
  forecastCategory: ForecastCategory;
}

export const toDrafts = (stages: readonly Stage[]): StageDraft[] =>
  stages.map((s) => ({ rowKey: s.id, id: s.id, key: s.key, name: s.name ?? '', probability: s.probability, kind: s.kind, forecastCategory: s.forecastCategory }));

/** The PUT /pipelines/{id}/stages body: an empty name keeps a built-in stage translated (null). */
export const toStagesBody = (drafts: readonly StageDraft[]) => ({
  stages: drafts.map((d) => ({
    ...(d.id ? { id: d.id } : {}),
    name: d.name.trim() || null,
    probability: d.probability,
    kind: d.kind,
    forecastCategory: d.forecastCategory,
  })),
});

/** The list with the item at `from` moved one place up (-1) or down (+1). */
export function moveItem<T>(items: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Problems the server would refuse, found before saving: an unnamed new stage, a missing kind. */
export function draftProblems(drafts: readonly StageDraft[]): ('unnamed' | 'needsKinds')[] {
  const problems: ('unnamed' | 'needsKinds')[] = [];
  if (drafts.some((d) => !d.key && !d.name.trim())) problems.push('unnamed');
  if (!(['open', 'won', 'lost'] as const).every((kind) => drafts.some((d) => d.kind === kind))) problems.push('needsKinds');
  return problems;
}
