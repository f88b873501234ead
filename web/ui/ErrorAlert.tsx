import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load, with the server's (translated) message and a retry. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : t('common.unexpectedError');
  // A 4xx answer (forbidden, not found) will not change by asking again.
  const status = (error as { status?: unknown } | null)?.status;
  const retryable = !(typeof status === 'number' && status >= 400 && status < 500);
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={message}
      style={{ marginBottom: 16 }}
      action={
        onRetry &&
        retryable && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
