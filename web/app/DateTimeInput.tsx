import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { fromWallClock, toWallClock } from '../ui/zonedTime';
import { useFormat } from './useFormat';

interface DateTimeInputProps {
  /** Set by Form.Item: the label points at the input. */
  id?: string;
  /** ISO instant, or null. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Quick picks beside the calendar ("Today 18:00"), as ISO instants. */
  presets?: { label: string; value: string }[];
  testId?: string;
}

/** Picks a date and time on the wall clock of the user's time zone (a Form control; the value is an ISO instant). */
export function DateTimeInput({ id, value, onChange, placeholder, allowClear = true, presets, testId }: DateTimeInputProps) {
  const { timeZone } = useFormat();
  return (
    <DatePicker
      id={id}
      showTime={{ format: 'HH:mm', minuteStep: 5 }}
      format="YYYY-MM-DD HH:mm"
      value={value ? dayjs(toWallClock(new Date(value), timeZone)) : null}
      onChange={(picked) => onChange?.(picked ? fromWallClock(picked.toDate(), timeZone).toISOString() : null)}
      placeholder={placeholder}
      allowClear={allowClear}
      needConfirm={false}
      presets={presets?.map((p) => ({ label: p.label, value: dayjs(toWallClock(new Date(p.value), timeZone)) }))}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
