import type { DealContactRole, ForecastCategory, StageKind } from '../../../contracts/sales';

/** One stage of a pipeline (GET /pipelines). Built-in stages have a `key` and no `name` until renamed. */
export interface Stage {
  id: string;
  pipelineId: string;
  key: string | null;
  name: string | null;
  position: number;
  probability: number;
  kind: StageKind;
  forecastCategory: ForecastCategory;
}

export interface Pipeline {
  id: string;
  /** Empty for the built-in first pipeline (shown translated). */
  name: string;
  isDefault: boolean;
  position: number;
  archivedAt: string | null;
  stages: Stage[];
}

export interface CloseReason {
  id: string;
  kind: 'won' | 'lost';
  key: string | null;
  name: string | null;
  position: number;
  active: boolean;
}

/** An opportunity as the API gives it; money in minor units of `currency`. */
export interface Opportunity {
  id: string;
  name: string;
  pipelineId: string;
  stageId: string;
  amount: number;
  currency: string;
  closeDate: string;
  probability: number;
  forecastCategory: ForecastCategory;
  nextStep: string | null;
  accountId: string | null;
  contactId: string | null;
  source: string | null;
  competitors: string[];
  closeReasonId: string | null;
  closeCompetitor: string | null;
  closeNote: string | null;
  tags: string[];
  ownerId: string | null;
  custom: Record<string, unknown>;
  status: StageKind;
  stageEnteredAt: string;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A stage's sum in one currency (minor units), and the same weighted by probability. */
export interface StageTotal {
  currency: string;
  amount: number;
  weighted: number;
}

export interface BoardColumn {
  stage: Stage;
  count: number;
  totals: StageTotal[];
  cards: Opportunity[];
  nextCursor: string | null;
}

export interface Board {
  pipeline: Pipeline;
  columns: BoardColumn[];
}

export interface StageVisit {
  stageId: string;
  stageName: string | null;
  stageKey: string | null;
  enteredAt: string;
  leftAt: string | null;
  seconds: number;
  changedBy: string | null;
}

export interface DealContact {
  contactId: string;
  name: string;
  title: string | null;
  role: DealContactRole;
}

/** What closing a deal asks for (the dialog on a move to a won or lost stage). */
export interface CloseDetails {
  closeReasonId: string | null;
  closeCompetitor?: string | null;
  closeNote?: string | null;
}
