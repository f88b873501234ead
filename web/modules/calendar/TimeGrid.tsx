import { EnvironmentOutlined } from '@ant-design/icons';
import { theme, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { toWallClock } from '../../ui/zonedTime';
import { DAY_MINUTES, layoutColumns, minutesIn, sameDay, touchesDay } from './calendarDays';
import { EventChip, hhmm, type GridEvents } from './EventChip';
import type { Meeting } from './useCalendar';

/** Pixels of one hour in the grid. */
const HOUR_PX = 48;
/** Where the grid opens scrolled to: the start of a working day. */
const FIRST_VISIBLE_HOUR = 8;

interface TimeGridProps extends GridEvents {
  days: Date[];
  /** A click on an empty half hour: its wall-clock start. */
  onSlot: (wallStart: Date) => void;
}

/** A meeting's span on the user's wall clock (a meeting without an end shows as half an hour). */
export function wallSpan(meeting: Meeting, timeZone?: string) {
  const start = toWallClock(new Date(meeting.occurredAt), timeZone);
  const end = meeting.endsAt ? toWallClock(new Date(meeting.endsAt), timeZone) : new Date(start.getTime() + 30 * 60_000);
  return { start, end };
}

/** Day and week views: a column per day, meetings placed by time, all-day meetings and due tasks on top. */
export function TimeGrid({ days, meetings, tasks, timeZone, today, onSlot, onMeeting, onTask, colorOf }: TimeGridProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    scroller.current?.scrollTo({ top: FIRST_VISIBLE_HOUR * HOUR_PX });
  }, []);
  const timed = meetings.filter((m) => !m.allDay);
  const allDay = meetings.filter((m) => m.allDay);
  const columns = `56px repeat(${days.length}, minmax(0, 1fr))`;
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short' });
  const now = toWallClock(new Date(), timeZone);

  return (
    <div data-testid="calendar-timegrid" style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, background: token.colorBgContainer }}>
      <div style={{ display: 'grid', gridTemplateColumns: columns, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <div />
        {days.map((day) => {
          const isToday = sameDay(day, today);
          return (
            <div key={day.getTime()} style={{ padding: '6px 4px', textAlign: 'center', borderInlineStart: `1px solid ${token.colorBorderSecondary}` }}>
              <Typography.Text type={isToday ? undefined : 'secondary'} style={{ fontSize: 12 }}>
                {weekday.format(day)}
              </Typography.Text>
              <div style={{ fontSize: 20, lineHeight: '28px', fontWeight: isToday ? 600 : 400, color: isToday ? token.colorPrimary : undefined }}>{day.getDate()}</div>
            </div>
          );
        })}
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: columns, borderBottom: `1px solid ${token.colorBorderSecondary}`, minHeight: 28 }}>
        <Typography.Text type="secondary" style={{ fontSize: 11, padding: 4, textAlign: 'end' }}>
          {t('calendar.allDay')}
        </Typography.Text>
        {days.map((day) => (
          <div key={day.getTime()} style={{ padding: 2, borderInlineStart: `1px solid ${token.colorBorderSecondary}`, display: 'flex', flexDirection: 'column', gap: 2 }}>
            {allDay
              .filter((m) => touchesDay(day, wallSpan(m, timeZone)))
              .map((m) => (
                <EventChip key={m.id} meeting={m} timeZone={timeZone} onMeeting={onMeeting} onTask={onTask} colorOf={colorOf} />
              ))}
            {tasks
              .filter((task) => sameDay(toWallClock(new Date(task.dueAt), timeZone), day))
              .map((task) => (
                <EventChip key={task.id} task={task} timeZone={timeZone} onMeeting={onMeeting} onTask={onTask} />
              ))}
          </div>
        ))}
      </div>
      <div ref={scroller} style={{ maxHeight: 'calc(100vh - 300px)', minHeight: 360, overflowY: 'auto' }}>
        <div style={{ display: 'grid', gridTemplateColumns: columns, position: 'relative', height: 24 * HOUR_PX }}>
          <div>
            {Array.from({ length: 24 }, (_, h) => (
              <div key={h} style={{ height: HOUR_PX, fontSize: 11, color: token.colorTextTertiary, textAlign: 'end', paddingInlineEnd: 6, transform: 'translateY(-7px)' }}>
                {h === 0 ? '' : `${String(h).padStart(2, '0')}:00`}
              </div>
            ))}
          </div>
          {days.map((day) => {
            const placed = layoutColumns(
              timed.flatMap((m) => {
                const minutes = minutesIn(day, wallSpan(m, timeZone));
                return minutes ? [{ meeting: m, ...minutes }] : [];
              }),
            );
            return (
              <div
                key={day.getTime()}
                role="grid"
                aria-label={day.toDateString()}
                data-testid="calendar-day"
                data-day={`${day.getFullYear()}-${day.getMonth() + 1}-${day.getDate()}`}
                onClick={(event) => {
                  const rect = event.currentTarget.getBoundingClientRect();
                  const minutes = Math.floor(((event.clientY - rect.top) / HOUR_PX) * 2) * 30;
                  onSlot(new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, Math.min(minutes, DAY_MINUTES - 30)));
                }}
                style={{
                  position: 'relative',
                  cursor: 'pointer',
                  borderInlineStart: `1px solid ${token.colorBorderSecondary}`,
                  background: sameDay(day, today) ? token.colorFillQuaternary : undefined,
                }}
              >
                {Array.from({ length: 24 }, (_, h) => (
                  <div key={h} style={{ position: 'absolute', top: h * HOUR_PX, left: 0, right: 0, borderTop: `1px solid ${token.colorBorderSecondary}` }} />
                ))}
                {sameDay(day, now) && <div style={{ position: 'absolute', left: 0, right: 0, top: ((now.getHours() * 60 + now.getMinutes()) / 60) * HOUR_PX, borderTop: `2px solid ${token.colorError}`, zIndex: 2 }} />}
                {placed.map(({ meeting, from, to, column, columns: count }) => (
                  <button
                    key={meeting.id}
                    type="button"
                    data-testid="calendar-event"
                    onClick={(event) => {
                      event.stopPropagation();
                      onMeeting(meeting);
                    }}
                    style={{
                      position: 'absolute',
                      top: (from / 60) * HOUR_PX + 1,
                      height: Math.max(((to - from) / 60) * HOUR_PX - 2, 18),
                      left: `calc(${(column / count) * 100}% + 2px)`,
                      width: `calc(${100 / count}% - 4px)`,
                      zIndex: 1,
                      overflow: 'hidden',
                      textAlign: 'start',
                      padding: '2px 6px',
                      border: 'none',
                      borderInlineStart: `3px solid ${colorOf?.(meeting) ?? token.colorPrimary}`,
                      borderRadius: token.borderRadiusSM,
                      background: token.colorPrimaryBg,
                      color: token.colorText,
                      fontSize: 12,
                      lineHeight: '16px',
                      cursor: 'pointer',
                    }}
                  >
                    <div style={{ fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{meeting.subject}</div>
                    <div style={{ color: token.colorTextSecondary }}>
                      {hhmm(wallSpan(meeting, timeZone).start)}–{hhmm(wallSpan(meeting, timeZone).end)}
                    </div>
                    {meeting.location && (
                      <div style={{ color: token.colorTextSecondary, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                        <EnvironmentOutlined /> {meeting.location}
                      </div>
                    )}
                  </button>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

