import { Empty } from 'antd';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  /** What is missing, e.g. "No contacts yet". */
  title: ReactNode;
  /** What to do next. */
  description?: ReactNode;
  /** The call to action: usually a primary Button. */
  action?: ReactNode;
  testId?: string;
}

/** An empty list or page that says what to do next. */
export function EmptyState({ title, description, action, testId }: EmptyStateProps) {
  return (
    <Empty
      data-testid={testId}
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      style={{ padding: '32px 16px' }}
      description={
        <div>
          <div style={{ fontWeight: 500, fontSize: 16, marginBottom: 4 }}>{title}</div>
          {description && <div>{description}</div>}
        </div>
      }
    >
      {action}
    </Empty>
  );
}
