import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Flex, Spin } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../app/api';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { KanbanCardBody } from '../../ui/lists/KanbanCardBody';
import { moveOnBoard } from './boardMoves';
import { stageName } from './salesFormat';
import { StageColumn, useCardSubtitle } from './StageColumn';
import type { Board, Opportunity } from './types';
import { useCloseDeal } from './useCloseDeal';
import { useOpportunitiesChanged } from './useSales';

interface PipelineBoardProps {
  pipelineId: string;
  /** The list's filters (owner, text, the filter builder's), as the board route takes them. */
  query: { filter: string[]; filterLogic?: string };
  /** Whether the user filtered (then an empty board says so instead of inviting the first deal). */
  filtered: boolean;
  /** The call to action of a pipeline without deals: "new deal". */
  emptyAction: ReactNode;
}

/** The words of a failed call: the problem and the field messages it names. */
export function problemText(err: unknown): string {
  if (!isApiError(err)) return err instanceof Error ? err.message : '';
  return [err.message, ...(err.problem.errors ?? []).map((e) => e.message)].join(' ');
}

/**
 * A pipeline as a kanban (GET /pipelines/{id}/board): a column per stage. Dropping a card on an open stage
 * moves it at once and back with the server's reason if the move fails; a won or lost stage first asks why.
 */
export function PipelineBoard({ pipelineId, query, filtered, emptyAction }: PipelineBoardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const changed = useOpportunitiesChanged();
  const subtitle = useCardSubtitle();
  const [dragged, setDragged] = useState<Opportunity | null>(null);
  const closing = useCloseDeal();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));
  const key = ['/pipelines', pipelineId, 'board', query];
  const board = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<Board>(`/pipelines/${pipelineId}/board`, { ...query, limit: 20 }, signal) });

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const deal = (active.data.current as { row: Opportunity } | undefined)?.row;
    const target = board.data?.columns.find((c) => c.stage.id === over?.id)?.stage;
    if (!deal || !target || deal.stageId === target.id) return;
    if (target.kind !== 'open') return closing.ask(deal, target);
    await queryClient.cancelQueries({ queryKey: key });
    const before = queryClient.getQueryData<Board>(key);
    if (before) queryClient.setQueryData(key, moveOnBoard(before, deal, target.id));
    try {
      await api.patch(`/opportunities/${deal.id}`, { stageId: target.id });
    } catch (err) {
      queryClient.setQueryData(key, before);
      message.error(t('sales.board.moveFailed', { name: deal.name, stage: stageName(target, t), reason: problemText(err) }));
    } finally {
      changed();
    }
  };

  if (board.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (board.error) return <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />;
  const empty = board.data.columns.every((c) => c.count === 0);

  return (
    <>
      {empty && !filtered && (
        <Card style={{ marginBottom: 16 }}>
          <EmptyState title={t('sales.empty.title')} description={t('sales.empty.text')} action={emptyAction} testId="opportunities-empty" />
        </Card>
      )}
      <DndContext
        sensors={sensors}
        onDragStart={({ active }) => setDragged((active.data.current as { row: Opportunity } | undefined)?.row ?? null)}
        onDragCancel={() => setDragged(null)}
        onDragEnd={(event) => void onDragEnd(event)}
      >
        <Flex gap={12} align="flex-start" style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="opportunities-board">
          {board.data.columns.map((column) => (
            <StageColumn key={column.stage.id} column={column} query={query} />
          ))}
        </Flex>
        {/* No drop animation: the card is already in its new column (optimistic), it should not fly back. */}
        <DragOverlay dropAnimation={null}>{dragged && <KanbanCardBody row={dragged} url={`/opportunities/${dragged.id}`} subtitle={subtitle(dragged)} lifted />}</DragOverlay>
      </DndContext>
      {closing.dialog}
    </>
  );
}
