/** How a task repeats, as the form offers it, and the RFC 5545 RRULE the API stores. */
export const REPEAT_CHOICES = ['none', 'daily', 'weekly', 'monthly', 'custom'] as const;
export type RepeatChoice = (typeof REPEAT_CHOICES)[number];

const RULES: Record<Exclude<RepeatChoice, 'none' | 'custom'>, string> = {
  daily: 'FREQ=DAILY',
  weekly: 'FREQ=WEEKLY',
  monthly: 'FREQ=MONTHLY',
};

/**
 * The RRULE of a choice: the simple ones repeat on the due date's weekday or day of month (the server
 * starts the rule at the due date); `custom` is the typed rule without an `RRULE:` prefix; none is null.
 */
export function repeatRule(choice: RepeatChoice, custom?: string | null): string | null {
  if (choice === 'none') return null;
  if (choice === 'custom') return custom?.trim().replace(/^RRULE:/i, '').trim() || null;
  return RULES[choice];
}

/** The form's choice for a stored rule: a simple one when it is exactly that, else custom. */
export function repeatChoiceOf(rule: string | null | undefined): { choice: RepeatChoice; custom: string | null } {
  const clean = rule?.trim().replace(/^RRULE:/i, '').toUpperCase() ?? '';
  if (!clean) return { choice: 'none', custom: null };
  const simple = (Object.keys(RULES) as (keyof typeof RULES)[]).find((k) => RULES[k] === clean.replace(/;INTERVAL=1$/, ''));
  return simple ? { choice: simple, custom: null } : { choice: 'custom', custom: rule!.trim() };
}

/** Whether an open task's due time has passed. */
export function isOverdue(task: { dueAt: string | null; status: string }, now = Date.now()): boolean {
  return task.status === 'open' && task.dueAt !== null && new Date(task.dueAt).getTime() < now;
}

/** Tasks by due time, soonest first, undated last; ties by title. */
export function byDue<T extends { dueAt: string | null; title: string }>(a: T, b: T): number {
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  return a.title.localeCompare(b.title);
}
