import { HolderOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface ColumnChooserProps {
  /** Every column the list can show, in their natural order. */
  options: readonly { key: string; label: string }[];
  value: readonly string[];
  onChange: (columns: string[]) => void;
  onReset: () => void;
  testIdPrefix: string;
}

/** Which columns the list shows (custom fields included); at least one. */
export function ColumnChooser({ options, value, onChange, onReset, testIdPrefix }: ColumnChooserProps) {
  const { t } = useTranslation();
  const toggle = (key: string, on: boolean) => {
    // Keep the natural order of the options, whatever the order of the clicks.
    const next = options.map((o) => o.key).filter((k) => (k === key ? on : value.includes(k)));
    if (next.length) onChange(next);
  };
  const content = (
    <Flex vertical gap={4} style={{ maxHeight: 360, overflowY: 'auto', minWidth: 200 }} data-testid={`${testIdPrefix}-columns`}>
      {options.map((o) => (
        <Checkbox key={o.key} checked={value.includes(o.key)} onChange={(e) => toggle(o.key, e.target.checked)} data-testid={`column-${o.key}`}>
          {o.label}
        </Checkbox>
      ))}
      <Typography.Link onClick={onReset} style={{ marginTop: 8 }}>
        {t('lists.columns.reset')}
      </Typography.Link>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={<><HolderOutlined /> {t('lists.columns.title')}</>} content={content}>
      <Button icon={<TableOutlined />} data-testid={`${testIdPrefix}-columns-open`}>
        {t('lists.columns.button')}
      </Button>
    </Popover>
  );
}
