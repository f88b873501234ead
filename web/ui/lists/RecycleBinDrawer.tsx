import { useMutation } from '@tanstack/react-query';
import { App, Button, Drawer } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCursorList } from '../../app/useCursorList';
import { ErrorAlert } from '../ErrorAlert';
import { LoadMore } from '../LoadMore';
import { RecordRows } from '../RecordRows';

export interface DeletedRecord {
  id: string;
  name: string;
  deletedAt: string;
}

interface RecycleBinDrawerProps<T extends DeletedRecord> {
  open: boolean;
  onClose: () => void;
  /** The records' API path: `GET <path>/recycle-bin` lists, `POST <path>/:id/restore` restores. */
  path: string;
  /** i18n keys: the title, the empty text, and the message after a restore (`{{name}}`). */
  texts: { title: string; empty: string; restored: string };
  /** The second line of a row (what it was, when it was deleted). */
  describe: (row: T) => ReactNode;
  onRestored: () => void;
  testId: string;
}

/**
 * Deleted records the caller may see, newest first, each with a restore button; a refused restore
 * (a product whose SKU was taken since) says why.
 */
export function RecycleBinDrawer<T extends DeletedRecord>({ open, onClose, path, texts, describe, onRestored, testId }: RecycleBinDrawerProps<T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const deleted = useCursorList<T>(`${path}/recycle-bin`, {}, { enabled: open, limit: 30 });
  const restore = useMutation({
    mutationFn: (row: T) => api.post<T>(`${path}/${row.id}/restore`),
    onSuccess: (row) => {
      message.success(t(texts.restored, { name: row.name }));
      onRestored();
      void deleted.refetch();
    },
    onError: (err) => message.error(err.message),
  });
  return (
    <Drawer open={open} onClose={onClose} title={t(texts.title)} size={420} data-testid={testId}>
      {deleted.error && <ErrorAlert error={deleted.error} onRetry={() => void deleted.refetch()} />}
      <RecordRows
        empty={t(texts.empty)}
        testId={`${testId}-rows`}
        rows={deleted.rows.map((row) => ({
          key: row.id,
          title: row.name,
          subtitle: describe(row),
          actions: (
            <Button size="small" loading={restore.isPending && restore.variables?.id === row.id} onClick={() => restore.mutate(row)} data-testid={`${testId}-restore`}>
              {t('lists.recycleBin.restore')}
            </Button>
          ),
        }))}
      />
      <LoadMore hasMore={deleted.hasMore} loading={deleted.loadingMore} onLoadMore={deleted.loadMore} />
    </Drawer>
  );
}
