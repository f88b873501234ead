import { Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import type { Task } from '../../app/types';
import { TaskRow } from './TaskRow';

interface TaskListProps {
  tasks: Task[];
  /** Shown when there are none. */
  empty: ReactNode;
  showRecord?: boolean;
  testId?: string;
}

/** Tasks one under the other, each with its box to tick. */
export function TaskList({ tasks, empty, showRecord, testId }: TaskListProps) {
  const { token } = theme.useToken();
  if (!tasks.length) {
    return typeof empty === 'string' ? (
      <Typography.Text type="secondary" style={{ display: 'block', padding: '12px 0', textAlign: 'center' }}>
        {empty}
      </Typography.Text>
    ) : (
      empty
    );
  }
  return (
    <div data-testid={testId}>
      {tasks.map((task, i) => (
        <div key={task.id} style={{ padding: '10px 0', borderTop: i ? `1px solid ${token.colorBorderSecondary}` : undefined }}>
          <TaskRow task={task} showRecord={showRecord} />
        </div>
      ))}
    </div>
  );
}
