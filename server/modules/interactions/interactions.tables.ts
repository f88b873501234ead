import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { InteractionChannel, InteractionDirection, InteractionOutcome, InteractionType, TaskPriority, TaskStatus } from '../../../contracts/interactions.js';
import { ownedRecordColumns, tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

export interface Participant {
  /** A contact of the workspace, a member (user), or only an address (an e-mail, a phone number). */
  kind: 'contact' | 'user' | 'address';
  id?: string;
  address?: string;
  name?: string;
  /** from, to, cc, attendee, caller, callee… */
  role?: string;
}

export interface Attachment {
  name: string;
  contentType: string;
  size: number;
  /** Where the file is kept (platform files); absent while only the metadata is known. */
  fileId?: string;
  /** A file kept elsewhere: a call recording on the PBX. */
  url?: string;
}

/** One touchpoint with customers on any channel: a call, an e-mail, a meeting, a note, a message, a visit. */
export const interactions = pgTable(
  'interactions',
  {
    workspaceId: workspaceIdColumn(),
    /** UUIDv7 */
    id: uuid('id').notNull(),
    type: text('type').$type<InteractionType>().notNull(),
    channel: text('channel').$type<InteractionChannel>().notNull(),
    direction: text('direction').$type<InteractionDirection>(),
    /** When it happened; a meeting's start. */
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    /** A meeting's end (after occurredAt); null for events without a span. */
    endsAt: timestamp('ends_at', { withTimezone: true, precision: 3 }),
    /** A meeting that takes whole days: occurredAt and endsAt are midnights in the owner's time zone. */
    allDay: boolean('all_day').notNull().default(false),
    location: text('location'),
    durationSeconds: integer('duration_seconds'),
    subject: text('subject'),
    body: text('body'),
    outcome: text('outcome').$type<InteractionOutcome>(),
    participants: jsonb('participants').$type<Participant[]>().notNull().default(sql`'[]'`),
    attachments: jsonb('attachments').$type<Attachment[]>().notNull().default(sql`'[]'`),
    /** The source system's id (e-mail Message-ID, PBX call id): the same event logged twice is one item. */
    externalId: text('external_id'),
    /** Items of one conversation (an e-mail thread) share it. */
    threadId: uuid('thread_id'),
    /** ownerId: the member who logged it or whose interaction it is; ownership scopes apply to it. */
    ...ownedRecordColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('interactions_external_idx').on(t.workspaceId, t.channel, t.externalId),
    index('interactions_thread_idx').on(t.workspaceId, t.threadId),
    // The calendar: a member's meetings in a date range, one index range however long the timeline.
    index('interactions_meetings_idx').on(t.workspaceId, t.occurredAt).where(sql`type = 'meeting' and deleted_at is null`),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * Which records an interaction is on the timeline of: the records it was logged against, its contacts, and
 * what those roll up to (a contact's accounts). `occurred_at` and the filter columns are copied here so that
 * one record's timeline — 10,000 items on a busy account — is one index range, newest first.
 */
export const interactionLinks = pgTable(
  'interaction_links',
  {
    workspaceId: workspaceIdColumn(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    interactionId: uuid('interaction_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    type: text('type').$type<InteractionType>().notNull(),
    channel: text('channel').$type<InteractionChannel>().notNull(),
    ownerId: uuid('owner_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.recordType, t.recordId, t.interactionId] }),
    index('interaction_links_timeline_idx').on(t.workspaceId, t.recordType, t.recordId, t.occurredAt.desc(), t.interactionId.desc()),
    index('interaction_links_interaction_idx').on(t.workspaceId, t.interactionId),
    tenantPolicy(),
  ],
).enableRLS();

/** Something a member must do, by a date, perhaps about a record; may repeat (RRULE). */
export const tasks = pgTable(
  'tasks',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    notes: text('notes'),
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }),
    remindAt: timestamp('remind_at', { withTimezone: true, precision: 3 }),
    /** When the reminder went out; cleared when remindAt changes, so a new time reminds again. */
    remindedAt: timestamp('reminded_at', { withTimezone: true, precision: 3 }),
    priority: text('priority').$type<TaskPriority>().notNull().default('normal'),
    status: text('status').$type<TaskStatus>().notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true, precision: 3 }),
    /** RFC 5545 recurrence (`FREQ=WEEKLY;BYDAY=MO`): completing one creates the next. */
    recurrence: text('recurrence'),
    /** The occurrence whose completion created this one: reopening that one takes this one back. */
    repeatsFrom: uuid('repeats_from'),
    recordType: text('record_type'),
    recordId: uuid('record_id'),
    ...ownedRecordColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('tasks_owner_due_idx').on(t.workspaceId, t.ownerId, t.status, t.dueAt),
    index('tasks_record_idx').on(t.workspaceId, t.recordType, t.recordId),
    index('tasks_repeats_from_idx').on(t.workspaceId, t.repeatsFrom).where(sql`repeats_from is not null`),
    index('tasks_reminder_idx').on(t.remindAt).where(sql`reminded_at is null and status = 'open' and deleted_at is null`),
    tenantPolicy(),
  ],
).enableRLS();

/** A phone call as the PBX reports it, from ringing to hang-up; logged as an interaction when it ends. */
export const calls = pgTable(
  'calls',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    /** The PBX's id of the call (Asterisk's Linkedid/Uniqueid): events of one call share it. */
    externalId: text('external_id').notNull(),
    direction: text('direction').$type<'inbound' | 'outbound'>().notNull(),
    /** The customer's number in E.164 (or as given when it cannot be read). */
    customerNumber: text('customer_number').notNull(),
    /** Our side: the extension or line that rang or dialled. */
    lineNumber: text('line_number'),
    agentId: uuid('agent_id'),
    status: text('status').$type<'ringing' | 'answered' | 'ended'>().notNull(),
    contactId: uuid('contact_id'),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true, precision: 3 }),
    endedAt: timestamp('ended_at', { withTimezone: true, precision: 3 }),
    recordingUrl: text('recording_url'),
    interactionId: uuid('interaction_id'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('calls_external_idx').on(t.workspaceId, t.externalId), tenantPolicy()],
).enableRLS();

/** Which member answers which extension: how a PBX's events find the agent whose screen pops. */
export const callAgents = pgTable(
  'call_agents',
  {
    workspaceId: workspaceIdColumn(),
    userId: uuid('user_id').notNull(),
    extension: text('extension').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), uniqueIndex('call_agents_extension_idx').on(t.workspaceId, t.extension), tenantPolicy()],
).enableRLS();

/** The workspace's address for mail forwarded or BCC'd to the CRM: `<token>@<INBOUND_EMAIL_DOMAIN>`. */
export const mailInboxes = pgTable(
  'mail_inboxes',
  {
    workspaceId: workspaceIdColumn(),
    token: text('token').notNull(),
    /** Mail from an unknown outside sender creates a contact. */
    createContacts: boolean('create_contacts').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.workspaceId] }), uniqueIndex('mail_inboxes_token_idx').on(t.token), tenantPolicy()],
).enableRLS();

/** An SMTP account mail is sent through: the workspace's (userId null) or a member's own. */
export const mailAccounts = pgTable(
  'mail_accounts',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    userId: uuid('user_id'),
    fromName: text('from_name').notNull(),
    fromAddress: text('from_address').notNull(),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    /** TLS from the start (465); otherwise STARTTLS when the server offers it. */
    secure: boolean('secure').notNull().default(false),
    username: text('username'),
    /** Sealed with platform/secrets (AES-256-GCM). */
    passwordSealed: text('password_sealed'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), tenantPolicy()],
).enableRLS();

/** A reusable mail with merge fields (`{{contact.name}}`), written in each language the workspace uses. */
export const emailTemplates = pgTable(
  'email_templates',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** By locale: { "zh-CN": "…", "en": "…" }. */
    subjects: jsonb('subjects').$type<Record<string, string>>().notNull(),
    bodies: jsonb('bodies').$type<Record<string, string>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), tenantPolicy()],
).enableRLS();

/** A mail to one contact, from its queuing to its sending (the send job's outbox; nothing queued is lost). */
export const outgoingEmails = pgTable(
  'outgoing_emails',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    /** The contact it goes to; null for a mail to a member (a task reminder), named by `userId`. */
    contactId: uuid('contact_id'),
    userId: uuid('user_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** Files it carries (a scheduled report's CSV), kept in the workspace's files until it is sent. */
    attachments: jsonb('attachments').$type<{ fileId: string; filename: string; contentType: string }[]>().notNull().default(sql`'[]'`),
    /** `sending` is committed before the SMTP exchange: a crash during it never sends the mail twice. */
    status: text('status').$type<'queued' | 'sending' | 'sent' | 'failed'>().notNull().default('queued'),
    messageId: text('message_id'),
    error: text('error'),
    interactionId: uuid('interaction_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('outgoing_emails_status_idx').on(t.workspaceId, t.status), tenantPolicy()],
).enableRLS();

/** A member's choice of how task reminders reach them; no row: in the app, and by e-mail when the workspace has a mail account. */
export const reminderPreferences = pgTable(
  'reminder_preferences',
  {
    workspaceId: workspaceIdColumn(),
    userId: uuid('user_id').notNull(),
    byEmail: boolean('by_email').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), tenantPolicy()],
).enableRLS();

/** Settings of the timeline per workspace; no row: the defaults. */
export const interactionSettings = pgTable(
  'interaction_settings',
  {
    workspaceId: workspaceIdColumn(),
    /** A contact or account not in touch for this many days is suggested for a follow-up. */
    followUpDays: integer('follow_up_days').notNull().default(30),
  },
  (t) => [primaryKey({ columns: [t.workspaceId] }), tenantPolicy()],
).enableRLS();

/**
 * A follow-up suggestion a member put aside: until a date (snoozed), or, with `until` null, until the record
 * is in touch again (dismissed: a later silence suggests it anew).
 */
export const followUpSnoozes = pgTable(
  'follow_up_snoozes',
  {
    workspaceId: workspaceIdColumn(),
    userId: uuid('user_id').notNull(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    until: timestamp('until', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.recordType, t.recordId] }), tenantPolicy()],
).enableRLS();

/** A kind of call (sales inquiry, complaint, callback…) with its script (话术) in each language. */
export const callTypes = pgTable(
  'call_types',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    /** By locale: { "zh-CN": "投诉", "en": "Complaint" }. */
    names: jsonb('names').$type<Record<string, string>>().notNull(),
    /** By locale, with merge fields ({{contact.name}}). */
    scripts: jsonb('scripts').$type<Record<string, string>>().notNull(),
    /** Which calls start with this type: `inbound_known`, `inbound_unknown`, `outbound`. */
    defaultFor: text('default_for').array().notNull().default(sql`'{}'`),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), tenantPolicy()],
).enableRLS();

/** Where a mailbox folder's sync stands: the UIDs below `lastUid` of this UIDVALIDITY are logged. */
export interface MailboxFolderState {
  uidValidity: string;
  lastUid: number;
}
export type MailboxTls = 'tls' | 'starttls' | 'none';

/**
 * An IMAP mailbox whose mail is logged on the timeline: a member's own (userId) or the workspace's (null).
 * `folderState` advances in the transaction that logs each message, so a crash mid-sync repeats nothing.
 */
export const mailboxes = pgTable(
  'mailboxes',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    userId: uuid('user_id'),
    /** The mailbox's own address: mail from it in any folder is ours (outbound). */
    address: text('address').notNull(),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    tls: text('tls').$type<MailboxTls>().notNull(),
    username: text('username').notNull(),
    /** Sealed with platform/secrets (AES-256-GCM). */
    passwordSealed: text('password_sealed').notNull(),
    /** Folder paths to sync; null: INBOX and the folder flagged \Sent. */
    folders: text('folders').array(),
    /** Mail from an unknown outside sender creates a contact. */
    createContacts: boolean('create_contacts').notNull().default(false),
    /** The first sync (and a resync after UIDVALIDITY changed) reaches back this many days. */
    initialSyncDays: integer('initial_sync_days').notNull().default(30),
    enabled: boolean('enabled').notNull().default(true),
    /** By folder path. */
    folderState: jsonb('folder_state').$type<Record<string, MailboxFolderState>>().notNull().default(sql`'{}'`),
    /** The latest sync job (queued, running or done), for its progress. */
    syncJobId: uuid('sync_job_id'),
    lastSyncAt: timestamp('last_sync_at', { withTimezone: true, precision: 3 }),
    /** Why the last sync failed, as an error code with its params (translated in the UI); null after a good one. */
    lastError: jsonb('last_error').$type<{ code: string; params?: Record<string, unknown> }>(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('mailboxes_user_idx').on(t.workspaceId, t.userId), tenantPolicy()],
).enableRLS();
