import { DeleteOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '../../../contracts/knowledge';
import { api } from '../../app/api';
import { useCan } from '../../app/useCan';
import { useFormSubmit } from '../../app/useFormSubmit';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormAlert } from '../../ui/FormAlert';
import { timeZoneOptions } from '../../ui/timeZones';

interface TimeRange {
  start: string;
  end: string;
}
interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name?: string | null;
}
interface Calendar {
  timeZone: string;
  alwaysOpen: boolean;
  week: TimeRange[][];
  days: CalendarDay[];
}
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** "09:00-12:00, 13:00-18:00" ↔ ranges: one text box per weekday is quicker to fill than pickers. */
const rangesToText = (ranges: TimeRange[]) => ranges.map((r) => `${r.start}-${r.end}`).join(', ');
const textToRanges = (text: string): TimeRange[] =>
  text
    .split(/[,，;；]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [start = '', end = ''] = part.split(/\s*[-–~至]\s*/);
      const pad = (time: string) => (/^\d:\d\d$/.test(time) ? `0${time}` : time);
      return { start: pad(start.trim()), end: pad(end.trim()) };
    });

/** /settings/business-hours: weekly hours in a time zone, holidays and make-up working days (SLA clocks count this time). */
export function BusinessHoursSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mayManage = useCan('calendars.manage');
  const [form] = Form.useForm<{ timeZone: string; alwaysOpen: boolean; week: string[] }>();
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [newDay, setNewDay] = useState<CalendarDay>({ date: '', kind: 'holiday', name: '' });
  const calendar = useQuery({ queryKey: ['/business-calendar'], queryFn: ({ signal }) => api.get<Calendar>('/business-calendar', undefined, signal) });

  useEffect(() => {
    if (!calendar.data) return;
    form.setFieldsValue({ timeZone: calendar.data.timeZone, alwaysOpen: calendar.data.alwaysOpen, week: calendar.data.week.map(rangesToText) });
    setDays(calendar.data.days);
  }, [calendar.data, form]);

  const saved = (next: Calendar) => {
    queryClient.setQueryData(['/business-calendar'], next);
    void message.success(t('businessHours.saved'));
  };
  const { submit, pending, error } = useFormSubmit<{ timeZone: string; alwaysOpen: boolean; week: string[] }, Calendar>(
    form,
    (values) => api.put<Calendar>('/business-calendar', { timeZone: values.timeZone, alwaysOpen: values.alwaysOpen, week: values.week.map((text) => textToRanges(text ?? '')), days }),
    saved,
  );
  const applyPreset = async () => saved(await api.post<Calendar>('/business-calendar/presets/cn-2026'));

  if (calendar.error) return <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <Typography.Paragraph type="secondary">{t('businessHours.intro')}</Typography.Paragraph>
      <FormAlert message={error} />
      <Form form={form} layout="horizontal" labelCol={{ span: 5 }} onFinish={submit} disabled={!mayManage}>
        <Card title={t('businessHours.hours')}>
          <Form.Item name="timeZone" label={t('businessHours.timeZone')}>
            <Select showSearch options={timeZoneOptions()} style={{ maxWidth: 320 }} data-testid="bh-time-zone" />
          </Form.Item>
          <Form.Item name="alwaysOpen" label={t('businessHours.alwaysOpen')} valuePropName="checked">
            <Switch data-testid="bh-always-open" />
          </Form.Item>
          {WEEKDAYS.map((day, i) => (
            <Form.Item key={day} name={['week', i]} label={t(`businessHours.weekdays.${day}`)} extra={i === 0 ? t('businessHours.rangesHint') : undefined}>
              <Input placeholder={t('businessHours.closed')} style={{ maxWidth: 320 }} data-testid={`bh-week-${i}`} />
            </Form.Item>
          ))}
        </Card>
        <Card
          title={t('businessHours.days')}
          style={{ marginTop: 16 }}
          extra={
            mayManage && (
              <Button onClick={() => void applyPreset()} data-testid="bh-preset">
                {t('businessHours.presetCn2026')}
              </Button>
            )
          }
        >
          <Typography.Paragraph type="secondary">{t('businessHours.daysHint')}</Typography.Paragraph>
          {mayManage && (
            <Flex gap={8} wrap style={{ marginBottom: 12 }}>
              <Input type="date" value={newDay.date} onChange={(e) => setNewDay({ ...newDay, date: e.target.value })} style={{ width: 170 }} aria-label={t('businessHours.date')} data-testid="bh-day-date" />
              <Select value={newDay.kind} onChange={(kind) => setNewDay({ ...newDay, kind })} style={{ width: 160 }} options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t(`businessHours.kinds.${k}`) }))} />
              <Input value={newDay.name ?? ''} onChange={(e) => setNewDay({ ...newDay, name: e.target.value })} placeholder={t('businessHours.dayName')} style={{ width: 200 }} />
              <Button
                disabled={!newDay.date}
                onClick={() => {
                  setDays([...days.filter((d) => d.date !== newDay.date), newDay].sort((a, b) => a.date.localeCompare(b.date)));
                  setNewDay({ date: '', kind: 'holiday', name: '' });
                }}
              >
                {t('businessHours.addDay')}
              </Button>
            </Flex>
          )}
          <Table
            size="small"
            rowKey="date"
            dataSource={days}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('businessHours.noDays') }}
            data-testid="bh-days"
            columns={[
              { title: t('businessHours.date'), dataIndex: 'date' },
              { title: t('businessHours.kind'), dataIndex: 'kind', render: (kind: CalendarDayKind) => <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{t(`businessHours.kinds.${kind}`)}</Tag> },
              { title: t('businessHours.dayName'), dataIndex: 'name' },
              ...(mayManage ? [{ key: 'remove', width: 48, render: (_: unknown, day: CalendarDay) => <Button type="text" icon={<DeleteOutlined />} aria-label={t('businessHours.remove')} onClick={() => setDays(days.filter((d) => d.date !== day.date))} /> }] : []),
            ]}
          />
        </Card>
        {mayManage && (
          <Button type="primary" htmlType="submit" loading={pending} style={{ marginTop: 16 }} data-testid="bh-save">
            {t('businessHours.save')}
          </Button>
        )}
      </Form>
    </Flex>
  );
}
