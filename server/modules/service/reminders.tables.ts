import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Locale } from '../../../contracts/roles.js';
import type { ReminderTrigger } from '../../../contracts/service.js';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/**
 * A proactive reminder: "warranty ends in N days" → a task for the customer's owner, a mail to the customer,
 * a notification in the app. The daily sweep fires each rule once per subject (an order line…).
 */
export const serviceReminderRules = pgTable(
  'service_reminder_rules',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    trigger: text('trigger').$type<ReminderTrigger>().notNull(),
    /** Fire when the end date is at most this many days away (and not past). */
    daysBefore: integer('days_before').notNull(),
    createTask: boolean('create_task').notNull().default(true),
    emailCustomer: boolean('email_customer').notNull().default(false),
    notifyOwner: boolean('notify_owner').notNull().default(true),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), tenantPolicy()],
).enableRLS();

/**
 * Each time a rule fired for a subject, with what it did. The unique key is what makes the sweep fire once:
 * the row is inserted in the same transaction as the task and the queued mail, so a crash leaves neither
 * and a second sweep running at the same time waits on the key, then finds it taken.
 */
export const serviceRemindersFired = pgTable(
  'service_reminders_fired',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    ruleId: uuid('rule_id').notNull(),
    /** What ended, per trigger: `orderLine:<order id>:<position>` for a warranty. */
    subjectKey: text('subject_key').notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    productId: uuid('product_id'),
    productName: text('product_name').notNull(),
    orderId: uuid('order_id'),
    orderNumber: text('order_number'),
    accountId: uuid('account_id'),
    contactId: uuid('contact_id'),
    /** Who was told (the account's owner, else the contact's, else the order's). */
    ownerId: uuid('owner_id'),
    taskId: uuid('task_id'),
    /** The queued mail in the outbox. */
    emailId: uuid('email_id'),
    /** Why no mail went although the rule asks for one (no_contact, no_email, no_mail_account). */
    emailSkipped: text('email_skipped'),
    language: text('language').$type<Locale>(),
    firedAt: timestamp('fired_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('service_reminders_fired_once_idx').on(t.workspaceId, t.ruleId, t.subjectKey),
    // The history, newest first.
    index('service_reminders_fired_at_idx').on(t.workspaceId, t.firedAt),
    tenantPolicy(),
  ],
).enableRLS();
