import type { Quota } from './types';

/** How many more the caller may claim now (null: no limit). */
export function remainingOf(quota: Quota | undefined): number | null {
  if (!quota) return null;
  const left = [quota.maxHeld === null ? null : quota.maxHeld - quota.held, quota.maxDailyClaims === null ? null : quota.maxDailyClaims - quota.claimedToday].filter((n): n is number => n !== null);
  return left.length === 0 ? null : Math.max(0, Math.min(...left));
}
