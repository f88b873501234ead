import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { registerOverviewPanel, type OverviewPanelProps } from '../../app/overview/panelRegistry';
import { useFormat } from '../../app/useFormat';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SEGMENT_COLORS, reasonText, type CustomerValue, type Offer } from './customerValue';

/** The 'customerValue' panel of a 360 view: tier, RFM segment, churn risk with reasons, and the next best offers with their evidence. */
export function CustomerValuePanel({ recordType, recordId }: OverviewPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const result = useQuery({
    queryKey: ['/analytics', recordType, recordId],
    queryFn: ({ signal }) => api.get<{ value: CustomerValue | null; offers: Offer[] }>(`/analytics/${recordType}s/${recordId}`, undefined, signal),
  });
  const value = result.data?.value;
  return (
    <Card size="small" title={t('overview.panels.customerValue')} data-testid="panel-customerValue">
      {result.error ? (
        <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
      ) : !value ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customerValue.panelEmpty')} />
      ) : (
        <>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('customerValue.tier')}>{value.abcTier}</Descriptions.Item>
            <Descriptions.Item label={t('customerValue.segment')}>
              <Tag color={SEGMENT_COLORS[value.segment]}>{t(`customerValue.segments.${value.segment}`)}</Tag> {`R${value.r} F${value.f} M${value.m}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('customerValue.revenue')}>{format.money(value.revenue, value.currency)}</Descriptions.Item>
            <Descriptions.Item label={t('customerValue.orders')}>{value.orders}</Descriptions.Item>
            <Descriptions.Item label={t('customerValue.lifetimeValue')}>{format.money(value.lifetimeValue, value.currency)}</Descriptions.Item>
            <Descriptions.Item label={t('customerValue.ltvModel')}>{t(`customerValue.models.${value.ltvModel}`)}</Descriptions.Item>
            {value.probabilityAlive !== null && (
              <Descriptions.Item label={t('customerValue.probabilityAlive')}>{`${Math.round(value.probabilityAlive * 100)}%`}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('customerValue.churnScore')}>{value.churnScore}</Descriptions.Item>
          </Descriptions>
          {value.churnReasons.length > 0 && <Typography.Paragraph type="secondary">{value.churnReasons.map((r) => reasonText(t, r)).join('; ')}</Typography.Paragraph>}
          <Typography.Text strong>{t('customerValue.nextBestOffers')}</Typography.Text>
          <List
            size="small"
            dataSource={result.data?.offers ?? []}
            locale={{ emptyText: t('customerValue.noOffers') }}
            data-testid="next-best-offers"
            renderItem={(offer) => (
              <List.Item>
                <Flex vertical>
                  <Link to={`/products/${offer.productId}`}>{offer.productName ?? offer.productId}</Link>
                  <Typography.Text type="secondary">
                    {t('customerValue.evidence', { because: offer.becauseProductName ?? '—', share: `${Math.round(offer.confidence * 100)}%`, product: offer.productName ?? '—', lift: offer.lift.toFixed(1) })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}

registerOverviewPanel('customerValue', CustomerValuePanel);
