/** Enumerations of the service module (cases, queues, routing), shared by server and web. Stored values: never rename one. */

/** How the customer reached us. */
export const CASE_CHANNELS = ['phone', 'email', 'portal', 'wechat', 'walk_in', 'web'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/** new → open → pending_customer → resolved → closed; resolved and closed cases can be reopened (to open). */
export const CASE_STATUSES = ['new', 'open', 'pending_customer', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The statuses a case may go to from each status. */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['open', 'pending_customer', 'resolved', 'closed'],
  open: ['pending_customer', 'resolved', 'closed'],
  pending_customer: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

/** Statuses still being worked: they count as an agent's open workload. */
export const ACTIVE_CASE_STATUSES = ['new', 'open', 'pending_customer'] as const satisfies readonly CaseStatus[];

/** Built-in case types a workspace starts with (`service.typeKeys.<key>` until renamed). */
export const DEFAULT_CASE_TYPES = ['inquiry', 'pre_sales', 'repair', 'complaint', 'other'] as const;

/** What a message on a case is: a reply the customer sees, or a note only staff see. */
export const CASE_MESSAGE_KINDS = ['reply', 'note'] as const;
export type CaseMessageKind = (typeof CASE_MESSAGE_KINDS)[number];

/**
 * What a proactive reminder rule watches. Only order-line warranties today: sales has no subscriptions or
 * contracts yet; a `subscriptionEnds` trigger is a new value here plus its source in reminders.sources.ts.
 */
export const REMINDER_TRIGGERS = ['warrantyEnds'] as const;
export type ReminderTrigger = (typeof REMINDER_TRIGGERS)[number];
