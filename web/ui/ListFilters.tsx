import { SearchOutlined } from '@ant-design/icons';
import { Flex, Input, Segmented, Select, Space } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from './useDebouncedValue';

/** The quick filters every record list has: whose, and a text filter on one field. */
export interface ListFilterValue<F extends string = string> {
  /** Only the caller's own records, or everyone's they may see. */
  owner: 'me' | 'all';
  text: string;
  field: F;
}

interface ListFiltersProps<F extends string> {
  value: ListFilterValue<F>;
  onChange: (patch: Partial<ListFilterValue<F>>) => void;
  /** The fields the text filter can look in, with their labels. */
  fields: readonly { value: F; label: string }[];
  /** Prefix of the test ids: `<prefix>-owner-all`, `<prefix>-filter-text`. */
  testIdPrefix: string;
  /** Controls at the end of the row (views, filter builder, columns, the list/kanban switch). */
  end?: ReactNode;
  /** The mine/everyone switch; off for records nobody owns. */
  showOwner?: boolean;
}

/** Above a record list: whose (mine / everyone's), a text filter on one field, and the list's further controls. */
export function ListFilters<F extends string>({ value, onChange, fields, testIdPrefix, end, showOwner = true }: ListFiltersProps<F>) {
  const { t } = useTranslation();
  // The box answers each keystroke; the list (and the URL) follow once the typing pauses.
  const [text, setText] = useState(value.text);
  const debounced = useDebouncedValue(text, 300);
  useEffect(() => {
    if (debounced !== value.text) onChange({ text: debounced });
  }, [debounced]); // only a new debounced text is a change to report
  // Cleared from outside (the empty list's "clear filters"): the box follows.
  useEffect(() => {
    if (value.text !== debounced) setText(value.text);
  }, [value.text]);

  return (
    <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 16 }}>
      <Flex wrap gap={8}>
        {showOwner && (
          <Segmented
            value={value.owner}
            onChange={(owner) => onChange({ owner: owner as 'me' | 'all' })}
            options={[
              { value: 'all', label: <span data-testid={`${testIdPrefix}-owner-all`}>{t('list.everyone')}</span> },
              { value: 'me', label: <span data-testid={`${testIdPrefix}-owner-me`}>{t('list.mine')}</span> },
            ]}
          />
        )}
        <Space.Compact>
          <Select
            value={value.field}
            onChange={(field) => onChange({ field })}
            aria-label={t('list.field')}
            popupMatchSelectWidth={false}
            options={fields.map((f) => ({ value: f.value, label: f.label }))}
          />
          <Input
            allowClear
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t('list.contains')}
            prefix={<SearchOutlined />}
            aria-label={t('list.contains')}
            data-testid={`${testIdPrefix}-filter-text`}
            maxLength={200}
            style={{ width: 200 }}
          />
        </Space.Compact>
      </Flex>
      {end}
    </Flex>
  );
}
