import { DeleteOutlined, EditOutlined, ShoppingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Breadcrumb, Button, Card, Col, Descriptions, Flex, Popconfirm, Result, Row, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, isApiError } from '../../app/api';
import { FullPageSpin } from '../../app/FullPageSpin';
import { useCan } from '../../app/useCan';
import { useFormat } from '../../app/useFormat';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PriceBookLink } from './PriceBookLink';
import { ProductFormModal } from './ProductFormModal';
import type { Product, ProductPrice } from './types';
import { useCatalogChanged } from './useCatalogChanged';

/** /products/:id: one product, its details and its price in every price book. */
export function ProductPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const format = useFormat();
  const { id = '' } = useParams();
  const mayManage = useCan('catalog.manage');
  const changed = useCatalogChanged();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const product = useQuery({ queryKey: ['/products', id], queryFn: ({ signal }) => api.get<Product>(`/products/${id}`, undefined, signal) });
  const prices = useQuery({
    queryKey: ['/products', id, 'prices'],
    queryFn: ({ signal }) => api.get<{ data: ProductPrice[] }>(`/products/${id}/prices`, undefined, signal).then((r) => r.data),
    enabled: product.isSuccess,
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/products/${id}`),
    onSuccess: () => {
      message.success(t('catalog.products.deleted', { name: product.data?.name }));
      void navigate('/products', { replace: true });
      changed();
    },
    onError: (err) => message.error(err.message),
  });

  if (product.isPending) return <FullPageSpin />;
  if (isApiError(product.error, 404) || isApiError(product.error, 400)) {
    return (
      <Result
        status="404"
        title={t('catalog.products.notFound.title')}
        subTitle={t('catalog.products.notFound.text')}
        extra={
          <Link to="/products">
            <Button type="primary">{t('catalog.back')}</Button>
          </Link>
        }
        data-testid="product-not-found"
      />
    );
  }
  if (product.error) return <ErrorAlert error={product.error} onRetry={() => void product.refetch()} />;
  const data = product.data;

  const onSaved = (saved: Product) => {
    setEditing(false);
    message.success(t('common.saved'));
    queryClient.setQueryData(['/products', saved.id], saved);
    changed();
  };

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/products">{t('catalog.products.title')}</Link> }, { title: data.name }]} />
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12}>
          <Avatar size={48} icon={<ShoppingOutlined />} style={{ background: '#1677ff' }} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="product-title">
              {data.name}
            </Typography.Title>
            <Flex gap={8} align="center">
              <Typography.Text type="secondary" copyable data-testid="product-page-sku">
                {data.sku}
              </Typography.Text>
              <Tag color={data.active ? 'green' : 'default'}>{data.active ? t('catalog.active') : t('catalog.inactive')}</Tag>
            </Flex>
          </div>
        </Flex>
        {mayManage && (
          <Flex gap={8}>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="product-edit">
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('catalog.products.deleteConfirm', { name: data.name })}
              description={t('catalog.products.deleteText')}
              okButtonProps={{ danger: true, 'data-testid': 'product-delete-confirm' } as ButtonProps}
              onConfirm={() => remove.mutate()}
            >
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="product-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('catalog.products.details')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('fields.sku')}>{data.sku}</Descriptions.Item>
              <Descriptions.Item label={t('fields.category')}>{data.categoryName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('fields.unit')}>{data.unit ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('fields.warrantyMonths')}>{data.warrantyMonths === null ? '—' : t('catalog.products.months', { count: data.warrantyMonths })}</Descriptions.Item>
              <Descriptions.Item label={t('fields.description')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.description ?? '—'}</Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.updatedAt')}>{format.dateTime(data.updatedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('catalog.products.prices')} styles={{ body: { padding: prices.data?.length ? 0 : undefined } }}>
            {prices.error ? (
              <ErrorAlert error={prices.error} onRetry={() => void prices.refetch()} />
            ) : prices.data && prices.data.length === 0 ? (
              <EmptyState title={t('catalog.products.prices')} description={t('catalog.products.noPrices')} testId="product-prices-empty" />
            ) : (
              <Table<ProductPrice>
                rowKey="priceBookId"
                size="middle"
                pagination={false}
                loading={prices.isPending}
                dataSource={prices.data}
                data-testid="product-prices"
                columns={[
                  {
                    key: 'book',
                    title: t('fields.priceBookId'),
                    render: (_, p) => <PriceBookLink id={p.priceBookId} name={p.priceBookName} isDefault={p.isDefault} active={p.active} />,
                  },
                  { key: 'kind', title: t('fields.kind'), render: (_, p) => t(`catalog.priceBooks.kinds.${p.kind}`) },
                  { key: 'price', title: t('fields.unitPrice'), align: 'right', render: (_, p) => format.money(p.unitPrice, p.currency) },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
      <ProductFormModal open={editing} product={data} onClose={() => setEditing(false)} onSaved={onSaved} />
    </>
  );
}
