/** What a win/loss or forecast row is grouped by. */
export const WIN_LOSS_DIMENSIONS = ['owner', 'team', 'manager', 'region', 'source', 'competitor', 'reason', 'pipeline', 'month', 'quarter'] as const;
export type WinLossDimension = (typeof WIN_LOSS_DIMENSIONS)[number];
export const FORECAST_GROUPS = ['all', 'owner', 'team', 'region'] as const;
export type ForecastGroup = (typeof FORECAST_GROUPS)[number];

/** Names of the ids a row key may hold: members (owners, managers), teams, close reasons, pipelines. */
export interface GroupLookups {
  member: (id: string) => string | undefined;
  team: (id: string) => string | undefined;
  reason: (id: string) => string | undefined;
  pipeline: (id: string) => string | undefined;
}

/**
 * The label of a row key: ids resolved to names, months and quarters as the locale writes them, and a missing
 * key (no owner, no region…) as `none`.
 */
export function groupLabel(dimension: WinLossDimension | ForecastGroup, key: string | null, lookups: GroupLookups, texts: { none: string; unknown: string; locale: string }): string {
  if (key === null || key === '') return texts.none;
  switch (dimension) {
    case 'owner':
    case 'manager':
      return lookups.member(key) ?? texts.unknown;
    case 'team':
      return lookups.team(key) ?? texts.unknown;
    case 'reason':
      return lookups.reason(key) ?? texts.unknown;
    case 'pipeline':
      return lookups.pipeline(key) ?? texts.unknown;
    case 'month':
      return monthLabel(key, texts.locale);
    default:
      return key;
  }
}

/** `2026-03` → "Mar 2026" / "2026年3月"; a quarter `2026-Q1` stays as it is. */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A period key of the forecast (`2026-03` or `2026-Q1`) as a label. */
export const periodLabel = (period: string, locale: string) => (period.includes('Q') ? period : monthLabel(period, locale));
