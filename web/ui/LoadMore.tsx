import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** The page-forward control under a cursor-paged list. */
export function LoadMore({ hasMore, loading, onLoadMore }: LoadMoreProps) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Flex justify="center" style={{ marginTop: 16 }}>
      <Button onClick={onLoadMore} loading={loading} data-testid="load-more">
        {t('common.loadMore')}
      </Button>
    </Flex>
  );
}
