import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { quoteAmounts } from '../../../../contracts/quote-math';
import { quoteNumber } from '../../../../contracts/quotes';
import { LOCALES, type Locale } from '../../../../contracts/roles';
import { api } from '../../../app/api';
import { RecordSelect } from '../../../app/RecordSelect';
import { useFormat } from '../../../app/useFormat';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FormAlert } from '../../../ui/FormAlert';
import type { Quote, QuoteBody } from './types';
import { useQuoteSettings } from './useQuotes';

interface LineValues {
  productId?: string;
  quantity?: number;
  unitPrice?: number | null;
  discountPercent?: number;
  taxRate?: number | null;
}
interface Values {
  language: Locale;
  currency: string;
  validUntil: Dayjs;
  discountPercent: number;
  taxRate: number;
  terms?: string | null;
  notes?: string | null;
  lines: LineValues[];
}

interface QuoteEditorProps {
  /** Creating: the deal; editing: the quote. */
  dealId: string;
  currency: string;
  quote: Quote | null;
  open: boolean;
  onClose: () => void;
  onSaved: (quote: Quote) => void;
}

/** Minor units ↔ the major units people type (yuan, dollars), for the currency's decimals. */
const digitsOf = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** One form to write a new quote or change a draft: lines from the catalog, discounts, tax, totals as you type. */
export function QuoteEditor({ dealId, currency, quote, open, onClose, onSaved }: QuoteEditorProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = useQuoteSettings();
  const [form] = Form.useForm<Values>();
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const currencyNow = watched?.currency ?? quote?.currency ?? currency;
  const scale = 10 ** digitsOf(currencyNow);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      quote
        ? {
            language: quote.language,
            currency: quote.currency,
            validUntil: dayjs(quote.validUntil),
            discountPercent: Number(quote.discountPercent),
            taxRate: Number(quote.taxRate),
            terms: quote.terms,
            notes: quote.notes,
            lines: quote.lines.map((l) => ({ productId: l.productId, quantity: Number(l.quantity), unitPrice: l.unitPrice / scale, discountPercent: Number(l.discountPercent), taxRate: l.taxRate === null ? null : Number(l.taxRate) })),
          }
        : { currency, discountPercent: 0, taxRate: Number(settings.data?.defaultTaxRate ?? 0), validUntil: dayjs().add(settings.data?.validityDays ?? 30, 'day'), lines: [] },
    );
    // Open and the quote decide what the form starts from (settings only fill a new one's defaults).
  }, [open, quote]);

  // Lines still being filled in count as nothing, so each row's amount stays at its index.
  const amounts = quoteAmounts(
    (watched?.lines ?? []).map((l) => ({ quantity: l?.productId ? (l.quantity ?? 0) : 0, unitPrice: Math.round((l?.unitPrice ?? 0) * scale), listPrice: null, discountPercent: l?.discountPercent ?? 0, taxRate: l?.taxRate ?? null })),
    { discountPercent: watched?.discountPercent ?? 0, taxRate: watched?.taxRate ?? 0 },
  );
  const threshold = Number(settings.data?.approvalThresholdPercent ?? 100);

  /** A product picked: its price in the quote's currency from the catalog, editable. */
  const priceProduct = async (index: number, productId: string | null) => {
    if (!productId) return;
    const product = await api.get<{ listPrices: { currency: string; unitPrice: number; isDefault: boolean }[] }>(`/products/${productId}`);
    const price = product.listPrices.find((p) => p.currency === currencyNow && p.isDefault) ?? product.listPrices.find((p) => p.currency === currencyNow);
    const next = [...(form.getFieldValue('lines') as LineValues[])];
    next[index] = { ...next[index], productId, quantity: next[index]?.quantity ?? 1, unitPrice: price ? price.unitPrice / scale : null };
    form.setFieldValue('lines', next);
  };

  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: Values) => {
      const body: QuoteBody = {
        language: values.language,
        currency: values.currency,
        validUntil: values.validUntil.format('YYYY-MM-DD'),
        discountPercent: values.discountPercent ?? 0,
        taxRate: values.taxRate ?? 0,
        terms: values.terms?.trim() || null,
        notes: values.notes?.trim() || null,
        lines: (values.lines ?? [])
          .filter((l) => l.productId)
          .map((l) => ({
            productId: l.productId!,
            quantity: l.quantity ?? 1,
            unitPrice: l.unitPrice === null || l.unitPrice === undefined ? null : Math.round(l.unitPrice * scale),
            discountPercent: l.discountPercent ?? 0,
            taxRate: l.taxRate ?? null,
          })),
      };
      return quote ? api.patch<Quote>(`/quotes/${quote.id}`, body) : api.post<Quote>(`/opportunities/${dealId}/quotes`, body);
    },
    onSaved,
  );

  return (
    <Modal
      open={open}
      width={980}
      title={quote ? t('quotes.edit', { number: quoteNumber(quote.number) }) : t('quotes.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={pending}
      onCancel={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'quote-save' } as ButtonProps}
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="quote-editor">
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="language" label={t('quotes.fields.language')}>
              <Select options={LOCALES.map((value) => ({ value, label: t(`quotes.languages.${value}`) }))} allowClear placeholder={t('quotes.languages.zh-CN')} data-testid="quote-language" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="currency" label={t('quotes.fields.currency')} rules={[{ required: true, pattern: /^[A-Z]{3}$/ }]}>
              <Input maxLength={3} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="validUntil" label={t('quotes.fields.validUntil')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="discountPercent" label={t('quotes.fields.discountPercent')}>
              <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} data-testid="quote-discount" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="taxRate" label={t('quotes.fields.taxRate')}>
              <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && <Typography.Paragraph type="secondary">{t('quotes.noLines')}</Typography.Paragraph>}
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} align="middle" data-testid="quote-line">
                  <Col flex="auto">
                    <Form.Item name={[field.name, 'productId']} label={index === 0 ? t('quotes.fields.product') : undefined} rules={[{ required: true }]}>
                      <RecordSelect path="/products" onChange={(id) => void priceProduct(index, id)} testId="quote-line-product" />
                    </Form.Item>
                  </Col>
                  <Col flex="90px">
                    <Form.Item name={[field.name, 'quantity']} label={index === 0 ? t('quotes.fields.quantity') : undefined} rules={[{ required: true }]}>
                      <InputNumber min={0.001} precision={3} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="120px">
                    <Form.Item name={[field.name, 'unitPrice']} label={index === 0 ? t('quotes.fields.unitPrice') : undefined}>
                      <InputNumber min={0} precision={digitsOf(currencyNow)} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="90px">
                    <Form.Item name={[field.name, 'discountPercent']} label={index === 0 ? t('quotes.fields.lineDiscount') : undefined}>
                      <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="90px">
                    <Form.Item name={[field.name, 'taxRate']} label={index === 0 ? t('quotes.fields.lineTax') : undefined}>
                      <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} placeholder={String(watched?.taxRate ?? '')} />
                    </Form.Item>
                  </Col>
                  <Col flex="110px" style={{ textAlign: 'right', paddingTop: index === 0 ? 6 : 0 }}>
                    <Typography.Text>{format.money(amounts.lines[index]?.total ?? 0, currencyNow)}</Typography.Text>
                  </Col>
                  <Col flex="32px">
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1, discountPercent: 0 })} data-testid="quote-add-line">
                {t('quotes.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Descriptions size="small" column={{ xs: 2, md: 4 }} style={{ marginTop: 16 }} data-testid="quote-totals">
          <Descriptions.Item label={t('quotes.fields.subtotal')}>{format.money(amounts.subtotal, currencyNow)}</Descriptions.Item>
          <Descriptions.Item label={t('quotes.fields.discount')}>{format.money(amounts.discount, currencyNow)}</Descriptions.Item>
          <Descriptions.Item label={t('quotes.fields.tax')}>{format.money(amounts.tax, currencyNow)}</Descriptions.Item>
          <Descriptions.Item label={t('quotes.fields.total')}>
            <strong data-testid="quote-total">{format.money(amounts.total, currencyNow)}</strong>
          </Descriptions.Item>
        </Descriptions>
        {amounts.effectiveDiscountPercent > threshold && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('quotes.needsApproval', { threshold })} />}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="terms" label={t('quotes.fields.terms')}>
              <Input.TextArea rows={3} maxLength={10000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="notes" label={t('quotes.fields.notes')}>
              <Input.TextArea rows={3} maxLength={10000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
