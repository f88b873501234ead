import { useDroppable } from '@dnd-kit/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { Page } from '../../app/types';
import { useFormat } from '../../app/useFormat';
import { listFilterQuery } from '../../ui/lists/filterQuery';
import { KanbanCard } from '../../ui/lists/KanbanCard';
import { moneyList, stageName } from './salesFormat';
import type { BoardColumn, Opportunity } from './types';

const KIND_COLORS = { open: undefined, won: 'green', lost: 'red' } as const;

interface StageColumnProps {
  column: BoardColumn;
  /** The board's filters: the column's further cards are the list with them and its stage. */
  query: { filter: string[]; filterLogic?: string };
}

/** A card's second line: the amount and the close day. */
export function useCardSubtitle() {
  const format = useFormat();
  return (deal: Opportunity) => `${format.money(deal.amount, deal.currency)} · ${format.day(deal.closeDate)}`;
}

/**
 * One stage of the board, a drop target: its name, probability, count, total and weighted amount, the first
 * cards the board brought, and the rest page by page from the list route.
 */
export function StageColumn({ column, query }: StageColumnProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const subtitle = useCardSubtitle();
  const { stage } = column;
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  const [more, setMore] = useState(false);
  const rest = useInfiniteQuery({
    queryKey: ['/opportunities', 'board-more', stage.id, query, column.nextCursor],
    queryFn: ({ pageParam, signal }) => api.get<Page<Opportunity>>('/opportunities', { ...listFilterQuery(query.filter, query.filterLogic, [`stageId:eq:${stage.id}`]), sort: '-createdAt', limit: 20, cursor: pageParam }, signal),
    initialPageParam: column.nextCursor ?? undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: more && column.nextCursor !== null,
  });
  const shown = column.cards.map((c) => c.id);
  const cards = [...column.cards, ...(rest.data?.pages.flatMap((p) => p.data) ?? []).filter((c) => !shown.includes(c.id))];
  const hasMore = more ? rest.hasNextPage : column.nextCursor !== null;
  const amount = moneyList(column.totals, 'amount', format);
  const weighted = moneyList(column.totals, 'weighted', format);

  return (
    <Flex
      vertical
      ref={setNodeRef}
      data-testid="stage-column"
      data-stage-id={stage.id}
      data-stage-key={stage.key ?? undefined}
      style={{
        width: 224,
        flex: '0 0 224px',
        background: isOver ? 'rgba(22,119,255,0.08)' : 'rgba(0,0,0,0.03)',
        outline: isOver ? '2px dashed rgba(22,119,255,0.5)' : 'none',
        borderTop: `3px solid ${stage.kind === 'won' ? '#52c41a' : stage.kind === 'lost' ? '#ff4d4f' : '#1677ff'}`,
        borderRadius: 10,
        padding: 8,
        maxHeight: 'calc(100vh - 260px)',
        minHeight: 200,
      }}
    >
      <div style={{ padding: '4px 6px 8px' }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong ellipsis data-testid="stage-name">
            {stageName(stage, t)}
          </Typography.Text>
          <Flex gap={4} align="center" style={{ flex: 'none' }}>
            <Tag color={KIND_COLORS[stage.kind]} style={{ marginInlineEnd: 0 }}>
              {stage.probability}%
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12, background: 'rgba(0,0,0,0.06)', borderRadius: 10, padding: '0 8px' }} data-testid="stage-count">
              {column.count}
            </Typography.Text>
          </Flex>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} data-testid="stage-total">
          {amount ? t('sales.board.total', { amount }) : t('sales.board.noAmount')}
        </Typography.Text>
        {weighted && stage.kind === 'open' && (
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {t('sales.board.weighted', { amount: weighted })}
          </Typography.Text>
        )}
      </div>
      <Flex vertical gap={8} style={{ overflowY: 'auto', flex: 1, padding: 2 }}>
        {cards.length === 0 && (
          <Typography.Text type="secondary" style={{ textAlign: 'center', padding: '24px 8px', fontSize: 12 }}>
            {t('sales.board.emptyColumn')}
          </Typography.Text>
        )}
        {cards.map((deal) => (
          <KanbanCard key={deal.id} row={deal} column={stage.id} url={`/opportunities/${deal.id}`} subtitle={subtitle(deal)} />
        ))}
        {hasMore && (
          <Button type="link" size="small" onClick={() => (more ? void rest.fetchNextPage() : setMore(true))} loading={rest.isFetching} data-testid="stage-more">
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
