import { useDroppable } from '@dnd-kit/core';
import { Button, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../app/api';
import { useCursorList } from '../../app/useCursorList';
import { KanbanCard } from './KanbanCard';
import type { ListConfig } from './listConfig';
import type { ListRecord } from './records';

/** Cards a kanban column loads at a time. */
export const KANBAN_PAGE = 25;

interface KanbanColumnProps<T extends ListRecord> {
  config: ListConfig<T>;
  columnKey: string;
  title: string;
  query: Query;
}

/** One column of a kanban board: its own records (the list with the column's value as a further filter), a drop target. */
export function KanbanColumn<T extends ListRecord>({ config, columnKey, title, query }: KanbanColumnProps<T>) {
  const { t } = useTranslation();
  const list = useCursorList<T>(config.path, query, { limit: KANBAN_PAGE });
  const { setNodeRef, isOver } = useDroppable({ id: columnKey });
  return (
    <Flex
      vertical
      ref={setNodeRef}
      data-testid="kanban-column"
      data-column={columnKey}
      style={{
        width: 272,
        flex: '0 0 272px',
        background: isOver ? 'rgba(22,119,255,0.08)' : 'rgba(0,0,0,0.03)',
        outline: isOver ? '2px dashed rgba(22,119,255,0.5)' : 'none',
        borderRadius: 10,
        padding: 8,
        maxHeight: 'calc(100vh - 280px)',
        minHeight: 160,
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '4px 6px 8px' }}>
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, background: 'rgba(0,0,0,0.06)', borderRadius: 10, padding: '0 8px' }} data-testid="kanban-count">
          {list.isPending ? '…' : `${list.rows.length}${list.hasMore ? '+' : ''}`}
        </Typography.Text>
      </Flex>
      <Flex vertical gap={8} style={{ overflowY: 'auto', flex: 1, padding: 2 }}>
        {list.isPending && <Spin style={{ margin: 24 }} />}
        {!list.isPending && list.rows.length === 0 && (
          <Typography.Text type="secondary" style={{ textAlign: 'center', padding: '24px 8px', fontSize: 12 }}>
            {t('lists.kanban.emptyColumn')}
          </Typography.Text>
        )}
        {list.rows.map((row) => (
          <KanbanCard key={row.id} row={row} column={columnKey} url={config.recordUrl(row)} subtitle={config.cardSubtitle?.(row)} />
        ))}
        {list.hasMore && (
          <Button type="link" size="small" onClick={list.loadMore} loading={list.loadingMore}>
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
