import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Flex, Popconfirm, Table, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { useCan } from '../../app/useCan';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { CategoryFormModal } from './CategoryFormModal';
import type { ProductCategory } from './types';
import { useCatalogChanged } from './useCatalogChanged';
import { useCategories } from './useCategories';

type Row = ProductCategory & { children?: Row[] };

/** Categories as table rows nested under their parents (each level by name). */
function nest(categories: readonly ProductCategory[]): Row[] {
  const rows = new Map<string, Row>(categories.map((c) => [c.id, { ...c }]));
  const roots: Row[] = [];
  for (const c of categories) {
    const row = rows.get(c.id)!;
    const parent = c.parentId ? rows.get(c.parentId) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

/** /products/categories: the category tree with product counts; add, rename, move and delete (catalog.manage). */
export function ProductCategories() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mayManage = useCan('catalog.manage');
  const categories = useCategories();
  const changed = useCatalogChanged();
  const [editing, setEditing] = useState<ProductCategory | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/product-categories/${id}`),
    onSuccess: changed,
    onError: (err) => message.error(err.message),
  });
  const addButton = mayManage && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="category-add">
      {t('catalog.categories.add')}
    </Button>
  );

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/products">{t('catalog.products.title')}</Link> }, { title: t('catalog.categories.title') }]} />
      <PageHeader title={t('catalog.categories.title')} subtitle={t('catalog.categories.subtitle')} extra={addButton} />
      {categories.error && <ErrorAlert error={categories.error} onRetry={() => void categories.refetch()} />}
      <Card styles={{ body: { padding: categories.data?.length ? 0 : undefined } }}>
        {categories.data?.length === 0 ? (
          <EmptyState title={t('catalog.categories.empty.title')} description={t('catalog.categories.empty.text')} action={addButton} testId="categories-empty" />
        ) : (
          <Table<Row>
            // Remounted once the rows are in: "expand all" applies to the rows of the first render only.
            key={categories.data ? 'loaded' : 'loading'}
            rowKey="id"
            size="middle"
            pagination={false}
            loading={categories.isPending}
            dataSource={nest(categories.data ?? [])}
            expandable={{ defaultExpandAllRows: true }}
            data-testid="categories-table"
            columns={[
              { key: 'name', title: t('catalog.name'), dataIndex: 'name' },
              { key: 'count', title: t('catalog.products.title'), width: 140, render: (_, c) => <Link to={`/products?f=${encodeURIComponent(`categoryId:eq:${c.id}`)}`}>{t('catalog.categories.productCount', { count: c.productCount })}</Link> },
              ...(mayManage
                ? [
                    {
                      key: 'actions',
                      width: 120,
                      render: (_: unknown, c: Row) => (
                        <Flex gap={4}>
                          <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('catalog.categories.rename')} onClick={() => setEditing(c)} />
                          <Popconfirm
                            title={t('catalog.categories.deleteConfirm', { name: c.name })}
                            description={t('catalog.categories.deleteText')}
                            okButtonProps={{ danger: true } as ButtonProps}
                            onConfirm={() => remove.mutate(c.id)}
                          >
                            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                          </Popconfirm>
                        </Flex>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <CategoryFormModal
        open={editing !== null}
        category={editing && editing !== 'new' ? editing : undefined}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(t('common.saved'));
          changed();
        }}
      />
    </>
  );
}
