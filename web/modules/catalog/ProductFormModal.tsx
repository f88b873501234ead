import { AutoComplete, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, TreeSelect, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { amountText, COMMON_UNITS, parseAmount } from '../../../contracts/catalog';
import { api } from '../../app/api';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
// The sales module's custom-field inputs serve any object's form.
import { CustomFieldItems } from '../sales/CustomFieldItems';
import type { Product } from './types';
import { categoryTree, useCategories } from './useCategories';

interface ProductFormModalProps {
  open: boolean;
  /** The product to change; without it the form creates a new one. */
  product?: Product;
  onClose: () => void;
  onSaved: (product: Product) => void;
}

interface ProductValues {
  name: string;
  sku: string;
  categoryId?: string | null;
  unit?: string;
  warrantyMonths?: number | null;
  active: boolean;
  description?: string;
  currency: string;
  price?: string;
  custom?: Record<string, unknown>;
}

export const CURRENCIES = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'JPY', 'SGD', 'GBP'];

/** Create or change a product, with its list price in one currency: one form for both. */
export function ProductFormModal({ open, product, onClose, onSaved }: ProductFormModalProps) {
  const { t } = useTranslation();
  const { workspace } = useCurrentSession();
  const categories = useCategories();
  const [form] = Form.useForm<ProductValues>();
  const currency = Form.useWatch('currency', form) ?? workspace.defaultCurrency;
  const listPrice = (c: string) => product?.listPrices.find((p) => p.currency === c);

  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: ProductValues) => {
      const fields = {
        name: values.name,
        sku: values.sku,
        categoryId: values.categoryId ?? null,
        unit: values.unit?.trim() || null,
        warrantyMonths: values.warrantyMonths ?? null,
        active: values.active,
        description: values.description?.trim() || null,
        ...(values.custom ? { custom: values.custom } : {}),
      };
      const unitPrice = values.price?.trim() ? parseAmount(values.price, values.currency) : null;
      const price = unitPrice !== null && unitPrice !== listPrice(values.currency)?.unitPrice ? { listPrices: [{ currency: values.currency, unitPrice }] } : {};
      return product ? api.patch<Product>(`/products/${product.id}`, { ...fields, ...price }) : api.post<Product>('/products', { ...fields, ...price });
    },
    onSaved,
  );

  const first = product ? (listPrice(workspace.defaultCurrency) ?? product.listPrices[0]) : undefined;
  const startValues: Partial<ProductValues> = product
    ? {
        name: product.name,
        sku: product.sku,
        categoryId: product.categoryId,
        unit: product.unit ?? undefined,
        warrantyMonths: product.warrantyMonths,
        active: product.active,
        description: product.description ?? undefined,
        currency: first?.currency ?? workspace.defaultCurrency,
        price: first ? amountText(first.unitPrice, first.currency) : undefined,
        custom: product.custom,
      }
    : { active: true, currency: workspace.defaultCurrency };

  return (
    <Modal
      open={open}
      width={680}
      title={product ? t('catalog.products.edit') : t('catalog.products.add')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, 'data-testid': 'product-submit' } as ButtonProps}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        initialValues={startValues}
        onValuesChange={(changed: Partial<ProductValues>) => {
          // Another currency shows that currency's list price, if the product has one.
          if (changed.currency) form.setFieldValue('price', listPrice(changed.currency) ? amountText(listPrice(changed.currency)!.unitPrice, changed.currency) : undefined);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('catalog.name')} rules={[{ required: true, whitespace: true }]}>
              <Input name="name" autoFocus maxLength={200} data-testid="product-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="sku" label={t('fields.sku')} rules={[{ required: true, whitespace: true }]}>
              <Input name="sku" maxLength={64} data-testid="product-sku" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="categoryId" label={t('fields.categoryId')}>
              <TreeSelect allowClear treeDefaultExpandAll loading={categories.isPending} treeData={categoryTree(categories.data ?? [])} data-testid="product-category" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="unit" label={t('fields.unit')}>
              <AutoComplete options={COMMON_UNITS.map((u) => ({ value: t(`catalog.units.${u}`) }))} maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="warrantyMonths" label={t('fields.warrantyMonths')}>
              <InputNumber min={0} max={1200} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label={t('catalog.products.listPrice')} extra={t('catalog.products.listPriceHelp')}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="currency" noStyle>
                  <Select style={{ width: 100 }} options={[...new Set([workspace.defaultCurrency, ...CURRENCIES])].map((c) => ({ value: c, label: c }))} data-testid="product-currency" />
                </Form.Item>
                <Form.Item
                  name="price"
                  noStyle
                  rules={[{ validator: async (_, value?: string) => (!value?.trim() || parseAmount(value, currency) !== null ? undefined : Promise.reject(new Error(t('validation.invalid', { field: t('fields.price') })))) }]}
                >
                  <Input inputMode="decimal" placeholder="0.00" data-testid="product-price" />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="active" label={t('fields.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('fields.description')}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          </Col>
          <CustomFieldItems objectType="products" />
        </Row>
      </Form>
    </Modal>
  );
}
