import { DeleteOutlined, EditOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Flex, Input, Popconfirm, Result, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { amountText, parseAmount } from '../../../contracts/catalog';
import { api, isApiError } from '../../app/api';
import { FullPageSpin } from '../../app/FullPageSpin';
import { RecordSelect } from '../../app/RecordSelect';
import { useCan } from '../../app/useCan';
import { useCursorList } from '../../app/useCursorList';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMore } from '../../ui/LoadMore';
import { PriceBookFormModal } from './PriceBookFormModal';
import type { PriceBook, PriceBookEntry, Product } from './types';
import { useCatalogChanged } from './useCatalogChanged';

type Row = Pick<PriceBookEntry, 'productId' | 'productName' | 'sku' | 'unit'> & { unitPrice: number | null };

/**
 * /price-books/:id: the book's prices as an editable grid — type over any price, add products, and save all
 * changes in one request; a price is removed on its own.
 */
export function PriceBookPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const mayManage = useCan('catalog.manage');
  const changed = useCatalogChanged();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  /** Typed prices by product id, not saved yet. */
  const [edits, setEdits] = useState<Record<string, string>>({});
  /** Products added to the grid, not saved yet. */
  const [added, setAdded] = useState<Row[]>([]);
  const book = useQuery({ queryKey: ['/price-books', id], queryFn: ({ signal }) => api.get<PriceBook>(`/price-books/${id}`, undefined, signal) });
  const entries = useCursorList<PriceBookEntry>(`/price-books/${id}/entries`, {}, { limit: 200, enabled: book.isSuccess });
  const currency = book.data?.currency ?? 'CNY';
  const invalid = Object.entries(edits).filter(([, text]) => parseAmount(text, currency) === null).map(([productId]) => productId);

  const save = useMutation({
    mutationFn: () => api.put<{ changed: number }>(`/price-books/${id}/entries`, { entries: Object.entries(edits).map(([productId, text]) => ({ productId, unitPrice: parseAmount(text, currency)! })) }),
    onSuccess: ({ changed: count }) => {
      message.success(t('catalog.priceBooks.entriesSaved', { count }));
      setEdits({});
      setAdded([]);
      changed();
    },
    onError: (err) => message.error(err.message),
  });
  const removeEntry = useMutation({
    mutationFn: (productId: string) => api.delete(`/price-books/${id}/entries/${productId}`),
    onSuccess: changed,
    onError: (err) => message.error(err.message),
  });
  const removeBook = useMutation({
    mutationFn: () => api.delete(`/price-books/${id}`),
    onSuccess: () => {
      changed();
      void navigate('/price-books', { replace: true });
    },
    onError: (err) => message.error(err.message),
  });

  if (book.isPending) return <FullPageSpin />;
  if (isApiError(book.error, 404) || isApiError(book.error, 400)) {
    return <Result status="404" title={t('resources.priceBook')} extra={<Link to="/price-books">{t('catalog.priceBooks.title')}</Link>} />;
  }
  if (book.error) return <ErrorAlert error={book.error} onRetry={() => void book.refetch()} />;
  const data = book.data;

  const saved = new Set(entries.rows.map((e) => e.productId));
  const rows: Row[] = [...added.filter((a) => !saved.has(a.productId)), ...entries.rows];
  const addProduct = async (productId: string | null) => {
    if (!productId || rows.some((r) => r.productId === productId)) return;
    const product = await queryClient.fetchQuery({ queryKey: ['/products', productId], queryFn: () => api.get<Product>(`/products/${productId}`) });
    setAdded((list) => [{ productId, productName: product.name, sku: product.sku, unit: product.unit, unitPrice: null }, ...list]);
    setEdits((e) => ({ ...e, [productId]: '' }));
  };
  const pending = Object.keys(edits).length;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/products">{t('catalog.products.title')}</Link> }, { title: <Link to="/price-books">{t('catalog.priceBooks.title')}</Link> }, { title: data.name }]}
      />
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="price-book-title">
            {data.name}
          </Typography.Title>
          <Flex gap={6} style={{ marginTop: 4 }}>
            <Tag>{data.currency}</Tag>
            <Tag>{t(`catalog.priceBooks.kinds.${data.kind}`)}</Tag>
            {data.isDefault && <Tag color="blue">{t('catalog.priceBooks.default')}</Tag>}
            {!data.active && <Tag>{t('catalog.inactive')}</Tag>}
          </Flex>
        </div>
        {mayManage && (
          <Flex gap={8}>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Popconfirm title={t('catalog.priceBooks.deleteConfirm', { name: data.name })} description={t('catalog.priceBooks.deleteText')} okButtonProps={{ danger: true } as ButtonProps} onConfirm={() => removeBook.mutate()}>
              <Button danger icon={<DeleteOutlined />}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </Flex>
      <Card
        title={t('catalog.priceBooks.entriesTitle', { name: data.name })}
        extra={
          mayManage && (
            <Flex gap={8} align="center">
              {pending > 0 && <Typography.Text type="warning">{t('catalog.priceBooks.unsaved', { count: pending })}</Typography.Text>}
              <Button type="primary" icon={<SaveOutlined />} disabled={pending === 0 || invalid.length > 0} loading={save.isPending} onClick={() => save.mutate()} data-testid="entries-save">
                {t('catalog.priceBooks.saveEntries')}
              </Button>
            </Flex>
          )
        }
        styles={{ body: { padding: 0 } }}
      >
        {mayManage && (
          <div style={{ padding: 12 }}>
            <RecordSelect path="/products" value={null} onChange={(productId) => void addProduct(productId)} exclude={rows.map((r) => r.productId)} placeholder={t('catalog.priceBooks.addProducts')} describe={(p) => String(p.sku ?? '')} testId="entries-add" style={{ width: '100%' }} />
          </div>
        )}
        {entries.error && <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />}
        {!entries.isPending && rows.length === 0 ? (
          <EmptyState title={t('catalog.priceBooks.noEntries.title')} description={t('catalog.priceBooks.noEntries.text')} testId="entries-empty" />
        ) : (
          <Table<Row>
            rowKey="productId"
            size="middle"
            pagination={false}
            loading={entries.isPending}
            dataSource={rows}
            data-testid="entries-table"
            columns={[
              { key: 'name', title: t('fields.productName'), render: (_, r) => <Link to={`/products/${r.productId}`}>{r.productName}</Link> },
              { key: 'sku', title: t('fields.sku'), width: 180, dataIndex: 'sku' },
              { key: 'unit', title: t('fields.unit'), width: 90, dataIndex: 'unit' },
              {
                key: 'price',
                title: `${t('fields.unitPrice')} (${currency})`,
                width: 200,
                render: (_, r) =>
                  mayManage ? (
                    <Input
                      inputMode="decimal"
                      value={edits[r.productId] ?? (r.unitPrice === null ? '' : amountText(r.unitPrice, currency))}
                      status={invalid.includes(r.productId) ? 'error' : undefined}
                      onChange={(event) => setEdits((e) => ({ ...e, [r.productId]: event.target.value }))}
                      style={{ textAlign: 'right' }}
                      aria-label={`${r.productName} ${t('fields.unitPrice')}`}
                      data-testid={`entry-price-${r.sku}`}
                    />
                  ) : (
                    r.unitPrice !== null && amountText(r.unitPrice, currency)
                  ),
              },
              ...(mayManage
                ? [
                    {
                      key: 'remove',
                      width: 56,
                      render: (_: unknown, r: Row) =>
                        r.unitPrice === null ? null : (
                          <Popconfirm title={t('catalog.priceBooks.remove')} okButtonProps={{ danger: true } as ButtonProps} onConfirm={() => removeEntry.mutate(r.productId)}>
                            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('catalog.priceBooks.remove')} />
                          </Popconfirm>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <LoadMore hasMore={entries.hasMore} loading={entries.loadingMore} onLoadMore={entries.loadMore} />
      <PriceBookFormModal
        open={editing}
        book={data}
        onClose={() => setEditing(false)}
        onSaved={(savedBook) => {
          setEditing(false);
          message.success(t('common.saved'));
          queryClient.setQueryData(['/price-books', savedBook.id], savedBook);
          changed();
        }}
      />
    </>
  );
}
