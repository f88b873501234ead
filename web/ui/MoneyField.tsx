import { Form, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { currencyDigits } from './format';

/** The currencies offered for money fields. */
export const CURRENCIES = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'JPY', 'SGD', 'GBP'];

interface MoneyFieldProps {
  label: string;
  /** The form field of the amount, in major units (yuan, dollars) of the currency. */
  amountName: string;
  /** The form field of the currency. */
  currencyName?: string;
  /** The currency while none is chosen (the workspace's). */
  fallbackCurrency: string;
  testId?: string;
}

/** A form item for money: the currency, then the amount with the currency's decimals and thousands separators. */
export function MoneyField({ label, amountName, currencyName = 'currency', fallbackCurrency, testId }: MoneyFieldProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const currency = (Form.useWatch(currencyName, form) as string | undefined) || fallbackCurrency;
  return (
    <Form.Item label={label}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name={currencyName} noStyle>
          <Select style={{ width: 100 }} aria-label={t('fields.currency')} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name={amountName} noStyle>
          <InputNumber<number>
            min={0}
            style={{ width: '100%' }}
            aria-label={label}
            data-testid={testId}
            precision={currencyDigits(currency)}
            formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','))}
            parser={(v) => Number((v ?? '').replace(/,/g, ''))}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}
