import { ApartmentOutlined, DeleteOutlined, DollarOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../app/useCan';
import { useFormat } from '../../app/useFormat';
import { RecordList } from '../../ui/lists/RecordList';
import { RecycleBinDrawer, type DeletedRecord } from '../../ui/lists/RecycleBinDrawer';
import { PageHeader } from '../../ui/PageHeader';
import { ImportProductsModal } from './ImportProductsModal';
import { ProductFormModal } from './ProductFormModal';
import { productListConfig } from './productListConfig';
import type { Product } from './types';
import { useCatalogChanged } from './useCatalogChanged';

/** /products: the catalog, with filters, saved views and columns in the URL; categories and price books one click away. */
export function Products() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mayManage = useCan('catalog.manage');
  const changed = useCatalogChanged();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [binOpen, setBinOpen] = useState(false);
  const format = useFormat();

  const onCreated = (product: Product) => {
    setCreating(false);
    message.success(t('catalog.products.created', { name: product.name }));
    changed();
    void navigate(`/products/${product.id}`);
  };

  const addButton = mayManage && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="product-add">
      {t('catalog.products.add')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('catalog.products.title')}
        subtitle={t('catalog.products.subtitle')}
        extra={
          <>
            <Link to="/products/categories">
              <Button icon={<ApartmentOutlined />} data-testid="categories-open">
                {t('catalog.categories.open')}
              </Button>
            </Link>
            <Link to="/price-books">
              <Button icon={<DollarOutlined />} data-testid="price-books-open">
                {t('catalog.priceBooks.open')}
              </Button>
            </Link>
            {mayManage && (
              <Button icon={<DeleteOutlined />} onClick={() => setBinOpen(true)} data-testid="products-recycle-bin-open">
                {t('catalog.recycleBin.open')}
              </Button>
            )}
            {mayManage && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="products-import-open">
                {t('catalog.import.open')}
              </Button>
            )}
            {addButton}
          </>
        }
      />
      <RecordList config={productListConfig} emptyAction={addButton} />
      <ProductFormModal open={creating} onClose={() => setCreating(false)} onSaved={onCreated} />
      <ImportProductsModal open={importing} onClose={() => setImporting(false)} />
      <RecycleBinDrawer<Product & DeletedRecord>
        open={binOpen}
        onClose={() => setBinOpen(false)}
        path="/products"
        texts={{ title: 'catalog.recycleBin.title', empty: 'catalog.recycleBin.empty', restored: 'catalog.recycleBin.restored' }}
        describe={(product) => t('catalog.recycleBin.deletedAt', { sku: product.sku, at: format.dateTime(product.deletedAt) })}
        onRestored={changed}
        testId="products-recycle-bin"
      />
    </>
  );
}
