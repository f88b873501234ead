import { useMutation } from '@tanstack/react-query';
import { App, Button, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCursorList } from '../../app/useCursorList';
import { useFormat } from '../../app/useFormat';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMore } from '../../ui/LoadMore';
import { RecordRows } from '../../ui/RecordRows';
import type { Opportunity } from './types';
import { useOpportunitiesChanged } from './useSales';

interface RecycleBinDrawerProps {
  open: boolean;
  onClose: () => void;
}

/** Deleted deals the caller may see, newest first, each with a restore button. */
export function RecycleBinDrawer({ open, onClose }: RecycleBinDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const changed = useOpportunitiesChanged();
  const deleted = useCursorList<Opportunity & { deletedAt: string }>('/opportunities/recycle-bin', {}, { enabled: open, limit: 30 });
  const restore = useMutation({
    mutationFn: (deal: Opportunity) => api.post<Opportunity>(`/opportunities/${deal.id}/restore`),
    onSuccess: (deal) => {
      message.success(t('sales.recycleBin.restored', { name: deal.name }));
      changed();
    },
    onError: (err) => message.error(err.message),
  });
  return (
    <Drawer open={open} onClose={onClose} title={t('sales.recycleBin.title')} size={420} data-testid="opportunities-recycle-bin">
      {deleted.error && <ErrorAlert error={deleted.error} onRetry={() => void deleted.refetch()} />}
      <RecordRows
        empty={t('sales.recycleBin.empty')}
        testId="recycle-bin"
        rows={deleted.rows.map((deal) => ({
          key: deal.id,
          title: deal.name,
          subtitle: t('sales.recycleBin.deletedAt', { amount: format.money(deal.amount, deal.currency), at: format.dateTime(deal.deletedAt) }),
          actions: (
            <Button size="small" loading={restore.isPending && restore.variables?.id === deal.id} onClick={() => restore.mutate(deal)} data-testid="recycle-bin-restore">
              {t('sales.recycleBin.restore')}
            </Button>
          ),
        }))}
      />
      <LoadMore hasMore={deleted.hasMore} loading={deleted.loadingMore} onLoadMore={deleted.loadMore} />
    </Drawer>
  );
}
