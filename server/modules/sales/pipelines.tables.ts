import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CloseReasonKind, ForecastCategory, StageKind } from '../../../contracts/sales.js';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/** A sales process with its own ordered stages: new business, renewals, channel deals… */
export const pipelines = pgTable(
  'pipelines',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** New opportunities go here unless another pipeline is chosen; exactly one per workspace. */
    isDefault: boolean('is_default').notNull().default(false),
    position: integer('position').notNull().default(0),
    /** An archived pipeline takes no new opportunities; its history stays readable. */
    archivedAt: timestamp('archived_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('pipelines_default_idx').on(t.workspaceId).where(sql`is_default`),
    tenantPolicy(),
  ],
).enableRLS();

/** One step of a pipeline, with the probability and forecast category a deal gets on reaching it. */
export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    /** A built-in stage (`proposal`), named in the reader's language until `name` is set. */
    key: text('key'),
    name: text('name'),
    position: integer('position').notNull(),
    /** 0–100 */
    probability: integer('probability').notNull(),
    kind: text('kind').$type<StageKind>().notNull().default('open'),
    forecastCategory: text('forecast_category').$type<ForecastCategory>().notNull().default('pipeline'),
    /** A removed stage keeps its history; no deal can enter it any more. */
    removedAt: timestamp('removed_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('pipeline_stages_pipeline_idx').on(t.workspaceId, t.pipelineId, t.position), tenantPolicy()],
).enableRLS();

/** Why deals are won or lost: the workspace's own list, asked for when a deal closes. */
export const closeReasons = pgTable(
  'close_reasons',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    kind: text('kind').$type<CloseReasonKind>().notNull(),
    key: text('key'),
    name: text('name'),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), tenantPolicy()],
).enableRLS();
