/** What the reports and dashboards API answers (server/modules/analytics/*.schema.ts). */
export type Aggregate = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'countDistinct';
export type DateBucket = 'day' | 'week' | 'month' | 'quarter' | 'year';
export type ChartType = 'table' | 'bar' | 'line' | 'pie' | 'funnel' | 'pivot' | 'figure';
export const CHART_TYPES: ChartType[] = ['table', 'bar', 'line', 'pie', 'funnel', 'pivot', 'figure'];
export const AGGREGATES: Aggregate[] = ['count', 'sum', 'avg', 'min', 'max', 'countDistinct'];
export const DATE_BUCKETS: DateBucket[] = ['day', 'week', 'month', 'quarter', 'year'];
export type FieldType = 'text' | 'uuid' | 'timestamp' | 'number' | 'boolean';

export interface ReportDefinition {
  objectType: string;
  fields?: string[];
  filters?: string[];
  filterLogic?: string | null;
  groupBy?: { field: string; bucket?: DateBucket | null }[];
  measures?: { aggregate: Aggregate; field?: string | null }[];
  sort?: string | null;
  limit?: number | null;
}

export interface ReportSchedule {
  frequency: 'daily' | 'weekly' | 'monthly';
  recipientIds: string[];
}

export interface Report {
  id: string;
  ownerId: string;
  name: string;
  description: string | null;
  shared: boolean;
  definition: ReportDefinition;
  chart: ChartType;
  schedule: ReportSchedule | null;
  nextSendAt: string | null;
  lastSentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type Cell = string | number | boolean | null;
export interface ReportColumn {
  key: string;
  kind: 'group' | 'measure' | 'field';
  field: string | null;
  type: FieldType;
  aggregate?: Aggregate;
  bucket?: DateBucket;
  /** Minor units of `currency`: shown as money. */
  money?: boolean;
}
export interface ReportResult {
  objectType: string;
  columns: ReportColumn[];
  /** The workspace's currency, which money columns are in. */
  currency?: string;
  rows: Record<string, Cell>[];
  truncated: boolean;
  labels: Record<string, Record<string, string>>;
}

export interface ListField {
  name: string;
  type: FieldType;
  sortable: boolean;
}

export interface DashboardTile {
  key: string;
  reportId?: string | null;
  builtin?: string | null;
  chart?: ChartType | null;
  title?: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
}
export type PeriodName = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'thisYear' | 'last12Months' | 'custom';
export const PERIODS: PeriodName[] = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'last12Months', 'custom'];
export interface DashboardFilters {
  period?: PeriodName | null;
  from?: string | null;
  to?: string | null;
  ownerId?: string | null;
  teamId?: string | null;
}
export interface Dashboard {
  id: string;
  ownerId: string;
  name: string;
  shared: boolean;
  tiles: DashboardTile[];
  filters: DashboardFilters;
  createdAt: string;
  updatedAt: string;
}
export interface TileRun {
  chart: ChartType;
  result: ReportResult | null;
  name: string | null;
}
