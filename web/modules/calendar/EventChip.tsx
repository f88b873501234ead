import { CheckSquareOutlined } from '@ant-design/icons';
import { theme } from 'antd';
import { toWallClock } from '../../ui/zonedTime';
import type { CalendarTask, Meeting } from './useCalendar';

/** What the month and time grids both show and do with events. */
export interface GridEvents {
  meetings: Meeting[];
  tasks: CalendarTask[];
  timeZone?: string;
  today: Date;
  onMeeting: (meeting: Meeting) => void;
  onTask: (task: CalendarTask) => void;
  /** The colour of a meeting's calendar when several members' are shown. */
  colorOf?: (meeting: Meeting) => string | undefined;
}

/** `HH:mm` of a wall-clock Date. */
export const hhmm = (wall: Date) => `${String(wall.getHours()).padStart(2, '0')}:${String(wall.getMinutes()).padStart(2, '0')}`;

type EventChipProps = Pick<GridEvents, 'timeZone' | 'onMeeting' | 'onTask' | 'colorOf'> & ({ meeting: Meeting; task?: never } | { task: CalendarTask; meeting?: never });

/** A one-line event in a month cell or the all-day row: a meeting (with its start unless all-day) or a due task. */
export function EventChip({ meeting, task, timeZone, onMeeting, onTask, colorOf }: EventChipProps) {
  const { token } = theme.useToken();
  const at = (iso: string) => hhmm(toWallClock(new Date(iso), timeZone));
  return (
    <button
      type="button"
      data-testid={meeting ? 'calendar-event' : 'calendar-task'}
      onClick={(event) => {
        event.stopPropagation();
        if (meeting) onMeeting(meeting);
        else onTask(task!);
      }}
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'start',
        border: 'none',
        borderInlineStart: meeting && colorOf?.(meeting) ? `3px solid ${colorOf(meeting)}` : 'none',
        borderRadius: 4,
        padding: '1px 6px',
        fontSize: 12,
        lineHeight: '18px',
        background: meeting ? token.colorPrimaryBg : token.colorWarningBg,
        color: token.colorText,
        cursor: 'pointer',
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        textDecoration: task?.status === 'done' ? 'line-through' : undefined,
      }}
    >
      {meeting ? (
        <>
          {!meeting.allDay && <b>{at(meeting.occurredAt)} </b>}
          {meeting.subject}
        </>
      ) : (
        <>
          <CheckSquareOutlined /> <b>{at(task!.dueAt)}</b> {task!.title}
        </>
      )}
    </button>
  );
}
