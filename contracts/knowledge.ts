/** Enumerations of the knowledge base and business calendars, shared by server and web. Stored values: never rename one. */

/** internal: staff only; public: also customers, on the self-service portal. */
export const ARTICLE_VISIBILITIES = ['internal', 'public'] as const;
export type ArticleVisibility = (typeof ARTICLE_VISIBILITIES)[number];

/** draft: being written, seen by writers only; published: found by search and suggestions. */
export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** A date that differs from a calendar's week: closed (holiday) or worked (make-up working day, 调休). */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
