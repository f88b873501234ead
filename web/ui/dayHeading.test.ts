import { describe, expect, it } from 'vitest';
import { dayHeading } from './dayHeading';

describe('dayHeading', () => {
  const now = new Date('2026-05-10T02:00:00Z'); // 10:00 on May 10 in Shanghai, 22:00 on May 9 in New York

  it('says today and yesterday in the calendar of the zone', () => {
    expect(dayHeading('2026-05-09T17:00:00Z', { locale: 'en', timeZone: 'Asia/Shanghai' }, now)).toBe('Today');
    expect(dayHeading('2026-05-09T15:00:00Z', { locale: 'en', timeZone: 'Asia/Shanghai' }, now)).toBe('Yesterday');
    expect(dayHeading('2026-05-09T15:00:00Z', { locale: 'en', timeZone: 'America/New_York' }, now)).toBe('Today');
    expect(dayHeading('2026-05-09T15:00:00Z', { locale: 'zh-CN', timeZone: 'Asia/Shanghai' }, now)).toBe('昨天');
  });

  it('gives older days as dates', () => {
    expect(dayHeading('2026-05-01T04:00:00Z', { locale: 'en', timeZone: 'Asia/Shanghai' }, now)).toBe('Friday, May 1, 2026');
  });
});
