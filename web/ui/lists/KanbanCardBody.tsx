import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { OwnerName } from '../../app/OwnerName';
import type { ListRecord } from './records';

interface KanbanCardBodyProps {
  row: ListRecord;
  url: string;
  subtitle?: ReactNode;
  /** Drawn under the pointer while dragged. */
  lifted?: boolean;
}

/** What a kanban card shows: name, a second line, owner; a click opens the record. */
export function KanbanCardBody({ row, url, subtitle, lifted }: KanbanCardBodyProps) {
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      hoverable
      data-testid="kanban-card"
      data-id={row.id}
      onClick={() => void navigate(url)}
      style={{ cursor: lifted ? 'grabbing' : 'grab', boxShadow: lifted ? '0 8px 24px rgba(0,0,0,0.18)' : undefined, rotate: lifted ? '1.5deg' : undefined }}
      styles={{ body: { padding: '10px 12px' } }}
    >
      <Flex vertical gap={4}>
        <Typography.Text strong ellipsis>
          {row.name}
        </Typography.Text>
        {subtitle && (
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {subtitle}
          </Typography.Text>
        )}
        {row.ownerId !== undefined && (
          <div style={{ fontSize: 12 }}>
            <OwnerName ownerId={row.ownerId} size={16} />
          </div>
        )}
      </Flex>
    </Card>
  );
}
