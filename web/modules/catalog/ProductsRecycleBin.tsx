import { useMutation } from '@tanstack/react-query';
import { App, Button, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCursorList } from '../../app/useCursorList';
import { useFormat } from '../../app/useFormat';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMore } from '../../ui/LoadMore';
import { RecordRows } from '../../ui/RecordRows';
import type { Product } from './types';
import { useCatalogChanged } from './useCatalogChanged';

/** Deleted products, newest first, each with a restore button (refused with the reason when its SKU was taken since). */
export function ProductsRecycleBin({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const changed = useCatalogChanged();
  const deleted = useCursorList<Product & { deletedAt: string }>('/products/recycle-bin', {}, { enabled: open, limit: 30 });
  const restore = useMutation({
    mutationFn: (product: Product) => api.post<Product>(`/products/${product.id}/restore`),
    onSuccess: (product) => {
      message.success(t('catalog.recycleBin.restored', { name: product.name }));
      changed();
    },
    onError: (err) => message.error(err.message),
  });
  return (
    <Drawer open={open} onClose={onClose} title={t('catalog.recycleBin.title')} size={420} data-testid="products-recycle-bin">
      {deleted.error && <ErrorAlert error={deleted.error} onRetry={() => void deleted.refetch()} />}
      <RecordRows
        empty={t('catalog.recycleBin.empty')}
        testId="products-recycle-bin-rows"
        rows={deleted.rows.map((product) => ({
          key: product.id,
          title: product.name,
          subtitle: t('catalog.recycleBin.deletedAt', { sku: product.sku, at: format.dateTime(product.deletedAt) }),
          actions: (
            <Button size="small" loading={restore.isPending && restore.variables?.id === product.id} onClick={() => restore.mutate(product)}>
              {t('catalog.recycleBin.restore')}
            </Button>
          ),
        }))}
      />
      <LoadMore hasMore={deleted.hasMore} loading={deleted.loadingMore} onLoadMore={deleted.loadMore} />
    </Drawer>
  );
}
