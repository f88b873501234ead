import { Tag } from 'antd';
import { Trans } from 'react-i18next';
import type { ListConfig } from '../../ui/lists/listConfig';
import { ListPrice } from './ListPrice';
import type { Product } from './types';

/** The products list (/products): what RecordList needs to know beyond the API. Products have no owner. */
export const productListConfig: ListConfig<Product> = {
  objectType: 'products',
  path: '/products',
  testIdPrefix: 'products',
  recordUrl: (row) => `/products/${row.id}`,
  defaultSort: 'name',
  ownerless: true,
  textFields: [
    { value: 'name', labelKey: 'fields.productName' },
    { value: 'sku', labelKey: 'fields.sku' },
    { value: 'unit', labelKey: 'fields.unit' },
  ],
  fields: {
    name: { labelKey: 'fields.productName' },
    active: { labelKey: 'fields.active' },
    categoryId: { labelKey: 'fields.categoryId' },
  },
  columns: [
    { key: 'name', titleKey: 'fields.productName', width: 240 },
    { key: 'sku', width: 160 },
    { key: 'categoryName', titleKey: 'fields.category', width: 140, render: (row) => row.categoryName ?? '' },
    { key: 'listPrices', titleKey: 'catalog.products.listPrice', width: 180, render: (row) => <ListPrice prices={row.listPrices} /> },
    { key: 'unit', width: 90 },
    {
      key: 'active',
      width: 90,
      render: (row) => <Tag color={row.active ? 'green' : 'default'}>{row.active ? <Trans i18nKey="catalog.active" /> : <Trans i18nKey="catalog.inactive" />}</Tag>,
    },
    { key: 'warrantyMonths', width: 130, shown: false },
    { key: 'createdAt', width: 130, shown: false },
    { key: 'updatedAt', width: 130, shown: false },
  ],
  kanbanFields: [],
  bulkFields: [],
  cardSubtitle: (row) => [row.sku, row.categoryName].filter(Boolean).join(' · '),
  texts: { emptyTitle: 'catalog.products.empty.title', emptyText: 'catalog.products.empty.text', noMatchTitle: 'catalog.products.noMatch.title', noMatchText: 'catalog.products.noMatch.text' },
};
