import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Locale } from '../../../contracts/roles.js';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

export const FORM_FIELD_TYPES = ['text', 'email', 'phone', 'textarea', 'select', 'checkbox'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];
/** Contact fields a form field can fill; `custom.<key>` fills a contact custom field; null keeps it in the submission only. */
export const CONTACT_TARGETS = ['name', 'email', 'phone', 'company', 'title'] as const;
export type ContactTarget = (typeof CONTACT_TARGETS)[number];

/** One question of a form, in the order shown. */
export interface FormField {
  /** Stable name of the answer (`company`, `budget`): the input's name and the key in submissions. */
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  /** Choices of a `select`. */
  options?: string[];
  /** Where the answer goes on the contact: a contact field, `custom.<key>`, or null (the submission only). */
  mapTo: string | null;
}

/** A web form an admin builds: shown on a hosted page (`/f/<token>`) or embedded, creating or updating contacts. */
export const forms = pgTable(
  'forms',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    language: text('language').$type<Locale>().notNull(),
    title: text('title').notNull(),
    intro: text('intro'),
    fields: jsonb('fields').$type<FormField[]>().notNull().default(sql`'[]'`),
    submitLabel: text('submit_label'),
    thankYou: text('thank_you'),
    redirectUrl: text('redirect_url'),
    active: boolean('active').notNull().default(true),
    /** The public, unguessable part of the form's URLs: found by it across workspaces. */
    token: text('token').notNull(),
    /** Who new contacts from the form belong to; null: nobody (visible to roles that read all). */
    contactOwnerId: uuid('contact_owner_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('forms_token_idx').on(t.token), tenantPolicy()],
).enableRLS();

export type SubmittedValue = string | boolean | string[];

/** One submission of a form, kept as sent (spam too, flagged), with the contact it created or updated. */
export const formSubmissions = pgTable(
  'form_submissions',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    formId: uuid('form_id').notNull(),
    values: jsonb('values').$type<Record<string, SubmittedValue>>().notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    contactId: uuid('contact_id'),
    /** created: a new contact; updated: blanks of an existing one filled; matched: an existing one, nothing to fill. */
    contactAction: text('contact_action').$type<'created' | 'updated' | 'matched'>(),
    interactionId: uuid('interaction_id'),
    /** The honeypot was filled: kept for counting, nothing created. */
    spam: boolean('spam').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('form_submissions_form_idx').on(t.workspaceId, t.formId, t.createdAt.desc(), t.id.desc()), tenantPolicy()],
).enableRLS();
