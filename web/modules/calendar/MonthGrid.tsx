import { theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toWallClock } from '../../ui/zonedTime';
import { sameDay, touchesDay } from './calendarDays';
import { EventChip, type GridEvents } from './EventChip';
import { wallSpan } from './TimeGrid';
import type { CalendarTask, Meeting } from './useCalendar';

/** Events a cell lists before "+n more". */
const MAX_IN_CELL = 3;

interface MonthGridProps extends GridEvents {
  days: Date[];
  /** The month shown (days of other months are dimmed). */
  month: number;
  /** A click on a day's free space: schedule on it. */
  onDay: (day: Date) => void;
  /** "+n more": the day's own view. */
  onOpenDay: (day: Date) => void;
}

/** The month view: six weeks of days, each listing its meetings (by start) and due tasks. */
export function MonthGrid({ days, month, meetings, tasks, timeZone, today, onDay, onOpenDay, onMeeting, onTask, colorOf }: MonthGridProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short' });
  const border = `1px solid ${token.colorBorderSecondary}`;
  return (
    <div data-testid="calendar-month" style={{ border, borderRadius: token.borderRadiusLG, background: token.colorBgContainer, overflow: 'hidden' }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))' }}>
        {days.slice(0, 7).map((day) => (
          <Typography.Text key={day.getTime()} type="secondary" style={{ padding: '6px 8px', fontSize: 12, borderBottom: border }}>
            {weekday.format(day)}
          </Typography.Text>
        ))}
        {days.map((day, i) => {
          const items = [
            ...meetings
              .filter((m) => touchesDay(day, wallSpan(m, timeZone)))
              .map((m) => ({ key: m.id, at: m.allDay ? -1 : wallSpan(m, timeZone).start.getTime(), meeting: m as Meeting | null, task: null as CalendarTask | null })),
            ...tasks
              .filter((task) => sameDay(toWallClock(new Date(task.dueAt), timeZone), day))
              .map((task) => ({ key: task.id, at: toWallClock(new Date(task.dueAt), timeZone).getTime(), meeting: null, task })),
          ].sort((a, b) => a.at - b.at);
          const isToday = sameDay(day, today);
          return (
            <div
              key={day.getTime()}
              data-testid="calendar-day"
              onClick={() => onDay(day)}
              style={{ minHeight: 104, padding: 4, borderInlineStart: i % 7 ? border : undefined, borderTop: i >= 7 ? border : undefined, cursor: 'pointer', background: day.getMonth() === month ? undefined : token.colorFillQuaternary }}
            >
              <div style={{ textAlign: 'end', marginBottom: 2 }}>
                <span style={{ display: 'inline-block', minWidth: 22, padding: '0 4px', borderRadius: 11, textAlign: 'center', background: isToday ? token.colorPrimary : undefined, color: isToday ? token.colorWhite : day.getMonth() === month ? token.colorText : token.colorTextTertiary }}>
                  {day.getDate()}
                </span>
              </div>
              <div style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
                {items.slice(0, MAX_IN_CELL).map((item) =>
                  item.meeting ? (
                    <EventChip key={item.key} meeting={item.meeting} timeZone={timeZone} onMeeting={onMeeting} onTask={onTask} colorOf={colorOf} />
                  ) : (
                    <EventChip key={item.key} task={item.task!} timeZone={timeZone} onMeeting={onMeeting} onTask={onTask} />
                  ),
                )}
                {items.length > MAX_IN_CELL && (
                  <Typography.Link
                    style={{ fontSize: 12, paddingInlineStart: 6 }}
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpenDay(day);
                    }}
                  >
                    {t('calendar.more', { count: items.length - MAX_IN_CELL })}
                  </Typography.Link>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
