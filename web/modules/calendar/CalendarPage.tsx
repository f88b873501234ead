import { CalendarOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Segmented, Select, Tag, theme, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useFormat } from '../../app/useFormat';
import { useKeyShortcut } from '../../app/useKeyShortcut';
import { useMembers } from '../../app/useMembers';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { fromWallClock, toWallClock } from '../../ui/zonedTime';
import { addDays, dayKey, parseDayKey, shiftAnchor, startOfDay, viewDays, VIEWS, type CalendarView } from './calendarDays';
import { FeedModal } from './FeedModal';
import { ImportButton } from './ImportButton';
import { MeetingModal } from './MeetingModal';
import type { MeetingDraft } from './meetingValues';
import { MonthGrid } from './MonthGrid';
import { TimeGrid } from './TimeGrid';
import { useCalendar, useCalendarLive, type CalendarTask, type Meeting } from './useCalendar';

const SHORTCUT_OF: Record<CalendarView, string> = { day: 'd', week: 'w', month: 'm' };

/** /calendar?view=day|week|month&date=YYYY-MM-DD: my meetings and due tasks; click a free time to schedule. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const { timeZone } = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<MeetingDraft | null>(null);
  const [openId, setOpenId] = useState<string | null>(params.get('meeting'));
  const [feedOpen, setFeedOpen] = useState(false);
  const { user } = useCurrentSession();
  const { members } = useMembers();
  const { token } = theme.useToken();
  // Whose calendars (`?users=a,b`); mine alone by default.
  const userIds = params.get('users')?.split(',').filter(Boolean) ?? [user.id];
  const palette = [token.blue, token.green, token.orange, token.magenta, token.purple, token.cyan, token.gold, token.red];
  const colorOfUser = (id: string) => palette[userIds.indexOf(id) % palette.length];
  const colorOf = (meeting: Meeting) => {
    if (userIds.length < 2) return undefined;
    const whose = userIds.includes(meeting.ownerId ?? '') ? meeting.ownerId! : meeting.participants.find((p) => p.kind === 'user' && userIds.includes(p.id ?? ''))?.id;
    return whose ? colorOfUser(whose) : undefined;
  };

  const today = startOfDay(toWallClock(new Date(), timeZone));
  const view: CalendarView = VIEWS.includes(params.get('view') as CalendarView) ? (params.get('view') as CalendarView) : 'week';
  const anchor = parseDayKey(params.get('date')) ?? today;
  const days = viewDays(view, anchor);
  const from = fromWallClock(days[0]!, timeZone);
  const to = fromWallClock(addDays(days[days.length - 1]!, 1), timeZone);
  const calendar = useCalendar(from, to, userIds);
  useCalendarLive();
  const meetings = calendar.data?.meetings ?? [];
  const tasks = calendar.data?.tasks ?? [];
  const opened = meetings.find((m) => m.id === openId) ?? null;

  const go = (next: { view?: CalendarView; date?: Date; users?: string[] }) => {
    const date = next.date ?? anchor;
    const users = next.users ?? userIds;
    const onlyMine = users.length === 1 && users[0] === user.id;
    setParams({ view: next.view ?? view, ...(sameAsToday(date) ? {} : { date: dayKey(date) }), ...(onlyMine ? {} : { users: users.join(',') }) }, { replace: true });
  };
  const sameAsToday = (date: Date) => dayKey(date) === dayKey(today);
  const newMeetingAt = (wallStart: Date) => {
    const start = fromWallClock(wallStart, timeZone);
    setDraft({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 60 * 60_000).toISOString() });
  };
  const nextFreeHour = () => {
    const now = toWallClock(new Date(), timeZone);
    return new Date(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours() + 1);
  };
  const openTask = (task: CalendarTask) => {
    if (task.recordType === 'contact' || task.recordType === 'account') navigate(`/${task.recordType}s/${task.recordId}`);
    else navigate('/tasks');
  };
  const openMeeting = (meeting: Meeting) => setOpenId(meeting.id);

  useKeyShortcut('d', () => go({ view: 'day' }));
  useKeyShortcut('w', () => go({ view: 'week' }));
  useKeyShortcut('m', () => go({ view: 'month' }));
  useKeyShortcut('t', () => go({ date: today }));
  useKeyShortcut('arrowleft', () => go({ date: shiftAnchor(view, anchor, -1) }));
  useKeyShortcut('arrowright', () => go({ date: shiftAnchor(view, anchor, 1) }));
  useKeyShortcut('n', () => newMeetingAt(sameAsToday(anchor) ? nextFreeHour() : new Date(anchor.getFullYear(), anchor.getMonth(), anchor.getDate(), 9)));

  const title =
    view === 'month'
      ? new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'long' }).format(anchor)
      : view === 'week'
        ? new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'short', day: 'numeric' }).formatRange(days[0]!, days[6]!)
        : new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(anchor);
  const empty = !calendar.isPending && !calendar.error && meetings.length === 0 && tasks.length === 0;

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        extra={
          <>
            <ImportButton />
            <Button icon={<CalendarOutlined />} onClick={() => setFeedOpen(true)} data-testid="calendar-subscribe">
              {t('calendar.feed.button')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => newMeetingAt(nextFreeHour())} data-testid="calendar-new">
              {t('calendar.new')}
            </Button>
          </>
        }
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8}>
          <Tooltip title={`${t('calendar.today')} (t)`}>
            <Button onClick={() => go({ date: today })} data-testid="calendar-today">
              {t('calendar.today')}
            </Button>
          </Tooltip>
          <Button icon={<LeftOutlined />} aria-label={t('calendar.previous')} onClick={() => go({ date: shiftAnchor(view, anchor, -1) })} data-testid="calendar-prev" />
          <Button icon={<RightOutlined />} aria-label={t('calendar.next')} onClick={() => go({ date: shiftAnchor(view, anchor, 1) })} data-testid="calendar-next" />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="calendar-title">
            {title}
          </Typography.Title>
        </Flex>
        <Flex align="center" gap={8} wrap>
          <Select
            mode="multiple"
            value={userIds}
            onChange={(ids: string[]) => go({ users: ids.length ? ids : [user.id] })}
            showSearch={{ optionFilterProp: 'label' }}
            maxTagCount={3}
            style={{ minWidth: 200, maxWidth: 420 }}
            aria-label={t('calendar.whose')}
            data-testid="calendar-users"
            tagRender={({ label, value, closable, onClose }) => (
              <Tag color={userIds.length > 1 ? colorOfUser(String(value)) : undefined} closable={closable && userIds.length > 1} onClose={onClose} style={{ marginInlineEnd: 4 }}>
                {label}
              </Tag>
            )}
            options={members.filter((m) => m.status === 'active' || userIds.includes(m.userId)).map((m) => ({ value: m.userId, label: m.userId === user.id ? t('calendar.mine') : m.name }))}
          />
          <Segmented
            value={view}
            onChange={(value) => go({ view: value as CalendarView })}
            options={VIEWS.map((value) => ({ value, label: `${t(`calendar.views.${value}`)} (${SHORTCUT_OF[value]})` }))}
            data-testid="calendar-view"
          />
        </Flex>
      </Flex>
      {calendar.error && <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />}
      {empty && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t(`calendar.empty.${view}`)} description={t('calendar.empty.text')} data-testid="calendar-empty" />}
      {view === 'month' ? (
        <MonthGrid
          days={days}
          month={anchor.getMonth()}
          meetings={meetings}
          tasks={tasks}
          timeZone={timeZone}
          today={today}
          onDay={(day) => newMeetingAt(new Date(day.getFullYear(), day.getMonth(), day.getDate(), 9))}
          onOpenDay={(day) => go({ view: 'day', date: day })}
          onMeeting={openMeeting}
          onTask={openTask}
          colorOf={colorOf}
        />
      ) : (
        <TimeGrid days={days} meetings={meetings} tasks={tasks} timeZone={timeZone} today={today} onSlot={newMeetingAt} onMeeting={openMeeting} onTask={openTask} colorOf={colorOf} />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('calendar.keys')}
      </Typography.Paragraph>
      <MeetingModal
        meeting={opened}
        draft={draft}
        onClose={() => {
          setDraft(null);
          setOpenId(null);
          if (params.has('meeting')) {
            params.delete('meeting');
            setParams(params, { replace: true });
          }
        }}
      />
      <FeedModal open={feedOpen} onClose={() => setFeedOpen(false)} />
    </>
  );
}
