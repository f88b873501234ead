import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';
import type { ReportChart } from './reports.tables.js';

/** One tile of a dashboard's grid: a saved report or a built-in figure, where it sits and how big it is. */
export interface DashboardTile {
  /** Stable within the dashboard (the grid's item key). */
  key: string;
  reportId?: string | null;
  /** A built-in tile (`sales.pipelineByStage`…); see dashboards.standard.ts. */
  builtin?: string | null;
  /** Draws the report otherwise than it was saved (a figure of a one-number report). */
  chart?: ReportChart | null;
  title?: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What narrows every tile: a period (days, workspace time) and an owner or a team. */
export interface DashboardFilters {
  period?: 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'thisYear' | 'last12Months' | 'custom' | null;
  from?: string | null;
  to?: string | null;
  ownerId?: string | null;
  teamId?: string | null;
}

/** A member's or a shared grid of tiles. */
export const dashboards = pgTable(
  'dashboards',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    shared: boolean('shared').notNull().default(false),
    tiles: jsonb('tiles').$type<DashboardTile[]>().notNull().default([]),
    filters: jsonb('filters').$type<DashboardFilters>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('dashboards_owner_idx').on(t.workspaceId, t.ownerId), tenantPolicy()],
).enableRLS();
