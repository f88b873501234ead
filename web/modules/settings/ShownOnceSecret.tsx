import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';

interface ShownOnceSecretProps {
  /** The secret: an API key, a webhook signing secret. */
  value: string;
  /** The warning: "Copy the key now", and what to do if it is lost. */
  title: string;
  description: string;
  testId: string;
  /** How to use it, under the value. */
  children?: ReactNode;
}

/** A secret the server shows only once: a warning to copy it now, the value with a copy button, how to use it. */
export function ShownOnceSecret({ value, title, description, testId, children }: ShownOnceSecretProps) {
  return (
    <>
      <Alert type="warning" showIcon title={title} description={description} style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable code data-testid={testId} style={{ wordBreak: 'break-all' }}>
        {value}
      </Typography.Paragraph>
      {children}
    </>
  );
}
