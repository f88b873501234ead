import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DealContactRole, ForecastCategory } from '../../../contracts/sales.js';
import { ownedRecordColumns, tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/** A deal being worked: what might be sold to whom, for how much, by when, and how far it has come. */
export const opportunities = pgTable(
  'opportunities',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    /** Copied from the stage's kind so that open pipeline, won and lost are one index range each. */
    status: text('status').$type<'open' | 'won' | 'lost'>().notNull().default('open'),
    /** Minor units (fen, cents) of `currency`; never a float. */
    amount: bigint('amount', { mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull(),
    /** Expected close date while open; the day it closed once won or lost. */
    closeDate: date('close_date', { mode: 'string' }).notNull(),
    /** 0–100: the stage's probability unless set by hand. */
    probability: integer('probability').notNull(),
    forecastCategory: text('forecast_category').$type<ForecastCategory>().notNull(),
    nextStep: text('next_step'),
    accountId: uuid('account_id'),
    /** The main person on the customer's side; the others are in opportunity_contacts. */
    contactId: uuid('contact_id'),
    source: text('source'),
    competitors: text('competitors').array().notNull().default(sql`'{}'`),
    closeReasonId: uuid('close_reason_id'),
    /** Who the deal was lost to (or won against). */
    closeCompetitor: text('close_competitor'),
    closeNote: text('close_note'),
    /** When the deal reached its current stage: time in stage is now − this. */
    stageEnteredAt: timestamp('stage_entered_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    /** The deal's id in the system it was imported from: importing the same file again updates, not duplicates. */
    externalId: text('external_id'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    ...ownedRecordColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // The kanban: one pipeline's live deals by stage, newest first.
    index('opportunities_board_idx').on(t.workspaceId, t.stageId, t.createdAt.desc(), t.id.desc()).where(sql`deleted_at is null`),
    index('opportunities_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('opportunities_owner_idx').on(t.workspaceId, t.ownerId, t.status, t.closeDate),
    index('opportunities_account_idx').on(t.workspaceId, t.accountId),
    index('opportunities_contact_idx').on(t.workspaceId, t.contactId),
    index('opportunities_close_idx').on(t.workspaceId, t.status, t.closeDate),
    uniqueIndex('opportunities_external_idx').on(t.workspaceId, t.externalId),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * Every move of a deal between stages, with when and by whom: time in stage and stage-to-stage conversion
 * are read from here exactly, not estimated. The first row of a deal has no `fromStageId` (it was created).
 */
export const opportunityStageChanges = pgTable(
  'opportunity_stage_changes',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    fromStageId: uuid('from_stage_id'),
    toStageId: uuid('to_stage_id').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true, precision: 3 }).notNull(),
    changedBy: uuid('changed_by'),
    /** How long the deal had been in `fromStageId`. */
    secondsInFromStage: bigint('seconds_in_from_stage', { mode: 'number' }),
    /** The deal's amount at the move (minor units), for conversion by value. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('opportunity_stage_changes_deal_idx').on(t.workspaceId, t.opportunityId, t.changedAt),
    index('opportunity_stage_changes_pipeline_idx').on(t.workspaceId, t.pipelineId, t.changedAt),
    tenantPolicy(),
  ],
).enableRLS();

/** The customer's people in a deal, and the part each plays. */
export const opportunityContacts = pgTable(
  'opportunity_contacts',
  {
    workspaceId: workspaceIdColumn(),
    opportunityId: uuid('opportunity_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    role: text('role').$type<DealContactRole>().notNull().default('other'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.opportunityId, t.contactId] }),
    index('opportunity_contacts_contact_idx').on(t.workspaceId, t.contactId),
    tenantPolicy(),
  ],
).enableRLS();

/** Products in a deal: what is being sold, how many, at what price (copied from the catalog when written). */
export const opportunityLines = pgTable(
  'opportunity_lines',
  {
    workspaceId: workspaceIdColumn(),
    opportunityId: uuid('opportunity_id').notNull(),
    position: integer('position').notNull(),
    productId: uuid('product_id').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    /** Minor units of the deal's currency. */
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    listPrice: bigint('list_price', { mode: 'number' }),
    /** 0–100 */
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
    /** quantity × unit price × (1 − discount), rounded to the minor unit. */
    total: bigint('total', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.opportunityId, t.position] }),
    index('opportunity_lines_product_idx').on(t.workspaceId, t.productId),
    tenantPolicy(),
  ],
).enableRLS();
