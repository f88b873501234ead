import { Table, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { ListField } from './fields';
import { FieldValue } from './FieldValue';
import type { ListConfig } from './listConfig';
import { valueOf, type ListRecord } from './records';

interface RecordTableProps<T extends ListRecord> {
  config: ListConfig<T>;
  fields: ReadonlyMap<string, ListField>;
  /** The chosen columns, in order. */
  columns: readonly string[];
  rows: T[];
  loading: boolean;
  sort: string;
  onSort: (sort: string) => void;
  selected: readonly string[];
  onSelect: (ids: string[]) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

const DEFAULT_WIDTH = 170;
/** Rows are virtual: only those in view are in the DOM, so thousands stay smooth. */
function useBodyHeight() {
  const height = () => Math.max(320, window.innerHeight - 320);
  const [value, setValue] = useState(height);
  useEffect(() => {
    const onResize = () => setValue(height());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return value;
}

/** The records loaded so far: chosen columns, sort by header, checkboxes, virtual rows, more on scrolling down. */
export function RecordTable<T extends ListRecord>({ config, fields, columns, rows, loading, sort, onSort, selected, onSelect, hasMore, loadingMore, onLoadMore }: RecordTableProps<T>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const height = useBodyHeight();
  const standard = new Map(config.columns.map((c) => [c.key, c]));

  const tableColumns: ColumnType<T>[] = columns.flatMap((key, i) => {
    const column = standard.get(key);
    const field = fields.get(key);
    if (!column && !field) return [];
    const sortable = field?.sortable === true;
    const render = column?.render ?? (field ? (row: T) => <FieldValue field={field} value={valueOf(row, key)} /> : (row: T) => String(valueOf(row, key) ?? ''));
    return [
      {
        key,
        title: column?.titleKey ? t(column.titleKey) : (field?.label ?? t(`fields.${key}`)),
        width: column?.width ?? DEFAULT_WIDTH,
        ellipsis: true,
        sorter: sortable,
        sortOrder: sortable ? (sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null) : undefined,
        render: (_: unknown, row: T) =>
          i === 0 && key === 'name' && !column?.render ? (
            <Link to={config.recordUrl(row)}>
              <Typography.Text strong>{row.name}</Typography.Text>
            </Link>
          ) : (
            render(row)
          ),
      },
    ];
  });
  const width = tableColumns.reduce((sum, c) => sum + Number(c.width), 48);

  return (
    <Table<T>
      rowKey="id"
      virtual
      dataSource={rows}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={{ x: width, y: height }}
      data-testid={`${config.testIdPrefix}-table`}
      columns={tableColumns}
      showSorterTooltip={false}
      rowSelection={config.ownerless || config.bulk === false ? undefined : { selectedRowKeys: [...selected], onChange: (keys) => onSelect(keys.map(String)), columnWidth: 48 }}
      onChange={(_pagination, _filters, sorter) => {
        const one = Array.isArray(sorter) ? sorter[0] : sorter;
        const key = String(one?.columnKey ?? '');
        onSort(one?.order && key ? (one.order === 'ascend' ? key : `-${key}`) : config.defaultSort);
      }}
      onScroll={(event) => {
        const el = event.currentTarget;
        if (hasMore && !loadingMore && el.scrollHeight - el.scrollTop - el.clientHeight < 240) onLoadMore();
      }}
      onRow={(row) => ({
        style: { cursor: 'pointer' },
        'data-testid': 'list-row',
        // Links, buttons and the checkbox in the row do their own thing.
        onClick: (event) => {
          if (!(event.target as HTMLElement).closest('a, button, .ant-table-selection-column, .ant-checkbox-wrapper')) void navigate(config.recordUrl(row));
        },
      })}
    />
  );
}
