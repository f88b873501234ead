import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { quoteNumber } from '../../../../contracts/quotes';
import { api } from '../../../app/api';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FormAlert } from '../../../ui/FormAlert';
import type { Quote, QuoteSummary } from './types';

interface Values {
  to?: string;
  subject?: string;
  message?: string;
}

/** E-mails a quote's PDF; empty fields take the contact's address and the cover letter in the quote's language. */
export function SendQuoteModal({ quote, onClose, onSent }: { quote: QuoteSummary | null; onClose: () => void; onSent: (quote: Quote) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: Values) =>
      api.post<Quote>(`/quotes/${quote!.id}/send`, {
        ...(values.to?.trim() ? { to: values.to.trim() } : {}),
        ...(values.subject?.trim() ? { subject: values.subject.trim() } : {}),
        ...(values.message?.trim() ? { message: values.message } : {}),
      }),
    (sent) => {
      form.resetFields();
      onSent(sent);
    },
  );
  return (
    <Modal
      open={quote !== null}
      title={quote ? t('quotes.sendTitle', { number: quoteNumber(quote.number) }) : ''}
      okText={t('quotes.send')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        reset();
        onClose();
      }}
      okButtonProps={{ loading: pending, 'data-testid': 'quote-send-submit' } as ButtonProps}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="to" label={t('quotes.to')} rules={[{ type: 'email' }]}>
          <Input placeholder={t('quotes.fields.contact')} />
        </Form.Item>
        <Form.Item name="subject" label={t('quotes.subject')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="message" label={t('quotes.message')}>
          <Input.TextArea rows={5} placeholder={t('quotes.messagePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
