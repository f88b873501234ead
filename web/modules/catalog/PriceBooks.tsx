import { PlusOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../app/useCan';
import { useCursorList } from '../../app/useCursorList';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { PriceBookFormModal } from './PriceBookFormModal';
import { PriceBookLink } from './PriceBookLink';
import type { PriceBook } from './types';
import { useCatalogChanged } from './useCatalogChanged';

/** /price-books: the workspace's price books by name; each opens its prices. */
export function PriceBooks() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mayManage = useCan('catalog.manage');
  const changed = useCatalogChanged();
  const books = useCursorList<PriceBook>('/price-books', { sort: 'name' });
  const [creating, setCreating] = useState(false);
  const addButton = mayManage && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="price-book-add">
      {t('catalog.priceBooks.add')}
    </Button>
  );
  const empty = !books.isPending && !books.error && books.rows.length === 0;

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/products">{t('catalog.products.title')}</Link> }, { title: t('catalog.priceBooks.title') }]} />
      <PageHeader title={t('catalog.priceBooks.title')} subtitle={t('catalog.priceBooks.subtitle')} extra={addButton} />
      {books.error && <ErrorAlert error={books.error} onRetry={() => void books.refetch()} />}
      <Card styles={{ body: { padding: empty ? undefined : 0 } }}>
        {empty ? (
          <EmptyState title={t('catalog.priceBooks.empty.title')} description={t('catalog.priceBooks.empty.text')} action={addButton} testId="price-books-empty" />
        ) : (
          <Table<PriceBook>
            rowKey="id"
            size="middle"
            pagination={false}
            loading={books.isPending}
            dataSource={books.rows}
            data-testid="price-books-table"
            columns={[
              {
                key: 'name',
                title: t('catalog.name'),
                render: (_, b) => <PriceBookLink id={b.id} name={b.name} isDefault={b.isDefault} active />,
              },
              { key: 'kind', title: t('fields.kind'), width: 120, render: (_, b) => t(`catalog.priceBooks.kinds.${b.kind}`) },
              { key: 'currency', title: t('fields.currency'), width: 100, dataIndex: 'currency' },
              { key: 'active', title: t('fields.active'), width: 100, render: (_, b) => <Tag color={b.active ? 'green' : 'default'}>{b.active ? t('catalog.active') : t('catalog.inactive')}</Tag> },
            ]}
          />
        )}
      </Card>
      <LoadMore hasMore={books.hasMore} loading={books.loadingMore} onLoadMore={books.loadMore} />
      <PriceBookFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(book) => {
          setCreating(false);
          message.success(t('common.saved'));
          changed();
          void navigate(`/price-books/${book.id}`);
        }}
      />
    </>
  );
}
