/** Enumerations of the interactions module (the timeline and tasks), shared by server and web. Stored values: never rename one. */
export const INTERACTION_TYPES = ['call', 'email', 'meeting', 'note', 'message', 'visit'] as const;
export const INTERACTION_CHANNELS = ['phone', 'email', 'sms', 'wechat', 'chat', 'in_person', 'web', 'portal', 'other'] as const;
export const INTERACTION_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
/** What came of a call or meeting. */
export const INTERACTION_OUTCOMES = ['connected', 'no_answer', 'busy', 'voicemail', 'failed', 'completed', 'rescheduled', 'cancelled'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;

export type InteractionType = (typeof INTERACTION_TYPES)[number];
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];
export type InteractionOutcome = (typeof INTERACTION_OUTCOMES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
