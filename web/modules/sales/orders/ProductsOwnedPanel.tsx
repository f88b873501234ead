import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../app/api';
import { registerOverviewPanel, type OverviewPanelProps } from '../../../app/overview/panelRegistry';
import { useFormat } from '../../../app/useFormat';
import { RecordRows } from '../../../ui/RecordRows';
import type { OwnedProduct } from './types';

const today = () => new Date().toISOString().slice(0, 10);

/** The 'productsOwned' panel of a 360 view: what the customer bought and still has, when, and until when it is under warranty. */
export function ProductsOwnedPanel({ recordType, recordId, total }: OverviewPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const owned = useQuery({
    queryKey: ['/orders/products-owned', recordType, recordId],
    queryFn: ({ signal }) => api.get<{ total: number; data: OwnedProduct[] }>('/orders/products-owned', { [recordType === 'account' ? 'accountId' : 'contactId']: recordId }, signal),
  });
  return (
    <Card
      size="small"
      data-testid="panel-productsOwned"
      title={
        <>
          {t('overview.panels.productsOwned')} <Badge count={total} showZero color="gray" />
        </>
      }
    >
      <RecordRows
        empty={t('orders.ownedEmpty')}
        testId="panel-productsOwned-list"
        rows={(owned.data?.data ?? []).map((p) => ({
          key: p.productId,
          title: (
            <>
              <Link to={`/products/${p.productId}`}>{p.name}</Link> × {format.number(p.quantity)}
            </>
          ),
          subtitle: (
            <>
              {t('orders.owned.purchased', { date: format.day(p.lastPurchasedOn) })}
              {p.warrantyEndsOn && (
                <>
                  {' · '}
                  <Tag color={p.warrantyEndsOn >= today() ? 'green' : 'default'}>
                    {t(p.warrantyEndsOn >= today() ? 'orders.owned.warrantyUntil' : 'orders.owned.warrantyEnded', { date: format.day(p.warrantyEndsOn) })}
                  </Tag>
                </>
              )}
            </>
          ),
        }))}
      />
    </Card>
  );
}

registerOverviewPanel('productsOwned', ProductsOwnedPanel);
