import type { CasePriority } from '../../../../contracts/service';

export const SLA_METRICS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];
export type SlaTargets = Record<SlaMetric, number | null>;

export interface SlaPolicy {
  id: string;
  name: string;
  position: number;
  active: boolean;
  conditions: { priorities?: CasePriority[]; tiers?: string[]; typeIds?: string[]; channels?: string[] };
  targets: Record<CasePriority, SlaTargets>;
  businessHours: boolean;
  warnBeforeMinutes: number;
  escalation: { notifyAssignee: boolean; notifyManagers: boolean; raisePriority: boolean };
}

export interface SlaClock {
  metric: SlaMetric;
  cycle: number;
  targetMinutes: number;
  startedAt: string;
  dueAt: string;
  stoppedAt: string | null;
  paused: boolean;
  elapsedMinutes: number;
  breached: boolean;
}

export interface AttainmentRow {
  key: string | null;
  metric: SlaMetric;
  total: number;
  met: number;
  breached: number;
  open: number;
  attainment: number | null;
  averageMinutes: number | null;
}
