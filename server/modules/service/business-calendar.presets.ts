import type { CalendarDay } from './business-calendar.js';

/** Holiday schedules that can be added to a calendar in one click. */
export interface CalendarPreset {
  id: string;
  /** Where the schedule comes from. */
  source: string;
  days: CalendarDay[];
}

const range = (from: string, to: string, name: string): CalendarDay[] => {
  const out: CalendarDay[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push({ date: new Date(t).toISOString().slice(0, 10), kind: 'holiday', name });
  return out;
};
const workday = (date: string, name: string): CalendarDay => ({ date, kind: 'workday', name: `${name}调休上班` });

/**
 * Mainland China 2026, from the State Council General Office notice of 4 November 2025 (国务院办公厅关于2026年
 * 部分节假日安排的通知): every day off of each holiday, weekends inside it included, and the make-up working days.
 */
const CN_2026: CalendarDay[] = [
  ...range('2026-01-01', '2026-01-03', '元旦'),
  workday('2026-01-04', '元旦'),
  workday('2026-02-14', '春节'),
  ...range('2026-02-15', '2026-02-23', '春节'),
  workday('2026-02-28', '春节'),
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  workday('2026-05-09', '劳动节'),
  ...range('2026-06-19', '2026-06-21', '端午节'),
  workday('2026-09-20', '国庆节'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
  workday('2026-10-10', '国庆节'),
];

export const CALENDAR_PRESETS: CalendarPreset[] = [{ id: 'cn-2026', source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)', days: CN_2026 }];
