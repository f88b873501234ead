import { KeyOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../app/types';
import { useCursorList } from '../../app/useCursorList';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMore } from '../../ui/LoadMore';
import { ApiKeyCreateModal } from './ApiKeyCreateModal';
import { ApiKeysTable } from './ApiKeysTable';

/** /settings/api-keys: keys for programs that call the API. */
export function ApiKeysSettings() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const keys = useCursorList<ApiKey>('/api-keys');
  const createButton = (
    <Button type="primary" icon={<KeyOutlined />} onClick={() => setCreating(true)} data-testid="api-key-open">
      {t('apiKeys.create')}
    </Button>
  );
  const empty = !keys.isPending && !keys.error && keys.rows.length === 0;

  return (
    <Card title={t('apiKeys.title')} extra={!empty && createButton}>
      <Typography.Paragraph type="secondary">
        {t('apiKeys.text')} <a href="/api/docs" target="_blank" rel="noreferrer">{t('apiKeys.docs')}</a>
      </Typography.Paragraph>
      {keys.error && <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />}
      {keys.error ? null : empty ? (
        <EmptyState title={t('apiKeys.empty.title')} description={t('apiKeys.empty.text')} action={createButton} testId="api-keys-empty" />
      ) : (
        <>
          <ApiKeysTable rows={keys.rows} loading={keys.isPending} />
          <LoadMore hasMore={keys.hasMore} loading={keys.loadingMore} onLoadMore={keys.loadMore} />
        </>
      )}
      <ApiKeyCreateModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
