import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { App, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../../app/api';
import type { Page } from '../../app/types';
import { kanbanColumns, type ListField } from './fields';
import { KanbanCardBody } from './KanbanCardBody';
import { KANBAN_PAGE, KanbanColumn } from './KanbanColumn';
import type { ListConfig } from './listConfig';
import { fieldPatch, withRowFirst, withValue, withoutRow, type ListRecord } from './records';

interface KanbanBoardProps<T extends ListRecord> {
  config: ListConfig<T>;
  /** The single select the board groups by. */
  field: ListField;
  /** The list query of one column (the list's filters and the column's value). */
  columnQuery: (value: string | null) => Query;
}

/**
 * The list as a board: one column per choice of `field` plus "(none)". Dragging a card to another column
 * changes the field: the card moves at once and goes back, with the server's reason, if the change fails.
 */
export function KanbanBoard<T extends ListRecord>({ config, field, columnQuery }: KanbanBoardProps<T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dragged, setDragged] = useState<{ row: T; column: string } | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));
  const columns = kanbanColumns(field);
  const keyOf = (value: string | null) => [config.path, columnQuery(value), KANBAN_PAGE];

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const from = columns.find((c) => c.key === (active.data.current as { column: string } | undefined)?.column);
    const to = columns.find((c) => c.key === over?.id);
    const row = (active.data.current as { row: T } | undefined)?.row;
    if (!from || !to || !row || from.key === to.key) return;
    const fromKey = keyOf(from.value);
    const toKey = keyOf(to.value);
    await Promise.all([queryClient.cancelQueries({ queryKey: fromKey }), queryClient.cancelQueries({ queryKey: toKey })]);
    const before = { from: queryClient.getQueryData<InfiniteData<Page<T>>>(fromKey), to: queryClient.getQueryData<InfiniteData<Page<T>>>(toKey) };
    queryClient.setQueryData(fromKey, withoutRow(before.from, row.id));
    queryClient.setQueryData(toKey, withRowFirst(before.to, withValue(row, field.name, to.value)));
    try {
      await api.patch(`${config.path}/${row.id}`, fieldPatch(field.name, to.value));
    } catch (err) {
      queryClient.setQueryData(fromKey, before.from);
      queryClient.setQueryData(toKey, before.to);
      message.error(t('lists.kanban.moveFailed', { name: row.name, reason: err instanceof Error ? err.message : '' }));
    } finally {
      // The board and the table both show the record: refresh what is stale once the move is settled.
      void queryClient.invalidateQueries({ queryKey: [config.path] });
    }
  };

  return (
    <DndContext
      sensors={sensors}
      onDragStart={({ active }: DragStartEvent) => setDragged((active.data.current as { row: T; column: string } | undefined) ?? null)}
      onDragCancel={() => setDragged(null)}
      onDragEnd={(event) => void onDragEnd(event)}
    >
      <Flex gap={12} align="flex-start" style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid={`${config.testIdPrefix}-kanban`}>
        {columns.map((c) => (
          <KanbanColumn key={c.key} config={config} columnKey={c.key} title={c.label ?? t('lists.kanban.none')} query={columnQuery(c.value)} />
        ))}
      </Flex>
      {/* No drop animation: the card is already in its new column (optimistic), it should not fly back. */}
      <DragOverlay dropAnimation={null}>{dragged && <KanbanCardBody row={dragged.row} url={config.recordUrl(dragged.row)} subtitle={config.cardSubtitle?.(dragged.row)} lifted />}</DragOverlay>
    </DndContext>
  );
}
