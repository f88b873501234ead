/** A period of whole days, both ends included: `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

export const QUICK_RANGES = ['thisQuarter', 'lastQuarter', 'thisYear', 'lastYear', 'last12Months'] as const;
export type QuickRange = (typeof QUICK_RANGES)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** The last day of month m (1–12) of year y. */
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The days of a quick range around `today` (a calendar day in the user's zone). */
export function quickRange(range: QuickRange, today: string): DayRange {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const quarterStart = Math.floor((m - 1) / 3) * 3 + 1;
  switch (range) {
    case 'thisQuarter':
      return { from: day(y, quarterStart, 1), to: day(y, quarterStart + 2, lastDay(y, quarterStart + 2)) };
    case 'lastQuarter': {
      const [qy, qm] = quarterStart === 1 ? [y - 1, 10] : [y, quarterStart - 3];
      return { from: day(qy, qm, 1), to: day(qy, qm + 2, lastDay(qy, qm + 2)) };
    }
    case 'thisYear':
      return { from: day(y, 1, 1), to: day(y, 12, 31) };
    case 'lastYear':
      return { from: day(y - 1, 1, 1), to: day(y - 1, 12, 31) };
    case 'last12Months': {
      const [sy, sm] = m === 12 ? [y, 1] : [y - 1, m + 1];
      return { from: day(sy, sm, 1), to: day(y, m, lastDay(y, m)) };
    }
  }
}

/** The months a day range touches: `2026-01` … `2026-03`. */
export function monthsOf({ from, to }: DayRange): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const month = `${y}-${pad(m)}`;
    if (month > end) break;
    months.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

/** Today as a calendar day in a time zone. */
export function todayIn(timeZone: string | undefined, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The forecast's period key of a month: itself, or its quarter `2026-Q1`. */
export const periodOf = (month: string, interval: 'month' | 'quarter') => (interval === 'quarter' ? `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}` : month);

/**
 * Every period from one month to another, so that a chart's axis has no silent gaps (the forecast answers only
 * periods with deals or quotas).
 */
export function periodsBetween(from: string, to: string, interval: 'month' | 'quarter'): string[] {
  return [...new Set(monthsOf({ from: `${from}-01`, to: `${to}-01` }).map((m) => periodOf(m, interval)))];
}
