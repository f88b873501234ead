import { Col, Form, Input, Modal, Row, Select, Switch, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRICE_BOOK_KINDS } from '../../../contracts/catalog';
import { api } from '../../app/api';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { CURRENCIES } from './ProductFormModal';
import type { PriceBook } from './types';

type PriceBookValues = Omit<PriceBook, 'id'>;

/** Add or change a price book: one form for both. */
export function PriceBookFormModal({ open, book, onClose, onSaved }: { open: boolean; book?: PriceBook; onClose: () => void; onSaved: (book: PriceBook) => void }) {
  const { t } = useTranslation();
  const { workspace } = useCurrentSession();
  const [form] = Form.useForm<PriceBookValues>();
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: PriceBookValues) => {
      const body = { ...values, description: values.description?.trim() || null };
      return book ? api.patch<PriceBook>(`/price-books/${book.id}`, body) : api.post<PriceBook>('/price-books', body);
    },
    onSaved,
  );
  return (
    <Modal
      open={open}
      title={book ? t('catalog.priceBooks.edit') : t('catalog.priceBooks.add')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, 'data-testid': 'price-book-submit' } as ButtonProps}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={submit} initialValues={book ?? { kind: 'retail', currency: workspace.defaultCurrency, active: true }}>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="name" label={t('catalog.name')} rules={[{ required: true, whitespace: true }]}>
              <Input autoFocus maxLength={200} data-testid="price-book-name" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="kind" label={t('fields.kind')}>
              <Select options={PRICE_BOOK_KINDS.map((k) => ({ value: k, label: t(`catalog.priceBooks.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="currency" label={t('fields.currency')}>
              <Select showSearch options={[...new Set([workspace.defaultCurrency, ...CURRENCIES])].map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="isDefault" label={t('catalog.priceBooks.default')} tooltip={t('catalog.priceBooks.defaultHelp')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="active" label={t('fields.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('fields.description')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
