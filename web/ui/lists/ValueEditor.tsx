import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RecordSelect } from '../../app/RecordSelect';
import { useMembers } from '../../app/useMembers';
import type { ListField } from './fields';
import type { Operator } from './filterQuery';

interface ValueEditorProps {
  field: ListField;
  op: Operator;
  /** For `in`, the values joined by `|`. */
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  style?: React.CSSProperties;
}

const WIDTH = 220;

/** The value of one filter condition (or of a bulk "set a field"), edited the way its field's kind wants. */
export function ValueEditor({ field, op, value, onChange, testId, style = { width: WIDTH } }: ValueEditorProps) {
  const { t } = useTranslation();
  const { members } = useMembers();
  const common = { 'data-testid': testId, style, 'aria-label': t('lists.filter.value') };
  const memberOptions = members.map((m) => ({ value: m.userId, label: m.name }));
  const choiceOptions = field.kind === 'member' ? memberOptions : (field.choices ?? []);

  if (op === 'in') {
    const values = value ? value.split('|') : [];
    const free = field.kind !== 'select' && field.kind !== 'member';
    return (
      <Select
        {...common}
        mode={free ? 'tags' : 'multiple'}
        value={values}
        onChange={(next: string[]) => onChange(next.map((v) => v.replace(/\|/g, '')).filter(Boolean).join('|'))}
        options={free ? [] : choiceOptions}
        placeholder={t(free ? 'lists.filter.typeValues' : 'lists.filter.pickValues')}
        maxTagCount="responsive"
        optionFilterProp="label"
        open={free ? false : undefined}
      />
    );
  }
  switch (field.kind) {
    case 'select':
    case 'multiselect':
    case 'member':
      return <Select {...common} showSearch={{ optionFilterProp: 'label' }} value={value || undefined} onChange={(v?: string) => onChange(v ?? '')} options={choiceOptions} placeholder={t('lists.filter.pickValue')} />;
    case 'boolean':
      return (
        <Select
          {...common}
          value={value || undefined}
          onChange={(v?: string) => onChange(v ?? '')}
          options={[
            { value: 'true', label: t('lists.yes') },
            { value: 'false', label: t('lists.no') },
          ]}
          placeholder={t('lists.filter.pickValue')}
        />
      );
    case 'date':
      // An instant (createdAt) from the start of the chosen day in the user's time zone, not UTC's; a day as written.
      return <DatePicker {...common} value={value ? dayjs(value) : null} onChange={(d) => onChange(d ? (field.day ? d.format('YYYY-MM-DD') : d.startOf('day').toISOString()) : '')} />;
    case 'number':
      return <InputNumber {...common} value={value === '' ? null : Number(value)} onChange={(n) => onChange(n === null ? '' : String(n))} />;
    case 'record':
      return field.recordPath ? <RecordSelect path={field.recordPath} value={value || null} onChange={(v) => onChange(v ?? '')} testId={testId} style={style} /> : null;
    default:
      return <Input {...common} value={value} onChange={(e) => onChange(e.target.value)} placeholder={t('lists.filter.typeValue')} maxLength={200} />;
  }
}
