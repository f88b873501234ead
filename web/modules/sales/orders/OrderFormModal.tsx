import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Modal, Row, Segmented, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { RecordSelect } from '../../../app/RecordSelect';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FormAlert } from '../../../ui/FormAlert';
import { currencyDigits } from '../../../../contracts/catalog';
import { useCurrentSession } from '../../../app/useCurrentSession';
import type { OrderWithLines } from './types';

interface LineValues {
  productId?: string;
  quantity?: number;
  /** In major units as typed; empty: the catalog's price. */
  unitPrice?: number | null;
  discountPercent?: number | null;
}
interface OrderValues {
  accountId?: string | null;
  contactId?: string | null;
  notes?: string;
  lines: LineValues[];
}

interface OrderFormModalProps {
  open: boolean;
  /** The customer (and deal) the order is for, when it is made from their page. */
  accountId?: string | null;
  contactId?: string | null;
  opportunityId?: string | null;
  onClose: () => void;
  onSaved: (order: OrderWithLines) => void;
}

/** A new draft order: its customer and products; prices left empty come from the catalog. */
export function OrderFormModal({ open, accountId, contactId, opportunityId, onClose, onSaved }: OrderFormModalProps) {
  const { t } = useTranslation();
  const currency = useCurrentSession().workspace.defaultCurrency;
  const scale = 10 ** currencyDigits(currency);
  const [form] = Form.useForm<OrderValues>();
  const [kind, setKind] = useState<'account' | 'contact'>(contactId && !accountId ? 'contact' : 'account');
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: OrderValues) =>
      api.post<OrderWithLines>('/orders', {
        ...(values.accountId ? { accountId: values.accountId } : {}),
        ...(values.contactId ? { contactId: values.contactId } : {}),
        ...(opportunityId ? { opportunityId } : {}),
        ...(values.notes?.trim() ? { notes: values.notes.trim() } : {}),
        lines: values.lines
          .filter((l) => l.productId)
          .map((l) => ({
            productId: l.productId!,
            quantity: l.quantity ?? 1,
            ...(l.unitPrice !== null && l.unitPrice !== undefined ? { unitPrice: Math.round(l.unitPrice * scale) } : {}),
            ...(l.discountPercent ? { discountPercent: l.discountPercent } : {}),
          })),
      }),
    onSaved,
  );
  const fixedCustomer = Boolean(accountId || contactId);

  return (
    <Modal
      open={open}
      width={760}
      title={t('orders.add')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, 'data-testid': 'order-submit' } as ButtonProps}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={submit} initialValues={{ accountId, contactId, lines: [{ quantity: 1 }] }}>
        {!fixedCustomer && (
          <Segmented
            value={kind}
            onChange={(value) => {
              setKind(value as 'account' | 'contact');
              form.setFieldsValue({ accountId: null, contactId: null });
            }}
            options={[
              { value: 'account', label: t('orders.fields.account') },
              { value: 'contact', label: t('orders.fields.contact') },
            ]}
            style={{ marginBottom: 12 }}
          />
        )}
        {kind === 'account' ? (
          <Form.Item name="accountId" label={t('orders.fields.account')} rules={[{ required: true }]} hidden={fixedCustomer}>
            <RecordSelect path="/accounts" testId="order-account" />
          </Form.Item>
        ) : (
          <Form.Item name="contactId" label={t('orders.fields.contact')} rules={[{ required: true }]} hidden={fixedCustomer}>
            <RecordSelect path="/contacts" testId="order-contact" />
          </Form.Item>
        )}
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8} align="bottom">
                  <Col xs={24} md={10}>
                    <Form.Item name={[field.name, 'productId']} label={index === 0 ? t('orders.fields.product') : undefined} rules={[{ required: true }]}>
                      <RecordSelect path="/products" testId="order-line-product" />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={4}>
                    <Form.Item name={[field.name, 'quantity']} label={index === 0 ? t('orders.fields.quantity') : undefined} rules={[{ required: true }]}>
                      <InputNumber min={0.001} max={1e9} style={{ width: '100%' }} data-testid="order-line-quantity" />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={5}>
                    <Form.Item name={[field.name, 'unitPrice']} label={index === 0 ? t('orders.fields.unitPrice') : undefined}>
                      <InputNumber min={0} style={{ width: '100%' }} placeholder={t('orders.catalogPrice')} />
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={4}>
                    <Form.Item name={[field.name, 'discountPercent']} label={index === 0 ? t('orders.fields.discountPercent') : undefined}>
                      <InputNumber min={0} max={100} style={{ width: '100%' }} suffix="%" />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={1}>
                    <Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} aria-label={t('orders.removeLine')} disabled={fields.length === 1} onClick={() => remove(field.name)} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} block style={{ marginBottom: 16 }}>
                {t('orders.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="notes" label={t('orders.fields.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
