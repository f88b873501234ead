import { CalendarOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/useFormat';
import { atHourIn, toWallClock } from '../../ui/zonedTime';
import { MeetingModal } from './MeetingModal';
import type { MeetingDraft } from './meetingValues';

/** "Schedule meeting" on a contact's 360 page: the contact is an attendee, the next full hour the start. */
export function ScheduleMeetingButton({ contact }: { contact: { id: string; name: string } }) {
  const { t } = useTranslation();
  const { timeZone } = useFormat();
  const [draft, setDraft] = useState<MeetingDraft | null>(null);
  const open = () => {
    const start = atHourIn(0, toWallClock(new Date(), timeZone).getHours() + 1, timeZone);
    setDraft({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 60 * 60_000).toISOString(), contact });
  };
  return (
    <>
      <Button icon={<CalendarOutlined />} onClick={open} data-testid="schedule-meeting">
        {t('calendar.schedule')}
      </Button>
      <MeetingModal draft={draft} onClose={() => setDraft(null)} />
    </>
  );
}
