import { useDraggable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import { KanbanCardBody } from './KanbanCardBody';
import type { ListRecord } from './records';

interface KanbanCardProps {
  row: ListRecord;
  /** The column it is in (its key), for the drop handler. */
  column: string;
  url: string;
  subtitle?: ReactNode;
}

/** One record on a kanban board: drag it to another column (pointer or keyboard), click it to open it. */
export function KanbanCard({ row, column, url, subtitle }: KanbanCardProps) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: row.id, data: { row, column } });
  return (
    <div ref={setNodeRef} {...attributes} {...listeners} style={{ opacity: isDragging ? 0.35 : 1, touchAction: 'none' }} data-dragging={isDragging || undefined}>
      <KanbanCardBody row={row} url={url} subtitle={subtitle} />
    </div>
  );
}
