/** GET /service/reports (server/modules/service/reports.service.ts). */
export type ReportInterval = 'day' | 'week' | 'month';
export const REPORT_INTERVALS: ReportInterval[] = ['day', 'week', 'month'];
export const VOLUME_DIMENSIONS = ['type', 'channel', 'product'] as const;
export type VolumeDimension = (typeof VOLUME_DIMENSIONS)[number];

export interface Durations {
  dimension: 'all' | 'channel' | 'type';
  key: string | null;
  cases: number;
  responded: number;
  resolved: number;
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  resolutionMedian: number | null;
  resolutionP90: number | null;
  firstResponseBusinessMedian: number | null;
  firstResponseBusinessP90: number | null;
  resolutionBusinessMedian: number | null;
  resolutionBusinessP90: number | null;
}

export interface AttainmentRow {
  key: string | null;
  metric: 'first_response' | 'next_response' | 'resolution';
  total: number;
  met: number;
  breached: number;
  open: number;
  attainment: number | null;
  averageMinutes: number | null;
}

export interface SatisfactionRow {
  key: string | null;
  sent: number;
  answered: number;
  csat: number | null;
  nps: number | null;
}

export interface ServiceReport {
  from: string;
  to: string;
  interval: ReportInterval;
  volume: Record<VolumeDimension, { key: string | null; count: number }[]>;
  series: { period: string; created: number; backlog: number | null }[];
  backlogByAge: { bucket: 'lt1d' | 'd1to3' | 'd3to7' | 'd7to30' | 'gt30d'; count: number }[];
  backlogNow: number;
  times: Durations[];
  sla: AttainmentRow[];
  slaByAgent: AttainmentRow[];
  satisfaction: Record<'agent' | 'station' | 'product', SatisfactionRow[]>;
  labels: Record<string, string>;
}
