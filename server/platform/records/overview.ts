import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../auth/context.js';

/** A number at the top of a 360-degree view: lifetime revenue, open cases, last contact… */
export interface KeyFigure {
  key: string;
  /** Number, money in minor units, or ISO date, as `format` says; null when there is none yet. */
  value: number | string | null;
  format: 'count' | 'money' | 'date';
  currency?: string;
}

/**
 * One related record in a panel. Words the reader's language must say (a status) travel as keys and
 * amounts as numbers, so the web translates and formats them; `subtitle` holds stored text only.
 */
export interface PanelItem {
  id: string;
  title: string;
  subtitle: string | null;
  /** A date or instant the row is about (close date, order date…). */
  at?: string | null;
  /** A status key of the record type, shown translated (`overview.status.<recordType>.<status>`). */
  status?: string;
  amount?: { value: number; currency: string };
}

/** A panel of related records on a 360-degree view. */
export interface Panel {
  key: string;
  /** Record type of the items, for links. */
  recordType: string;
  total: number;
  items: PanelItem[];
}

export interface OverviewPart {
  figures?: KeyFigure[];
  panels?: Panel[];
}

/**
 * What a module adds to the 360-degree view of a record type. Modules register contributors at start;
 * the view collects them, so a new module shows its panels and figures without editing the customers
 * module (opportunities on an account, cases on a contact, orders and products owned…).
 */
export type OverviewContributor = (tx: Executor, ctx: RequestContext, recordId: string) => Promise<OverviewPart>;

const contributors = new Map<string, OverviewContributor[]>();

export function contributeToOverview(recordType: string, contributor: OverviewContributor): void {
  contributors.set(recordType, [...(contributors.get(recordType) ?? []), contributor]);
}

/** Every registered contributor's figures and panels for one record, in registration order. */
export async function collectOverview(tx: Executor, ctx: RequestContext, recordType: string, recordId: string): Promise<Required<OverviewPart>> {
  const figures: KeyFigure[] = [];
  const panels: Panel[] = [];
  for (const contribute of contributors.get(recordType) ?? []) {
    const part = await contribute(tx, ctx, recordId);
    figures.push(...(part.figures ?? []));
    panels.push(...(part.panels ?? []));
  }
  return { figures, panels };
}
