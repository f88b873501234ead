import { DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { QUICK_RANGES, quickRange, type DayRange, type QuickRange } from './periods';

interface PeriodPickerProps {
  value: DayRange;
  today: string;
  onChange: (range: DayRange) => void;
}

/** A period: a quick range (this quarter, last quarter, this year…) or any two days. */
export function PeriodPicker({ value, today, onChange }: PeriodPickerProps) {
  const { t } = useTranslation();
  const quick = QUICK_RANGES.find((r) => {
    const range = quickRange(r, today);
    return range.from === value.from && range.to === value.to;
  });
  return (
    <Space.Compact>
      <Select<QuickRange | 'custom'>
        style={{ width: 150 }}
        value={quick ?? 'custom'}
        onChange={(r) => r !== 'custom' && onChange(quickRange(r, today))}
        options={[...QUICK_RANGES.map((r) => ({ value: r, label: t(`analysis.ranges.${r}`) })), { value: 'custom', label: t('analysis.ranges.custom'), disabled: true }]}
        data-testid="analysis-range"
      />
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(value.from), dayjs(value.to)]}
        onChange={(days) => days?.[0] && days[1] && onChange({ from: days[0].format('YYYY-MM-DD'), to: days[1].format('YYYY-MM-DD') })}
      />
    </Space.Compact>
  );
}
