import type { Formatter } from '../../ui/format';
import type { CloseReason, Pipeline, Stage, StageTotal } from './types';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A stage's name: the admin's, else the built-in stage's in the UI language. */
export function stageName(stage: Pick<Stage, 'key' | 'name'>, t: Translate): string {
  if (stage.name) return stage.name;
  return stage.key ? t(`sales.stageKeys.${stage.key}`, { defaultValue: stage.key }) : '';
}

/** A pipeline's name: the built-in first pipeline has none stored and is shown translated. */
export function pipelineName(pipeline: Pick<Pipeline, 'name'>, t: Translate): string {
  return pipeline.name || t('sales.pipelines.defaultName');
}

/** A close reason's name: the admin's, else the built-in reason's. */
export function reasonName(reason: Pick<CloseReason, 'key' | 'name'>, t: Translate): string {
  if (reason.name) return reason.name;
  return reason.key ? t(`sales.reasonKeys.${reason.key}`, { defaultValue: reason.key }) : '';
}

const UNITS = [
  ['days', 86_400],
  ['hours', 3_600],
  ['minutes', 60],
] as const;

export type DurationUnit = (typeof UNITS)[number][0];

/**
 * A time span as its two largest whole units ("3 d 4 h", "2 h 15 min"): enough to compare stages at a glance.
 * Shorter than a minute is an empty list.
 */
export function durationParts(seconds: number): { unit: DurationUnit; count: number }[] {
  let rest = Math.max(0, Math.floor(seconds));
  const parts: { unit: DurationUnit; count: number }[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length > 0) parts.push({ unit, count });
  }
  return parts.slice(0, 2).filter((p) => p.count > 0);
}

/** A time span in words of the UI language: `sales.duration.<unit>` per part. */
export function formatDuration(seconds: number, t: Translate): string {
  const parts = durationParts(seconds);
  if (!parts.length) return t('sales.duration.underMinute');
  return parts.map((p) => t(`sales.duration.${p.unit}`, { count: p.count })).join(' ');
}

/** A column's or a deal's sums, one per currency: "¥1,200.00 · US$300.00". */
export function moneyList(totals: readonly StageTotal[], which: 'amount' | 'weighted', format: Pick<Formatter, 'money'>): string {
  return totals.map((total) => format.money(total[which], total.currency)).join(' · ');
}
