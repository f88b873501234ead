import { Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';

export interface RecordRow {
  key: string;
  title: ReactNode;
  subtitle?: ReactNode;
  /** Controls at the end of the row. */
  actions?: ReactNode;
}

/** A short list of related records in a panel: title, a second line, actions; a text when there are none. */
export function RecordRows({ rows, empty, testId }: { rows: RecordRow[]; empty: ReactNode; testId?: string }) {
  const { token } = theme.useToken();
  if (!rows.length) {
    return (
      <Typography.Text type="secondary" style={{ display: 'block', padding: '12px 0', textAlign: 'center' }}>
        {empty}
      </Typography.Text>
    );
  }
  return (
    <div data-testid={testId}>
      {rows.map((row, i) => (
        <Flex
          key={row.key}
          align="center"
          gap={8}
          style={{ padding: '8px 4px', borderTop: i ? `1px solid ${token.colorBorderSecondary}` : undefined }}
          data-testid={testId && `${testId}-row`}
        >
          <div style={{ flex: 1, minWidth: 0 }}>
            <div>{row.title}</div>
            {row.subtitle && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.subtitle}
              </Typography.Text>
            )}
          </div>
          {row.actions && (
            <Flex gap={4} align="center">
              {row.actions}
            </Flex>
          )}
        </Flex>
      ))}
    </div>
  );
}
